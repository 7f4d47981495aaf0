// `strategigraf review export`, end to end on a real embedded store: decisions made in the app become a patch of the
// seed files (printed, or written with --write), the patched files load with the same decisions, on the same store and
// on a fresh one, and nothing else in the files changes.
import { execFile } from 'node:child_process';
import { cp, mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { diffLines } from 'diff';
import { LadybugStore } from '../../../graph/adapters/ladybug/store.js';
import { actOnReview, REVIEW_COLLECTION } from '../../../graph/review/actions.js';
import { reviewCatalogue } from '../../../graph/review/catalogue.js';

const run = promisify(execFile);
const BIN = path.resolve('bin/strategigraf.mjs');
const editor = { id: 'oidc:kari', name: 'Kari Nordmann', via: 'oidc' as const };
const REJECTED = 'ex-chatbot:INVOLVES:ks';
const ACCEPTED = 'fa-kompetanse:CONTRIBUTES_TO:sdg-4';
const COMMENTED = 'rec-sdg:PROPOSES:init-kompetansestrategi';

interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

describe('strategigraf review export', () => {
  let dir = '';
  const db = () => path.join(dir, 'graph.lbug');
  const cli = async (args: string[], database = db()): Promise<CliRun> => {
    const env: NodeJS.ProcessEnv = { ...process.env, STRATEGIGRAF_DB: database };
    delete env['NEO4J_URI'];
    try {
      const { stdout, stderr } = await run(process.execPath, [BIN, ...args], { cwd: dir, env, maxBuffer: 16 * 1024 * 1024 });
      return { code: 0, stdout, stderr };
    } catch (err) {
      const e = err as CliRun;
      return { code: e.code, stdout: e.stdout, stderr: e.stderr };
    }
  };
  /** Opens the store the CLI uses (no CLI runs meanwhile: the file has one writer) for the duration of `task`. */
  const withStore = async <T>(task: (store: LadybugStore) => Promise<T>, database = db()): Promise<T> => {
    const store = new LadybugStore({ path: database });
    try {
      await store.open();
      return await task(store);
    } finally {
      await store.close();
    }
  };
  const states = (database = db()) =>
    withStore(async (store) => {
      const targets = reviewCatalogue(await store.snapshot(), await store.work.listRecords(REVIEW_COLLECTION));
      return Object.fromEntries(
        targets.map((t) => [t.id, { state: t.state, note: t.decision?.note, by: t.decision?.by.name, at: t.decision?.at, pending: t.pendingExport }]),
      );
    }, database);

  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'strategigraf-review-'));
    await cp('test/fixtures/small', path.join(dir, 'seeds'), { recursive: true });
    await cp('test/fixtures/small', path.join(dir, 'seeds-written'), { recursive: true });
    const load = await cli(['load', 'seeds']);
    expect(load.code, load.stderr).toBe(0);
    await withStore(async (store) => {
      const act = (id: string, action: 'accept' | 'reject' | 'comment', note?: string) =>
        store.snapshot().then((s) => actOnReview(store.work, s, id, { action, actor: editor, expectedVersion: null, ...(note ? { note } : {}) }));
      await act(REJECTED, 'reject', 'Eksempelet nevner ikke KS: «se s. 21».');
      await act(ACCEPTED, 'accept');
      await act(COMMENTED, 'comment', 'Bare en kommentar: den avgjør ingenting.');
    });
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('prints a patch that git applies, touching only the decided links, and --write makes the same files', async () => {
    const before = await readFile(path.join(dir, 'seeds/plan.yaml'), 'utf8');
    const printed = await cli(['review', 'export', 'seeds']);
    expect(printed.code, printed.stderr).toBe(0);
    expect(printed.stdout).toMatch(/^diff --git a\/seeds\/plan\.yaml b\/seeds\/plan\.yaml\n--- a\/seeds\/plan\.yaml\n\+\+\+ b\/seeds\/plan\.yaml\n@@ /);
    expect(printed.stderr).toContain('2 decisions made in the app: 2 written');
    // Printing changes nothing.
    expect(await readFile(path.join(dir, 'seeds/plan.yaml'), 'utf8')).toBe(before);

    const apply = execFile('git', ['apply'], { cwd: dir });
    apply.stdin!.end(printed.stdout);
    await new Promise<void>((resolve, reject) => apply.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`git apply exited ${code}`)))));
    const applied = await readFile(path.join(dir, 'seeds/plan.yaml'), 'utf8');

    const written = await cli(['review', 'export', 'seeds-written', '--write']);
    expect(written.code, written.stderr).toBe(0);
    expect(written.stdout).toBe('');
    expect(await readFile(path.join(dir, 'seeds-written/plan.yaml'), 'utf8')).toBe(applied);

    const changed = diffLines(before, applied).filter((p) => p.added || p.removed);
    const removed = changed.filter((p) => p.removed).flatMap((p) => p.value.trimEnd().split('\n'));
    expect(removed).toHaveLength(2);
    expect(removed.every((l) => l.includes('from: ex-chatbot, to: ks') || l.includes('from: fa-kompetanse, to: sdg-4'))).toBe(true);
    expect(applied).toContain('review: { decision: rejected, by: Kari Nordmann, at: "');
    expect(applied).toContain('note: "Eksempelet nevner ikke KS: «se s. 21»." } }');
    expect(await readFile(path.join(dir, 'seeds/dataset.yaml'), 'utf8')).toBe(await readFile('test/fixtures/small/dataset.yaml', 'utf8'));
  });

  it('gives the same review state once the patched files are loaded, on the same store and on a fresh one', async () => {
    const decided = await states();
    expect(decided[REJECTED]).toMatchObject({ state: 'rejected', pending: true });
    expect(decided[COMMENTED]).toMatchObject({ state: 'unreviewed', pending: false });

    expect((await cli(['load', 'seeds'])).code).toBe(0);
    const reloaded = await states();
    const without = (s: typeof decided) => Object.fromEntries(Object.entries(s).map(([id, v]) => [id, { ...v, pending: undefined }]));
    expect(without(reloaded)).toEqual(without(decided));
    expect(Object.values(reloaded).every((t) => !t.pending)).toBe(true);

    const fresh = path.join(dir, 'fresh.lbug');
    expect((await cli(['load', 'seeds'], fresh)).code).toBe(0);
    expect(without(await states(fresh))).toEqual(without(decided));

    // A second export has nothing left to write.
    const again = await cli(['review', 'export', 'seeds']);
    expect(again.code).toBe(0);
    expect(again.stdout).toBe('');
    expect(again.stderr).toContain('2 already in the files');
  });

  it('says which decisions have no place in the files, and exits 1, still giving the patch for those that have', async () => {
    // Another dataset that holds one of the two decided links.
    await cp(path.resolve('test/fixtures/gaps'), path.join(dir, 'other'), { recursive: true });
    const res = await cli(['review', 'export', 'other']);
    expect(res.code).toBe(1);
    expect(res.stderr).toContain(`not found in the seed files: ${REJECTED}`);
    expect(res.stderr).toContain('1 written, 1 not found in the seed files');
    expect(res.stdout.match(/^\+ .*review: /gm)).toHaveLength(1);
    const usage = await cli(['review', 'import']);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain('unknown subcommand "import"');
  });
});
