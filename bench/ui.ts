// The web UI in headless Chromium against the real app (`npm run bench`, or `npm run bench -- --only=ui`), written into
// docs/benchmarks.md between <!-- ui:start --> and <!-- ui:end -->.
//
// 1. Seed graph: time to interactive (navigation start → Explore's canvas has laid out its first graph, which
//    GraphCanvas reports as body[data-layout-ms]), the first layout's own time, first contentful paint; cold (fresh
//    browser context, empty cache) and warm (same context, cached assets), median of several runs.
// 2. Initial JavaScript: the entry module and its modulepreloads from dist/web/index.html, gzipped with node:zlib.
// 3. Generated graph (5,000 nodes / 20,000 relationships, seed 7): Explore opened with `expanded` set to enough hubs
//    that (nearly) every node is on the canvas; time to interactive, layout time, and frames per second while panning
//    for 3 s with real mouse drags (page.mouse) on empty background, counted with requestAnimationFrame.
// 4. Cytoscape's WebGL renderer (experimental since 3.31, `webgl: true`): through the UI's `renderer=webgl` URL flag when
//    the UI honours it, otherwise on a copy of the laid-out graph made in the page with the same Cytoscape, styles and
//    positions — canvas and WebGL renderer side by side in one browser started with SwiftShader allowed (no GPU here).
// Options: --runs=N (default 5), --no-write (print only), --quick (3 runs, 1.5 s pans; never written).
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser, Page } from 'playwright-core';
import { generateDataset } from './synthetic/dataset.js';
import type { Dataset } from '../graph/schema/dataset.js';
import { chromiumPath, ensureWebBuild, launchBrowser, REPO_ROOT, startApp, WEB_ROOT, type RunningApp } from '../test/e2e/support.js';
import { DOC, MACHINE, writeSection } from './doc.js';

const argv = process.argv.slice(2);
const quick = argv.includes('--quick');
const runs = Number(argv.find((a) => a.startsWith('--runs='))?.slice(7) ?? (quick ? 3 : 5));
const panSeconds = quick ? 1.5 : 3;
const VIEWPORT = { width: 1280, height: 900 };
const LARGE = { nodes: 5000, relationships: 20000, seed: 7 };
/** How long a pan measurement waits for the canvas to go idle before it pans anyway (reported as "> N s"). */
const SETTLE_LIMIT_MS = 60_000;
/** Ids in the `expanded` URL parameter; the request line must stay under Node's 16 KiB header limit. */
const MAX_HUBS = 640;

const log = (...args: unknown[]) => console.error('[bench:ui]', ...args);
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length === 0 ? NaN : s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};
const fmt = (n: number, digits = 0) => (Number.isFinite(n) ? n.toFixed(digits) : 'n/a');
/** A settle time, or "> 20 s" when the canvas never went idle within the limit. */
const settled = (ms: number) => (ms >= SETTLE_LIMIT_MS ? `> ${SETTLE_LIMIT_MS / 1000} s` : `${fmt(ms)} ms`);
const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;

// --- in-page probes -------------------------------------------------------------------------------------------------

/** Installed before any page script: notes when GraphCanvas reports its first finished layout, and the frame after. */
const TTI_PROBE = `(() => {
  const w = window;
  const arm = () => {
    new MutationObserver((_, obs) => {
      if (document.body.dataset.layoutMs === undefined) return;
      w.__layoutDoneAt = performance.now();
      obs.disconnect();
      requestAnimationFrame(() => { w.__firstGraphFrameAt = performance.now(); });
    }).observe(document.body, { attributes: true, attributeFilter: ['data-layout-ms'] });
  };
  if (document.body) arm(); else document.addEventListener('DOMContentLoaded', arm, { once: true });
})();`;

export interface LoadFigures {
  tti: number;
  firstFrame: number;
  layoutMs: number;
  fcp: number;
  domContentLoaded: number;
  nodes: number;
  edges: number;
  jsRequested: string[];
}

export async function measureLoad(page: Page, url: string, timeout: number): Promise<LoadFigures> {
  await page.goto(url, { waitUntil: 'commit' });
  await page.waitForFunction(() => (window as unknown as { __firstGraphFrameAt?: number }).__firstGraphFrameAt !== undefined, null, { timeout, polling: 100 });
  return page.evaluate(() => {
    const w = window as unknown as { __layoutDoneAt: number; __firstGraphFrameAt: number };
    const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
    const fcp = performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN;
    const label = document.querySelector('[data-testid="graph-canvas"]')?.getAttribute('aria-label') ?? '';
    const [, nodes, edges] = /(\d+)\D+(\d+)/.exec(label) ?? [];
    const js = (performance.getEntriesByType('resource') as PerformanceResourceTiming[])
      .filter((r) => new URL(r.name).pathname.endsWith('.js'))
      .map((r) => new URL(r.name).pathname);
    return {
      tti: w.__layoutDoneAt,
      firstFrame: w.__firstGraphFrameAt,
      layoutMs: Number(document.body.dataset['layoutMs']),
      fcp,
      domContentLoaded: nav?.domContentLoadedEventEnd ?? NaN,
      nodes: Number(nodes),
      edges: Number(edges),
      jsRequested: js,
    };
  });
}

export interface PanFigures {
  /** From the start of measuring until frames come at display rate again (Cytoscape fills its texture caches). */
  settleMs: number;
  fps: number;
  p95FrameMs: number;
  longestFrameMs: number;
  panEvents: number;
  mouseMoves: number;
  seconds: number;
  renderer: string;
}

/** Waits until 10 frames in a row take under 50 ms each (or `limit` ms pass); returns how long that took. */
async function waitForIdleFrames(page: Page, limit: number): Promise<number> {
  return page.evaluate(
    (max) =>
      new Promise<number>((resolve) => {
        const started = performance.now();
        let last = started;
        let calm = 0;
        const tick = (t: number) => {
          calm = t - last < 50 ? calm + 1 : 0;
          last = t;
          if (calm >= 10 || t - started > max) resolve(t - started);
          else requestAnimationFrame(tick);
        };
        requestAnimationFrame(tick);
      }),
    limit,
  );
}

/**
 * Once the canvas is idle, drags the graph around a circle for `seconds` (and at least 8 moves) with page.mouse,
 * starting on empty background inside `selector` so Cytoscape pans rather than moving a node, and counts animation
 * frames meanwhile. Each page.mouse.move waits for the page to take the event, as a real pointer would queue.
 */
export async function measurePan(page: Page, selector: string, seconds: number): Promise<PanFigures> {
  const settleMs = await waitForIdleFrames(page, SETTLE_LIMIT_MS);
  const setup = await page.evaluate((sel) => {
    const host = document.querySelector(sel) as HTMLElement & { _cyreg?: { cy?: any } };
    const cy = host._cyreg?.cy;
    if (!cy) throw new Error(`no Cytoscape instance on ${sel}`);
    const rect = host.getBoundingClientRect();
    // The point of the middle area farthest from any node's rendered box: a drag there pans.
    const boxes = cy.nodes().map((n: any) => n.renderedBoundingBox({ includeLabels: false }));
    let best = { x: rect.width / 2, y: rect.height / 2, d: -1 };
    for (let gx = 0.3; gx <= 0.7; gx += 0.02) {
      for (let gy = 0.3; gy <= 0.7; gy += 0.02) {
        const x = rect.width * gx;
        const y = rect.height * gy;
        let d = Infinity;
        for (const b of boxes) d = Math.min(d, Math.max(b.x1 - x, x - b.x2, b.y1 - y, y - b.y2, 0));
        if (d > best.d) best = { x, y, d };
      }
    }
    const w = window as unknown as { __pan: { events: number; frames: number[]; running: boolean } };
    w.__pan = { events: 0, frames: [], running: true };
    cy.on('pan', () => w.__pan.events++);
    const tick = (t: number) => {
      if (!w.__pan.running) return;
      w.__pan.frames.push(t);
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
    const renderer = host.querySelector('canvas[data-id$="-webgl"]') ? 'webgl' : 'canvas';
    return { x: rect.left + best.x, y: rect.top + best.y, clearance: best.d, renderer };
  }, selector);
  if (setup.clearance < 2) log(`warning: no clear background in ${selector} (clearance ${setup.clearance.toFixed(1)} px); the drag may move a node`);
  await page.mouse.move(setup.x, setup.y);
  await page.mouse.down();
  const started = Date.now();
  let moves = 0;
  while (Date.now() - started < seconds * 1000 || moves < 8) {
    const angle = (moves / 30) * Math.PI * 2;
    await page.mouse.move(setup.x + Math.cos(angle) * 120 - 120, setup.y + Math.sin(angle) * 80);
    moves++;
  }
  await page.mouse.up();
  const elapsed = (Date.now() - started) / 1000;
  const result = await page.evaluate(() => {
    const w = window as unknown as { __pan: { events: number; frames: number[]; running: boolean } };
    w.__pan.running = false;
    return { events: w.__pan.events, frames: w.__pan.frames };
  });
  const frames = result.frames;
  const intervals = frames
    .slice(1)
    .map((t, i) => t - frames[i]!)
    .sort((a, b) => a - b);
  const span = frames.length > 1 ? frames[frames.length - 1]! - frames[0]! : NaN;
  return {
    settleMs,
    fps: ((frames.length - 1) / span) * 1000,
    p95FrameMs: intervals[Math.floor(intervals.length * 0.95)] ?? NaN,
    longestFrameMs: intervals[intervals.length - 1] ?? NaN,
    panEvents: result.events,
    mouseMoves: moves,
    seconds: elapsed,
    renderer: setup.renderer,
  };
}

type WebglRow = { how: string; renderer: string } & ({ firstFrameMs: number; pan: PanFigures } | { failed: string });

interface CloneVariant {
  name: string;
  /** Extra Cytoscape core options (webgl, textureOnViewport, hideEdgesOnViewport …). */
  core: Record<string, unknown>;
  /** Extra style for every node (e.g. min-zoomed-font-size). */
  nodeStyle?: Record<string, unknown>;
}

/**
 * A copy of the graph Explore laid out, in a new Cytoscape instance over the canvas (the same library build, styles and
 * positions), with other core options or node styles. Returns the time to the copy's first frame.
 */
async function cloneGraph(page: Page, variant: CloneVariant): Promise<{ firstFrameMs: number; webglActive: boolean }> {
  return page.evaluate(async ({ core, nodeStyle }) => {
    const w = window as unknown as { __clone?: { destroy(): void } };
    w.__clone?.destroy();
    document.getElementById('bench-clone')?.remove();
    const source = document.querySelector('[data-testid="graph-canvas"]') as HTMLElement & { _cyreg?: { cy?: any } };
    const cy = source._cyreg!.cy;
    const rect = source.getBoundingClientRect();
    const host = document.createElement('div');
    host.id = 'bench-clone';
    Object.assign(host.style, {
      position: 'fixed',
      left: `${rect.left}px`,
      top: `${rect.top}px`,
      width: `${rect.width}px`,
      height: `${rect.height}px`,
      background: '#fff',
      zIndex: '1000',
    });
    document.body.append(host);
    const started = performance.now();
    const Core = cy.constructor;
    const style = cy.style().json();
    if (nodeStyle) style.push({ selector: 'node', style: nodeStyle });
    const clone = new Core({ container: host, elements: cy.elements().jsons(), style, layout: { name: 'preset' }, minZoom: 0.05, maxZoom: 4, ...core });
    w.__clone = clone;
    clone.fit(undefined, 30);
    await new Promise<void>((r) => requestAnimationFrame(() => requestAnimationFrame(() => r())));
    return { firstFrameMs: performance.now() - started, webglActive: Boolean(host.querySelector('canvas[data-id$="-webgl"]')) };
  }, variant);
}

const CLONE_VARIANTS: CloneVariant[] = [
  { name: 'canvas, options as in the UI', core: {} },
  { name: 'canvas + `textureOnViewport` + `hideEdgesOnViewport`', core: { textureOnViewport: true, hideEdgesOnViewport: true } },
  { name: 'canvas + node labels hidden below 8 px (`min-zoomed-font-size: 8`)', core: {}, nodeStyle: { 'min-zoomed-font-size': 8 } },
  { name: 'WebGL (`webgl: true`)', core: { webgl: true } },
];

// --- the large graph ------------------------------------------------------------------------------------------------

/** Greedy cover: hub ids whose depth-1 neighbourhoods (as Explore fetches them, ≤ 300 nodes each) reach `target` nodes. */
function hubsCovering(dataset: Dataset, target: number, maxHubs: number): { ids: string[]; covered: number } {
  const adjacent = new Map<string, Set<string>>();
  for (const n of dataset.nodes) adjacent.set(n.id, new Set([n.id]));
  for (const r of dataset.relationships) {
    adjacent.get(r.from)!.add(r.to);
    adjacent.get(r.to)!.add(r.from);
  }
  const covered = new Set<string>();
  const ids: string[] = [];
  // Lazy greedy: candidates by degree; recount the gain of the best before taking it.
  const candidates = [...adjacent.entries()].filter(([, s]) => s.size <= 300).sort((a, b) => b[1].size - a[1].size);
  while (covered.size < target && ids.length < maxHubs && candidates.length > 0) {
    let bestIndex = 0;
    let bestGain = -1;
    for (let i = 0; i < Math.min(candidates.length, 400); i++) {
      let gain = 0;
      for (const m of candidates[i]![1]) if (!covered.has(m)) gain++;
      if (gain > bestGain) {
        bestGain = gain;
        bestIndex = i;
      }
    }
    if (bestGain <= 0) break;
    const [id, hood] = candidates.splice(bestIndex, 1)[0]!;
    ids.push(id);
    for (const m of hood) covered.add(m);
  }
  return { ids, covered: covered.size };
}

// --- bundle ---------------------------------------------------------------------------------------------------------

async function initialJs(): Promise<{ files: { file: string; raw: number; gzip: number }[]; css: { raw: number; gzip: number } }> {
  const html = await readFile(path.join(WEB_ROOT, 'index.html'), 'utf8');
  const attrs = (tag: string) => Object.fromEntries([...tag.matchAll(/([\w-]+)(?:="([^"]*)")?/g)].slice(1).map((m) => [m[1]!, m[2] ?? '']));
  const tags = [...html.matchAll(/<(script|link)\b[^>]*>/g)].map((m) => ({ name: m[1]!, attrs: attrs(m[0]) }));
  const js = tags
    .filter((t) => (t.name === 'script' && t.attrs['type'] === 'module' && t.attrs['src']) || (t.name === 'link' && t.attrs['rel'] === 'modulepreload'))
    .map((t) => t.attrs['src'] ?? t.attrs['href']!);
  const css = tags.filter((t) => t.name === 'link' && t.attrs['rel'] === 'stylesheet').map((t) => t.attrs['href']!);
  const sized = async (href: string) => {
    const bytes = await readFile(path.join(WEB_ROOT, href.replace(/^\//, '')));
    return { file: href, raw: bytes.length, gzip: gzipSync(bytes).length };
  };
  const files = await Promise.all(js.map(sized));
  const cssFiles = await Promise.all(css.map(sized));
  return { files, css: { raw: cssFiles.reduce((a, f) => a + f.raw, 0), gzip: cssFiles.reduce((a, f) => a + f.gzip, 0) } };
}

// --- measuring steps ----------------------------------------------------------------------------------------------

export async function newPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ viewport: VIEWPORT });
  // tsx (esbuild keepNames) wraps named functions in the page callbacks with __name(); give the page a no-op one.
  await context.addInitScript('window.__name = (fn) => fn;');
  await context.addInitScript(TTI_PROBE);
  return context.newPage();
}

/** Step 1: the seed graph, each run cold (a fresh context) then warm (the same context again). */
async function measureSeed(browser: Browser, url: string): Promise<{ cold: LoadFigures[]; warm: LoadFigures[] }> {
  const cold: LoadFigures[] = [];
  const warm: LoadFigures[] = [];
  for (let i = 0; i < runs; i++) {
    const page = await newPage(browser);
    cold.push(await measureLoad(page, url, 30_000));
    warm.push(await measureLoad(page, url, 30_000));
    await page.context().close();
    log(`seed run ${i + 1}/${runs}: cold TTI ${fmt(cold.at(-1)!.tti)} ms, warm ${fmt(warm.at(-1)!.tti)} ms`);
  }
  return { cold, warm };
}

interface LargeFigures {
  large: (LoadFigures & { pan: PanFigures })[];
  concentric: LoadFigures;
  concentricPan: PanFigures;
}

/** Step 3: the generated graph with the default layout (a few runs) and once with the concentric layout. */
async function measureLarge(browser: Browser, largeUrl: string): Promise<LargeFigures> {
  const large: (LoadFigures & { pan: PanFigures })[] = [];
  const largeRuns = quick ? 1 : Math.min(3, runs);
  for (let i = 0; i < largeRuns; i++) {
    const page = await newPage(browser);
    const load = await measureLoad(page, largeUrl, 600_000);
    const pan = await measurePan(page, '[data-testid="graph-canvas"]', panSeconds);
    large.push({ ...load, pan });
    await page.context().close();
    log(
      `large run ${i + 1}/${largeRuns}: ${load.nodes} nodes, ${load.edges} edges, TTI ${fmt(load.tti)} ms, layout ${fmt(load.layoutMs)} ms, pan ${fmt(pan.fps, 1)} fps`,
    );
  }
  const concentricPage = await newPage(browser);
  const concentric = await measureLoad(concentricPage, `${largeUrl}&layout=concentric`, 600_000);
  const concentricPan = await measurePan(concentricPage, '[data-testid="graph-canvas"]', panSeconds);
  await concentricPage.context().close();
  log(`concentric: layout ${fmt(concentric.layoutMs)} ms, pan ${fmt(concentricPan.fps, 1)} fps`);
  return { large, concentric, concentricPan };
}

/**
 * Step 4: WebGL needs a WebGL context, which without a GPU means SwiftShader (software), allowed by a flag on
 * `glBrowser`. Each variant gets a page of its own (the concentric layout of the large graph, loaded afresh), so a
 * renderer that crashes its page is recorded as such and the others still run.
 */
async function measureRenderers(glBrowser: Browser, concentricUrl: string): Promise<{ webglAvailable: boolean; webglRows: WebglRow[] }> {
  const probe = await newPage(glBrowser);
  const webglAvailable = await probe.evaluate(() => Boolean(document.createElement('canvas').getContext('webgl2')));
  await probe.context().close();
  const webglRows: WebglRow[] = [];
  for (const variant of CLONE_VARIANTS) {
    if (variant.core['webgl'] && !webglAvailable) continue;
    const page = await newPage(glBrowser);
    try {
      await measureLoad(page, concentricUrl, 600_000);
      const clone = await cloneGraph(page, variant);
      const pan = await measurePan(page, '#bench-clone', panSeconds);
      webglRows.push({
        how: variant.name,
        renderer: clone.webglActive ? 'webgl' : variant.core['webgl'] ? 'canvas (WebGL refused)' : 'canvas',
        firstFrameMs: clone.firstFrameMs,
        pan,
      });
      log(`copy, ${variant.name}: first frame ${fmt(clone.firstFrameMs)} ms, settled after ${fmt(pan.settleMs)} ms, pan ${fmt(pan.fps, 1)} fps`);
    } catch (err) {
      const reason = err instanceof Error ? err.message.split('\n')[0]! : String(err);
      webglRows.push({ how: variant.name, renderer: variant.core['webgl'] ? 'webgl' : 'canvas', failed: reason });
      log(`copy, ${variant.name}: failed: ${reason}`);
    } finally {
      await page
        .context()
        .close()
        .catch(() => undefined);
    }
  }
  return { webglAvailable, webglRows };
}

// --- report ---------------------------------------------------------------------------------------------------------

type Bundle = Awaited<ReturnType<typeof initialJs>>;

function seedSection(chromiumVersion: string, seed: { cold: LoadFigures[]; warm: LoadFigures[] }, bundle: Bundle): string[] {
  const { cold, warm } = seed;
  const pick = (xs: LoadFigures[], k: keyof LoadFigures) => median(xs.map((x) => x[k] as number));
  const jsGzip = bundle.files.reduce((a, f) => a + f.gzip, 0);
  const jsRaw = bundle.files.reduce((a, f) => a + f.raw, 0);
  const requested = [...new Set(cold[0]!.jsRequested)];
  return [
    '## Web UI in headless Chromium',
    '',
    `Run ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC on ${MACHINE}; Chromium ${chromiumVersion} headless with \`--disable-gpu\` (software rendering), viewport ${VIEWPORT.width}×${VIEWPORT.height}${quick ? ' (quick mode)' : ''}.`,
    'The real app (`buildApp` on an in-memory LadybugDB store) serves the production build in dist/web over 127.0.0.1.',
    '"Time to interactive" runs from navigation start to the moment Explore\'s canvas reports its first finished layout',
    '(GraphCanvas `onLayoutDone` → `body[data-layout-ms]`); it includes loading the bundle, the API calls and the layout.',
    `Cold: a fresh browser context (empty cache); warm: the same context loading the page again. Medians of ${runs} runs.`,
    '',
    '| measure | seed graph, cold | seed graph, warm |',
    '| --- | ---: | ---: |',
    `| graph on the canvas | ${cold[0]!.nodes} nodes, ${cold[0]!.edges} relationships | same |`,
    `| first contentful paint | ${fmt(pick(cold, 'fcp'))} ms | ${fmt(pick(warm, 'fcp'))} ms |`,
    `| DOMContentLoaded | ${fmt(pick(cold, 'domContentLoaded'))} ms | ${fmt(pick(warm, 'domContentLoaded'))} ms |`,
    `| time to interactive (first layout done) | ${fmt(pick(cold, 'tti'))} ms | ${fmt(pick(warm, 'tti'))} ms |`,
    `| first layout alone (fcose) | ${fmt(pick(cold, 'layoutMs'))} ms | ${fmt(pick(warm, 'layoutMs'))} ms |`,
    `| first frame of the laid-out graph | ${fmt(pick(cold, 'firstFrame'))} ms | ${fmt(pick(warm, 'firstFrame'))} ms |`,
    '',
    `Initial JavaScript (the entry module and its modulepreloads in dist/web/index.html, gzip level 6): **${kib(jsGzip)} gzipped** (${kib(jsRaw)} raw) in ${bundle.files.length} file${bundle.files.length === 1 ? '' : 's'}; CSS ${kib(bundle.css.gzip)} gzipped.`,
    `JavaScript the browser actually fetched on the first visit: ${requested.map((f) => `\`${path.basename(f)}\``).join(', ')} (the other views are lazy chunks).`,
    '',
  ];
}

function largeSection(dataset: Dataset, cover: { ids: string[]; covered: number }, figures: LargeFigures): string[] {
  const { large, concentric, concentricPan } = figures;
  const largeMedian = {
    nodes: large[0]!.nodes,
    edges: large[0]!.edges,
    tti: median(large.map((l) => l.tti)),
    layoutMs: median(large.map((l) => l.layoutMs)),
    fps: median(large.map((l) => l.pan.fps)),
    p95: median(large.map((l) => l.pan.p95FrameMs)),
    longest: Math.max(...large.map((l) => l.pan.longestFrameMs)),
    panEvents: median(large.map((l) => l.pan.panEvents)),
    moves: median(large.map((l) => l.pan.mouseMoves)),
    settle: median(large.map((l) => l.pan.settleMs)),
    seconds: median(large.map((l) => l.pan.seconds)),
  };
  return [
    `### ${LARGE.nodes.toLocaleString('en')} nodes / ${LARGE.relationships.toLocaleString('en')} relationships (generated, seed ${LARGE.seed})`,
    '',
    `Explore opened with \`expanded\` set to ${cover.ids.length} hub ids chosen greedily so their depth-1 neighbourhoods (as Explore`,
    `fetches them) cover ${cover.covered} of ${dataset.nodes.length} nodes: **${largeMedian.nodes} nodes and ${largeMedian.edges} relationships on the canvas**.`,
    '"Settles" is how long after the layout the page keeps drawing long frames (Cytoscape fills its label and element',
    'texture caches over many frames) until 10 frames in a row take under 50 ms. Panning starts after that: mouse drags',
    `(page.mouse; each move waits until the page has taken it) in a circle from empty background for ${panSeconds} s and at`,
    'least 8 moves; frames counted with requestAnimationFrame. Medians of the runs named.',
    '',
    '| layout | runs | time to interactive | layout time | settles after | pan fps | p95 frame | longest frame | pan events / mouse moves (s) |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    `| fcose (default; \`quality: draft\` above 800 nodes) | ${large.length} | ${fmt(largeMedian.tti)} ms | ${fmt(largeMedian.layoutMs)} ms | ${settled(largeMedian.settle)} | ${fmt(largeMedian.fps, 1)} | ${fmt(largeMedian.p95)} ms | ${fmt(largeMedian.longest)} ms | ${fmt(largeMedian.panEvents)} / ${fmt(largeMedian.moves)} (${fmt(largeMedian.seconds, 1)}) |`,
    `| concentric (\`layout=concentric\`) | 1 | ${fmt(concentric.tti)} ms | ${fmt(concentric.layoutMs)} ms | ${settled(concentricPan.settleMs)} | ${fmt(concentricPan.fps, 1)} | ${fmt(concentricPan.p95FrameMs)} ms | ${fmt(concentricPan.longestFrameMs)} ms | ${concentricPan.panEvents} / ${concentricPan.mouseMoves} (${fmt(concentricPan.seconds, 1)}) |`,
    '',
  ];
}

function rendererSection({ webglAvailable, webglRows }: { webglAvailable: boolean; webglRows: WebglRow[] }): string[] {
  return [
    "### Renderer options and Cytoscape's WebGL renderer",
    '',
    'Cytoscape 3.35 has an experimental WebGL renderer (core option `webgl: true`, since 3.31; options `webglTexSize`,',
    '`webglTexRows`, `webglBatchSize`, `webglTexPerBatch`). Without a GPU, Chromium offers WebGL only through SwiftShader',
    `(software), allowed here with \`--enable-unsafe-swiftshader\`; WebGL2 ${webglAvailable ? 'was' : 'was **not**'} available. ` +
      'Every row is a copy of the laid-out graph (concentric layout, the same nodes) made in a fresh page with the same Cytoscape build, styles and positions, with only the option named changed.',
    '',
    '| variant | renderer | first frame | settles after | pan fps | p95 frame | longest frame | pan events / mouse moves (s) |',
    '| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...webglRows.map((r) =>
      'failed' in r
        ? `| ${r.how} | ${r.renderer} | failed: ${r.failed.replace(/\|/g, '/')} | | | | | |`
        : `| ${r.how} | ${r.renderer} | ${fmt(r.firstFrameMs)} ms | ${settled(r.pan.settleMs)} | ${fmt(r.pan.fps, 1)} | ${fmt(r.pan.p95FrameMs)} ms | ${fmt(r.pan.longestFrameMs)} ms | ${r.pan.panEvents} / ${r.pan.mouseMoves} (${fmt(r.pan.seconds, 1)}) |`,
    ),
    ...(webglRows.length === 0 ? ['| — | — | not measured | | | | | |'] : []),
    '',
    'Software WebGL says little about a real GPU: read the WebGL rows as "it works and how it compares on this machine", not',
    'as what users with a graphics card will see.',
  ];
}

/** Prints the section and, unless --no-write or --quick (a quick run is for trying the harness), writes it to the doc. */
async function publish(body: string): Promise<void> {
  console.log(body);
  if (!argv.includes('--no-write') && !quick) {
    await writeSection('ui', body);
    log(`written to ${path.relative(REPO_ROOT, DOC)}`);
  }
}

// --- main -----------------------------------------------------------------------------------------------------------

export async function runUiBenchmarks(): Promise<void> {
  log(`Chromium ${chromiumPath()}; building the UI if stale…`);
  await ensureWebBuild();
  const bundle = await initialJs();

  let seedApp: RunningApp | null = null;
  let largeApp: RunningApp | null = null;
  let browser: Browser | null = null;
  let glBrowser: Browser | null = null;
  try {
    seedApp = await startApp();
    browser = await launchBrowser();
    const chromiumVersion = browser.version();
    const seed = await measureSeed(browser, `${seedApp.url}/`);

    log('generating the 5,000-node graph and loading it…');
    const dataset = generateDataset(LARGE);
    largeApp = await startApp(dataset);
    const cover = hubsCovering(dataset, dataset.nodes.length, MAX_HUBS);
    // grouping=off: every node drawn one by one, as before Explore grouped large views (bench/ui-scale.ts measures those).
    const largeUrl = `${largeApp.url}/?view=explore&lang=en&grouping=off&expanded=${cover.ids.join(',')}`;
    log(`${cover.ids.length} hubs cover ${cover.covered} nodes; URL ${largeUrl.length} characters`);
    const largeFigures = await measureLarge(browser, largeUrl);
    await browser.close();
    browser = null;

    glBrowser = await launchBrowser(['--enable-unsafe-swiftshader']);
    const renderers = await measureRenderers(glBrowser, `${largeUrl}&layout=concentric`);

    await publish([...seedSection(chromiumVersion, seed, bundle), ...largeSection(dataset, cover, largeFigures), ...rendererSection(renderers)].join('\n'));
  } finally {
    await browser?.close();
    await glBrowser?.close();
    await seedApp?.close();
    await largeApp?.close();
  }
}
