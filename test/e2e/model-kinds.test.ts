// The second model round in a real Chromium against the real app: an indicator's measurement series, a funding, and
// fields the analyst inferred, in the details panel; the legend; the timeline's planned and reached milestones; each
// state checked with axe-core (WCAG 2.1 A/AA, serious and critical) and saved as a screenshot at 1440 and 390 wide.
// The seeds hold none of these kinds yet, so the app serves test/fixtures/model, plus a rank series with a missing
// year added here (the fixture's counts are the store contract's to keep).
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { Dataset } from '../../graph/schema/dataset.js';
import { fixtureDataset, formatViolations, layoutDone, param, runAxe, screenshot, SCREENSHOT_DIR, settle } from './support.js';
import { useBrowserSession } from './session.js';

const enabled = Boolean(process.env['STRATEGIGRAF_TEST_CHROMIUM']);

/** The model fixture and a DESI-like rank (out of 27) for 2019, 2020, 2022 and 2023: 2021 has no figure. */
async function modelDataset(): Promise<Dataset> {
  const model = await fixtureDataset('test/fixtures/model');
  const measured = (year: number, value: number, extra: Record<string, unknown> = {}) => ({
    kind: 'Measurement',
    id: `desi-${year}`,
    name: `DESI digitale offentlige tjenester ${year}`,
    value,
    outOf: 27,
    year,
    source: 'ref-tall',
    ...extra,
  });
  const stated = (type: string, from: string, to: string) => ({ type, from, to, source: 'ref-tall', page: null, quote: null, basis: 'stated' });
  return Dataset.parse({
    ...model,
    nodes: [
      ...model.nodes,
      {
        kind: 'Indicator',
        id: 'ind-desi',
        name: 'DESI digitale offentlige tjenester',
        nameEn: 'DESI digital public services',
        unit: 'rank',
        direction: 'lower_is_better',
        source: 'ref-tall',
      },
      measured(2019, 11, { page: 4 }),
      measured(2020, 9),
      measured(2022, 7, { valueLabel: '7. plass' }),
      measured(2023, 5, { inferred: { value: 'Lest av figuren; tabellen mangler året.' } }),
    ],
    relationships: [
      ...model.relationships,
      stated('INFORMS', 'ind-desi', 'fa-data'),
      ...[2019, 2020, 2022, 2023].map((y) => stated('MEASURES', `desi-${y}`, 'ind-desi')),
    ],
  });
}

const WIDE = { width: 1440, height: 1000 };
const NARROW = { width: 390, height: 844 };

describe.runIf(enabled)('the second model round in Chromium', { timeout: 90_000 }, () => {
  const browser = useBrowserSession({ dataset: modelDataset });
  const open = browser.open;

  const panel = (page: Page) => page.getByTestId('details-panel');
  const fact = (page: Page, field: string) => panel(page).getByTestId(`fact-${field}`);
  const factText = async (page: Page, field: string) => ((await fact(page, field).textContent()) ?? '').replace(/\s+/g, ' ').trim();

  async function expectNoAxeViolations(page: Page): Promise<void> {
    const violations = await runAxe(page);
    expect(formatViolations(violations), `axe on ${page.url()}`).toBe('');
  }

  /** The details panel of `id` in Explore, its heading and series loaded. */
  async function details(id: string, viewport = WIDE, extra = ''): Promise<Page> {
    const page = await open(`/?view=explore&node=${id}&expanded=${id}${extra}`, viewport);
    await panel(page).getByTestId('node-facts').waitFor();
    if (!extra.includes('table=1')) await layoutDone(page);
    return page;
  }

  /** An element on its own, whole: its scroll box (and its column's) let out to its content for the picture. */
  async function wholeShot(page: Page, testid: string, name: string): Promise<void> {
    const el = page.getByTestId(testid);
    await el.evaluate((node) => {
      for (let at: HTMLElement | null = node as HTMLElement; at && at !== document.body; at = at.parentElement) {
        if (getComputedStyle(at).overflowY !== 'visible') Object.assign(at.style, { maxHeight: 'none', overflow: 'visible' });
      }
    });
    await settle(page);
    await el.screenshot({ path: `${SCREENSHOT_DIR}/${name}.png` });
  }

  it('shows an indicator’s series as a labelled chart, a summary and a table, with no axe violations (1440 and 390 wide)', async () => {
    for (const [viewport, suffix] of [
      [WIDE, '1440'],
      [NARROW, '390'],
    ] as const) {
      const page = await details('ind-desi', viewport);
      await expect.poll(() => panel(page).locator('h2').textContent()).toBe('DESI digitale offentlige tjenester');
      expect(await fact(page, 'unit').textContent()).toContain('Plass');
      expect(await fact(page, 'direction').textContent()).toContain('verdien synker');
      const chart = panel(page).getByTestId('series-svg');
      await chart.waitFor();
      expect(await chart.getAttribute('role')).toBe('img');
      expect(await chart.getAttribute('aria-label')).toBe('Diagram over DESI digitale offentlige tjenester: plass per år, 2019–2023');
      // The chart's description is the summary beside it.
      const summaryId = (await chart.getAttribute('aria-describedby'))!;
      expect(await page.locator(`[id="${summaryId}"]`).textContent()).toBe(
        '4 målinger fra 2019 til 2023. Første: 11 av 27 i 2019. Siste: 5 av 27 i 2023. Det er bedre enn i 2019. Ingen måling for 2021.',
      );
      // 2021 is a gap: two stretches of line and a hatched band, and a table row that says so.
      expect(await chart.locator('polyline').count()).toBe(2);
      expect(await chart.locator('rect.gap').getAttribute('data-year')).toBe('2021');
      expect(await panel(page).getByTestId('series-row-missing').textContent()).toMatch(/2021\s*Ingen måling/);
      expect(await panel(page).getByTestId('series-row').count()).toBe(4);
      expect(await panel(page).getByTestId('series-direction').textContent()).toContain('Lavere verdi er bedre.');
      // The chart fits the panel at this width: drawn, and no wider than its container.
      const [svgBox, panelBox] = await Promise.all([chart.boundingBox(), panel(page).boundingBox()]);
      expect(svgBox!.width).toBeGreaterThan(200);
      expect(svgBox!.x + svgBox!.width).toBeLessThanOrEqual(panelBox!.x + panelBox!.width + 1);
      await expectNoAxeViolations(page);
      await screenshot(page, `model-indicator-${suffix}`);
      await wholeShot(page, 'details-panel', `model-indicator-panel-${suffix}`);
    }
  });

  it('warns when an indicator’s figures are on different scales, and writes its decimals as the language does', async () => {
    const page = await details('ind-odm');
    await panel(page).getByTestId('series-svg').waitFor();
    expect(await panel(page).getByTestId('series-mixed').isVisible()).toBe(true);
    expect(await panel(page).locator('.point-label').allTextContents()).toEqual(['0,91', '89,5', '90']);
    await page.getByTestId('lang-toggle').click();
    await expect.poll(() => panel(page).locator('.point-label').allTextContents()).toEqual(['0.91', '89.5', '90']);
    expect(await panel(page).getByTestId('series-table').textContent()).toContain('measured fourth quarter of 2022');
    await expectNoAxeViolations(page);
  });

  it('shows a funding’s type, amount in kroner and period in words, in both languages', async () => {
    const page = await details('tilskudd-eti');
    await expect.poll(() => factText(page, 'amount')).toBe('57 383 633 kr');
    expect(await factText(page, 'fundingType')).toBe('Tilskudd');
    expect(await factText(page, 'startDate')).toBe('høsten 2022');
    expect(await factText(page, 'endDate')).toBe('2025');
    // No raw field name or enum value anywhere in the panel.
    expect(await panel(page).textContent()).not.toMatch(/fundingType|\bgrant\b|autumn/);
    await expectNoAxeViolations(page);
    await screenshot(page, 'model-funding');
    await page.getByTestId('lang-toggle').click();
    await expect.poll(() => factText(page, 'amount')).toBe('NOK 57,383,633');
    expect(await factText(page, 'fundingType')).toBe('Grant');
    expect(await factText(page, 'startDate')).toBe('autumn 2022');
  });

  it('marks the fields the analyst inferred, and the note opens from the keyboard and is read out', async () => {
    const page = await details('fa-data', WIDE, '&table=1');
    const marks = panel(page).getByTestId('node-facts').getByTestId('inferred-mark');
    await expect.poll(() => marks.count()).toBe(2);
    const number = fact(page, 'number');
    expect(await number.textContent()).toMatch(/^\s*2\s*▸\s*Utledet/);
    const button = number.getByRole('button');
    // The button's name starts with the word it shows, and says what pressing it does.
    expect(await button.evaluate((el) => (el as HTMLElement).innerText.replace(/\s+/g, ' ').trim())).toMatch(/^▸\s?Utledet/);
    expect(await button.getAttribute('aria-expanded')).toBe('false');
    const note = number.getByTestId('inferred-note');
    expect(await note.isVisible()).toBe(false);
    // Keyboard only: focus the button, then Enter.
    await button.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => button.getAttribute('aria-expanded')).toBe('true');
    expect(await note.isVisible()).toBe(true);
    expect(await note.textContent()).toContain('Rapporten nummererer ikke innsatsområdene; rekkefølgen er sidens.');
    expect(await page.locator(`[id="${await button.getAttribute('aria-controls')}"]`).count()).toBe(1);
    // Not colour alone: the badge has a dashed border, as inferred links have.
    expect(await button.evaluate((el) => getComputedStyle(el).borderTopStyle)).toBe('dashed');
    // The status is marked too; the kind and the links are not fields.
    expect(await fact(page, 'status').getByTestId('inferred-mark').count()).toBe(1);
    // The focus area lists the indicators that inform it, a chart each.
    const series = panel(page).getByTestId('indicator-series');
    await expect.poll(() => series.getByTestId('series-svg').count()).toBe(2);
    expect(await series.locator('h3').textContent()).toBe('Indikatorer (2)');
    await expectNoAxeViolations(page);
    await screenshot(page, 'model-inferred');
    // The list's indicator opens its own details.
    await series.getByRole('button', { name: 'Open Data Maturity' }).click();
    await expect.poll(() => param(page, 'node')).toBe('ind-odm');
  });

  it('draws every new kind in the legend as on the canvas, and lists the relationship types (1440 and 390 wide)', async () => {
    for (const [viewport, suffix] of [
      [WIDE, '1440'],
      [NARROW, '390'],
    ] as const) {
      const page = await open('/?view=explore&node=ind-desi&expanded=ind-desi,fa-data', viewport);
      await layoutDone(page);
      const legend = page.getByTestId('legend');
      // On a phone the legend starts folded (the graph comes first); open it as a reader would.
      await legend.evaluate((el) => ((el as HTMLDetailsElement).open = true));
      const kinds = await legend.getByTestId('legend-kind').allTextContents();
      expect(kinds).toEqual(expect.arrayContaining(['Mål', 'Indikator', 'Måling', 'Hindring', 'Finansiering']));
      // Each glyph is drawn: a path with an area, not an empty box.
      for (const name of ['Mål', 'Indikator', 'Måling', 'Hindring', 'Finansiering']) {
        const box = await legend
          .getByTestId('legend-kind')
          .filter({ hasText: new RegExp(`^\\s*${name}\\s*$`) })
          .locator('path')
          .boundingBox();
        expect(box!.width * box!.height, name).toBeGreaterThan(100);
      }
      await legend.getByTestId('legend-relations').evaluate((el) => ((el as HTMLDetailsElement).open = true));
      expect(await legend.getByTestId('legend-relation').filter({ hasText: 'er ansvarlig departement for' }).textContent()).toContain(
        'Virksomhet → Initiativ, Livshendelse, Innsatsområde, Handlingsplan',
      );
      // The canvas draws the new kinds with the shapes the legend shows.
      const shapes = await page.evaluate(() => {
        const cy = (document.querySelector('[data-testid="graph-canvas"]') as any)?._cyreg?.cy;
        return cy ? Object.fromEntries(cy.nodes().map((n: any) => [n.data('kind'), n.style('shape')])) : null;
      });
      expect(shapes).toMatchObject({
        Objective: 'polygon',
        Indicator: 'polygon',
        Measurement: 'vee',
        Obstacle: 'concave-hexagon',
        FocusArea: 'round-rectangle',
      });
      await expectNoAxeViolations(page);
      await screenshot(page, `model-legend-${suffix}`);
      await wholeShot(page, 'legend', `model-legend-only-${suffix}`);
    }
  });

  it('shows planned and reached milestones apart on the timeline, with seasons in words and an inferred date marked', async () => {
    const page = await open('/?view=timeline');
    await page.getByTestId('timeline-item').first().waitFor();
    const items = page.getByTestId('timeline-item');
    expect(await items.count()).toBe(2);
    const reached = items.filter({ hasText: 'Ressurssenteret lansert' });
    const planned = items.filter({ hasText: 'Ressurssenteret i drift' });
    expect(await reached.getAttribute('data-occurrence')).toBe('achieved');
    expect(await reached.getByTestId('timeline-occurrence').textContent()).toBe('✓ Nådd');
    expect(await planned.getByTestId('timeline-occurrence').textContent()).toBe('◌ Planlagt');
    expect(await planned.locator('.date').textContent()).toContain('våren 2021');
    expect(await page.getByTestId('timeline-group').locator('h3').allTextContents()).toEqual(['September 2020', 'Våren 2021']);
    // Not colour alone: the planned one's frame is dashed, the reached one's solid.
    expect(await planned.evaluate((el) => getComputedStyle(el).borderTopStyle)).toBe('dashed');
    expect(await reached.evaluate((el) => getComputedStyle(el).borderLeftStyle)).toBe('solid');
    expect(await planned.getByTestId('inferred-mark').count()).toBe(1);
    expect(await page.getByTestId('timeline-key').textContent()).toContain('Planlagt');
    await expectNoAxeViolations(page);
    await screenshot(page, 'model-timeline');
  });
});
