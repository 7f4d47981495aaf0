// Gaps, Coverage, Timeline and Query in a real Chromium against the real app on the seed graph, each checked with
// axe-core (WCAG 2.1 A/AA, serious and critical) and saved as a screenshot. Explore and Paths are in explorer.test.ts.
import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { formatViolations, layoutDone, param, runAxe, screenshot } from './support.js';
import { useBrowserSession } from './session.js';

const enabled = Boolean(process.env['STRATEGIGRAF_TEST_CHROMIUM']);

describe.runIf(enabled)('the analysis views in Chromium', { timeout: 60_000 }, () => {
  const browser = useBrowserSession();
  const open = browser.open;

  async function expectNoAxeViolations(page: Page): Promise<void> {
    const violations = await runAxe(page);
    expect(formatViolations(violations), `axe on ${page.url()}`).toBe('');
  }

  async function nodeName(id: string): Promise<string> {
    const res = await fetch(`${browser.session.app.url}/api/nodes/${encodeURIComponent(id)}`);
    expect(res.status).toBe(200);
    return ((await res.json()) as { name: string }).name;
  }

  it('lists gap findings, and a finding opens in Explore with its elements highlighted and its subject selected', async () => {
    const page = await open('/?view=gaps');
    const finding = page.getByTestId('gap-finding').first();
    await finding.waitFor();
    expect(await page.getByTestId('gap-finding').count()).toBeGreaterThan(1);
    await expectNoAxeViolations(page);
    await screenshot(page, 'gaps');

    const findingText = (await finding.textContent())!;
    await finding.getByTestId('gap-open').click();
    await expect.poll(() => param(page, 'view')).toBe('explore');
    expect(param(page, 'hl')).toBeTruthy();
    const subject = param(page, 'node');
    expect(subject).toBeTruthy();
    await page.getByTestId('highlight-notice').waitFor();
    expect(await page.getByTestId('highlight-notice').isVisible()).toBe(true);
    const name = await nodeName(subject!);
    await expect.poll(() => page.getByTestId('details-panel').locator('h2').textContent()).toBe(name);
    expect(findingText).toContain(name);
    await layoutDone(page);
    await screenshot(page, 'gaps-opened-in-explore');
    // The subject is in the graph shown (the table holds the same content as the canvas), marked as selected.
    await page.getByTestId('toggle-table').click();
    await expect.poll(() => page.getByTestId('graph-table').locator('tr.selected').textContent()).toContain(name);
  });

  it('filters gaps by severity from the URL', async () => {
    const all = await open('/?view=gaps');
    await all.getByTestId('gap-finding').first().waitFor();
    const total = await all.getByTestId('gap-finding').count();
    const high = await open('/?view=gaps&severity=high');
    await high.getByTestId('gap-finding').first().waitFor();
    const highCount = await high.getByTestId('gap-finding').count();
    expect(highCount).toBeGreaterThan(0);
    expect(highCount).toBeLessThan(total);
  });

  it("shows each finding's basis, and orders the rules by their most severe finding, not by the rule's own severity", async () => {
    const page = await open('/?view=gaps');
    await page.getByTestId('gap-finding').first().waitFor();
    const groups = await page.getByTestId('gap-rule').evaluateAll((sections) =>
      sections.map((section) => ({
        rule: (section.getAttribute('aria-labelledby') ?? '').replace(/^rule-/, ''),
        findings: [...section.querySelectorAll('[data-testid="gap-finding"]')].map((f) => ({
          severity: /severity-(high|medium|low)/.exec(f.className)?.[1] ?? '',
          basis: f.querySelector('[data-testid="gap-basis"]')?.className.match(/basis-(stated|mixed|inferred)/)?.[1] ?? '',
        })),
      })),
    );
    // Rule order as the API gives it; a group's place is its most severe finding, then that order.
    const rules = ((await (await fetch(`${browser.session.app.url}/api/gaps?limit=1`)).json()) as { rules: { id: string }[] }).rules.map((r) => r.id);
    const ranks = ['high', 'medium', 'low'];
    const key = (g: (typeof groups)[number]) => [Math.min(...g.findings.map((f) => ranks.indexOf(f.severity))), rules.indexOf(g.rule)] as const;
    const sorted = [...groups].sort((a, b) => key(a)[0] - key(b)[0] || key(a)[1] - key(b)[1]);
    expect(groups.map((g) => g.rule)).toEqual(sorted.map((g) => g.rule));
    const findings = groups.flatMap((g) => g.findings);
    expect(findings.every((f) => ['stated', 'mixed', 'inferred'].includes(f.basis))).toBe(true);
    // The 2020 dataset holds findings on the analyst's inferences, and none of them is high.
    expect(findings.filter((f) => f.basis === 'inferred').length).toBeGreaterThan(0);
    expect(findings.filter((f) => f.basis === 'inferred' && f.severity === 'high')).toEqual([]);
  });

  it('shows a coverage matrix whose cells list the links behind them', async () => {
    const page = await open('/?view=coverage');
    const preset = page.getByTestId('coverage-preset');
    await preset.waitFor();
    await preset.selectOption('life-event-agency');
    await expect.poll(() => param(page, 'preset')).toBe('life-event-agency');
    // A cell with at least one link.
    const cell = page.getByTestId('coverage-cell').filter({ hasText: /[1-9]/ }).first();
    await cell.waitFor();
    await cell.click();
    await expect.poll(() => param(page, 'cell')).toBeTruthy();
    const panel = page.getByTestId('coverage-cell-links');
    await panel.waitFor();
    await expect.poll(() => panel.getByTestId('coverage-link').count()).toBeGreaterThan(0);
    expect((await panel.getByTestId('coverage-link').first().textContent())!.trim().length).toBeGreaterThan(0);
    // The matrix carries counts only; the panel shows every link of every chain the cell route gives for that cell.
    const [row, col] = (await param(page, 'cell'))!.split('|');
    const cellUrl = `${browser.session.app.url}/api/coverage/cell?preset=life-event-agency&row=${encodeURIComponent(row!)}&col=${encodeURIComponent(col!)}`;
    const fromApi = (await (await fetch(cellUrl)).json()) as { paths: string[][] };
    await expect.poll(() => panel.getByTestId('coverage-link').count()).toBe(fromApi.paths.flat().length);
    await expectNoAxeViolations(page);
    await screenshot(page, 'coverage');

    // The selected cell survives a reload from the URL.
    const links = await panel.getByTestId('coverage-link').count();
    const again = await open(new URL(page.url()).search.replace(/^/, '/'));
    await again.getByTestId('coverage-cell-links').waitFor();
    await expect.poll(() => again.getByTestId('coverage-link').count()).toBe(links);
  });

  it('shows the timeline of dated milestones', async () => {
    const page = await open('/?view=timeline');
    await page.getByTestId('timeline-item').first().waitFor();
    const items = await page.getByTestId('timeline-item').allTextContents();
    expect(items.length).toBeGreaterThan(2);
    // Each item carries a year.
    for (const text of items) expect(text).toMatch(/\b20\d\d\b/);
    await expectNoAxeViolations(page);
    await screenshot(page, 'timeline');
    // An initiative's link is a real link to Explore, and a plain click opens it there in the app.
    const initiative = page.getByTestId('timeline-initiative').first();
    const href = new URL((await initiative.getAttribute('href'))!, browser.session.app.url);
    expect(href.searchParams.get('view')).toBe('explore');
    await initiative.click();
    await expect.poll(() => param(page, 'view')).toBe('explore');
    expect(param(page, 'node')).toBe(href.searchParams.get('node'));
  });

  it('runs a typed query and an example query, and refuses a write as read-only', async () => {
    const page = await open('/?view=query');
    const input = page.getByTestId('query-input');
    await input.waitFor();
    const typed = 'MATCH (i:Initiative) RETURN i.id AS id, i.name AS name ORDER BY id LIMIT 5';
    await input.fill(typed);
    await page.getByTestId('query-run').click();
    const rows = page.getByTestId('query-results').locator('tbody tr');
    await expect.poll(() => rows.count(), { timeout: 10_000 }).toBe(5);
    // The table shows what the API answers for the same query, row by row.
    const res = await fetch(`${browser.session.app.url}/api/query`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ cypher: typed }),
    });
    const expected = ((await res.json()) as { rows: [string, string][] }).rows;
    expect(expected).toHaveLength(5);
    const shown = await rows.evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent?.trim())));
    expect(shown).toEqual(expected);
    expect(param(page, 'q')).toContain('MATCH (i:Initiative)');
    await expectNoAxeViolations(page);
    await screenshot(page, 'query');

    // The first example returns whole nodes and relationships (who leads what): shown as a graph too, and as its table.
    await page.getByTestId('query-example').first().click();
    await expect.poll(() => input.inputValue()).toContain('LEADS');
    await expect.poll(() => rows.count(), { timeout: 10_000 }).toBeGreaterThan(0);
    expect(await page.getByTestId('query-error').count()).toBe(0);
    const asGraph = page.getByTestId('query-graph');
    await asGraph.waitFor();
    await expect.poll(() => asGraph.getByTestId('graph-canvas').getAttribute('aria-label')).toMatch(/[1-9]\d* .*[1-9]\d*/);
    await expect.poll(() => asGraph.getAttribute('data-layout-ms'), { timeout: 20_000 }).toMatch(/^\d+$/);
    await screenshot(page, 'query-graph');
    await asGraph.getByRole('button', { name: 'Grafen som tabell' }).click();
    // The table alternative holds the same graph: one relationship per result row (each row is one LEADS link).
    const leads = await rows.count();
    await expect.poll(() => asGraph.getByTestId('graph-table').locator('table').nth(1).locator('tbody tr').count()).toBe(leads);
    await expectNoAxeViolations(page);

    await input.fill("CREATE (n:Agency {id:'x'})");
    await page.getByTestId('query-run').click();
    const error = page.getByTestId('query-error');
    await error.waitFor();
    expect(await error.textContent()).toMatch(/read-only|read queries|kun lese|lesespørring/i);
    await expectNoAxeViolations(page);
    await screenshot(page, 'query-error');
    // Nothing was written.
    const check = await fetch(`${browser.session.app.url}/api/nodes/x`);
    expect(check.status).toBe(404);
  });

  it('hides the empty columns of life events × agencies by default, and shows them or only the public sector on request', async () => {
    const api = (await (await fetch(`${browser.session.app.url}/api/coverage?preset=life-event-agency`)).json()) as {
      colNodes: { id: string; total: number }[];
      emptyColShare: number;
    };
    // The finding this answers: most agency columns of this matrix are empty, and they drowned the full ones.
    expect(api.emptyColShare).toBeGreaterThan(0.5);
    const full = api.colNodes.filter((c) => c.total > 0).length;
    const page = await open('/?view=coverage&preset=life-event-agency');
    const heads = page.getByTestId('coverage-matrix').locator('thead th.colhead:not(.sum)');
    await expect.poll(() => heads.count()).toBe(full);
    await page.getByTestId('coverage-hidden').waitFor();
    await expectNoAxeViolations(page);
    await screenshot(page, 'coverage-empty-hidden');

    await page.getByLabel(/Skjul rader og kolonner uten kobling/).uncheck();
    await expect.poll(() => heads.count()).toBe(api.colNodes.length);
    expect(param(page, 'empty')).toBe('show');

    await page.getByLabel(/Bare offentlig sektor/).check();
    const agencies = (await (await fetch(`${browser.session.app.url}/api/nodes?kind=Agency&limit=500`)).json()) as {
      items: { id: string; properties: { sector?: string } }[];
    };
    const publicIds = new Set(agencies.items.filter((a) => ['state', 'municipal', 'county', 'council'].includes(a.properties.sector ?? '')).map((a) => a.id));
    const publicCols = api.colNodes.filter((c) => publicIds.has(c.id)).length;
    expect(publicCols).toBeLessThan(api.colNodes.length);
    await expect.poll(() => heads.count()).toBe(publicCols);

    // The matrix as shown leaves as CSV that a spreadsheet opens with Norwegian characters intact.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('coverage-csv-excel').click()]);
    expect(download.suggestedFilename()).toBe('livshendelser-virksomheter-excel.csv');
    const bytes = await readFile((await download.path())!);
    expect(bytes.subarray(0, 3).toString('hex')).toBe('efbbbf');
    const lines = bytes.subarray(3).toString('utf8').split('\r\n');
    expect(lines[0]!.split(';')).toHaveLength(publicCols + 2);
    expect(lines.some((l) => l.startsWith('Dødsfall og arv;'))).toBe(true);
  });

  it('fits a 768-wide window: no view scrolls sideways (the coverage matrix scrolls inside its own region)', async () => {
    for (const view of ['gaps', 'coverage', 'timeline', 'query']) {
      // Coverage with its empty columns shown: the widest matrix, which must scroll inside its own region.
      const page = await open(`/?view=${view}${view === 'coverage' ? '&preset=life-event-agency&empty=show' : ''}`, { width: 768, height: 1024 });
      await page.locator('main h1').waitFor();
      await page.waitForFunction(() => !document.querySelector('[aria-busy="true"]'), null, { timeout: 10_000 });
      const widths = await page.evaluate(() => ({ page: document.documentElement.scrollWidth, viewport: window.innerWidth }));
      expect(widths.page, view).toBeLessThanOrEqual(widths.viewport);
      if (view === 'coverage') {
        const region = page.getByTestId('coverage-region');
        const inner = await region.evaluate((el) => ({ scroll: el.scrollWidth, client: el.clientWidth }));
        // The matrix is wider than the window, and its region, not the page, takes the overflow.
        expect(inner.scroll).toBeGreaterThan(inner.client);
      }
      expect(formatViolations(await runAxe(page)), `axe on ${view} at 768 px`).toBe('');
    }
  });

  it('restores a query from a shared link', async () => {
    const q = 'MATCH (a:Agency) RETURN a.id AS id ORDER BY id LIMIT 3';
    const page = await open(`/?view=query&q=${encodeURIComponent(q)}&lang=en`);
    expect(await page.getByTestId('query-input').inputValue()).toBe(q);
    // A shared query is shown, and runs either at once or on the Run button.
    const rows = page.getByTestId('query-results').locator('tbody tr');
    if ((await rows.count()) === 0) await page.getByTestId('query-run').click();
    await expect.poll(() => rows.count(), { timeout: 10_000 }).toBe(3);
    expect(await page.getByTestId('nav-query').textContent()).toBe('Query');
  });
});
