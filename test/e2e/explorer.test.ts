// The explorer in a real Chromium against the real app (seed graph, in-memory LadybugDB): Explore, Paths, the language,
// shared links, the keyboard, exports, and axe-core (WCAG 2.1 A/AA, serious and critical) with a screenshot per state.
// Gaps, Coverage, Timeline and Query are in analysis-views.test.ts. Runs when STRATEGIGRAF_TEST_CHROMIUM is set
// (npm test sets it when Chromium is installed; CI requires it).
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { formatViolations, layoutDone, param, runAxe, SCREENSHOT_DIR, screenshot, settle } from './support.js';
import { useBrowserSession } from './session.js';

const enabled = Boolean(process.env['STRATEGIGRAF_TEST_CHROMIUM']);

describe.runIf(enabled)('the explorer in Chromium', { timeout: 60_000 }, () => {
  const browser = useBrowserSession();
  const open = browser.open;

  const nodeRows = (page: Page) => page.getByTestId('graph-table').locator('table').first().locator('tbody tr');
  const detailsHeading = (page: Page) => page.getByTestId('details-panel').locator('h2');

  async function expectNoAxeViolations(page: Page): Promise<void> {
    const violations = await runAxe(page);
    expect(formatViolations(violations), `axe on ${page.url()}`).toBe('');
  }

  it('opens on the action plan and its focus areas, laid out on the canvas, with no axe violations', async () => {
    const page = await open('/');
    await layoutDone(page);
    expect(param(page, 'expanded')?.split(',')).toEqual(expect.arrayContaining(['handlingsplan', 'okt-digital-kompetanse', 'samarbeid-med-privat-sektor']));
    const canvas = page.getByTestId('graph-canvas');
    expect(await canvas.getAttribute('aria-label')).toMatch(/\d+ noder og \d+ relasjoner/);
    expect(await canvas.locator('canvas').count()).toBeGreaterThan(0);
    await expect.poll(() => page.evaluate(() => document.title)).toMatch(/Utforsk/);
    await expectNoAxeViolations(page);
    await screenshot(page, 'explore-graph');
  });

  it('greets a new user with what the data covers (read from the data) and a first task per kind of user, and remembers its dismissal', async () => {
    const page = await open('/');
    const panel = page.getByTestId('start-panel');
    await panel.waitFor();
    const years = (await (await fetch(`${browser.session.app.url}/api/years`)).json()) as { items: { year: number; sources: unknown[] }[] };
    const reported = years.items.filter((y) => y.sources.length > 0).map((y) => y.year);
    const health = (await (await fetch(`${browser.session.app.url}/api/health`)).json()) as { nodes: number; relationships: number };
    const coverage = page.getByTestId('start-coverage');
    await expect.poll(() => coverage.textContent()).toContain(`${reported[1]}–${reported.at(-1)}`);
    // The size comes from /api/health, read apart from the years: it may land a moment later.
    await expect.poll(() => coverage.textContent()).toContain(`${health.nodes} noder og ${health.relationships} relasjoner`);
    expect(await page.getByTestId('start-task-notStarted').getAttribute('href')).toContain('rule=focus-area-not-started');
    expect(await page.getByTestId('start-task-skate').getAttribute('href')).toContain('preset=focus-area-goal');
    await expectNoAxeViolations(page);

    await page.getByTestId('start-close').click();
    await expect.poll(() => panel.count()).toBe(0);
    await page.reload();
    await layoutDone(page);
    expect(await page.getByTestId('start-panel').count()).toBe(0);
    await page.getByTestId('start-open').click();
    await page.getByTestId('start-panel').waitFor();
  });

  it('axe itself reports a broken page (the checks above are not vacuous)', async () => {
    const page = await open('/?view=paths');
    await page.evaluate(() => {
      const broken = document.createElement('div');
      broken.innerHTML = '<button type="button"></button><p style="color:#bbb;background:#fff">faint text</p>';
      document.querySelector('main')!.append(broken);
    });
    const ids = (await runAxe(page)).map((v) => v.id).sort();
    expect(ids).toEqual(['button-name', 'color-contrast']);
  });

  it('searches, picks a result and shows its details with a quoted relationship', async () => {
    const page = await open('/');
    await layoutDone(page);
    await page.getByTestId('explore-search-input').fill('StimuLab');
    const option = page.getByTestId('search-option').filter({ hasText: 'StimuLab' }).first();
    await option.waitFor();
    await option.click();
    await expect.poll(() => param(page, 'node')).toBe('stimulab');
    expect(param(page, 'expanded')?.split(',')).toContain('stimulab');
    await expect.poll(() => detailsHeading(page).textContent()).toBe('StimuLab');
    const quoted = page
      .getByTestId('details-panel')
      .getByTestId('relationship')
      .filter({ has: page.getByTestId('quote') });
    await quoted.first().waitFor();
    const quote = (await quoted.first().getByTestId('quote').textContent())!.trim();
    expect(quote).toMatch(/^«.{10,}»$/s);
    expect(await page.getByTestId('explore-search-input').inputValue()).toBe('StimuLab');
  });

  it('says what the data covers when a search finds nothing, and offers the nearest names (a typo finds StimuLab)', async () => {
    const page = await open('/');
    await layoutDone(page);
    // A well-known name the sources never mention: the answer names the sources and years instead of a bare "no hits".
    await page.getByTestId('explore-search-input').fill('Kvantedatamaskin');
    const scope = page.getByTestId('search-scope');
    await scope.waitFor();
    expect(await scope.textContent()).toMatch(/Ingen treff på «Kvantedatamaskin»\.\s+Grafen bygger på \d+ kilder om årene 2020–20\d\d/);

    await page.getByTestId('explore-search-input').fill('Stimulabb');
    const suggestion = page.getByTestId('search-suggestion').filter({ hasText: 'StimuLab' }).first();
    await suggestion.waitFor();
    expect(await page.getByTestId('search-scope').textContent()).toContain('Mente du');
    await expectNoAxeViolations(page);
    // Enter alone does not take a suggestion the reader never typed; the arrow key does, then Enter picks it.
    await page.keyboard.press('Enter');
    expect(param(page, 'node')).not.toBe('stimulab');
    const api = (await (await fetch(`${browser.session.app.url}/api/nodes?q=Stimulabb`)).json()) as { suggestions: { id: string }[] };
    expect(api.suggestions.map((n) => n.id)).toContain('stimulab');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await expect.poll(() => param(page, 'node')).toBe(api.suggestions[0]!.id);
  });

  it('expands and collapses a node’s neighbours (counted in the table view), with no axe violations in table mode', async () => {
    const page = await open('/?view=explore&expanded=stimulab&table=1');
    await nodeRows(page).first().waitFor();
    // As of the latest year: StimuLab, its neighbours in the 2020 report, and the 2022 milestone of its final report.
    expect(await nodeRows(page).count()).toBe(6);
    expect(await page.getByTestId('graph-canvas').count()).toBe(0);
    // Select StimuLab's focus area from the table, then show its neighbours.
    await page
      .getByRole('button', { name: /Sammenhengende tjenester med brukeren i sentrum/ })
      .first()
      .click();
    await expect.poll(() => param(page, 'node')).toBe('sammenhengende-tjenester');
    await expect.poll(() => detailsHeading(page).textContent()).toBe('Sammenhengende tjenester med brukeren i sentrum');
    await page.getByTestId('expand').click();
    await expect.poll(() => param(page, 'expanded')).toBe('stimulab,sammenhengende-tjenester');
    await expect.poll(() => nodeRows(page).count(), { timeout: 10_000 }).toBeGreaterThan(12);
    const expandedCount = await nodeRows(page).count();
    const caption = await page.getByTestId('graph-table').locator('caption').first().textContent();
    expect(caption).toContain(`(${expandedCount})`);
    await expectNoAxeViolations(page);
    await screenshot(page, 'explore-table');

    await page.getByTestId('collapse').click();
    await expect.poll(() => param(page, 'expanded')).toBe('stimulab');
    await expect.poll(() => nodeRows(page).count()).toBe(6);
    // The table switch goes back to the canvas.
    await page.getByTestId('toggle-table').click();
    await page.getByTestId('graph-canvas').waitFor();
    expect(param(page, 'table')).toBeNull();
  });

  it('finds a path between two named nodes and spells it out, with no axe violations', async () => {
    const page = await open('/?view=paths');
    await page.getByTestId('path-from-input').fill('StartOFF');
    await page.getByTestId('search-option').filter({ hasText: 'StartOFF' }).first().click();
    await expect.poll(() => param(page, 'from')).toBe('startoff');
    await page.getByTestId('path-to-input').fill('Styrket samarbeid');
    await page.getByTestId('search-option').filter({ hasText: 'Styrket samarbeid med privat sektor' }).first().click();
    await expect.poll(() => param(page, 'to')).toBe('samarbeid-med-privat-sektor');
    const sentences = page.getByTestId('path-sentences');
    await sentences.waitFor();
    const first = (await sentences.locator('li').first().textContent())!;
    expect(first.startsWith('Senter for innovasjonsinnkjøp (StartOFF)')).toBe(true);
    expect(first).toContain('Styrket samarbeid med privat sektor');
    expect(await page.getByTestId('no-paths').count()).toBe(0);
    // The path is drawn as well.
    await page.getByTestId('graph-canvas').locator('canvas').first().waitFor();
    await settle(page);
    await expectNoAxeViolations(page);
    await screenshot(page, 'paths');
  });

  it('restores a path from a shared link (digdir → «Alvorlig sykt barn»)', async () => {
    const page = await open('/?view=paths&from=digdir&to=livshendelse-alvorlig-sykt-barn');
    const sentences = page.getByTestId('path-sentences');
    await sentences.waitFor();
    const text = (await sentences.textContent())!;
    expect(text).toContain('Digitaliseringsdirektoratet');
    expect(text).toContain('Alvorlig sykt barn');
    // The pickers show names, not ids.
    await expect.poll(() => page.getByTestId('path-from-input').inputValue()).toBe('Digitaliseringsdirektoratet');
    // Every hop carries its evidence, and an inferred hop says so in the sentence itself (it used to read as fact).
    const api = (await (await fetch(`${browser.session.app.url}/api/paths?from=digdir&to=livshendelse-alvorlig-sykt-barn&maxLength=6`)).json()) as {
      paths: { edges: { properties: { basis: string } }[] }[];
    };
    const items = page.getByTestId('path-sentence');
    expect(await items.count()).toBe(api.paths.length);
    const inferredSteps = api.paths.map((p) => p.edges.filter((e) => e.properties.basis === 'inferred').length);
    expect(inferredSteps.some((n) => n > 0)).toBe(true);
    for (const [i, path] of api.paths.entries()) {
      const item = items.nth(i);
      expect(await item.getByTestId('path-inferred').count()).toBe(inferredSteps[i]);
      expect(await item.getByTestId('path-hop').count()).toBe(path.edges.length);
    }
    await items.first().locator('summary').click();
    await expect.poll(() => items.first().getByTestId('path-hop').first().isVisible()).toBe(true);
    await expectNoAxeViolations(page);
  });

  it('switches the language: navigation, <html lang> and the URL', async () => {
    const page = await open('/');
    await layoutDone(page);
    expect(await page.getByTestId('nav-explore').textContent()).toBe('Utforsk');
    expect(await page.locator('html').getAttribute('lang')).toBe('nb');
    await page.getByTestId('lang-toggle').click();
    await expect.poll(() => page.getByTestId('nav-explore').textContent()).toBe('Explore');
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    expect(param(page, 'lang')).toBe('en');
    expect(await page.getByTestId('graph-canvas').getAttribute('aria-label')).toMatch(/\d+ nodes and \d+ relationships/);
    await expectNoAxeViolations(page);
    await screenshot(page, 'explore-en');
    await page.getByTestId('lang-toggle').click();
    await expect.poll(() => page.getByTestId('nav-explore').textContent()).toBe('Utforsk');
    expect(await page.locator('html').getAttribute('lang')).toBe('nb');
    expect(param(page, 'lang')).toBeNull();
  });

  it('draws the same URL the same way twice: the layout is seeded by the graph, not by chance', async () => {
    // Where the layout put each node, not the canvas pixels: a busy machine may still be painting labels or re-fitting
    // after a resize when a screenshot is taken, and that says nothing about the layout.
    const placed = async () => {
      const page = await open('/?view=explore&expanded=stimulab,digdir');
      await layoutDone(page);
      const fingerprint = await page.getByTestId('graph-canvas').getAttribute('data-layout-fingerprint');
      const nodes = await page.getByTestId('graph-canvas').getAttribute('aria-label');
      return { fingerprint, nodes };
    };
    const first = await placed();
    const second = await placed();
    expect(first.fingerprint).toMatch(/^[0-9a-f]+$/);
    expect(first.nodes).toMatch(/\d+ noder/);
    expect(second).toEqual(first);
  });

  it('draws no label on top of another: in the first picture and in an expanded neighbourhood, at 1280 and 390 wide', async () => {
    // GraphCanvas counts the overlapping pairs among the labels drawn at the fitted zoom (those the level of detail
    // shows); before labels counted in each node's size and hid by zoom, the first picture had them stacked.
    for (const viewport of [undefined, { width: 390, height: 844 }]) {
      for (const url of ['/', '/?view=explore&expanded=stimulab,digdir']) {
        const page = await open(url, viewport);
        await layoutDone(page);
        const overlaps = await page.getByTestId('graph-canvas').getAttribute('data-label-overlaps');
        expect({ url, width: viewport?.width ?? 1280, overlaps }).toEqual({ url, width: viewport?.width ?? 1280, overlaps: '0' });
      }
    }
  });

  it('restores the view from a shared URL in a fresh page (node, expansion, table, English)', async () => {
    const page = await open('/?view=explore&node=stimulab&expanded=stimulab&table=1&lang=en');
    await expect.poll(() => detailsHeading(page).textContent()).toBe('StimuLab');
    await nodeRows(page).first().waitFor();
    expect(await nodeRows(page).count()).toBe(6);
    expect(await page.getByTestId('toggle-table').getAttribute('aria-pressed')).toBe('true');
    expect(await page.getByTestId('nav-explore').textContent()).toBe('Explore');
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    expect(await page.getByTestId('details-panel').textContent()).toContain('Neighbours');
    // The selected node is marked in the table.
    expect(await page.getByTestId('graph-table').locator('tr.selected').textContent()).toContain('StimuLab');
    await expectNoAxeViolations(page);
    await screenshot(page, 'explore-table-en');
  });

  it('is usable from the keyboard: skip link, navigation, search, canvas (arrows select, Enter expands)', async () => {
    const page = await open('/');
    await layoutDone(page);
    const focused = () =>
      page.evaluate(() => {
        const el = document.activeElement as HTMLElement | null;
        return el?.dataset['testid'] ?? el?.className ?? el?.tagName ?? '';
      });
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Hopp til innholdet');
    const seen: string[] = [];
    for (let i = 0; i < 60 && !seen.includes('graph-canvas'); i++) {
      await page.keyboard.press('Tab');
      seen.push(await focused());
    }
    const order = ['nav-explore', 'nav-query', 'lang-toggle', 'explore-search-input', 'layout-select', 'toggle-table', 'graph-canvas'].map((id) =>
      seen.indexOf(id),
    );
    expect(
      order.every((i) => i >= 0),
      `tab order: ${seen.join(' → ')}`,
    ).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);

    // On the canvas, an arrow key selects the node in the middle and opens its details; the next arrows move along
    // the relationships to a neighbour, and the selection is announced; Enter shows its neighbours.
    expect(param(page, 'node')).toBeNull();
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => param(page, 'node')).not.toBeNull();
    const first = param(page, 'node')!;
    await page.getByTestId('details-panel').waitFor();
    await expect.poll(() => detailsHeading(page).textContent()).not.toMatch(/^(Detaljer)?$/);
    expect(await focused()).toBe('graph-canvas');
    await expect.poll(() => page.getByTestId('graph-announcement').textContent()).toMatch(/er valgt; \d+ (nabo|naboer) i grafen/);
    for (const key of ['ArrowRight', 'ArrowDown', 'ArrowLeft', 'ArrowUp']) {
      await page.keyboard.press(key);
      if (param(page, 'node') !== first) break;
    }
    await expect.poll(() => param(page, 'node')).not.toBe(first);
    const second = param(page, 'node')!;
    const neighbours = (await (await fetch(`${browser.session.app.url}/api/nodes/${first}/neighbors?depth=1`)).json()) as { nodes: { id: string }[] };
    expect(neighbours.nodes.map((n) => n.id)).toContain(second);
    // The selected node stays in view after the details panel took its place beside the canvas.
    await expect
      .poll(async () => {
        const [x, y, w, h] = ((await page.getByTestId('graph-canvas').getAttribute('data-selected-at')) ?? '-1,-1,0,0').split(',').map(Number);
        return x! >= 0 && y! >= 0 && x! <= w! && y! <= h!;
      })
      .toBe(true);
    if (!param(page, 'expanded')!.split(',').includes(second)) {
      await page.keyboard.press('Enter');
      await expect.poll(() => param(page, 'expanded')?.split(',')).toContain(second);
    }

    // The search is a combobox: type, arrow down through the options, Enter picks.
    await page.getByTestId('explore-search-input').focus();
    await page.keyboard.type('Digdir');
    await page.getByTestId('search-option').first().waitFor();
    expect(await page.getByTestId('explore-search-input').getAttribute('aria-expanded')).toBe('true');
    expect(await page.getByTestId('explore-search-input').getAttribute('aria-activedescendant')).toBe('explore-search-opt-0');
    await page.keyboard.press('Enter');
    await expect.poll(() => param(page, 'node')).toBe('digdir');
    expect(await page.getByTestId('explore-search-input').getAttribute('aria-expanded')).toBe('false');
  });

  it('downloads the graph as PNG and as SVG, framed with title, legend, sources, year, filters and date', async () => {
    const page = await open('/?view=explore&expanded=stimulab&kinds=Initiative,FocusArea,Agency');
    await layoutDone(page);
    const [png] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-png').click()]);
    expect(png.suggestedFilename()).toBe('strategigraf-stimulab.png');
    const pngBytes = await readFile((await png.path())!);
    expect(pngBytes.length).toBeGreaterThan(1000);
    expect(pngBytes.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
    // The frame adds height for the title above and the legend and footer below the drawing (IHDR: width, height).
    const pngHeight = pngBytes.readUInt32BE(20);
    expect(pngHeight).toBeGreaterThan(200);
    await mkdir(SCREENSHOT_DIR, { recursive: true });
    await writeFile(path.join(SCREENSHOT_DIR, 'explore-export-figure.png'), pngBytes);

    const [svg] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-svg').click()]);
    expect(svg.suggestedFilename()).toBe('strategigraf-stimulab.svg');
    const svgText = await readFile((await svg.path())!, 'utf8');
    expect(svgText.trimStart().startsWith('<svg')).toBe(true);
    expect(svgText).toContain('StimuLab');
    expect(svgText.trimEnd().endsWith('</svg>')).toBe(true);
    expect(svgText).toContain('<title>Strategigraf – StimuLab</title>');
    expect(svgText).toMatch(/Kilde: Strategigraf, bygd på \d+ kilder om årene 2020–20\d\d; data per 20\d\d\./);
    expect(svgText).toContain('Filtre: nodetyper Initiativer, Innsatsområder, Virksomheter.');
    expect(svgText).toMatch(/Laget \d{4}-\d\d-\d\d fra http/);
    // The legend names every kind drawn, and only those.
    expect(svgText).toContain('>Initiativ<');
    expect(svgText).not.toContain('>Livshendelse<');
    await screenshot(page, 'explore-export');
  });

  it('puts the graph first on a phone (legend and start panel folded) and lays the details over it as a sheet', async () => {
    const page = await open('/?view=explore', { width: 390, height: 844 });
    await layoutDone(page);
    const canvas = (await page.getByTestId('graph-canvas').boundingBox())!;
    // It used to start about 950 px down, below the open legend.
    expect(canvas.y).toBeLessThan(420);
    expect(await page.getByTestId('legend').evaluate((el) => (el as HTMLDetailsElement).open)).toBe(false);
    expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
    await expectNoAxeViolations(page);
    await screenshot(page, 'explore-390');

    await page.getByTestId('explore-search-input').fill('StimuLab');
    await page.getByTestId('search-option').filter({ hasText: 'StimuLab' }).first().click();
    await expect.poll(() => detailsHeading(page).textContent()).toBe('StimuLab');
    const sheet = (await page.locator('aside.side').boundingBox())!;
    // A sheet over the lower part of the screen, not a page below the graph.
    expect(sheet.y + sheet.height).toBeLessThanOrEqual(844 + 1);
    expect(sheet.y).toBeGreaterThan(844 * 0.3);
    await expectNoAxeViolations(page);
    await screenshot(page, 'explore-390-details');
  });

  it('fits a 768×1024 tablet screen without horizontal scrolling, with no axe violations', async () => {
    const page = await open('/?view=explore&node=stimulab', { width: 768, height: 1024 });
    await layoutDone(page);
    await expect.poll(() => detailsHeading(page).textContent()).toBe('StimuLab');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    const box = (await page.getByTestId('graph-canvas').boundingBox())!;
    expect(box.width).toBeGreaterThan(300);
    expect(box.x + box.width).toBeLessThanOrEqual(768);
    await expectNoAxeViolations(page);
    await screenshot(page, 'explore-768x1024');
  });
});
