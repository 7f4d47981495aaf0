// The graph over years in a real Chromium against the real app: a focus area's status year by year in the details
// panel (each mark opening its source, a silent year shown as silent), and the timeline with the dated statuses beside
// the milestones on an axis in proportion to time — each state checked with axe-core (WCAG 2.1 A/AA, serious and
// critical) and saved as a screenshot at 1440 and 390 wide. The app serves test/fixtures/gaps (sources of 2020 and
// 2021), plus a reached and a planned milestone added here so the axis has both kinds (the fixture has none).
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { Dataset } from '../../graph/schema/dataset.js';
import { fixtureDataset, formatViolations, param, runAxe, screenshot, SCREENSHOT_DIR, settle } from './support.js';
import { useBrowserSession } from './session.js';

const enabled = Boolean(process.env['STRATEGIGRAF_TEST_CHROMIUM']);

async function gapsWithMilestones(): Promise<Dataset> {
  const gaps = await fixtureDataset('test/fixtures/gaps');
  const stated = (from: string, to: string, source: string) => ({ type: 'HAS_MILESTONE', from, to, source, page: 8, quote: null, basis: 'stated' });
  return Dataset.parse({
    ...gaps,
    nodes: [
      ...gaps.nodes,
      { kind: 'Milestone', id: 'ms-lansert', name: 'Ressurssenteret lansert', date: '2020-06', occurrence: 'achieved', source: 'rapport-2020', page: 8 },
      { kind: 'Milestone', id: 'ms-veileder', name: 'Veileder for deling', date: '2021-autumn', occurrence: 'planned', source: 'rapport-2021', page: 12 },
    ],
    relationships: [...gaps.relationships, stated('init-data', 'ms-lansert', 'rapport-2020'), stated('init-data', 'ms-veileder', 'rapport-2021')],
  });
}

const WIDE = { width: 1440, height: 1000 };
const NARROW = { width: 390, height: 844 };
const VIEWPORTS = [
  [WIDE, '1440'],
  [NARROW, '390'],
] as const;

describe.runIf(enabled)('the graph over years in Chromium', { timeout: 90_000 }, () => {
  const browser = useBrowserSession({ dataset: gapsWithMilestones });
  const open = browser.open;

  const panel = (page: Page) => page.getByTestId('details-panel');
  const flat = (text: string | null) => (text ?? '').replace(/\s+/g, ' ').trim();

  async function expectNoAxeViolations(page: Page): Promise<void> {
    const violations = await runAxe(page);
    expect(formatViolations(violations), `axe on ${page.url()}`).toBe('');
  }

  /** An element on its own, whole: its scroll box (and its column's) let out to its content for the picture. */
  async function wholeShot(page: Page, testid: string, name: string): Promise<void> {
    const el = page.getByTestId(testid).first();
    await el.evaluate((node) => {
      for (let at: HTMLElement | null = node as HTMLElement; at && at !== document.body; at = at.parentElement) {
        if (getComputedStyle(at).overflowY !== 'visible') Object.assign(at.style, { maxHeight: 'none', overflow: 'visible' });
      }
    });
    await settle(page);
    await el.screenshot({ path: `${SCREENSHOT_DIR}/${name}.png` });
  }

  /** Explore with «Sammenhengende tjenester» picked from the search, its status history loaded. */
  async function sammenhengende(viewport: { width: number; height: number }): Promise<Page> {
    const page = await open('/?view=explore', viewport);
    await page.getByTestId('explore-search-input').fill('Sammenhengende');
    await page.getByTestId('search-option').filter({ hasText: 'Sammenhengende tjenester' }).first().click();
    await panel(page).getByTestId('status-history').waitFor();
    return page;
  }

  it('shows «Sammenhengende tjenester» year by year, «På plan» in 2020 and «Mindre forsinkelser» in 2021 (1440 and 390 wide)', async () => {
    for (const [viewport, suffix] of VIEWPORTS) {
      const page = await sammenhengende(viewport);
      const history = panel(page).getByTestId('status-history');
      expect(await history.getByTestId('history-year').evaluateAll((els) => els.map((el) => el.getAttribute('data-year')))).toEqual(['2020', '2021']);
      const y2020 = history.locator('[data-year="2020"]');
      const y2021 = history.locator('[data-year="2021"]');
      expect(flat(await y2020.textContent())).toBe('2020 ● «På plan» Erfaringsrapport 2020');
      expect(flat(await y2021.textContent())).toBe('2021 ▽ «Mindre forsinkelser» Erfaringsrapport 2021');
      expect(await y2020.getByTestId('history-mark').getAttribute('data-progress')).toBe('on_track');
      expect(await y2021.getByTestId('history-mark').getAttribute('data-progress')).toBe('minor_delays');
      // Not colour alone: the shapes differ, and each shape stands beside words.
      expect(await y2021.locator('.shape').getAttribute('aria-hidden')).toBe('true');
      // The row fits the panel at this width.
      const [rowBox, panelBox] = await Promise.all([history.locator('ol').boundingBox(), panel(page).boundingBox()]);
      expect(rowBox!.x + rowBox!.width).toBeLessThanOrEqual(panelBox!.x + panelBox!.width + 1);
      expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
      await expectNoAxeViolations(page);
      await screenshot(page, `history-panel-page-${suffix}`);
      await wholeShot(page, 'status-history', `history-panel-${suffix}`);
    }
  });

  it('heads the panel with the status of the chosen year and its year, never an older one as if current', async () => {
    const page = await sammenhengende(WIDE);
    await expect.poll(() => panel(page).getByTestId('status-badge').textContent()).toBe('Mindre forsinkelser (per 2021)');
    const asOf2020 = await open(`/?view=explore&node=${encodeURIComponent('fa-tjenester')}&year=2020`, WIDE);
    await panel(asOf2020).getByTestId('status-history').waitFor();
    await expect.poll(() => panel(asOf2020).getByTestId('status-badge').textContent()).toBe('På plan (per 2020)');
  });

  it('opens the source of a mark from the keyboard, shows a silent year as silent, and speaks English too', async () => {
    const page = await sammenhengende(WIDE);
    const source2021 = panel(page).locator('[data-year="2021"]').getByTestId('history-source');
    // The fixture's reports have no address: the mark opens the report in Explore.
    const href = new URL((await source2021.getAttribute('href'))!, browser.session.app.url);
    expect(href.searchParams.get('node')).toBe('rapport-2021');
    expect(await source2021.getAttribute('target')).toBeNull();
    await source2021.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => param(page, 'node')).toBe('rapport-2021');
    await expect.poll(() => panel(page).locator('h2').textContent()).toBe('Erfaringsrapport 2021');
    // A report has no status history.
    expect(await panel(page).getByTestId('status-history').count()).toBe(0);

    // «Økt deling av data» has a 2020 status and no 2021 report: an empty mark, not the 2020 status again.
    await page.getByTestId('explore-search-input').fill('Økt deling');
    await page.getByTestId('search-option').filter({ hasText: 'Økt deling av data' }).first().click();
    const silent = panel(page).getByTestId('status-history').locator('[data-year="2021"]');
    await silent.waitFor();
    expect(await silent.getByTestId('history-silent').count()).toBe(1);
    expect(await silent.getByTestId('history-mark').count()).toBe(0);
    // Seen: a dash and the words; heard: that no source gave a status that year.
    expect(flat(await silent.textContent())).toBe('2021 – Ingen rapport: ingen kilde ga status dette året');
    expect(await silent.innerText()).not.toContain('Pågår');
    expect(await silent.evaluate((el) => getComputedStyle(el).borderTopStyle)).toBe('dashed');
    expect(flat(await panel(page).locator('[data-year="2020"]').innerText())).toBe('2020 ◐ Pågår Erfaringsrapport 2020');
    await expectNoAxeViolations(page);
    await wholeShot(page, 'status-history', 'history-panel-silent');

    await page.getByTestId('lang-toggle').click();
    await expect.poll(async () => flat(await silent.textContent())).toBe('2021 – No report: no source gave a status this year');
    expect(flat(await panel(page).locator('[data-year="2020"]').innerText())).toBe('2020 ◐ In progress Erfaringsrapport 2020');
    expect(await panel(page).getByTestId('status-history').locator('h3').textContent()).toBe('Status year by year');
  });

  it('places both statuses of «Sammenhengende tjenester» in their years on the timeline, beside the milestones (1440 and 390 wide)', async () => {
    for (const [viewport, suffix] of VIEWPORTS) {
      const page = await open('/?view=timeline', viewport);
      await page.getByTestId('timeline-overview').waitFor();
      const status = (year: number) =>
        page.locator(`[data-testid="timeline-year"][data-year="${year}"]`).getByTestId('timeline-status').filter({ hasText: 'Sammenhengende tjenester' });
      expect(flat(await status(2020).innerText())).toBe('● Sammenhengende tjenester «På plan» Kilde: Erfaringsrapport 2020');
      expect(flat(await status(2021).innerText())).toBe('▽ Sammenhengende tjenester «Mindre forsinkelser» Kilde: Erfaringsrapport 2021');
      // Never carried forward: «Økt deling av data» is in 2020 only.
      expect(
        await page
          .getByTestId('timeline-status')
          .filter({ hasText: 'Økt deling av data' })
          .evaluateAll((els) => els.map((e) => e.getAttribute('data-year'))),
      ).toEqual(['2020']);
      // The year's statuses come after its milestones, in the same list.
      const y2020 = page.locator('[data-testid="timeline-year"][data-year="2020"]');
      expect(await y2020.locator('h3').allTextContents()).toEqual(['Juni 2020', 'Status for 2020 (10)']);
      // Planned and reached stay apart: word, shape and frame.
      const planned = page.getByTestId('timeline-item').filter({ hasText: 'Veileder for deling' });
      expect(await planned.getByTestId('timeline-occurrence').textContent()).toBe('◌ Planlagt');
      expect(await planned.evaluate((el) => getComputedStyle(el).borderTopStyle)).toBe('dashed');

      // The overview is in proportion to time: two equal year bands, June 2020 five twelfths into the first,
      // autumn 2021 eight twelfths into the second, and each year's statuses in its own band.
      const axis = page.getByTestId('timeline-overview').locator('.axis');
      const box = (await axis.boundingBox())!;
      const bands = await page.locator('.band').evaluateAll((els) => els.map((e) => e.getBoundingClientRect().width));
      expect(bands).toHaveLength(2);
      expect(Math.abs(bands[0]! - bands[1]!)).toBeLessThan(1);
      const at = async (name: string) => {
        const mark = page.getByTestId('overview-milestone').filter({ has: page.locator(`xpath=self::*[contains(@title, "${name}")]`) });
        const b = (await mark.boundingBox())!;
        return { left: (b.x - box.x) / box.width, mark };
      };
      const june = await at('Ressurssenteret lansert');
      const autumn = await at('Veileder for deling');
      // A month is drawn at least 16 px wide, centred on nothing: it starts at its start.
      expect(june.left).toBeCloseTo(5 / 12 / 2, 1);
      expect(autumn.left).toBeCloseTo(0.5 + 8 / 12 / 2, 1);
      expect(await autumn.mark.evaluate((el) => getComputedStyle(el).borderTopStyle)).toBe('dashed');
      expect(await june.mark.evaluate((el) => getComputedStyle(el).borderTopStyle)).toBe('solid');
      const tallies = page.getByTestId('overview-statuses');
      expect(await tallies.evaluateAll((els) => els.map((e) => [e.getAttribute('data-year'), e.children.length]))).toEqual([
        ['2020', 10],
        ['2021', 3],
      ]);
      const [t2020, t2021] = [(await tallies.nth(0).boundingBox())!, (await tallies.nth(1).boundingBox())!];
      expect(t2020.x + t2020.width).toBeLessThanOrEqual(t2021.x + 1);
      expect(await axis.getAttribute('role')).toBe('img');
      expect(await axis.getAttribute('aria-label')).toBe('Tidsakse 2020–2021: 2 milepæler og 13 statuser. Alt står også i listen under, år for år.');

      // Nothing scrolls sideways, not even at 390 px.
      expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
      await expectNoAxeViolations(page);
      await screenshot(page, `history-timeline-${suffix}`);
      await wholeShot(page, 'timeline-overview', `history-timeline-axis-${suffix}`);
    }
  });

  it('reaches every status on the timeline from the keyboard, and a status opens its source', async () => {
    const page = await open('/?view=timeline', WIDE);
    await page.getByTestId('timeline-overview').waitFor();
    const sources = page.getByTestId('timeline-status-source');
    expect(await sources.count()).toBe(13);
    // Tab from the subject's link reaches the status's source link next.
    const row = page.locator('[data-testid="timeline-year"][data-year="2021"]').getByTestId('timeline-status').filter({ hasText: 'Sammenhengende tjenester' });
    await row.getByTestId('timeline-status-subject').focus();
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('timeline-status-source');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Erfaringsrapport 2021');
    // In English the scale's word stands beside the source's own (Norwegian) words.
    await page.getByTestId('lang-toggle').click();
    await expect
      .poll(async () => flat(await row.innerText()))
      .toBe('▽ Sammenhengende tjenester «Mindre forsinkelser» Minor delays Source: Erfaringsrapport 2021');
    expect(await row.locator('[lang="nb"]').textContent()).toBe('«Mindre forsinkelser»');
    await row.getByTestId('timeline-status-source').focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => param(page, 'view')).toBe('explore');
    expect(param(page, 'node')).toBe('rapport-2021');
  });
});
