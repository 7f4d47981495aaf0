import { describe, expect, it } from 'vitest';
import { LadybugStore } from '../../graph/adapters/ladybug/store.js';
import { defineStoreContract, fixtureDataset } from './contract.js';

defineStoreContract('LadybugDB (embedded, in memory)', async () => new LadybugStore({ path: ':memory:' }));

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
