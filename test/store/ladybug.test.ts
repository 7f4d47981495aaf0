import { mkdtempSync } from 'node:fs';
import { readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { LadybugStore } from '../../graph/adapters/ladybug/store.js';
import { StoreError } from '../../graph/store/errors.js';
import { generateDataset } from '../../bench/synthetic/dataset.js';
import { defineStoreContract, fixtureDataset } from './contract.js';

const dir = mkdtempSync(path.join(os.tmpdir(), 'strategigraf-ladybug-'));
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

defineStoreContract('LadybugDB (embedded, in memory)', async () => new LadybugStore({ path: ':memory:' }));
// In a file the store closes and reopens its engine after each whole-graph read (releasePages), so the contract runs there too.
defineStoreContract('LadybugDB (embedded, in a file)', async () => new LadybugStore({ path: path.join(dir, 'contract.lbug') }));

describe('LadybugDB buffer pool', () => {
  it('refuses a load larger than its pool with what to set, and keeps the graph it had', async () => {
    const store = new LadybugStore({ path: path.join(dir, 'small-pool.lbug'), bufferMb: 32 });
    try {
      const fixture = await fixtureDataset();
      await store.replaceDataset(fixture);
      // 5,000 nodes and 20,000 relationships need about 128 MB (limits.ts).
      const failure = await store.replaceDataset(generateDataset({ nodes: 5_000, relationships: 20_000, seed: 7 })).catch((err: unknown) => err);
      expect(failure).toBeInstanceOf(StoreError);
      expect((failure as StoreError).code).toBe('load_failed');
      expect((failure as StoreError).message).toMatch(/buffer pool of 32 MB.*set STRATEGIGRAF_LADYBUG_BUFFER_MB higher/);
      expect((await store.snapshot()).nodes).toHaveLength(fixture.nodes.length);
    } finally {
      await store.close();
    }
  });
});

describe('LadybugDB in a file: the engine reopened after a whole-graph read', () => {
  it('answers every read made while it reopens, keeps the file claimed, and goes on after loads', async () => {
    const db = path.join(dir, 'release.lbug');
    const store = new LadybugStore({ path: db });
    const claimedBy = async () => (JSON.parse(await readFile(`${db}.lock`, 'utf8')) as { pid: number }).pid;
    try {
      const fixture = await fixtureDataset();
      await store.replaceDataset(fixture);
      await store.close();
      // A fresh open: the first snapshot reads the file, then the engine reopens; reads of every kind come meanwhile.
      const reads = () => [
        store.stats().then((s) => Object.values(s.nodes).reduce((a, b) => a + b, 0)),
        store.runNamed('agencies-of-initiative', { id: 'init-stimulab' }).then((r) => r.rows.length),
        store.health().then((h) => (h.available ? 1 : 0)),
        store.getNode('init-stimulab').then((n) => (n ? 1 : 0)),
      ];
      const [snapshot, ...answers] = await Promise.all([store.snapshot(), ...reads(), ...reads(), ...reads()]);
      expect(snapshot.nodes).toHaveLength(fixture.nodes.length);
      // init-stimulab has two agencies (the contract lists them).
      expect(answers).toEqual(Array.from({ length: 3 }, () => [fixture.nodes.length, 2, 1, 1]).flat());
      expect(await claimedBy()).toBe(process.pid);
      // Loads, each followed by a reopen inside the writer's turn, with reads between and after them.
      const smaller = {
        ...fixture,
        nodes: fixture.nodes.filter((n) => n.kind !== 'Milestone'),
        relationships: fixture.relationships.filter((r) => r.type !== 'HAS_MILESTONE'),
      };
      const [, , stats] = await Promise.all([store.replaceDataset(smaller), store.replaceDataset(fixture), store.stats(), ...reads()]);
      expect([fixture.nodes.length, smaller.nodes.length]).toContain(Object.values(stats.nodes).reduce((a, b) => a + b, 0));
      expect((await store.snapshot()).nodes).toHaveLength(fixture.nodes.length);
      expect(Object.values((await store.stats()).nodes).reduce((a, b) => a + b, 0)).toBe(fixture.nodes.length);
      expect(await claimedBy()).toBe(process.pid);
    } finally {
      await store.close();
    }
    // Closed cleanly: it opens again with the last graph.
    const again = new LadybugStore({ path: db });
    try {
      expect((await again.snapshot()).nodes.length).toBeGreaterThan(0);
    } finally {
      await again.close();
    }
  });
});

describe('LadybugDB snapshot cache', () => {
  it('reads the whole graph once per load, hands out frozen arrays, and sees the next load', async () => {
    const store = new LadybugStore({ path: ':memory:' });
    try {
      await store.open();
      const fixture = await fixtureDataset();
      await store.replaceDataset(fixture);
      const first = await store.snapshot();
      expect(first.nodes).toHaveLength(fixture.nodes.length);
      // The same object for every reader until the graph changes, and no reader can change it for the others.
      expect(await store.snapshot()).toBe(first);
      expect(Object.isFrozen(first.nodes) && Object.isFrozen(first.edges)).toBe(true);
      expect(() => (first.nodes as unknown[]).push({})).toThrow(TypeError);

      const smaller = {
        ...fixture,
        nodes: fixture.nodes.filter((n) => n.kind !== 'Milestone'),
        relationships: fixture.relationships.filter((r) => r.type !== 'HAS_MILESTONE'),
      };
      expect(smaller.nodes.length).toBeLessThan(fixture.nodes.length);
      await store.replaceDataset(smaller);
      const second = await store.snapshot();
      expect(second).not.toBe(first);
      expect(second.nodes).toHaveLength(smaller.nodes.length);
      // A failed load changes nothing, so the snapshot stays what it was.
      await expect(
        store.replaceDataset({ ...smaller, relationships: [...smaller.relationships, { ...smaller.relationships[0]!, to: 'nowhere' }] }),
      ).rejects.toThrow();
      expect((await store.snapshot()).nodes).toHaveLength(smaller.nodes.length);
    } finally {
      await store.close();
    }
  });
});
