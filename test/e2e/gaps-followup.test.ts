// The Gaps view as the programme office's working list, in Chromium against the real app on the seed graph: filters
// from the URL, the contents' counts, Back that brings the list back as it was, two editors racing on one finding (the
// second gets the 412 message and the current version, nothing is overwritten), an overdue finding that stands out,
// a reader's read-only page, a revoked token's 401, the CSV download, the print layout, orphaned follow-ups; axe on
// every page and screenshots at 1440 and 390 px.
import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Dataset } from '../../graph/schema/dataset.js';
import { formatViolations, param, runAxe, screenshot, seedDataset } from './support.js';
import { useBrowserSession } from './session.js';

const enabled = Boolean(process.env['STRATEGIGRAF_TEST_CHROMIUM']);
const ADMIN = 'e2e-admin-token-for-the-gaps-suite';
const WIDE = { width: 1440, height: 900 };
const NARROW = { width: 390, height: 844 };

interface Item {
  id: string;
  rule: string;
  severity: string;
  subject: { id: string; kind: string; name: string };
  present: boolean;
  followUp: { state: string; version: number; overdue: boolean; orphaned: boolean; owner: { name: string } | null } | null;
}

describe.runIf(enabled)('the Gaps view as a working list', { timeout: 90_000 }, () => {
  const browser = useBrowserSession({ adminToken: ADMIN });
  const open = browser.open;
  const url = (path: string) => `${browser.session.app.url}${path}`;
  let eva: { id: string; secret: string };
  let ola: { id: string; secret: string };

  async function api<T>(
    method: string,
    path: string,
    token?: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<{ status: number; body: T; etag: string | null }> {
    const res = await fetch(url(path), {
      method,
      headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body !== undefined ? { 'content-type': 'application/json' } : {}), ...headers },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
    return { status: res.status, body: (await res.json()) as T, etag: res.headers.get('etag') };
  }
  const findings = async (query = '') => (await api<{ items: Item[] }>('GET', `/api/findings?limit=5000${query}`)).body.items;
  const ruleTitle = async (id: string) =>
    (await api<{ rules: { id: string; title: { nb: string } }[] }>('GET', '/api/gaps?limit=1')).body.rules.find((r) => r.id === id)!.title.nb;

  async function token(name: string, role: string): Promise<{ id: string; secret: string }> {
    const made = await api<{ id: string; secret: string }>('POST', '/api/tokens', ADMIN, { name, role, expiresInDays: 1 });
    expect(made.status).toBe(201);
    return made.body;
  }

  async function acknowledge(id: string, owner: object, dueDate: string, as = eva.secret): Promise<void> {
    const read = await api<Item>('GET', `/api/findings/${encodeURIComponent(id)}`);
    const done = await api('POST', `/api/findings/${encodeURIComponent(id)}/acknowledge`, as, { owner, dueDate }, { 'if-match': read.etag! });
    expect(done.status).toBe(200);
  }

  async function expectNoAxeViolations(page: Page, what: string): Promise<void> {
    expect(formatViolations(await runAxe(page)), `axe on ${what}`).toBe('');
  }

  const listReady = (page: Page) => page.getByTestId('gap-finding').first().waitFor();

  beforeAll(async () => {
    eva = await token('Eva Editor', 'editor');
    ola = await token('Ola Editor', 'editor');
  });

  it('filters by rule, kind and state from the URL, and the contents count what each section holds', async () => {
    const all = await findings();
    const present = all.filter((i) => i.present);

    // rule= as the start panel links it.
    const byRule = await open('/?view=gaps&rule=initiative-without-lead');
    await listReady(byRule);
    const expected = present.filter((i) => i.rule === 'initiative-without-lead').length;
    expect(expected).toBeGreaterThan(1);
    expect(await byRule.getByTestId('gap-finding').count()).toBe(expected);
    expect(await byRule.getByTestId('gap-rule').count()).toBe(1);
    expect(await byRule.getByTestId('filter-rule').inputValue()).toBe('initiative-without-lead');
    const toc = byRule.getByTestId('gap-toc-item');
    expect(await toc.count()).toBe(1);
    expect(await toc.getAttribute('data-count')).toBe(String(expected));
    expect(await toc.textContent()).toContain(`(${expected} funn)`);
    expect(await byRule.getByTestId('gap-filter-summary').textContent()).toContain(`Filtre: Regel: ${await ruleTitle('initiative-without-lead')}.`);

    // kind=: every card is about a focus area, as many as the API has.
    const byKind = await open('/?view=gaps&kind=FocusArea&lang=en');
    await listReady(byKind);
    const focusAreas = present.filter((i) => i.subject.kind === 'FocusArea').length;
    expect(await byKind.getByTestId('gap-finding').count()).toBe(focusAreas);
    const kinds = await byKind.getByTestId('gap-finding').evaluateAll((cards) => cards.map((c) => c.querySelector('.head .badge')?.textContent?.trim()));
    expect(new Set(kinds)).toEqual(new Set(['Focus area']));

    // state=: the one finding an editor acknowledged, and nothing else.
    const target = present.find((i) => i.rule === 'stale-status')!;
    await acknowledge(target.id, { person: 'Kari Nordmann' }, '2031-05-01');
    const byState = await open('/?view=gaps&state=acknowledged');
    await listReady(byState);
    expect(await byState.getByTestId('gap-finding').count()).toBe(1);
    const card = byState.getByTestId('gap-finding');
    expect(await card.getAttribute('data-finding-id')).toBe(target.id);
    expect(await card.getByTestId('follow-up-state').textContent()).toContain('Under oppfølging');
    expect(await card.getByTestId('follow-up-owner').textContent()).toBe('Eier: Kari Nordmann');
    // Choosing a filter writes it to the URL under the API's name.
    await byState.getByTestId('filter-owner').selectOption('Kari Nordmann');
    await expect.poll(() => param(byState, 'owner')).toBe('Kari Nordmann');
    await byState.getByTestId('filter-clear').click();
    await expect.poll(() => param(byState, 'state')).toBeNull();
    expect(param(byState, 'owner')).toBeNull();

    // The whole list: each contents entry counts its section, the counts add up to every finding, and a link moves there.
    const page = await open('/?view=gaps', WIDE);
    await listReady(page);
    const entries = await page
      .getByTestId('gap-toc-item')
      .evaluateAll((items) => items.map((li) => ({ anchor: li.getAttribute('data-anchor')!, count: Number(li.getAttribute('data-count')) })));
    for (const { anchor, count } of entries) {
      const section = page.locator(`section[aria-labelledby="${anchor}"]`);
      expect(await section.getByTestId('gap-finding').count(), anchor).toBe(count);
    }
    expect(entries.reduce((n, e) => n + e.count, 0)).toBe(all.length);
    const last = entries.at(-1)!;
    await page.locator(`[data-testid="gap-toc-item"][data-anchor="${last.anchor}"] a`).click();
    await expect.poll(() => page.evaluate((id) => document.activeElement?.id === id, last.anchor)).toBe(true);
    expect(await page.evaluate(() => window.scrollY)).toBeGreaterThan(500);
    expect(new URL(page.url()).hash).toBe('');
    await expectNoAxeViolations(page, 'the list');
  });

  it('comes back from Explore and from a finding’s page scrolled where it was, with the same findings open', async () => {
    const page = await open('/?view=gaps', WIDE);
    await listReady(page);
    const cards = page.getByTestId('gap-finding');
    // Two findings far down the list, their evidence opened.
    const first = cards.nth(30);
    const second = cards.nth(33);
    await first.getByTestId('gap-evidence').locator('summary').click();
    await second.getByTestId('gap-evidence').locator('summary').click();
    await second.scrollIntoViewIfNeeded();
    await page.evaluate(() => window.scrollBy(0, 120));
    await page.waitForTimeout(300); // the list keeps its scroll 150 ms after the last scroll event
    const scrolled = await page.evaluate(() => window.scrollY);
    expect(scrolled).toBeGreaterThan(1500);
    const openIds = [await first.getAttribute('data-finding-id'), await second.getAttribute('data-finding-id')];

    await second.getByTestId('gap-open').click();
    await expect.poll(() => param(page, 'view')).toBe('explore');
    await page.getByTestId('details-panel').waitFor();
    await page.goBack();
    await listReady(page);
    await expect.poll(() => page.evaluate(() => window.scrollY)).toBe(scrolled);
    const opened = await page.locator('[data-testid="gap-finding"]:has(details[open])').evaluateAll((els) => els.map((e) => e.getAttribute('data-finding-id')));
    expect(opened).toEqual(openIds);

    // The same from a finding's own page, through its "back to the list" link. Where the list was when the link was
    // clicked is taken in the page itself (the click may scroll the link into view first).
    await page.evaluate(() =>
      document.addEventListener('click', () => ((window as unknown as { clickedAtY: number }).clickedAtY = window.scrollY), { capture: true, once: true }),
    );
    await page.locator(`[data-finding-id="${openIds[0]}"]`).getByTestId('gap-follow').click();
    await page.getByTestId('finding-page').waitFor();
    expect(param(page, 'finding')).toBe(openIds[0]);
    // The page starts at its heading, for a screen reader too; back on the list, the focus is on the link followed.
    await expect.poll(() => page.evaluate(() => document.activeElement?.tagName)).toBe('H1');
    await page.getByTestId('finding-back').click();
    await listReady(page);
    const left = await page.evaluate(() => (window as unknown as { clickedAtY: number }).clickedAtY);
    expect(Math.abs(left - scrolled)).toBeGreaterThan(100);
    await expect.poll(() => page.evaluate(() => window.scrollY)).toBe(left);
    expect(await page.locator('[data-testid="gap-finding"]:has(details[open])').count()).toBe(2);
    expect(await page.evaluate(() => document.activeElement?.closest('[data-testid="gap-finding"]')?.getAttribute('data-finding-id'))).toBe(openIds[0]);
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('gap-follow');
  });

  it('lets an editor acknowledge a finding with an owner and a due date; a second editor with the stale ETag gets the 412 message and the current version', async () => {
    const target = (await findings()).find((i) => i.present && i.rule === 'initiative-without-lead')!;
    const path = `/?view=gaps&finding=${encodeURIComponent(target.id)}`;
    const first = await open(path, WIDE, { token: eva.secret });
    const second = await open(path, NARROW, { token: ola.secret });
    for (const page of [first, second]) await page.getByTestId('follow-up-actions').waitFor();
    expect(await first.locator('h1').textContent()).toBe(target.subject.name);

    // Eva: the owner is an agency of the graph, with a due date and a comment.
    await first.getByTestId('action-acknowledge').click();
    const agency = first.getByTestId('owner-agency');
    await expect.poll(() => agency.locator('option').count()).toBeGreaterThan(5);
    await agency.selectOption('digdir');
    const agencyName = (await agency.locator('option:checked').textContent())!.trim();
    await first.getByTestId('due-date').fill('2031-06-30');
    await first.getByTestId('comment').fill('Digdir tar denne – frist før sommeren. «Blåbær» og ø.');
    await first.getByTestId('submit').click();
    await first.getByRole('status').waitFor();
    expect(await first.getByTestId('finding-owner').textContent()).toBe(agencyName);
    expect(await first.getByTestId('finding-due').textContent()).toBe('30. juni 2031');
    const thread = first.getByTestId('finding-thread');
    expect(await thread.textContent()).toContain('Digdir tar denne – frist før sommeren. «Blåbær» og ø.');
    expect(await thread.textContent()).toContain('Eva Editor');
    expect(await first.getByTestId('finding-history').textContent()).toMatch(/Fikk eier og frist\s*Åpen → Under oppfølging/);
    await expectNoAxeViolations(first, 'the finding page of an editor');
    await screenshot(first, 'gaps-finding-editor-1440');

    // Ola read the finding before Eva's change: his resolve carries the old ETag and is refused; nothing is overwritten.
    await second.getByTestId('action-resolve').click();
    await second.getByTestId('reason').fill('Løst i budsjettet for 2025');
    await second.getByTestId('submit').click();
    const problem = second.getByTestId('follow-up-problem');
    await problem.waitFor();
    expect(await problem.getAttribute('data-problem')).toBe('conflict');
    expect(await problem.textContent()).toContain('Noen andre har endret dette funnet mens du hadde det åpent');
    // The current version is on his screen, and what he typed is still in the form to send again if still needed.
    await expect.poll(() => second.getByTestId('finding-owner').textContent()).toBe(agencyName);
    expect(await second.getByTestId('reason').inputValue()).toBe('Løst i budsjettet for 2025');
    const stored = await api<Item>('GET', `/api/findings/${encodeURIComponent(target.id)}`);
    expect(stored.body.followUp!.state).toBe('acknowledged');
    expect(stored.etag).toBe(`"${target.followUp!.version + 1}"`);
    await expectNoAxeViolations(second, 'the 412 message at 390 px');
    await screenshot(second, 'gaps-finding-conflict-390');

    // Sent again, now on the version he sees, it goes through.
    await second.getByTestId('submit').click();
    await expect.poll(async () => (await api<Item>('GET', `/api/findings/${encodeURIComponent(target.id)}`)).body.followUp!.state).toBe('resolved');
  });

  it('makes an overdue finding stand out in words and with a sign, and shows it under "overdue only"', async () => {
    const target = (await findings()).find((i) => i.present && i.rule === 'no-stated-sdg-effect')!;
    await acknowledge(target.id, { agency: 'digdir' }, '2024-01-15');
    const page = await open('/?view=gaps&overdue=true', WIDE);
    await listReady(page);
    expect(await page.getByTestId('gap-finding').count()).toBe(1);
    const card = page.getByTestId('gap-finding');
    expect(await card.getAttribute('data-finding-id')).toBe(target.id);
    expect(await card.getAttribute('class')).toContain('overdue');
    expect((await card.getByTestId('follow-up-overdue').textContent())!.replace(/\s+/g, ' ').trim()).toBe('⚠ Forfalt – fristen var 15. januar 2024');
    expect(await page.getByTestId('filter-overdue').isChecked()).toBe(true);
    await expectNoAxeViolations(page, 'the overdue list');

    // In the whole list, sorted by due date, it comes first; screenshots of the list at both widths.
    const wide = await open('/?view=gaps&sort=due', WIDE);
    await listReady(wide);
    expect(await wide.getByTestId('gap-finding').first().getAttribute('data-finding-id')).toBe(target.id);
    await screenshot(wide, 'gaps-list-1440');
    const narrow = await open('/?view=gaps&sort=due', NARROW);
    await listReady(narrow);
    const widths = await narrow.evaluate(() => ({ page: document.documentElement.scrollWidth, viewport: window.innerWidth }));
    expect(widths.page).toBeLessThanOrEqual(widths.viewport);
    await expectNoAxeViolations(narrow, 'the list at 390 px');
    await screenshot(narrow, 'gaps-list-390');
  });

  it('shows a reader everything read-only, and tells an editor whose token was revoked to sign in', async () => {
    const target = (await findings('&state=acknowledged')).find((i) => i.present)!;
    const reader = await open(`/?view=gaps&finding=${encodeURIComponent(target.id)}`, WIDE);
    await reader.getByTestId('finding-page').locator('h1').waitFor();
    await reader.getByTestId('follow-up-read-only').waitFor();
    expect(await reader.getByTestId('follow-up-actions').count()).toBe(0);
    expect(await reader.locator('form').count()).toBe(0);
    expect(await reader.getByTestId('finding-history').textContent()).toContain('Oppdaget i dataene');
    await expectNoAxeViolations(reader, 'the finding page of a reader');

    const temp = await token('Midlertidig', 'editor');
    const page = await open(`/?view=gaps&finding=${encodeURIComponent(target.id)}&lang=en`, WIDE, { token: temp.secret });
    await page.getByTestId('form-comment').waitFor();
    expect((await api('DELETE', `/api/tokens/${temp.id}`, ADMIN)).status).toBe(200);
    await page.getByTestId('comment-text').fill('Too late');
    await page.getByTestId('comment-submit').click();
    const problem = page.getByTestId('follow-up-problem');
    await problem.waitFor();
    expect(await problem.getAttribute('data-problem')).toBe('signIn');
    expect(await problem.textContent()).toContain('Sign in to change this finding. The change was not saved.');
  });

  it('saves the list as shown as CSV: a byte order mark, the Norwegian separator, and «ø» intact', async () => {
    const page = await open('/?view=gaps&rule=initiative-without-lead', WIDE);
    await listReady(page);
    const shown = await page.getByTestId('gap-finding').count();
    const title = await ruleTitle('initiative-without-lead');
    for (const [variant, separator] of [
      ['excel', ';'],
      ['standard', ','],
    ] as const) {
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId(`gaps-csv-${variant}`).click()]);
      expect(download.suggestedFilename()).toMatch(/^hull-i-handlingsplanen-\d{4}.*\.csv$/);
      const bytes = await readFile((await download.path())!);
      expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(3));
      const lines = text.split('\r\n').filter(Boolean);
      expect(lines).toHaveLength(shown + 1);
      expect(lines[0]!.split(separator)).toContain('Oppfølging');
      expect(text).toContain('ø');
      expect(text).not.toContain('Ã¸'); // ø read as Latin-1
      // Only the rule the list shows, in the order it shows them.
      expect(lines.slice(1).every((l) => l.startsWith(`${title}${separator}`) || l.startsWith(`"${title}"${separator}`))).toBe(true);
    }
  });

  it('prints one clean list: no navigation or controls, the filters in words at the top', async () => {
    const page = await open('/?view=gaps&state=open,acknowledged&sort=owner', WIDE);
    await listReady(page);
    await page.emulateMedia({ media: 'print' });
    const shown = await page.evaluate(() => {
      const visible = (selector: string) => {
        const el = document.querySelector(selector);
        // Laid out at all: an element inside a hidden one has no boxes either.
        return el !== null && el.getClientRects().length > 0;
      };
      return {
        header: visible('header.top'),
        filters: visible('[data-testid="gap-filters"]'),
        toc: visible('[data-testid="gap-toc"]'),
        toolbar: visible('[data-testid="gaps-print"]'),
        summary: visible('[data-testid="gap-filter-summary"]'),
        findings: visible('[data-testid="gap-finding"]'),
        actions: visible('[data-testid="gap-follow"]'),
      };
    });
    expect(shown).toEqual({ header: false, filters: false, toc: false, toolbar: false, summary: true, findings: true, actions: false });
    expect(await page.getByTestId('gap-filter-summary').textContent()).toContain('Oppfølging: Åpen, Under oppfølging');
    await screenshot(page, 'gaps-print-1440');
    await page.emulateMedia({ media: 'screen' });
  });

  it('lists a follow-up whose subject left the data in a section of its own, with its thread kept', async () => {
    const before = await findings();
    const target = before.find((i) => i.present && i.rule === 'missing-status')!;
    await acknowledge(target.id, { person: 'Per Hansen' }, '2032-01-01', ola.secret);
    const seeds = await seedDataset();
    const without: Dataset = {
      ...seeds,
      nodes: seeds.nodes.filter((n) => n.id !== target.subject.id),
      relationships: seeds.relationships.filter((r) => r.from !== target.subject.id && r.to !== target.subject.id),
    };
    await browser.session.app.store.replaceDataset(without);
    try {
      const page = await open('/?view=gaps', WIDE);
      await listReady(page);
      const section = page.getByTestId('gap-orphaned');
      await section.waitFor();
      // Every finding about the subject that left: each had its record (as every finding gets one), each is orphaned.
      const orphans = (await findings('&orphaned=true')).map((i) => i.id);
      expect(orphans).toContain(target.id);
      expect(new Set(orphans)).toEqual(new Set(before.filter((i) => i.subject.id === target.subject.id).map((i) => i.id)));
      expect(await section.getByTestId('gap-finding').evaluateAll((cards) => cards.map((c) => c.getAttribute('data-finding-id')))).toEqual(orphans);
      expect(await section.locator('h2').textContent()).toBe('Oppfølginger der temaet er borte fra dataene');
      expect(await page.locator('[data-testid="gap-toc-item"][data-anchor="followups-orphaned"]').getAttribute('data-count')).toBe(String(orphans.length));
      await section.locator(`[data-finding-id="${target.id}"]`).getByTestId('gap-follow').click();
      await page.getByTestId('finding-orphaned').waitFor();
      expect(await page.getByTestId('finding-owner').textContent()).toBe('Per Hansen');
      expect(await page.getByTestId('finding-history').textContent()).toContain('Temaet er borte fra dataene');
      await expectNoAxeViolations(page, 'an orphaned finding');
    } finally {
      await browser.session.app.store.replaceDataset(seeds);
    }
  });
});
