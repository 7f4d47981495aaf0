// KNOWN ENGINE DEFECT, guarded here so we learn when a new LadybugDB fixes it.
// LadybugDB 0.19.1 (the newest published when this was written) cannot replay a write-ahead-log record holding a string
// of about 4 KB: after an unclean exit the database refuses to open with "Corrupted wal file. Read out invalid WAL record
// type". The store works around it: no stored string reaches 4,000 bytes (MAX_TEXT_BYTES in graph/schema/dataset.ts,
// META_CHUNK_BYTES in graph/adapters/shared/records.ts, a hashed schema fingerprint) and it checkpoints after every write.
// When the first test fails because the log now replays, the engine is fixed: say so, and the limits may be relaxed.
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import lbug from '@ladybugdb/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const VERSION = lbug.Database.getVersion();
const CHILD = path.resolve(import.meta.dirname, 'crash/engine-child.mjs');
const CHECKPOINT_CHILD = path.resolve(import.meta.dirname, 'crash/checkpoint-child.mjs');

/** Writes one string in a child process, kills it with SIGKILL after the write, and reopens the file here. */
async function writeKillReopen(
  dir: string,
  char: string,
  count: number,
  suffix = '',
  throwOnWalReplayFailure = true,
): Promise<{ ok: true; length: number } | { ok: false; error: string }> {
  const db = path.join(dir, `s-${char.codePointAt(0)}-${count}${suffix}-${throwOnWalReplayFailure}.lbug`);
  const child = spawn(process.execPath, [CHILD, db, char, String(count), suffix], { stdio: ['ignore', 'pipe', 'inherit'] });
  const exited = new Promise((resolve) => child.on('exit', resolve));
  await new Promise<void>((resolve, reject) => {
    child.stdout.on('data', (d: Buffer) => String(d).includes('ack') && resolve());
    child.on('exit', (code) => reject(new Error(`engine child exited (${code}) before acknowledging`)));
  });
  child.kill('SIGKILL');
  await exited;
  let database: lbug.Database | null = null;
  try {
    database = new lbug.Database(db, 0, true, false, 0, true, -1, throwOnWalReplayFailure);
    await database.init();
    const conn = new lbug.Connection(database);
    const result = (await conn.query("MATCH (t:T {id: 'a'}) RETURN t.s AS s")) as lbug.QueryResult;
    const rows = await result.getAll();
    result.close();
    await conn.close();
    return { ok: true, length: rows.length === 0 ? 0 : String(rows[0]?.['s']).length };
  } catch (err) {
    return { ok: false, error: err instanceof Error ? err.message : String(err) };
  } finally {
    await database?.close().catch(() => undefined);
  }
}

describe(`known LadybugDB ${VERSION} defect: a string of 4 KB in the write-ahead log cannot be replayed after SIGKILL`, () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'strategigraf-engine-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('still fails to reopen after a 4,096-character string (if this fails, the engine is FIXED)', async () => {
    const outcome = await writeKillReopen(dir, 'x', 4096);
    if (outcome.ok) {
      expect.fail(
        `LadybugDB ${VERSION} now replays a 4,096-byte string after SIGKILL: the engine defect this test guards is fixed. ` +
          'Update this test, and consider relaxing MAX_TEXT_BYTES, META_CHUNK_BYTES and the hashed schema fingerprint.',
      );
    }
    expect(outcome.error).toMatch(/Corrupted wal file/);
  });

  it('with throwOnWalReplayFailure false, opens without the write: the record and all after it are dropped silently', async () => {
    // Why the store keeps the default (true): false would turn a crash into silent loss of acknowledged writes.
    expect(await writeKillReopen(dir, 'x', 4096, '', false)).toEqual({ ok: true, length: 0 });
  });

  it('replays a 4,000-character string, and the longest text validation allows (3,999 UTF-8 bytes)', async () => {
    expect(await writeKillReopen(dir, 'x', 4000)).toEqual({ ok: true, length: 4000 });
    expect(await writeKillReopen(dir, 'ø', 1999, 'x')).toEqual({ ok: true, length: 2000 });
  });
});

// KNOWN ENGINE DEFECT 2: a checkpoint killed part-way leaves a file that never opens again. The log has been moved to
// <db>.wal.checkpoint and <db>.shadow begun; every later open fails with "Database ID for temporary file '<db>.shadow'
// does not match the current database" (53 of 120 kills in a write-and-checkpoint loop when measured). The work store
// therefore never checkpoints its live file (graph/adapters/ladybug/generations.ts). The dataset store still
// checkpoints after every replace, so a kill in that window can leave its file unopenable too.
describe(`known LadybugDB ${VERSION} defect: a checkpoint killed part-way leaves a file that does not open`, () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'strategigraf-checkpoint-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('still fails to reopen after some kill within 40 of a write-and-checkpoint loop (if this fails, the engine is FIXED)', async () => {
    const failures: string[] = [];
    for (let attempt = 0; attempt < 40 && failures.length === 0; attempt++) {
      const db = path.join(dir, `loop-${attempt}.lbug`);
      const child = spawn(process.execPath, [CHECKPOINT_CHILD, db], { stdio: ['ignore', 'pipe', 'inherit'] });
      const exited = new Promise((resolve) => child.on('exit', resolve));
      await new Promise<void>((resolve, reject) => {
        child.stdout.on('data', (d: Buffer) => String(d).includes('ack 3') && resolve());
        child.on('exit', (code) => reject(new Error(`checkpoint child exited (${code}) before writing`)));
      });
      await new Promise((r) => setTimeout(r, (attempt * 37) % 60));
      child.kill('SIGKILL');
      await exited;
      const database = new lbug.Database(db);
      try {
        await database.init();
      } catch (err) {
        failures.push(err instanceof Error ? err.message : String(err));
      } finally {
        await database.close().catch(() => undefined);
      }
    }
    if (failures.length === 0) {
      expect.fail(
        `LadybugDB ${VERSION} reopened every file killed in a checkpoint: the defect this test guards looks fixed. ` +
          'Update this test, and consider whether the work store still needs its generations (graph/adapters/ladybug/generations.ts).',
      );
    }
    expect(failures[0]).toMatch(/Database ID for temporary file '.*\.shadow' does not match the current database/);
  }, 180_000);
});
