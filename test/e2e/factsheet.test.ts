// At a glance and fact sheets in a real Chromium against the real app (seed graph, in-memory LadybugDB): the details
// panel opens with who is responsible, who executes, who takes part and which life events, each with its evidence
// (source by name, page, verbatim quote) one key press away; the «Faktaark» link gives a clean permalink that keeps the
// year and the language; and the fact sheet of the largest initiative, life event, agency and focus area (the most
// relationships, found through the API) prints to exactly one A4 page — printed to PDF by Chromium and its pages
// counted — with no navigation and no buttons on paper. A synthetic initiative far larger than any in the data shows
// the sheet cutting its lists to fit («og N til») rather than spilling onto a second page. Every state is checked
// with axe-core (WCAG 2.1 A/AA, serious and critical); screenshots at 1440 and 390 wide, the PDFs and a picture of
// each PDF's page (Chromium's own PDF viewer) go to test-results/screenshots/.
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { Dataset } from '../../graph/schema/dataset.js';
import { formatViolations, param, runAxe, screenshot, SCREENSHOT_DIR, seedDataset, settle } from './support.js';
import { useBrowserSession } from './session.js';

const enabled = Boolean(process.env['STRATEGIGRAF_TEST_CHROMIUM']);

const WIDE = { width: 1440, height: 1000 };
const NARROW = { width: 390, height: 844 };

/**
 * The pages of a PDF as Chromium writes it: its page objects (`/Type /Page`, not the `/Pages` tree above them), which
 * must agree with the page tree's own `/Count`. Chromium writes these dictionaries uncompressed.
 */
function pdfPageCount(pdf: Buffer): number {
  const text = pdf.toString('latin1');
  const pages = (text.match(/\/Type\s*\/Page(?![A-Za-z])/g) ?? []).length;
  const counts = [...text.matchAll(/\/Type\s*\/Pages\b[^>]*?\/Count\s+(\d+)|\/Count\s+(\d+)[^>]*?\/Type\s*\/Pages\b/g)].map((m) => Number(m[1] ?? m[2]));
  if (counts.length > 0 && Math.max(...counts) !== pages) throw new Error(`the PDF has ${pages} page objects but its page tree counts ${Math.max(...counts)}`);
  return pages;
}

const flat = (text: string | null) => (text ?? '').replace(/\s+/g, ' ').trim();

interface ApiNode {
  id: string;
  kind: string;
  name: string;
  nameEn?: string;
  degree?: Record<string, { in: number; out: number }>;
}
interface ApiEdge {
  id: string;
  type: string;
  from: string;
  to: string;
  properties: { source: string; page: number | null; quote: string | null; basis: string };
}

describe.runIf(enabled)('at a glance and fact sheets in Chromium', { timeout: 120_000 }, () => {
  const browser = useBrowserSession();
  const open = browser.open;
  const api = async <T>(route: string): Promise<T> => {
    const res = await fetch(`${browser.session.app.url}${route}`);
    expect(res.status, route).toBe(200);
    return (await res.json()) as T;
  };
  const panel = (page: Page) => page.getByTestId('details-panel');

  async function expectNoAxeViolations(page: Page): Promise<void> {
    expect(formatViolations(await runAxe(page)), `axe on ${page.url()}`).toBe('');
  }

  /** An element on its own, whole: the scroll boxes around it (the details panel's) let out to its content for the picture. */
  async function wholeShot(page: Page, element: ReturnType<Page['getByTestId']>, name: string): Promise<void> {
    await element.evaluate((node) => {
      for (let at: HTMLElement | null = node as HTMLElement; at && at !== document.body; at = at.parentElement) {
        if (getComputedStyle(at).overflowY !== 'visible') Object.assign(at.style, { maxHeight: 'none', overflow: 'visible' });
      }
    });
    await settle(page);
    await element.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}.png`) });
  }

  /** The node of `kind` with the most relationships (ties: the first id), found through the API as a reader would. */
  async function largest(kind: string): Promise<ApiNode & { relationships: number }> {
    const list = await api<{ items: ApiNode[] }>(`/api/nodes?kind=${kind}&limit=500`);
    const counted = await Promise.all(
      list.items.map(async (n) => {
        const detail = await api<ApiNode>(`/api/nodes/${encodeURIComponent(n.id)}`);
        return { ...detail, relationships: Object.values(detail.degree ?? {}).reduce((sum, d) => sum + d.in + d.out, 0) };
      }),
    );
    counted.sort((a, b) => b.relationships - a.relationships || a.id.localeCompare(b.id));
    return counted[0]!;
  }

  /** The name of a source as the data's years give it. */
  async function sourceNames(): Promise<Map<string, string>> {
    const years = await api<{ items: { sources: { id: string; name: string }[] }[] }>('/api/years');
    return new Map(years.items.flatMap((y) => y.sources.map((s): [string, string] => [s.id, s.name])));
  }

  async function neighbourhood(id: string): Promise<{ nodes: ApiNode[]; edges: ApiEdge[] }> {
    return api(`/api/nodes/${encodeURIComponent(id)}/neighbors?depth=1&limit=500`);
  }

  /** Explore with a node selected and its glance loaded. */
  async function explore(id: string, viewport = WIDE, extra = ''): Promise<Page> {
    const page = await open(`/?view=explore&node=${encodeURIComponent(id)}&expanded=${encodeURIComponent(id)}${extra}`, viewport);
    await panel(page).getByTestId('at-a-glance').waitFor();
    return page;
  }

  /** A fact sheet, with its milestones and status records loaded and its fit settled. */
  async function sheet(id: string, viewport = WIDE, extra = ''): Promise<Page> {
    const page = await open(`/?view=sheet&node=${encodeURIComponent(id)}${extra}`, viewport);
    const article = page.getByTestId('fact-sheet');
    await article.waitFor();
    await expect.poll(() => page.getByTestId('sheet-milestones').textContent()).not.toMatch(/Laster|Loading/);
    await settle(page);
    return page;
  }

  /** Prints the page to an A4 PDF as Chromium does, keeps it and a picture of its first page, and counts its pages. */
  async function printed(page: Page, name: string): Promise<number> {
    const pdf = await page.pdf({ format: 'A4', printBackground: true });
    const file = path.join(SCREENSHOT_DIR, `${name}.pdf`);
    await writeFile(file, pdf);
    // Chromium's own PDF viewer draws the page: a picture of what the printer gets.
    const viewer = await browser.session.browser.newPage({ viewport: { width: 794, height: 1123 } });
    try {
      await viewer.goto(`file://${file}#toolbar=0&navpanes=0&view=Fit`);
      await viewer.waitForTimeout(1500);
      await viewer.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}-pdf-page1.png`) });
    } finally {
      await viewer.close();
    }
    return pdfPageCount(pdf);
  }

  it('opens the details panel with responsible ministry and executing agency, and their evidence one key press away', async () => {
    const id = 'ressurssenter-deling-av-data';
    const hood = await neighbourhood(id);
    const names = new Map(hood.nodes.map((n) => [n.id, n.name]));
    const sources = await sourceNames();
    const leads = hood.edges.find((e) => e.type === 'LEADS' && e.to === id)!;
    const responsible = hood.edges.find((e) => e.type === 'RESPONSIBLE_FOR' && e.to === id)!;

    const page = await explore(id);
    const glance = panel(page).getByTestId('at-a-glance');
    expect(flat(await glance.getByTestId('glance-responsible').locator('dd').getByTestId('glance-item').first().innerText())).toContain(
      names.get(responsible.from)!,
    );
    expect(flat(await glance.getByTestId('glance-executing').innerText())).toContain(names.get(leads.from)!);
    expect(flat(await glance.getByTestId('glance-focusArea').innerText())).toContain(
      names.get(hood.edges.find((e) => e.type === 'PART_OF' && e.from === id)!.to)!,
    );
    // At the top: above the node's properties and its neighbours.
    const [glanceBox, propsBox] = await Promise.all([glance.boundingBox(), panel(page).getByTestId('node-facts').boundingBox()]);
    expect(glanceBox!.y).toBeLessThan(propsBox!.y);

    // The keyboard: from the agency's name, Tab reaches its «Kilde» button; Enter opens the evidence, Space closes it.
    const executing = glance.getByTestId('glance-executing').getByTestId('glance-item').first();
    const toggle = executing.getByTestId('glance-evidence-toggle');
    const evidence = executing.getByTestId('glance-evidence');
    expect(await evidence.isVisible()).toBe(false);
    await executing.getByRole('button', { name: names.get(leads.from)!, exact: true }).focus();
    await page.keyboard.press('Tab');
    expect(await toggle.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');
    await page.keyboard.press('Enter');
    await expect.poll(() => evidence.isVisible()).toBe(true);
    expect(await toggle.getAttribute('aria-expanded')).toBe('true');
    const said = flat(await evidence.innerText());
    expect(said).toContain(`«${leads.properties.quote!}»`);
    expect(said).toContain(`${sources.get(leads.properties.source)!}, s. ${leads.properties.page}`);
    expect(said).toContain('Uttalt');
    await expectNoAxeViolations(page);
    await page.keyboard.press('Space');
    await expect.poll(() => evidence.isVisible()).toBe(false);

    // The ministry's evidence: a web page without page numbers, named, not by its id.
    const ministry = glance.getByTestId('glance-responsible').getByTestId('glance-item').first();
    await ministry.getByTestId('glance-evidence-toggle').click();
    const ministryEvidence = flat(await ministry.getByTestId('glance-evidence').innerText());
    expect(ministryEvidence).toContain(`${sources.get(responsible.properties.source)!}, uten sidetall`);
    expect(ministryEvidence).toContain(`«${responsible.properties.quote!}»`);
    // No internal ids or raw field names in the block.
    const text = await glance.innerText();
    for (const raw of [id, responsible.properties.source, leads.properties.source, 'RESPONSIBLE_FOR', 'LEADS', 'PARTICIPATES_IN'])
      expect(text).not.toContain(raw);
    await screenshot(page, 'glance-panel-1440');
    await wholeShot(page, glance, 'glance-block-1440');
  });

  it('lists the life events an initiative serves and its executing agency; a life event names its ministry from the strategy', async () => {
    const id = 'sammenhengende-tjenester-prosjekt';
    const hood = await neighbourhood(id);
    const lifeEvents = hood.edges
      .filter((e) => e.type === 'SERVES' && e.from === id)
      .map((e) => hood.nodes.find((n) => n.id === e.to)!.name)
      .sort((a, b) => a.localeCompare(b, 'nb'));
    expect(lifeEvents.length).toBeGreaterThan(3);
    const page = await explore(id, NARROW);
    const glance = panel(page).getByTestId('at-a-glance');
    const shown = await glance
      .getByTestId('glance-lifeEvents')
      .getByTestId('glance-item')
      .evaluateAll((els) => els.map((el) => el.querySelector('button.link')!.textContent!.trim()));
    expect(shown).toEqual(lifeEvents);
    await wholeShot(page, glance, 'glance-block-390');
    expect(flat(await glance.getByTestId('glance-executing').innerText())).toContain('Digitaliseringsdirektoratet');
    // A role no source fills says so.
    expect(flat(await glance.getByTestId('glance-responsible').innerText())).toContain('Ikke oppgitt i kildene');
    // Selecting an item moves the panel to it.
    await glance.getByTestId('glance-lifeEvents').getByRole('button', { name: lifeEvents[0]!, exact: true }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => panel(page).locator('h2').first().textContent()).toBe(lifeEvents[0]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    await expectNoAxeViolations(page);
    await screenshot(page, 'glance-panel-390');

    // «Alvorlig sykt barn»: its ministry is stated in the strategy's list of life events, a reference named by its title.
    const child = await explore('livshendelse-alvorlig-sykt-barn');
    const ministry = panel(child).getByTestId('at-a-glance').getByTestId('glance-responsible').getByTestId('glance-item').first();
    expect(flat(await ministry.innerText())).toContain('Helse- og omsorgsdepartementet');
    await ministry.getByTestId('glance-evidence-toggle').click();
    await expect.poll(async () => flat(await ministry.getByTestId('glance-evidence').innerText())).toContain('De sju prioriterte livshendelsene');
    expect(await ministry.getByTestId('glance-evidence').innerText()).not.toContain('ref-livshendelser');
    // Open findings about the node, with their evidence.
    const findings = panel(child).getByTestId('glance-findings');
    const gaps = await api<{ findings: { subject: { id: string } }[] }>('/api/gaps?kind=LifeEvent&limit=5000');
    expect(await findings.getByTestId('glance-finding').count()).toBe(gaps.findings.filter((f) => f.subject.id === 'livshendelse-alvorlig-sykt-barn').length);
  });

  it('links the panel to the fact sheet: a clean permalink that keeps the year and the language', async () => {
    const id = 'ressurssenter-deling-av-data';
    const node = await api<ApiNode>(`/api/nodes/${id}`);
    const page = await explore(id, WIDE, '&lang=en&year=2021');
    const link = panel(page).getByTestId('fact-sheet-link');
    expect(await link.textContent()).toContain('Fact sheet');
    expect(new URL((await link.getAttribute('href'))!, browser.session.app.url).search).toBe(`?lang=en&node=${id}&view=sheet&year=2021`);
    await link.click();
    await page.getByTestId('fact-sheet').waitFor();
    expect(new URL(page.url()).search).toBe(`?lang=en&node=${id}&view=sheet&year=2021`);
    expect(await page.getByTestId('fact-sheet').locator('h1').textContent()).toBe(node.nameEn ?? node.name);
    expect(flat(await page.getByTestId('fact-sheet').locator('.eyebrow').textContent())).toContain('as of 2021');
    // As of 2021: no status from a later year.
    const years = await page.getByTestId('sheet-year').evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-year'))));
    expect(Math.max(...years)).toBeLessThanOrEqual(2021);
    // Back where we came from.
    await page.goBack();
    await expect.poll(() => param(page, 'view')).toBe('explore');
    await panel(page).getByTestId('at-a-glance').waitFor();
  });

  for (const kind of ['Initiative', 'LifeEvent', 'Agency', 'FocusArea'] as const) {
    it(`prints the fact sheet of the largest ${kind} to exactly one A4 page, without the app around it (1440 and 390 wide)`, async () => {
      const subject = await largest(kind);
      const slug = kind.toLowerCase();
      const page = await sheet(subject.id);
      const article = page.getByTestId('fact-sheet');
      expect(await article.locator('h1').textContent()).toBe(subject.name);
      await article.getByTestId('at-a-glance').waitFor();
      // Sources are numbered 1, 2, 3 … in the order the page cites them, and named, never by id.
      const numbers = await article.getByTestId('sheet-source').evaluateAll((els) => els.map((e) => e.querySelector('.n')!.textContent));
      expect(numbers).toEqual(numbers.map((_, i) => `[${i + 1}]`));
      // No ids: only the printed link (the footer) and the sources' own web addresses may hold them.
      const sources = await sourceNames();
      const sheetText = await article.evaluate((el) => {
        const copy = el.cloneNode(true) as HTMLElement;
        copy.querySelectorAll('.sheet-foot, .url').forEach((e) => e.remove());
        return copy.textContent ?? '';
      });
      for (const sourceId of sources.keys()) expect(sheetText).not.toContain(sourceId);
      expect(sheetText).not.toContain(subject.id);
      if (kind !== 'Agency') await article.getByTestId('sheet-status').waitFor();
      await expectNoAxeViolations(page);
      await screenshot(page, `factsheet-${slug}-1440`);

      // On paper: no header, navigation or buttons; one page.
      await page.emulateMedia({ media: 'print' });
      for (const chrome of ['header.top', '[data-testid="sheet-print"]', 'nav']) expect(await page.locator(chrome).first().isVisible()).toBe(false);
      await page.emulateMedia({ media: null }); // back to the default: page.pdf prints with print media only when none is emulated
      expect(await printed(page, `factsheet-${slug}`), `pages of the ${kind} fact sheet for ${subject.name}`).toBe(1);

      const narrow = await sheet(subject.id, NARROW);
      expect(await narrow.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
      await expectNoAxeViolations(narrow);
      await screenshot(narrow, `factsheet-${slug}-390`);
      // The same page prints from a phone.
      expect(await printed(narrow, `factsheet-${slug}-from-390`)).toBe(1);
    });
  }

  it('shows the respondent’s answers of the largest initiative, and speaks English', async () => {
    const subject = await largest('Initiative');
    const history = await api<{ statuses: { record: string; year: number }[] }>(`/api/history/${subject.id}`);
    const reports = await Promise.all(history.statuses.map((s) => api<ApiNode & { properties: Record<string, unknown> }>(`/api/nodes/${s.record}`)));
    const report = reports.reverse().find((r) => r.kind === 'StatusReport' && typeof r.properties['respondent'] === 'string');
    const page = await sheet(subject.id, WIDE, '&lang=en');
    if (report) {
      const answers = page.getByTestId('sheet-answers');
      expect(flat(await answers.innerText())).toContain(`Respondent ${String(report.properties['respondent'])}`);
      expect(await answers.locator('dt').allTextContents()).toEqual(expect.arrayContaining(['Success factors', 'Challenges']));
    }
    expect(await page.getByTestId('fact-sheet').locator('h2').allTextContents()).toEqual(
      expect.arrayContaining(['At a glance', 'Status year by year', 'Milestones', 'Open findings', 'Sources']),
    );
    expect(await page.evaluate(() => document.title)).toBe(`${subject.nameEn ?? subject.name} – Fact sheet – Strategigraf`);
  });

  it('says which kinds have fact sheets when the node is of another kind', async () => {
    const page = await open('/?view=sheet&node=erfaringsrapport-2020');
    await page.getByTestId('sheet-wrong-kind').waitFor();
    expect(await page.getByTestId('fact-sheet').count()).toBe(0);
  });
});

/**
 * The seeds and an initiative far larger than any in them: 30 participants, 7 life events, 20 milestones, a status
 * in five years and a report with long answers, so the sheet must cut its lists to stay on one page.
 */
async function withGiant(): Promise<Dataset> {
  const seeds = await seedDataset();
  const source = 'erfaringsrapport-2020';
  const long = (words: string) => `${words} `.repeat(12).trim();
  const agencies = Array.from({ length: 30 }, (_, i) => ({
    kind: 'Agency',
    id: `giant-agency-${i}`,
    name: `Direktoratet for stor deltakelse nummer ${i + 1}`,
    sector: 'state',
    source,
    page: 1,
  }));
  const milestones = Array.from({ length: 20 }, (_, i) => ({
    kind: 'Milestone',
    id: `giant-ms-${i}`,
    name: `Milepæl nummer ${i + 1} med et langt navn som tar plass på arket`,
    date: `${2020 + Math.floor(i / 5)}-0${(i % 5) + 1}`,
    occurrence: 'planned',
    source,
    page: 2,
  }));
  const lifeEvents = seeds.nodes.filter((n) => n.kind === 'LifeEvent').map((n) => n.id);
  const stated = (type: string, from: string, to: string, src = source) => ({
    type,
    from,
    to,
    source: src,
    page: 3,
    quote: long('Et langt sitat.'),
    basis: 'stated',
  });
  const yearly = [
    ['arsrapport-2021-handlingsplanen', 2021],
    ['arsrapport-2022-handlingsplanen', 2022],
    ['rdt-2024-maloppnaelse', 2024],
  ] as const;
  return Dataset.parse({
    ...seeds,
    nodes: [
      ...seeds.nodes,
      {
        kind: 'Initiative',
        id: 'giant',
        name: 'Et kjempestort initiativ med et navn som er så langt at det går over to linjer på et trykt faktaark',
        description: long('En lang beskrivelse som fyller mange linjer.'),
        category: 'action_plan',
        status: 'in_progress',
        source,
        page: 4,
      },
      ...agencies,
      ...milestones,
      {
        kind: 'StatusReport',
        id: 'giant-status-2020',
        name: 'Status 2020 – kjempen',
        source,
        page: 5,
        respondent: 'Navn Navnesen, Direktoratet for stor deltakelse nummer 1',
        status: 'in_progress',
        successFactors: long('Suksessfaktorer som tar mye plass.'),
        challenges: long('Utfordringer som tar mye plass.'),
        learnings: long('Læringspunkter som tar mye plass.'),
        nextTasks: long('Oppgaver som tar mye plass.'),
        complete: true,
      },
      ...yearly.map(([src, y]) => ({
        kind: 'StatusAssessment',
        id: `giant-vurdering-${y}`,
        name: `Kjempen ${y}`,
        source: src,
        progress: 'minor_delays',
        statusLabel: 'Noen utfordringer',
        description: long('En vurdering med mange ord.'),
      })),
    ],
    relationships: [
      ...seeds.relationships,
      stated('PART_OF', 'giant', 'sammenhengende-tjenester'),
      stated('LEADS', 'digdir', 'giant'),
      stated('RESPONSIBLE_FOR', 'kmd', 'giant'),
      ...agencies.map((a) => stated('PARTICIPATES_IN', a.id, 'giant')),
      ...lifeEvents.map((le) => stated('SERVES', 'giant', le)),
      ...milestones.map((m) => stated('HAS_MILESTONE', 'giant', m.id)),
      stated('HAS_STATUS', 'giant', 'giant-status-2020'),
      stated('PUBLISHED_IN', 'giant-status-2020', source),
      ...yearly.flatMap(([src, y]) => [stated('HAS_STATUS', 'giant', `giant-vurdering-${y}`, src), stated('PUBLISHED_IN', `giant-vurdering-${y}`, src, src)]),
    ],
  });
}

describe.runIf(enabled)('a fact sheet larger than a page', { timeout: 120_000 }, () => {
  const browser = useBrowserSession({ dataset: withGiant });

  it('cuts its lists to fit one A4 page and counts what it leaves out', async () => {
    const page = await browser.open('/?view=sheet&node=giant', WIDE);
    const article = page.getByTestId('fact-sheet');
    await article.waitFor();
    await expect.poll(() => page.getByTestId('sheet-milestones').textContent()).not.toMatch(/Laster/);
    await settle(page);
    // The roomiest level did not fit: the sheet stepped down.
    expect(Number(await article.getAttribute('data-fit-level'))).toBeGreaterThan(0);
    expect(flat(await article.getByTestId('glance-participants').innerText())).toMatch(/og \d+ til$/);
    expect(flat(await article.getByTestId('sheet-milestones').innerText())).toMatch(/\d+ tidligere milepæler er utelatt/);
    const pdf = await page.pdf({ format: 'A4', printBackground: true });
    await writeFile(path.join(SCREENSHOT_DIR, 'factsheet-giant.pdf'), pdf);
    expect(pdfPageCount(pdf)).toBe(1);
    await screenshot(page, 'factsheet-giant-1440');
  });
});
