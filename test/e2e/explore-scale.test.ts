// Explore on a generated graph of 10,000 nodes (issue 15, target 5): the whole graph drawn as groups with a notice that
// says so, a group opened from the table and from the keyboard, the table holding what the canvas draws, and the same
// URL laying out the same picture. And the seed graph, far below the threshold, is never grouped. Speed is measured in
// bench/ui-scale.ts, not here.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { generateDataset } from '../../bench/synthetic/dataset.js';
import { layoutDone, param } from './support.js';
import { useBrowserSession } from './session.js';

const enabled = Boolean(process.env['STRATEGIGRAF_TEST_CHROMIUM']);

interface OverviewAnswer {
  nodeTotal: number;
  nodes: { id: string }[];
  edges: unknown[];
  groups: { id: string; count: number }[];
  links: unknown[];
}

const canvasCounts = async (page: Page) => {
  const label = (await page.getByTestId('graph-canvas').getAttribute('aria-label')) ?? '';
  const [, nodes, edges] = /(\d+)\D+(\d+)/.exec(label) ?? [];
  return { nodes: Number(nodes), edges: Number(edges) };
};
const fingerprint = (page: Page) => page.getByTestId('graph-canvas').getAttribute('data-layout-fingerprint');
const groupRows = (page: Page) => page.getByTestId('group-row');
const nodeRows = (page: Page) => page.getByTestId('graph-table').locator('table').first().locator('tbody tr');

describe.runIf(enabled)('Explore at 10,000 nodes', { timeout: 120_000 }, () => {
  const browser = useBrowserSession({ dataset: async () => generateDataset({ nodes: 10_000, relationships: 50_000, seed: 7 }) });
  const overview = async (query = ''): Promise<OverviewAnswer> =>
    (await (await fetch(`${browser.session.app.url}/api/overview${query}`)).json()) as OverviewAnswer;

  it('draws the whole graph as tens of groups and says how many nodes they stand for', async () => {
    const expected = await overview();
    expect(expected.nodeTotal).toBe(10_000);
    expect(expected.groups.length).toBeGreaterThan(20);
    const page = await browser.open('/?view=explore&all=1');
    await layoutDone(page, 60_000);
    const notice = page.getByTestId('group-notice');
    await expect
      .poll(() => notice.textContent())
      .toMatch(new RegExp(`Viser ${expected.groups.length} grupper og ${expected.nodes.length} enkeltnoder for 10\\s000 noder`));
    await expect
      .poll(() => canvasCounts(page))
      .toEqual({ nodes: expected.groups.length + expected.nodes.length, edges: expected.edges.length + expected.links.length });
  });

  it('opens a group from the table: its members join the canvas and the table, and the notice counts one group fewer', async () => {
    const before = await overview();
    const group = [...before.groups].sort((a, b) => a.count - b.count)[0]!;
    const page = await browser.open('/?view=explore&all=1&table=1');
    await expect.poll(() => groupRows(page).count(), { timeout: 60_000 }).toBe(before.groups.length);
    await expect.poll(() => nodeRows(page).count()).toBe(before.nodes.length);
    // The counted links, listed on request (an opened group has thousands), are the lines the canvas draws to groups.
    await page.getByTestId('group-links').locator('summary').click();
    await expect.poll(() => page.getByTestId('link-row').count()).toBe(before.links.length);
    await page.locator(`[data-testid="group-row"][data-group="${group.id}"] button`).click();
    await expect.poll(() => param(page, 'groups')).toBe(group.id);
    const after = await overview(`?open=${encodeURIComponent(group.id)}`);
    await expect.poll(() => groupRows(page).count()).toBe(before.groups.length - 1);
    await expect.poll(() => nodeRows(page).count()).toBe(before.nodes.length + group.count);
    await expect.poll(() => page.getByTestId('group-notice').getAttribute('data-groups')).toBe(String(before.groups.length - 1));
    // Back on the canvas, it draws what the table listed.
    await page.getByTestId('toggle-table').click();
    await layoutDone(page, 60_000);
    await expect.poll(() => canvasCounts(page)).toEqual({ nodes: after.groups.length + after.nodes.length, edges: after.edges.length + after.links.length });
    // And gathers them again.
    await page.getByTestId('close-groups').click();
    await expect.poll(() => param(page, 'groups')).toBeNull();
    await expect
      .poll(() => canvasCounts(page))
      .toEqual({ nodes: before.groups.length + before.nodes.length, edges: before.edges.length + before.links.length });
  });

  it('selects a group from the keyboard, announces it, and opens it with Enter', async () => {
    const { groups } = await overview();
    const group = groups[0]!;
    const page = await browser.open(`/?view=explore&all=1&node=${encodeURIComponent(group.id)}`);
    await layoutDone(page, 60_000);
    // A group has no details panel of its own: the view offers to open it instead.
    await page.getByTestId('open-group').waitFor();
    expect(await page.getByTestId('details-panel').count()).toBe(0);
    await page.getByTestId('graph-canvas').focus();
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => page.getByTestId('graph-announcement').textContent()).not.toBe('');
    const now = param(page, 'node');
    if (now?.startsWith('group:')) {
      await expect.poll(() => page.getByTestId('graph-announcement').textContent()).toMatch(/^Gruppen .+ er valgt: \d+ noder; Enter utvider den\.$/);
    }
    await page.goto(page.url().replace(/node=[^&]+/, `node=${encodeURIComponent(group.id)}`));
    await layoutDone(page, 60_000);
    await page.getByTestId('graph-canvas').focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => param(page, 'groups')).toBe(group.id);
  });

  it('lays out the same URL the same way every time, and an opened group another way', async () => {
    const { groups } = await overview();
    const url = `/?view=explore&all=1&groups=${encodeURIComponent(groups[1]!.id)}`;
    const prints: (string | null)[] = [];
    for (const path of [url, url, '/?view=explore&all=1']) {
      const page = await browser.open(path);
      await layoutDone(page, 60_000);
      await expect.poll(() => fingerprint(page)).toMatch(/^[0-9a-f]+$/);
      prints.push(await fingerprint(page));
    }
    expect(prints[1]).toBe(prints[0]);
    expect(prints[2]).not.toBe(prints[0]);
  });
});

describe.runIf(enabled)('the seed graph is never grouped', { timeout: 60_000 }, () => {
  const browser = useBrowserSession();

  it('draws every node of the whole seed graph one by one, with no grouping notice', async () => {
    const expected = (await (await fetch(`${browser.session.app.url}/api/overview`)).json()) as OverviewAnswer;
    expect(expected.groups).toEqual([]);
    const page = await browser.open('/?view=explore&all=1');
    await layoutDone(page);
    await expect.poll(() => canvasCounts(page)).toEqual({ nodes: expected.nodeTotal, edges: expected.edges.length });
    expect((await page.getByTestId('group-notice').textContent())?.trim()).toBe('');
    expect(await page.getByTestId('group-table').count()).toBe(0);
  });
});
