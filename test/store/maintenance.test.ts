// `strategigraf recover` and `strategigraf compact` on real LadybugDB files, through the CLI as an operator runs them.
import { execFile, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withStore } from '../../graph/adapters/ladybug/maintenance.js';
import { LadybugStore } from '../../graph/adapters/ladybug/store.js';
import { StoreError } from '../../graph/store/errors.js';
import { Child } from './crash/harness.js';
import { crashDataset, describeDataset, describeGraph, type GraphDescription } from './crash/datasets.js';

const run = promisify(execFile);
const ROOT = path.resolve(import.meta.dirname, '../..');

async function cli(db: string, ...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const env: NodeJS.ProcessEnv = { ...process.env, STRATEGIGRAF_DB: db };
  delete env['NEO4J_URI'];
  try {
    const { stdout, stderr } = await run(process.execPath, [path.join(ROOT, 'bin/strategigraf.mjs'), ...args], { env, cwd: ROOT });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

/** Writes `which`, then leaves a log that cannot be replayed (a lost replacement named "Lost replacement"). */
async function poisoned(db: string, which: 'A' | 'B'): Promise<number> {
  await withStore(db, async (store) => store.replaceDataset(await crashDataset(which)));
  const child = spawn(process.execPath, [path.join(import.meta.dirname, 'crash/poison-child.mjs'), db, 'Lost replacement'], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const exited = new Promise((resolve) => child.on('exit', resolve));
  await new Promise<void>((resolve) => child.stdout.on('data', (d: Buffer) => String(d).includes('ack') && resolve()));
  child.kill('SIGKILL');
  await exited;
  return (await stat(`${db}.wal`)).size;
}

describe('strategigraf recover', () => {
  let dir: string;
  let expectedA: GraphDescription;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'strategigraf-recover-'));
    expectedA = describeDataset(await crashDataset('A'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('says in one line what an unreplayable log means and what to do, then recovers the last checkpoint', async () => {
    const db = path.join(dir, 'poisoned.lbug');
    const walBytes = await poisoned(db, 'A');

    const store = new LadybugStore({ path: db });
    const err = await store.open().then(
      () => null,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(StoreError);
    expect((err as StoreError).code).toBe('store_unavailable');
    expect((err as StoreError).message).toBe(
      `the ladybug store is unavailable: the database's write-ahead log at ${db}.wal cannot be replayed (an engine defect with long strings, or a torn write); ` +
        `the last checkpoint in ${db} is intact; stop the server and run \`strategigraf recover\` to move the log aside and reopen — writes after the last checkpoint will be lost`,
    );
    expect(await store.health()).toMatchObject({ available: false, error: expect.stringContaining('strategigraf recover') });
    await store.close();

    const recovered = await cli(db, 'recover');
    expect(recovered.stderr).toBe('');
    expect(recovered.code).toBe(0);
    const aside = (await readdir(dir)).filter((f) => f.startsWith('poisoned.lbug.wal.unreplayable-'));
    expect(aside).toHaveLength(1);
    expect((await stat(path.join(dir, aside[0]!))).size, 'the log is moved, never changed').toBe(walBytes);
    expect(recovered.stdout).toContain(`moved the write-ahead log that cannot be replayed (${walBytes} bytes) aside to ${path.join(dir, aside[0]!)}`);
    expect(recovered.stdout).toMatch(
      /lost: every write after the last checkpoint \(\d{4}-\d\d-\d\dT[\d:.]+Z\); the log held a replacement with dataset "Lost replacement" version 9/,
    );
    expect(recovered.stdout).toContain(`${db} now holds dataset "A" version 1: 23 nodes, 23 relationships, 1 references`);
    expect(await withStore(db, describeGraph)).toEqual(expectedA);
  });

  it('the server starts anyway, logs the one line at start, and /api/health answers 503 and logs it again', async () => {
    const db = path.join(dir, 'served.lbug');
    await poisoned(db, 'A');
    const server = Child.cli(db, ['serve', '--port', '0']);
    try {
      const failure = JSON.parse(await server.waitForLineWith('could not be opened')) as { msg: string };
      expect(failure.msg).toContain(`the database's write-ahead log at ${db}.wal cannot be replayed`);
      expect(failure.msg).toContain('run `strategigraf recover`');
      const { url, msg } = JSON.parse(await server.waitForLineWith('Strategigraf is listening at')) as { url: string; msg: string };
      expect(msg).toContain('is unavailable');
      const health = await fetch(`${url}/api/health`);
      expect(health.status).toBe(503);
      // The response keeps store details to itself (it is public); the log line carries them.
      expect(await health.json()).toMatchObject({ status: 'unavailable' });
      expect(await server.waitForLineWith('health check: store unavailable')).toContain('run `strategigraf recover`');
    } finally {
      await server.kill();
    }
  });

  it('refuses when there is nothing to recover', async () => {
    const db = path.join(dir, 'healthy.lbug');
    await withStore(db, async (store) => store.replaceDataset(await crashDataset('A')));
    const result = await cli(db, 'recover');
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`strategigraf recover: nothing to recover: ${db} has no write-ahead log to replay; it opens as it is`);
    const missing = await cli(path.join(dir, 'nowhere.lbug'), 'recover');
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('there is no database at');
  });

  it('refuses recover and compact while another process has the file open, and not after that process was killed', async () => {
    const db = path.join(dir, 'held.lbug');
    await poisoned(db, 'A');
    await rm(`${db}.wal`); // a healthy file this time: the holder must be able to open it
    const holder = Child.store(db, 'none');
    await holder.waitFor('idle');
    for (const command of ['recover', 'compact']) {
      const result = await cli(db, command);
      expect(result.code, command).toBe(1);
      expect(result.stderr).toMatch(new RegExp(`strategigraf ${command}: .*held\\.lbug is in use by process \\d+ \\(open since .*\\); stop the server`));
    }
    await holder.kill();
    const after = await cli(db, 'compact');
    expect(after.stderr).toBe('');
    expect(after.code).toBe(0);
  });
});

describe('strategigraf compact', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'strategigraf-compact-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('brings a file that 30 replacements grew back near its original size, with the same graph', async () => {
    const db = path.join(dir, 'grown.lbug');
    const seed = await crashDataset('seed');
    const sizes = await withStore(db, async (store) => {
      await store.replaceDataset(seed);
      const first = (await stat(db)).size;
      for (let i = 1; i < 30; i++) await store.replaceDataset(seed);
      return { first, grown: (await stat(db)).size };
    });
    expect(sizes.grown, `30 replacements: ${sizes.first} → ${sizes.grown} bytes`).toBeGreaterThan(sizes.first * 2);

    const result = await cli(db, 'compact');
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const compacted = (await stat(db)).size;
    console.info(`file size: ${sizes.first} bytes after 1 load, ${sizes.grown} after 30, ${compacted} after compact`);
    expect(compacted).toBeLessThanOrEqual(sizes.first * 1.25);
    expect(result.stdout).toContain(`the old file is kept as ${db}.bak`);
    expect((await stat(`${db}.bak`)).size).toBe(sizes.grown);
    expect(existsSync(`${db}.wal`)).toBe(false);
    expect(await withStore(db, describeGraph)).toEqual(describeDataset(seed));
  }, 240_000);
});
