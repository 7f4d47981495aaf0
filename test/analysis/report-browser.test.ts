// The HTML report in a real browser: it lays out within an A4 page and prints to PDF without cut table rows.
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser, type Page } from 'playwright-core';
import { snapshotFromDataset } from '../../graph/analysis/snapshot.js';
import { renderReport } from '../../graph/report/index.js';
import { loadFixture } from './store-contract.js';
import { SEEDS_DIR } from './seed-expectations.js';

const executablePath = process.env['STRATEGIGRAF_TEST_CHROMIUM'];
/** A4 width less the 15 mm page margins, in CSS pixels (96 per inch). */
const A4_CONTENT_WIDTH = Math.floor(((210 - 30) / 25.4) * 96);
/** The printed report and a picture of its first screen, kept for a person to look at. */
const OUT_DIR = path.resolve(import.meta.dirname, '../../test-results/report');

describe.runIf(executablePath)('HTML coverage report in Chromium', () => {
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    const html = renderReport(snapshotFromDataset(await loadFixture(SEEDS_DIR)), { format: 'html', generatedAt: '2021-03-01T09:00:00Z' });
    browser = await chromium.launch({ executablePath: executablePath!, args: ['--no-sandbox', '--disable-gpu'] });
    page = await browser.newPage({ viewport: { width: A4_CONTENT_WIDTH, height: 1100 } });
    await page.setContent(html, { waitUntil: 'load' });
    await page.emulateMedia({ media: 'print' });
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('fits the width of an A4 page: no table or text runs past the margin', async () => {
    const overflow = await page.evaluate((width) => {
      const wide = [...document.querySelectorAll('table, p, li, h1, h2, h3, h4')].filter((el) => el.getBoundingClientRect().right > width + 1);
      return { page: document.documentElement.scrollWidth, wide: wide.map((el) => `${el.tagName}: ${el.textContent?.slice(0, 60)}`) };
    }, A4_CONTENT_WIDTH);
    expect(overflow.wide).toEqual([]);
    expect(overflow.page).toBeLessThanOrEqual(A4_CONTENT_WIDTH);
  });

  it('keeps table rows and quotes whole and headings with what follows', async () => {
    const styles = await page.evaluate(() => ({
      row: getComputedStyle(document.querySelector('table.matrix tbody tr')!).breakInside,
      quote: getComputedStyle(document.querySelector('ul.sources li')!).breakInside,
      heading: getComputedStyle(document.querySelector('h4')!).breakAfter,
      matrix: getComputedStyle(document.querySelector('.matrix-block')!).breakInside,
    }));
    expect(styles).toEqual({ row: 'avoid', quote: 'avoid', heading: 'avoid', matrix: 'avoid' });
  });

  it('prints to A4 pages', async () => {
    const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true });
    await mkdir(OUT_DIR, { recursive: true });
    await writeFile(path.join(OUT_DIR, 'skate-report.pdf'), pdf);
    await page.screenshot({ path: path.join(OUT_DIR, 'skate-report-top.png') });
    const pages = pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? [];
    expect(pages.length).toBeGreaterThan(3);
    expect(pdf.toString('latin1')).toMatch(/\/MediaBox\s*\[\s*0 0 59[45]\.\d+ 841\.\d+\s*\]/);
  });
});
