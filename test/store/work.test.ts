// The embedded store's work records: the shared contract on a file store, and what is particular to LadybugDB — the
// work data lives in a database file of its own beside the dataset's, which nothing that rebuilds the dataset touches.
import { mkdtempSync } from 'node:fs';
import { readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { compactDatabase } from '../../graph/adapters/ladybug/maintenance.js';
import { LadybugStore } from '../../graph/adapters/ladybug/store.js';
import { workDatabasePath } from '../../graph/adapters/ladybug/work-store.js';
import { fixtureDataset } from './contract.js';
import { defineWorkStoreContract, draft, wholeAudit } from './work-contract.js';

const dir = mkdtempSync(path.join(os.tmpdir(), 'strategigraf-work-'));
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

defineWorkStoreContract('LadybugDB (embedded, in a file)', { makeStore: async () => new LadybugStore({ path: path.join(dir, 'contract.lbug') }) });

describe('LadybugDB work file', () => {
  it('is named beside the dataset file, and never under a name that clearing <dataset>.* removes', () => {
    expect(workDatabasePath('data/strategigraf.lbug')).toBe('data/strategigraf.work.lbug');
    expect(workDatabasePath('/x/graph.db')).toBe('/x/graph.db-work.lbug');
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
    expect((await readFile(workDatabasePath(db))).includes(marker)).toBe(true);

    await compactDatabase(db);
    const reopened = new LadybugStore({ path: db });
    try {
      expect((await reopened.work.getRecord('followup', 'f1'))?.body).toEqual({ comment: marker });
      expect((await wholeAudit(reopened)).map((e) => e.target)).toEqual(['followup/f1']);
    } finally {
      await reopened.close();
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
    await expect(readFile(workDatabasePath(db))).rejects.toThrow(/ENOENT/);
  });
});
