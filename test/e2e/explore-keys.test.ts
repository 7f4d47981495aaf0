// Issue 14, findings 9 and 10 in a real Chromium on the seed graph: how many key presses it takes to reach Explore's
// canvas from the top of the page (it took thirty Tabs), the canvas's buttons as one toolbar, and that a highlighted
// relationship never points at a faded node (GraphCanvas's applyMarks; the canvas reports its marks in data-highlighted
// and data-faded because Cytoscape draws no DOM per node).
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { formatViolations, layoutDone, param, runAxe } from './support.js';
import { useBrowserSession } from './session.js';

const enabled = Boolean(process.env['STRATEGIGRAF_TEST_CHROMIUM']);

/** What has the keyboard focus: its test id, else its text. */
const focused = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    return el?.dataset['testid'] ?? (el?.textContent ?? '').trim();
  });

describe.runIf(enabled)('Explore from the keyboard in Chromium', { timeout: 60_000 }, () => {
  const browser = useBrowserSession();
  const open = browser.open;

  /** Tabs from the top of a fresh page until the canvas has focus; the stops passed on the way. */
  async function tabToCanvas(page: Page): Promise<string[]> {
    const stops: string[] = [];
    for (let i = 0; i < 60; i++) {
      await page.keyboard.press('Tab');
      stops.push(await focused(page));
      if (stops.at(-1) === 'graph-canvas') return stops;
    }
    throw new Error(`the canvas was not reached in 60 tab stops: ${stops.join(' → ')}`);
  }

  for (const viewport of [
    { width: 1440, height: 900 },
    { width: 390, height: 844 },
  ]) {
    it(`reaches the graph's canvas in three key presses through the skip link (${viewport.width} wide)`, async () => {
      const page = await open('/', viewport);
      await layoutDone(page);
      // Tab, Tab, Enter: past "skip to content" to "skip to the graph", which puts the focus on the canvas.
      await page.keyboard.press('Tab');
      expect(await focused(page)).toBe('Hopp til innholdet');
      await page.keyboard.press('Tab');
      expect(await focused(page)).toBe('skip-to-graph');
      // Shown while it has focus (it is off-screen otherwise), and inside the window.
      const link = (await page.getByTestId('skip-to-graph').boundingBox())!;
      expect(link.x).toBeGreaterThanOrEqual(0);
      expect(link.x + link.width).toBeLessThanOrEqual(viewport.width);
      await page.keyboard.press('Enter');
      expect(await focused(page)).toBe('graph-canvas');
      // The jump leaves the URL as it was: a shared link says what is shown, not where the keyboard went.
      expect(new URL(page.url()).hash).toBe('');
      // The canvas is on screen, and its keys work at once: an arrow selects a node.
      const canvas = (await page.getByTestId('graph-canvas').boundingBox())!;
      expect(canvas.y).toBeLessThan(viewport.height);
      expect(canvas.y + canvas.height).toBeGreaterThan(0);
      await page.keyboard.press('ArrowRight');
      await expect.poll(() => param(page, 'node')).not.toBeNull();
    });
  }

  it('counts the plain Tab stops to the canvas at 1440 wide: the canvas buttons are one stop, not five', async () => {
    const page = await open('/', { width: 1440, height: 900 });
    await layoutDone(page);
    const stops = await tabToCanvas(page);
    // Thirty before (issue 14, finding 10). Now: two skip links, seven views, the year, the language, the start panel
    // (its close button and six first tasks), search, layout, one toolbar, table, reset, filters, legend, relation types,
    // and the canvas.
    expect(stops.length, stops.join(' → ')).toBeLessThanOrEqual(27);
    expect(stops.filter((s) => ['Tilpass', '+', '−', 'PNG', 'SVG', 'export-png', 'export-svg'].includes(s))).toEqual(['Tilpass']);
    // With the start panel dismissed (a returning user) six fewer: its seven stops give way to the header's button that
    // brings it back.
    await page.getByTestId('start-close').click();
    await page.reload();
    await layoutDone(page);
    const returning = await tabToCanvas(page);
    expect(returning.length, returning.join(' → ')).toBeLessThanOrEqual(21);
  });

  it('moves through the toolbar with the arrow keys, and Tab comes back to the button last used', async () => {
    const page = await open('/?view=explore', { width: 1440, height: 900 });
    await layoutDone(page);
    const toolbar = page.getByTestId('explore-toolbar');
    expect(await toolbar.getAttribute('role')).toBe('toolbar');
    expect(await toolbar.getAttribute('aria-label')).toBe('Visning og eksport');
    await page.getByTestId('layout-select').focus();
    await page.keyboard.press('Tab');
    expect(await focused(page)).toBe('Tilpass');
    await page.keyboard.press('ArrowRight');
    expect(await focused(page)).toBe('whole-graph');
    await page.keyboard.press('ArrowRight');
    expect(await focused(page)).toBe('+');
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowLeft');
    expect(await focused(page)).toBe('export-svg'); // wraps round
    await page.keyboard.press('Home');
    expect(await focused(page)).toBe('Tilpass');
    await page.keyboard.press('End');
    expect(await focused(page)).toBe('export-svg');
    await page.keyboard.press('ArrowLeft');
    expect(await focused(page)).toBe('export-png');
    // Tab leaves the toolbar; Shift+Tab comes back to PNG, the button last used, not to the first.
    await page.keyboard.press('Tab');
    expect(await focused(page)).toBe('toggle-table');
    await page.keyboard.press('Shift+Tab');
    expect(await focused(page)).toBe('export-png');
    // A button still works from the keyboard and keeps the focus: Enter on "Vis som tabell" is outside, so take SVG.
    await page.keyboard.press('End');
    const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
    expect(download.suggestedFilename()).toMatch(/\.svg$/);
    expect(await focused(page)).toBe('export-svg');
    expect(formatViolations(await runAxe(page)), 'axe').toBe('');
  });

  it('offers no skip to the graph where there is no canvas (the table view)', async () => {
    const page = await open('/?view=explore&expanded=stimulab&table=1');
    await page.getByTestId('graph-table').waitFor();
    expect(await page.getByTestId('skip-to-graph').count()).toBe(0);
  });

  it('never fades the ends of a highlighted relationship: a Gaps finding whose evidence link leaves its nodes', async () => {
    // A finding whose evidence holds a relationship with an end that is neither its subject nor one of its evidence
    // nodes: "show in Explore" highlights that relationship, and before the fix its far end was drawn faded.
    const gaps = (await (await fetch(`${browser.session.app.url}/api/gaps`)).json()) as {
      findings: { id: string; subject: { id: string }; evidence: { nodes: { id: string }[]; edges: { id: string; from: string; to: string }[] } }[];
    };
    const chosen = gaps.findings
      .map((f) => {
        const named = new Set([f.subject.id, ...f.evidence.nodes.map((n) => n.id)]);
        return { finding: f, edge: f.evidence.edges.find((e) => !named.has(e.from) || !named.has(e.to)) };
      })
      .find((c) => c.edge !== undefined);
    expect(chosen, 'a finding with an evidence link leaving its nodes (the seeds have 19)').toBeDefined();
    const { finding, edge } = chosen as { finding: (typeof gaps.findings)[number]; edge: { id: string; from: string; to: string } };

    const page = await open(`/?view=gaps&finding=${encodeURIComponent(finding.id)}`, { width: 1440, height: 900 });
    await page.getByTestId('finding-page').getByTestId('gap-open').click();
    await expect.poll(() => param(page, 'view')).toBe('explore');
    expect(param(page, 'hl')?.split(',')).toContain(edge.id);
    expect(param(page, 'hl')?.split(',')).not.toContain(edge.from === finding.subject.id ? edge.to : edge.from);
    await layoutDone(page);
    const canvas = page.getByTestId('graph-canvas');
    // The marks as the canvas reports them, once the neighbourhoods have all arrived (they load one by one).
    const marks = async () => {
      const highlighted = (await canvas.getAttribute('data-highlighted'))?.split(' ') ?? [];
      const nodes = Number(/(\d+) noder?/.exec((await canvas.getAttribute('aria-label')) ?? '')?.[1] ?? -1);
      const faded = Number((await canvas.getAttribute('data-faded')) ?? -1);
      // Relationship ids hold their type between colons (from:TYPE:to); node ids are slugs.
      return { highlighted, fadedAndHighlightedNodes: faded + highlighted.filter((id) => !id.includes(':')).length, nodes, faded };
    };
    await expect.poll(async () => (await marks()).highlighted).toEqual(expect.arrayContaining([edge.id, edge.from, edge.to]));
    // Both ends are drawn highlighted, so not faded, and the rest of the graph is faded: every node one or the other.
    await expect
      .poll(async () => {
        const m = await marks();
        return m.fadedAndHighlightedNodes === m.nodes && m.faded > 0;
      })
      .toBe(true);

    // Without a highlight the canvas reports nothing marked.
    await page.getByRole('button', { name: 'Tilbakestill' }).click();
    await expect.poll(() => canvas.getAttribute('data-highlighted')).toBeNull();
  });
});
