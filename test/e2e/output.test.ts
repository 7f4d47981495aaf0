// Meeting-ready output in a real Chromium against the real app (seed graph): the «Skate-rapport» button opens the
// report the CLI writes, in the UI's language and year, and it prints; every view prints to an A4 PDF without the app's
// navigation and without cutting a table off at the right edge (the coverage matrix at its widest, every agency column
// shown, keeps its last column on paper: read back from the PDF's text); and a coverage cell's links open next to the
// cell, Escape closing them and putting focus back on the cell. axe (WCAG 2.1 A/AA, serious and critical) on each
// state; the PDFs and screenshots go to test-results/screenshots/.
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { pdfHas, pdfText } from './pdf-text.js';
import { formatViolations, layoutDone, param, runAxe, screenshot, SCREENSHOT_DIR, settle } from './support.js';
import { useBrowserSession } from './session.js';

const enabled = Boolean(process.env['STRATEGIGRAF_TEST_CHROMIUM']);

const WIDE = { width: 1440, height: 1000 };
const NARROW = { width: 390, height: 844 };

/** Words only the app's header carries (its subtitle and the navigation in a row): never on paper. */
const CHROME = { nb: 'handlingsplanen som graf', en: 'the action plan as a graph' };

describe.runIf(enabled)('meeting-ready output in Chromium', { timeout: 120_000 }, () => {
  const browser = useBrowserSession();
  const open = browser.open;
  const api = async <T>(route: string): Promise<T> => {
    const res = await fetch(`${browser.session.app.url}${route}`);
    expect(res.status, route).toBe(200);
    return (await res.json()) as T;
  };

  async function expectNoAxeViolations(page: Page): Promise<void> {
    expect(formatViolations(await runAxe(page)), `axe on ${page.url()}`).toBe('');
  }

  /** Prints the page as Chromium prints it to an A4 PDF, and keeps the file. */
  async function printed(page: Page, name: string): Promise<Buffer> {
    await settle(page);
    const pdf = await page.pdf({ format: 'A4', printBackground: true });
    await mkdir(SCREENSHOT_DIR, { recursive: true });
    await writeFile(path.join(SCREENSHOT_DIR, `${name}.pdf`), pdf);
    return pdf;
  }

  /** An earlier year than the latest that a source reports on, from the data. */
  async function earlierYear(): Promise<number> {
    const years = await api<{ latest: number; items: { year: number; sources: unknown[] }[] }>('/api/years');
    const earlier = years.items.filter((y) => y.year < years.latest && y.sources.length > 0).map((y) => y.year);
    expect(earlier.length, 'the seeds have more than one year with sources').toBeGreaterThan(0);
    return earlier[earlier.length - 1]!;
  }

  describe('the «Skate-rapport» button', () => {
    it('opens the report in bokmål from the coverage view, and it prints to A4', async () => {
      const page = await open('/?view=coverage', WIDE);
      const button = page.getByTestId('coverage-report');
      await button.waitFor();
      expect(await button.textContent()).toBe('Skate-rapport');
      await expectNoAxeViolations(page);
      await button.click();
      await page.waitForURL(/\/api\/report\?/);
      expect(new URL(page.url()).searchParams.get('lang')).toBe('nb');
      expect(new URL(page.url()).searchParams.has('asOf')).toBe(false);
      expect(await page.locator('html').getAttribute('lang')).toBe('nb');
      expect(await page.locator('h1').textContent()).toBe('Dekningsrapport');
      expect(await page.locator('[data-as-of]').count()).toBe(0);
      await expectNoAxeViolations(page);
      await screenshot(page, 'report-nb');
      const pdf = await printed(page, 'report-nb');
      expect(pdfHas(pdf, 'Dekningsrapport')).toBe(true);
      expect(pdfHas(pdf, 'Dekningsmatriser')).toBe(true);
    });

    it('opens it in English and as of the year picked in the header', async () => {
      const year = await earlierYear();
      const page = await open(`/?view=coverage&lang=en&year=${year}`, WIDE);
      const button = page.getByTestId('coverage-report');
      await button.waitFor();
      expect(await button.textContent()).toBe('Skate report');
      await expect.poll(() => page.locator('#coverage-report-about').textContent()).toContain(`as of ${year}`);
      await button.click();
      await page.waitForURL(/\/api\/report\?/);
      expect(await page.locator('html').getAttribute('lang')).toBe('en');
      expect(await page.locator('h1').textContent()).toBe('Coverage report');
      expect(await page.locator('[data-as-of]').getAttribute('data-as-of')).toBe(String(year));
      await screenshot(page, 'report-en-year');
    });
  });

  describe('printing every view to A4', () => {
    /** A view, loaded, printed: a PDF with the view's own words and none of the app's header. */
    async function printView(url: string, name: string, ready: (page: Page) => Promise<unknown>, words: string[]): Promise<Buffer> {
      const page = await open(url, WIDE);
      await ready(page);
      const pdf = await printed(page, `print-${name}`);
      const text = pdfText(pdf);
      expect(text.replace(/\s/g, '').length, `${name}: text on paper`).toBeGreaterThan(100);
      for (const word of words) expect(pdfHas(pdf, word), `${name}: «${word}» on paper`).toBe(true);
      expect(pdfHas(pdf, CHROME.nb), `${name}: the app's header on paper`).toBe(false);
      // Nor the screen's own furniture: the start panel, the CSV buttons.
      for (const word of ['Velkommen til Strategigraf', 'CSV for Excel']) expect(pdfHas(pdf, word), `${name}: «${word}» on paper`).toBe(false);
      return pdf;
    }

    it('prints the coverage matrix at its widest without cutting off its last column', async () => {
      const page = await open('/?view=coverage&preset=life-event-agency&empty=show', WIDE);
      const matrix = page.getByTestId('coverage-matrix');
      await matrix.waitFor();
      const heads = matrix.locator('thead th.colhead:not(.sum)');
      const all = (await api<{ colNodes: unknown[] }>('/api/coverage?preset=life-event-agency')).colNodes.length;
      await expect.poll(() => heads.count()).toBe(all);
      // The table is far wider than a page: this is the case that was cut off.
      expect(await matrix.evaluate((t) => t.scrollWidth)).toBeGreaterThan(1100);
      // What a reader sees of the last column's head (an abbreviation, or the name).
      const lastHead = heads.last();
      const abbr = lastHead.locator('abbr');
      const last = (await abbr.count()) > 0 ? (await abbr.innerText()).trim() : (await lastHead.getAttribute('title'))!;
      expect(last.length).toBeGreaterThan(1);
      const pdf = await printed(page, 'print-coverage-wide');
      expect(pdfHas(pdf, last), `the last column «${last}» on paper`).toBe(true);
      expect(pdfHas(pdf, 'Dekning')).toBe(true);
      expect(pdfHas(pdf, CHROME.nb)).toBe(false);
      // The controls stay on screen.
      expect(pdfHas(pdf, 'Skjul rader og kolonner uten kobling')).toBe(false);
    });

    it('prints a picked coverage cell with its links after the matrix', async () => {
      const page = await open('/?view=coverage', WIDE);
      const cell = page.getByTestId('coverage-cell').filter({ hasText: /[1-9]/ }).first();
      await cell.click();
      const panel = page.getByTestId('coverage-cell-links');
      await expect.poll(() => panel.getByTestId('coverage-link').count()).toBeGreaterThan(0);
      const heading = (await panel.locator('h2').innerText()).trim();
      const pdf = await printed(page, 'print-coverage-cell');
      expect(pdfHas(pdf, heading)).toBe(true);
    });

    it('prints Explore as a table, Gaps, Paths, Timeline, Changes and Query', async () => {
      await printView(
        '/?view=explore&node=digdir&expanded=digdir&table=1',
        'explore-table',
        (p) => p.getByTestId('graph-table').locator('tbody tr').first().waitFor(),
        ['Digitaliseringsdirektoratet'],
      );
      await printView('/?view=gaps', 'gaps', (p) => p.getByTestId('gap-finding').first().waitFor(), ['Hull']);
      await printView('/?view=paths&from=digdir&to=livshendelse-alvorlig-sykt-barn', 'paths', (p) => p.getByTestId('path-sentence').first().waitFor(), [
        'Alvorlig sykt barn',
      ]);
      await printView('/?view=timeline', 'timeline', (p) => p.getByTestId('timeline-item').first().waitFor(), ['Tidslinje']);
      await printView('/?view=changes', 'changes', (p) => p.getByTestId('changes-section').first().waitFor(), ['Endringer']);
      const q = 'MATCH (i:Initiative) RETURN i.id AS id, i.name AS name ORDER BY id LIMIT 5';
      const first = (await api<{ items: { id: string }[] }>('/api/nodes?kind=Initiative&limit=500')).items.map((n) => n.id).sort()[0]!;
      await printView(`/?view=query&q=${encodeURIComponent(q)}`, 'query', (p) => p.getByTestId('query-results').locator('tbody tr').first().waitFor(), [first]);
    });
  });

  describe('a coverage cell’s links next to the cell', () => {
    it('opens beside the cell, and Escape closes it and puts focus back on the cell', async () => {
      const page = await open('/?view=coverage&preset=life-event-agency', WIDE);
      // A cell in the middle of the matrix: the old panel, under the whole matrix, was far from it.
      const cells = page.getByTestId('coverage-cell');
      await cells.first().waitFor();
      const cell = cells.nth(Math.floor((await cells.count()) / 2));
      const key = await cell.getAttribute('data-cell');
      await cell.click();
      const popover = page.getByTestId('coverage-cell-popover');
      await popover.waitFor();
      await expect.poll(() => popover.getByTestId('coverage-link').count()).toBeGreaterThan(0);
      // Focus is in the panel (its heading), so a keyboard or screen-reader user lands on what they opened.
      await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('coverage-cell-heading');
      await settle(page);
      const c = (await cell.boundingBox())!;
      const p = (await popover.boundingBox())!;
      const matrix = (await page.getByTestId('coverage-region').boundingBox())!;
      expect(p.y - (c.y + c.height), 'gap between the cell and its panel').toBeGreaterThanOrEqual(0);
      expect(p.y - (c.y + c.height), 'gap between the cell and its panel').toBeLessThan(40);
      // Under the cell's own column: it starts at the cell (or, near the right edge, early enough to fit) and reaches past it.
      expect(p.x, 'panel starts at or before the cell').toBeLessThanOrEqual(c.x + 1);
      expect(p.x + p.width, 'panel reaches past the cell').toBeGreaterThanOrEqual(c.x + c.width - 1);
      // And not under the whole matrix, where it used to be.
      expect(p.y).toBeLessThan(matrix.y + matrix.height);
      expect(param(page, 'cell')).toBe(key);
      await expectNoAxeViolations(page);
      await screenshot(page, 'coverage-cell-popover');

      await page.keyboard.press('Escape');
      await expect.poll(() => popover.count()).toBe(0);
      await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-cell'))).toBe(key);
      expect(param(page, 'cell')).toBeNull();

      // The keyboard alone: Enter on the focused cell opens it again, Escape from inside the panel closes it.
      await page.keyboard.press('Enter');
      await popover.waitFor();
      await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('coverage-cell-heading');
      await page.keyboard.press('Tab');
      await page.keyboard.press('Escape');
      await expect.poll(() => popover.count()).toBe(0);
      await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-cell'))).toBe(key);

      // The close button returns focus to the cell as well.
      await cell.click();
      await popover.waitFor();
      await popover.getByRole('button', { name: 'Lukk koblingene' }).click();
      await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-cell'))).toBe(key);
    });

    it('is a sheet at the bottom of a phone screen', async () => {
      const page = await open('/?view=coverage', NARROW);
      const cell = page.getByTestId('coverage-cell').first();
      await cell.click();
      const popover = page.getByTestId('coverage-cell-popover');
      await popover.waitFor();
      await settle(page);
      const p = (await popover.boundingBox())!;
      expect(Math.round(p.y + p.height)).toBe(NARROW.height);
      expect(Math.round(p.width)).toBe(NARROW.width);
      await expectNoAxeViolations(page);
      await screenshot(page, 'coverage-cell-sheet-390');
      await page.keyboard.press('Escape');
      await expect.poll(() => popover.count()).toBe(0);
      await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-cell'))).toBe(await cell.getAttribute('data-cell'));
    });

    it('names every source of the links, the dataset’s references too, never by id', async () => {
      // The ministry's responsibility for a life event cites the strategy's list of life events, a reference with no
      // year: it showed as «ref-livshendelser» when the names came only from the years' reports.
      const page = await open('/?view=coverage&preset=life-event-agency', WIDE);
      const cell = page.locator('[data-testid="coverage-cell"][data-cell="livshendelse-fa-barn|asd"]');
      await cell.click();
      const popover = page.getByTestId('coverage-cell-popover');
      await expect.poll(() => popover.innerText()).toContain('De sju prioriterte livshendelsene og ansvarlige departementer');
      expect(await popover.innerText()).not.toMatch(/\bref-[a-z]/);
    });
  });

  it('prints Explore’s graph without the app’s header', async () => {
    const page = await open('/?view=explore&node=digdir&expanded=digdir', WIDE);
    await layoutDone(page);
    const pdf = await printed(page, 'print-explore-graph');
    expect(pdfHas(pdf, CHROME.nb)).toBe(false);
  });
});
