// Every view at 1440×900 and 390×844 (issue 14's "Done when"), each saved as a screenshot in test-results/screenshots
// (screen-<view>-<width>.png, git-ignored) for a person to look at, and each checked for what a picture alone would not
// prove: the view's heading (or, in Explore, its canvas) on screen, nothing wider than the window, and no serious or
// critical axe violation. The audit trail needs an admin, so it has a signed-in session of its own.
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { formatViolations, layoutDone, runAxe, screenshot } from './support.js';
import { useBrowserSession } from './session.js';
import { useSignedInSession } from './signed-in.js';

const enabled = Boolean(process.env['STRATEGIGRAF_TEST_CHROMIUM']);

const VIEWPORTS = [
  { width: 1440, height: 900 },
  { width: 390, height: 844 },
] as const;

interface Screen {
  name: string;
  /** The page to open; a function when it depends on the data (a finding's id, the largest initiative). */
  path: string | ((url: string) => Promise<string>);
  /** Waits for what the view loads, and gives what must be visible for the view to be there at all. */
  ready(page: Page): Promise<Locator>;
  /** The start panel stays open (the first visit); otherwise it is dismissed as a returning user has. */
  firstVisit?: boolean;
  /** At 1440 the view is one screen, its panels scrolling inside it: the page itself does not scroll. */
  oneScreen?: boolean;
}

async function json<T>(url: string): Promise<T> {
  const res = await fetch(url);
  expect(res.status, url).toBe(200);
  return (await res.json()) as T;
}

const SCREENS: Screen[] = [
  {
    name: 'start',
    path: '/',
    firstVisit: true,
    async ready(page) {
      await layoutDone(page);
      await page.getByTestId('start-coverage').waitFor({ state: 'attached' }); // folded on a phone
      return page.locator('#start-heading');
    },
  },
  {
    name: 'explore',
    path: '/',
    oneScreen: true,
    async ready(page) {
      await layoutDone(page);
      // Explore's heading is for screen readers; what a sighted user must see is the graph.
      expect(await page.locator('#explore-heading').textContent()).toBe('Utforsk grafen');
      return page.getByTestId('graph-canvas');
    },
  },
  {
    name: 'explore-details',
    path: '/?view=explore&node=stimulab&expanded=stimulab',
    oneScreen: true,
    async ready(page) {
      await layoutDone(page);
      const heading = page.getByTestId('details-panel').locator('h2');
      await expect.poll(() => heading.textContent()).toBe('StimuLab');
      await page.getByTestId('at-a-glance').waitFor();
      return heading;
    },
  },
  {
    name: 'explore-table',
    path: '/?view=explore&expanded=stimulab,digdir&table=1',
    async ready(page) {
      const table = page.getByTestId('graph-table');
      await table.locator('tbody tr').first().waitFor();
      return table.locator('caption').first();
    },
  },
  {
    name: 'paths',
    path: '/?view=paths&from=digdir&to=livshendelse-alvorlig-sykt-barn',
    async ready(page) {
      await page.getByTestId('path-sentences').waitFor();
      await page.getByTestId('graph-canvas').locator('canvas').first().waitFor();
      return page.locator('#paths-heading');
    },
  },
  {
    name: 'gaps',
    path: '/?view=gaps',
    async ready(page) {
      await page.getByTestId('gap-finding').first().waitFor();
      return page.locator('#gaps-heading');
    },
  },
  {
    name: 'finding',
    async path(url) {
      const gaps = await json<{ findings: { id: string; rule: string; evidence: { edges: unknown[] } }[] }>(`${url}/api/gaps`);
      // A finding with links in its evidence, so the page shows them.
      const finding = gaps.findings.find((f) => f.evidence.edges.length > 0) ?? gaps.findings[0]!;
      return `/?view=gaps&finding=${encodeURIComponent(finding.id)}`;
    },
    async ready(page) {
      await page.getByTestId('finding-page').getByTestId('gap-open').waitFor();
      return page.locator('#finding-heading');
    },
  },
  {
    name: 'coverage',
    path: '/?view=coverage',
    async ready(page) {
      await page.getByTestId('coverage-cell').first().waitFor();
      return page.locator('#coverage-heading');
    },
  },
  {
    name: 'coverage-cell',
    path: '/?view=coverage&preset=life-event-agency',
    async ready(page) {
      const cell = page.getByTestId('coverage-cell').filter({ hasText: /[1-9]/ }).first();
      await cell.waitFor();
      await cell.click();
      await page.getByTestId('coverage-cell-links').getByTestId('coverage-link').first().waitFor();
      return page.locator('#coverage-heading');
    },
  },
  {
    name: 'timeline',
    path: '/?view=timeline',
    async ready(page) {
      await page.getByTestId('timeline-item').first().waitFor();
      return page.locator('#timeline-heading');
    },
  },
  {
    name: 'changes',
    path: '/?view=changes',
    async ready(page) {
      await page.getByTestId('changes-comparing').waitFor();
      await page.getByTestId('change-row').first().waitFor();
      return page.locator('#changes-heading');
    },
  },
  {
    name: 'query',
    path: `/?view=query&q=${encodeURIComponent('MATCH (a:Agency) RETURN a.id AS id, a.name AS name ORDER BY id LIMIT 5')}`,
    async ready(page) {
      // A query in the link runs by itself; a query that failed (say, timed out on a busy machine) is shown as such.
      const rows = page.getByTestId('query-results').locator('tbody tr');
      const outcome = async () =>
        (await page.getByTestId('query-error').count()) > 0 ? await page.getByTestId('query-error').innerText() : await rows.count();
      await expect.poll(outcome, { timeout: 20_000 }).toBe(5);
      return page.locator('#query-heading');
    },
  },
  {
    name: 'sheet',
    async path(url) {
      // The largest initiative: the one with the most relationships, whose sheet has the most to fit.
      const list = await json<{ items: { id: string }[] }>(`${url}/api/nodes?kind=Initiative&limit=500`);
      const counted = await Promise.all(
        list.items.map(async (n) => {
          const detail = await json<{ id: string; degree?: Record<string, { in: number; out: number }> }>(`${url}/api/nodes/${encodeURIComponent(n.id)}`);
          return { id: n.id, size: Object.values(detail.degree ?? {}).reduce((sum, d) => sum + d.in + d.out, 0) };
        }),
      );
      counted.sort((a, b) => b.size - a.size || a.id.localeCompare(b.id));
      return `/?view=sheet&node=${encodeURIComponent(counted[0]!.id)}`;
    },
    async ready(page) {
      await page.getByTestId('fact-sheet').getByTestId('at-a-glance').waitFor();
      return page.getByTestId('fact-sheet').locator('h1');
    },
  },
];

/** The checks every screen gets, and its screenshot. */
async function check(page: Page, name: string, target: Locator, width: number, oneScreen = false): Promise<void> {
  // The view's heading (or canvas) is on screen, within the window's width and starting on its first screen.
  expect(await target.isVisible(), `${name} ${width}: heading visible`).toBe(true);
  const box = (await target.boundingBox())!;
  expect(box.x, `${name} ${width}: heading inside the window`).toBeGreaterThanOrEqual(0);
  expect(box.x + Math.min(box.width, 40), `${name} ${width}: heading inside the window`).toBeLessThanOrEqual(width);
  expect(box.y, `${name} ${width}: heading on the first screen`).toBeLessThan(page.viewportSize()!.height);
  // Nothing makes the page scroll sideways (a wide matrix or table scrolls inside its own region).
  const overflow = await page.evaluate(() => ({ scroll: document.scrollingElement!.scrollWidth, inner: window.innerWidth }));
  expect(overflow.scroll, `${name} ${width}: page wider than the window`).toBeLessThanOrEqual(overflow.inner);
  if (oneScreen && width > 1100) {
    // The details panel's screen-reader text once stretched the page 1,600 px below it into empty space.
    const height = await page.evaluate(() => ({ scroll: document.scrollingElement!.scrollHeight, inner: window.innerHeight }));
    expect(height.scroll, `${name} ${width}: page taller than the window`).toBeLessThanOrEqual(height.inner);
  }
  expect(formatViolations(await runAxe(page)), `axe on ${name} ${width}`).toBe('');
  await screenshot(page, `screen-${name}-${width}`);
}

describe.runIf(enabled)('every view at 1440 and 390 wide', { timeout: 90_000 }, () => {
  const browser = useBrowserSession();

  for (const screen of SCREENS) {
    it(`shows ${screen.name} at 1440×900 and 390×844: heading on screen, no sideways scroll, no axe violations`, async () => {
      const path = typeof screen.path === 'string' ? screen.path : await screen.path(browser.session.app.url);
      for (const viewport of VIEWPORTS) {
        // A returning user has dismissed the start panel: said on a page that loads nothing (Paths with no ends), so the
        // view itself loads once (a query in the link run twice would queue behind itself).
        const page = await browser.open(screen.firstVisit ? path : '/?view=paths', viewport);
        if (!screen.firstVisit) {
          await page.evaluate(() => localStorage.setItem('strategigraf.start.dismissed', '1'));
          await page.goto(`${browser.session.app.url}${path}`);
          await page.getByTestId('nav-explore').waitFor();
        }
        const target = await screen.ready(page);
        await check(page, screen.name, target, viewport.width, screen.oneScreen);
      }
    });
  }
});

describe.runIf(enabled)('the audit trail at 1440 and 390 wide, signed in as an admin', { timeout: 90_000 }, () => {
  const session = useSignedInSession();

  it('shows audit at 1440×900 and 390×844: heading on screen, no sideways scroll, no axe violations', async () => {
    // Something in the trail: the admin makes an API token for a script.
    const made = await session.api('POST', '/api/tokens', { body: { name: 'Skjermbilde (skript)', role: 'reader', expiresInDays: 1 } });
    expect(made.status).toBeLessThan(300);
    for (const viewport of VIEWPORTS) {
      const page = await session.open('/', { as: 'anna', viewport });
      await page.evaluate(() => localStorage.setItem('strategigraf.start.dismissed', '1'));
      await page.getByTestId('nav-audit').click();
      await page.getByTestId('audit-entry').first().waitFor();
      await check(page, 'audit', page.locator('#audit-heading'), viewport.width);
    }
  });
});
