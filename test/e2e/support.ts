// Shared machinery for the browser suites and bench/ui.ts: a current build of the web UI, the real app on an in-memory
// LadybugDB store listening on a free port, headless Chromium, axe-core and screenshots.
//
// Vitest runs every test file in its own process, so the build is guarded by a lock directory (mkdir is atomic): the
// first process that finds dist/web stale builds it, the others wait for the lock and then find it current.
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdir, rm, stat } from 'node:fs/promises';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { LadybugStore } from '../../graph/adapters/ladybug/store.js';
import { loadDatasetDir } from '../../graph/dataset/load.js';
import type { Dataset } from '../../graph/schema/dataset.js';
import { buildApp } from '../../server/app.js';
import { webBuildReason } from '../../server/cli/web-build.js';

export const REPO_ROOT = path.resolve(import.meta.dirname, '../..');
export const WEB_SRC = path.join(REPO_ROOT, 'web');
export const WEB_ROOT = path.join(REPO_ROOT, 'dist', 'web');
export const SCREENSHOT_DIR = path.join(REPO_ROOT, 'test-results', 'screenshots');

/** The flags every browser run uses: no sandbox (containers), no GPU, and nothing that phones home. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-quic',
  '--no-first-run',
  '--disable-sync',
];

const run = promisify(execFile);

/** The same rule as `npm start`: built from exactly the inputs there are now (server/cli/web-build.ts). */
async function buildIsCurrent(): Promise<boolean> {
  return webBuildReason(REPO_ROOT, WEB_ROOT) === null;
}

const LOCK = path.join(os.tmpdir(), 'strategigraf-web-build.lock');
const STALE_LOCK_MS = 5 * 60_000;

async function acquireLock(): Promise<void> {
  const deadline = Date.now() + STALE_LOCK_MS + 30_000;
  for (;;) {
    try {
      await mkdir(LOCK);
      return;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      // A lock left by a killed process is taken over once it is older than any build could take.
      const age = await stat(LOCK).then(
        (s) => Date.now() - s.mtimeMs,
        () => 0,
      );
      if (age > STALE_LOCK_MS) await rm(LOCK, { recursive: true, force: true });
      if (Date.now() > deadline) throw new Error(`timed out waiting for the web build lock ${LOCK}`);
      await new Promise((r) => setTimeout(r, 250));
    }
  }
}

let building: Promise<void> | null = null;

/** Builds the UI (vite build) when dist/web is missing or any input changed; safe to call from parallel processes. */
export function ensureWebBuild(): Promise<void> {
  building ??= (async () => {
    if (await buildIsCurrent()) return;
    await acquireLock();
    try {
      if (await buildIsCurrent()) return; // another process built it while we waited
      const vite = path.join(REPO_ROOT, 'node_modules', 'vite', 'bin', 'vite.js');
      try {
        await run(process.execPath, [vite, 'build', '--logLevel', 'warn'], {
          cwd: REPO_ROOT,
          maxBuffer: 16 * 1024 * 1024,
          env: { ...process.env, NODE_ENV: 'production' },
        });
      } catch (err) {
        const e = err as { stdout?: string; stderr?: string; message: string };
        throw new Error(`vite build failed: ${e.message}\n${e.stdout ?? ''}\n${e.stderr ?? ''}`);
      }
    } finally {
      await rm(LOCK, { recursive: true, force: true });
    }
  })();
  return building;
}

let seeds: Dataset | null = null;

/** A fixture dataset directory (e.g. test/fixtures/model), loaded and validated as the app would load seeds. */
export async function fixtureDataset(dir: string): Promise<Dataset> {
  const result = await loadDatasetDir(path.join(REPO_ROOT, dir));
  if (!result.ok) throw new Error(`the fixture ${dir} is invalid: ${JSON.stringify(result.problems).slice(0, 2000)}`);
  return result.dataset;
}

export async function seedDataset(): Promise<Dataset> {
  if (!seeds) {
    const result = await loadDatasetDir(path.join(REPO_ROOT, 'seeds'));
    if (!result.ok) throw new Error(`the seed dataset is invalid: ${JSON.stringify(result.problems).slice(0, 2000)}`);
    seeds = result.dataset;
  }
  return seeds;
}

/** A dataset directory of the repository, loaded and checked. */
export async function datasetAt(dir: string): Promise<Dataset> {
  const result = await loadDatasetDir(path.join(REPO_ROOT, dir));
  if (!result.ok) throw new Error(`the dataset ${dir} is invalid: ${JSON.stringify(result.problems).slice(0, 2000)}`);
  return result.dataset;
}

export interface RunningApp {
  url: string;
  store: LadybugStore;
  close(): Promise<void>;
}

/**
 * The real app (API + built UI) on an in-memory store holding `dataset` (the seeds by default), on 127.0.0.1:<free port>.
 * With `adminToken`, the bootstrap admin token works as on a server started with STRATEGIGRAF_ADMIN_TOKEN: a suite makes
 * its editors' API tokens with it (POST /api/tokens).
 */
export async function startApp(dataset?: Dataset, options: { adminToken?: string } = {}): Promise<RunningApp> {
  const store = new LadybugStore({ path: ':memory:' });
  await store.open();
  await store.replaceDataset(dataset ?? (await seedDataset()));
  // The suites and the benchmark run many queries a minute from one address; the production limits are not under test here.
  const app = await buildApp({
    store,
    webRoot: WEB_ROOT,
    rateLimits: { query: 10_000, write: 10_000 },
    ...(options.adminToken ? { adminToken: options.adminToken } : {}),
  });
  const address = await app.listen({ host: '127.0.0.1', port: 0 });
  return {
    url: address,
    store,
    async close() {
      await app.close();
      await store.close();
    },
  };
}

/** The Chromium named by STRATEGIGRAF_TEST_CHROMIUM (npm test sets it) or CHROMIUM_PATH, else /usr/bin/chromium. */
export function chromiumPath(): string {
  return process.env['STRATEGIGRAF_TEST_CHROMIUM'] || process.env['CHROMIUM_PATH'] || '/usr/bin/chromium';
}

/**
 * Headless Chromium. A plain launch (not launchPersistentContext) already runs on a fresh temporary profile:
 * playwright-core creates `$TMPDIR/playwright_chromiumdev_profile-*`, passes it as --user-data-dir and deletes it on
 * close (passing --user-data-dir in args is refused). Extra args are appended to CHROMIUM_ARGS.
 */
export function launchBrowser(extraArgs: string[] = []): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath(), headless: true, args: [...CHROMIUM_ARGS, ...extraArgs] });
}

const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  helpUrl: string;
  nodes: { target: unknown[]; failureSummary?: string; html: string }[];
}

/**
 * axe-core with the WCAG 2.0/2.1 A and AA rules on the current page; only serious and critical violations come back.
 * The source goes in through page.evaluate (CDP), which the app's CSP (script-src 'self') does not block.
 */
export async function runAxe(page: Page, options: { exclude?: string[] } = {}): Promise<AxeViolation[]> {
  const loaded = await page.evaluate(() => typeof (window as unknown as { axe?: unknown }).axe === 'object');
  if (!loaded) await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(async (exclude) => {
    const axe = (window as unknown as { axe: { run(ctx: unknown, opts: unknown): Promise<{ violations: AxeViolation[] }> } }).axe;
    const context = exclude.length > 0 ? { include: [['html']], exclude: exclude.map((s) => [s]) } : document;
    const result = await axe.run(context, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] }, resultTypes: ['violations'] });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      helpUrl: v.helpUrl,
      nodes: v.nodes.map((n) => ({ target: n.target, failureSummary: n.failureSummary, html: n.html.slice(0, 200) })),
    }));
  }, options.exclude ?? []);
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

/** A readable report of violations, for an assertion message. */
export function formatViolations(violations: AxeViolation[]): string {
  return violations
    .map((v) =>
      [
        `[${v.impact}] ${v.id}: ${v.help} (${v.helpUrl})`,
        ...v.nodes.slice(0, 8).map((n) => `    at ${JSON.stringify(n.target)}: ${n.html}\n      ${(n.failureSummary ?? '').replace(/\n/g, '\n      ')}`),
        ...(v.nodes.length > 8 ? [`    … and ${v.nodes.length - 8} more`] : []),
      ].join('\n'),
    )
    .join('\n');
}

/** A full-page screenshot in test-results/screenshots/<name>.png (git-ignored). */
export async function screenshot(page: Page, name: string): Promise<string> {
  await mkdir(SCREENSHOT_DIR, { recursive: true });
  const file = path.join(SCREENSHOT_DIR, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

/** The page function the CSP init script reports violations through (exposed per context via CDP, which CSP does not govern). */
const CSP_BINDING = '__strategigrafCspViolation';

/**
 * Runs in every document before the app's own scripts: each `securitypolicyviolation` (what the app's CSP blocked,
 * with the directive and the blocked resource) is handed to the test through CSP_BINDING. A string, not a function,
 * so no transpiler helper can sneak into the page.
 */
const CSP_LISTENER = `(() => {
  const report = globalThis[${JSON.stringify(CSP_BINDING)}];
  if (typeof report !== 'function') return;
  document.addEventListener('securitypolicyviolation', (e) => {
    report({
      directive: e.effectiveDirective || e.violatedDirective,
      blocked: e.blockedURI,
      source: e.sourceFile ? e.sourceFile + ':' + e.lineNumber + ':' + e.columnNumber : '',
      sample: e.sample || '',
      disposition: e.disposition,
    });
  }, true);
})();`;

interface CspViolation {
  directive: string;
  blocked: string;
  source: string;
  sample: string;
  disposition: string;
}

/** One app and one browser for a test file; open() gives a fresh context per call, closePages() ends them. */
export interface BrowserSession {
  app: RunningApp;
  browser: Browser;
  /**
   * A fresh context (own storage, downloads allowed) and page at `path`, once the app shell has rendered. With `token`,
   * every request of the context carries "Authorization: Bearer <token>", as a script with an API token would: the UI
   * then acts with that token's role.
   */
  open(path: string, viewport?: { width: number; height: number }, options?: OpenOptions): Promise<Page>;
  /**
   * Closes the contexts opened since the last call and returns the uncaught page errors they saw, including anything the
   * app's Content-Security-Policy blocked (so every browser test fails if the real CSP breaks part of the UI).
   */
  closePages(): Promise<string[]>;
  close(): Promise<void>;
}

/**
 * What the app serves instead of the seeds: a dataset directory relative to the repository (e.g. 'test/fixtures/gaps'),
 * or a dataset made when the session starts (a suite about kinds the seeds lack builds one).
 */
export interface SessionOptions {
  dataset?: string | (() => Promise<Dataset>);
  /** The bootstrap admin token the app accepts (none by default: then nobody can write). */
  adminToken?: string;
}

export interface OpenOptions {
  /** An API token (or the admin token) every request of the page sends. */
  token?: string;
}

export async function startSession(options: SessionOptions = {}): Promise<BrowserSession> {
  await ensureWebBuild();
  const dataset = typeof options.dataset === 'string' ? await datasetAt(options.dataset) : options.dataset ? await options.dataset() : undefined;
  const [app, browser] = await Promise.all([startApp(dataset, options.adminToken ? { adminToken: options.adminToken } : {}), launchBrowser()]);
  const contexts: BrowserContext[] = [];
  let errors: string[] = [];
  return {
    app,
    browser,
    async open(pathAndQuery, viewport = { width: 1280, height: 900 }, openOptions = {}) {
      const context = await browser.newContext({
        viewport,
        acceptDownloads: true,
        ...(openOptions.token ? { extraHTTPHeaders: { authorization: `Bearer ${openOptions.token}` } } : {}),
      });
      contexts.push(context);
      // CSP violations: the DOM event (directive and blocked resource) and, as a second witness, Chromium's console error.
      await context.exposeBinding(CSP_BINDING, ({ page: from }, v: CspViolation) => {
        errors.push(
          `${from?.url() ?? '(unknown page)'}: CSP ${v.disposition} violation of ${v.directive}: blocked ${v.blocked || '(inline)'}` +
            `${v.source ? ` at ${v.source}` : ''}${v.sample ? ` (${JSON.stringify(v.sample)})` : ''}`,
        );
      });
      await context.addInitScript({ content: CSP_LISTENER });
      const page = await context.newPage();
      page.on('pageerror', (err) => errors.push(`${page.url()}: ${err.message}`));
      page.on('console', (msg) => {
        if (msg.type() === 'error' && /Content[- ]Security[- ]Policy/i.test(msg.text())) errors.push(`${page.url()}: console: ${msg.text()}`);
      });
      await page.goto(`${app.url}${pathAndQuery}`);
      await page.getByTestId('nav-explore').waitFor();
      return page;
    },
    async closePages() {
      const closing = contexts.splice(0);
      // A round trip to every page first, so violation reports already on their way through the binding are delivered.
      await Promise.all(closing.flatMap((c) => c.pages()).map((p) => p.evaluate('0').catch(() => undefined)));
      await Promise.all(closing.map((c) => c.close()));
      const seen = errors;
      errors = [];
      return seen;
    },
    async close() {
      await browser.close();
      await app.close();
    },
  };
}

/** A query-string parameter of the page's current URL. */
export const param = (page: Page, name: string): string | null => new URL(page.url()).searchParams.get(name);

/** Two animation frames: what was just laid out has been painted. */
export const settle = (page: Page): Promise<void> =>
  page.evaluate(() => new Promise<void>((r) => requestAnimationFrame(() => requestAnimationFrame(() => r()))));

/** Explore's canvas has laid out its graph: GraphCanvas's onLayoutDone sets body[data-layout-ms]. */
export async function layoutDone(page: Page, timeout = 20_000): Promise<void> {
  await page.waitForFunction(() => document.body.dataset['layoutMs'] !== undefined, null, { timeout });
}
