// The embedded store's work records: the shared contract on a file store, and what is particular to LadybugDB — the
// work data lives in a database file of its own beside the dataset's, which nothing that rebuilds the dataset touches.
import { mkdtempSync } from 'node:fs';
import { readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { compactDatabase } from '../../graph/adapters/ladybug/maintenance.js';
import { LadybugStore } from '../../graph/adapters/ladybug/store.js';
import { currentGeneration } from '../../graph/adapters/ladybug/generations.js';
import { LadybugWorkStore, workDatabasePath } from '../../graph/adapters/ladybug/work-store.js';
import { StoreError } from '../../graph/store/errors.js';
import { Child } from './crash/harness.js';
import { fixtureDataset } from './contract.js';
import { defineWorkStoreContract, draft, wholeAudit } from './work-contract.js';

const dir = mkdtempSync(path.join(os.tmpdir(), 'strategigraf-work-'));
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

defineWorkStoreContract('LadybugDB (embedded, in a file)', { makeStore: async () => new LadybugStore({ path: path.join(dir, 'contract.lbug') }) });

describe('LadybugDB work file', () => {
  it('lists more records than its buffer pool holds (the list reads their bodies in batches)', async () => {
    // 16 MB of pool and 30 MB of bodies: one statement over every body fails with "buffer pool is full".
    const store = new LadybugWorkStore(path.join(dir, 'small-pool.work'), { bufferBytes: 16 * 1024 * 1024 });
    const body = (i: number) => ({ note: `${String(i).padStart(5, '0')} ${'ø'.repeat(5000)}` });
    try {
      for (let batch = 0; batch < 30; batch++) {
        const ids = Array.from({ length: 100 }, (_, i) => `r${String(batch * 100 + i).padStart(5, '0')}`);
        await store.writeRecords(
          ids.map((id, i) => ({ collection: 'followup', id, body: body(batch * 100 + i), expectedVersion: 0, audit: draft(`followup/${id}`, null) })),
        );
      }
      const listed = await store.listRecords('followup');
      expect(listed).toHaveLength(3000);
      expect(listed[2999]).toMatchObject({ id: 'r02999', body: body(2999) });
      expect(listed.every((r, i) => (r.body as { note: string }).note === body(i).note)).toBe(true);
    } finally {
      await store.close();
    }
  }, 120_000);

  it('is named beside the dataset file, and never under a name that clearing <dataset>.* removes', () => {
    expect(workDatabasePath('data/strategigraf.lbug')).toBe('data/strategigraf.work');
    expect(workDatabasePath('/x/graph.db')).toBe('/x/graph.db-work');
    expect(workDatabasePath(':memory:')).toBe(':memory:');
  });

  it('keeps work data out of the dataset file: a compaction leaves every record', async () => {
    const db = path.join(dir, 'apart.lbug');
    const marker = 'apart-marker-3f9c';
    const store = new LadybugStore({ path: db });
    try {
      await store.replaceDataset(await fixtureDataset());
      await store.work.writeRecord('followup', 'f1', { comment: marker }, 0, draft('followup/f1', { comment: marker }));
    } finally {
      await store.close();
    }
    // Not one byte of it in the dataset's file, which the analysts' workers are loaded from (via its snapshot).
    expect((await readFile(db)).includes(marker)).toBe(false);
    const current = (await currentGeneration(workDatabasePath(db)))!;
    expect((await readFile(current.file)).includes(marker)).toBe(true);

    await compactDatabase(db);
    const reopened = new LadybugStore({ path: db });
    try {
      expect((await reopened.work.getRecord('followup', 'f1'))?.body).toEqual({ comment: marker });
      expect((await wholeAudit(reopened)).map((e) => e.target)).toEqual(['followup/f1']);
    } finally {
      await reopened.close();
    }
  });

  it('folds a long log into a new generation while open, and after closing, keeping every write', async () => {
    const workDir = path.join(dir, 'folding.work');
    const store = new LadybugWorkStore(workDir, { foldAtBytes: 64 * 1024 });
    const body = (i: number) => ({ i, text: 'æøå '.repeat(2000) });
    try {
      for (let i = 0; i < 12; i++) await store.writeRecord('followup', `f${i}`, body(i), 0, draft(`followup/f${i}`, null));
      expect((await currentGeneration(workDir))!.n, 'folded while open').toBeGreaterThan(1);
      const bodies = (await store.listRecords('followup')).map((r) => r.body as { i: number });
      expect(bodies.sort((a, b) => a.i - b.i)).toEqual(Array.from({ length: 12 }, (_, i) => body(i)));
    } finally {
      await store.close();
    }
    const generation = (await currentGeneration(workDir))!;
    // One generation is left, whole: no log beside it, nothing older.
    expect((await readdir(workDir)).sort()).toEqual(['CURRENT', path.basename(generation.file)]);
    const reopened = new LadybugWorkStore(workDir);
    try {
      expect(await reopened.listRecords('followup')).toHaveLength(12);
      expect((await reopened.listAudit({ limit: 100 })).map((e) => e.seq)).toEqual(Array.from({ length: 12 }, (_, i) => 12 - i));
    } finally {
      await reopened.close();
    }
  });

  it('refuses to open work records another live process has open, and opens them once it is gone', async () => {
    const db = path.join(dir, 'held.lbug');
    const holder = new Child('test/store/crash/work-child.ts', [db, 'none']);
    try {
      await holder.waitFor('idle');
      const store = new LadybugStore({ path: db });
      try {
        const err = await store.work.listAudit({ limit: 1 }).catch((e: unknown) => e);
        expect(err).toBeInstanceOf(StoreError);
        expect((err as StoreError).code).toBe('store_unavailable');
        expect((err as StoreError).message).toMatch(/in use by process \d+/);
      } finally {
        await store.close();
      }
    } finally {
      await holder.kill();
    }
    const store = new LadybugStore({ path: db });
    try {
      expect(await store.work.listAudit({ limit: 1 })).toEqual([]);
    } finally {
      await store.close();
    }
  });

  it('gives each in-memory store its own work data, gone with the store', async () => {
    const a = new LadybugStore({ path: ':memory:' });
    const b = new LadybugStore({ path: ':memory:' });
    try {
      await a.work.writeRecord('review', 'r1', { ok: true }, 0, draft('review/r1', { ok: true }));
      expect(await a.work.getRecord('review', 'r1')).toMatchObject({ version: 1, body: { ok: true } });
      expect(await b.work.getRecord('review', 'r1')).toBeNull();
      expect(await b.work.listAudit({ limit: 10 })).toEqual([]);
      expect((await a.work.appendAudit(draft('dataset', null))).seq).toBe(2);
    } finally {
      await a.close();
      await b.close();
    }
  });

  it('does not create the work file until work data is used', async () => {
    const db = path.join(dir, 'lazy.lbug');
    const store = new LadybugStore({ path: db });
    try {
      await store.replaceDataset(await fixtureDataset());
      await store.snapshot();
    } finally {
      await store.close();
    }
    await expect(readdir(workDatabasePath(db))).rejects.toThrow(/ENOENT/);
  });
});
