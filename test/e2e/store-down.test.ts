// The UI when its store is down: a real app whose real LadybugDB store cannot open (its file would live below
// /dev/null), in Chromium. Every view must say so in words, offer a retry where it loaded data, and stay accessible.
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LadybugStore } from '../../graph/adapters/ladybug/store.js';
import { buildApp } from '../../server/app.js';
import { ensureWebBuild, formatViolations, launchBrowser, runAxe, screenshot, WEB_ROOT } from './support.js';

const enabled = Boolean(process.env['STRATEGIGRAF_TEST_CHROMIUM']);
const STORE_DOWN_NB = 'Datalageret er utilgjengelig. Prøv igjen om litt.';

describe.runIf(enabled)('the explorer with its store down', { timeout: 60_000 }, () => {
  let browser: Browser;
  let close: () => Promise<void>;
  let url: string;

  beforeAll(async () => {
    await ensureWebBuild();
    const store = new LadybugStore({ path: path.join('/dev/null', `strategigraf-${process.pid}`, 'graph.lbug') });
    const app = await buildApp({ store, webRoot: WEB_ROOT, rateLimits: { query: 10_000, write: 10_000 } });
    url = await app.listen({ host: '127.0.0.1', port: 0 });
    browser = await launchBrowser();
    close = async () => {
      await browser.close();
      await app.close();
    };
  });
  afterAll(async () => {
    await close?.();
  });

  async function open(query: string) {
    const page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
    const errors: string[] = [];
    page.on('pageerror', (err) => errors.push(err.message));
    await page.goto(`${url}/${query}`);
    await page.getByTestId('nav-explore').waitFor();
    return { page, errors };
  }

  it('says so in a banner and in each data view, with a retry, and no axe violations', async () => {
    for (const view of ['explore', 'gaps', 'coverage', 'timeline']) {
      const { page, errors } = await open(`?view=${view}`);
      const banner = page.locator('p.banner[role="alert"]');
      await banner.waitFor();
      expect(await banner.textContent()).toBe(STORE_DOWN_NB);
      // The view's own message (not only the banner), and a way to try again.
      const alerts = page.locator('main [role="alert"]');
      await expect.poll(() => alerts.allTextContents(), { timeout: 10_000, message: view }).toContainEqual(expect.stringContaining(STORE_DOWN_NB));
      expect(await page.locator('main [role="alert"] button').count(), view).toBe(1);
      expect(formatViolations(await runAxe(page)), `axe on ${view}`).toBe('');
      if (view === 'gaps') await screenshot(page, 'store-down-gaps');
      expect(errors, `uncaught errors on ${view}`).toEqual([]);
      await page.context().close();
    }
  });

  it('answers a query with the store-down message rather than a stack or silence', async () => {
    const { page, errors } = await open(`?view=query&lang=en`);
    await page.getByTestId('query-input').fill('MATCH (n) RETURN count(n) AS n');
    await page.getByTestId('query-run').click();
    const error = page.getByTestId('query-error');
    await error.waitFor();
    expect(await error.textContent()).toMatch(/store is unavailable|unavailable/i);
    expect(await page.getByTestId('query-results').count()).toBe(0);
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
