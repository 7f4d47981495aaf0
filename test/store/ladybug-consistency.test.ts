// Readers during a replace see the old graph or the new one, never a mix: the embedded store, and the API on top of it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LadybugStore } from '../../graph/adapters/ladybug/store.js';
import { raceReplaces, twoDatasets } from './consistency.js';

describe('LadybugDB: reads concurrent with replaceDataset', () => {
  let store: LadybugStore;
  beforeAll(async () => {
    store = new LadybugStore({ path: ':memory:' });
    await store.open();
  });
  afterAll(async () => {
    await store?.close();
  });

  it('answer every read from graph A or graph B, never from a mix', async () => {
    const result = await raceReplaces(store, { ...twoDatasets(), replaces: 10, readers: 4 });
    console.info(`ladybug race: ${JSON.stringify(result)}`);
    expect(result.replaces).toBe(10);
    expect(result.failures, result.examples.join('\n')).toEqual({});
    // Both graphs were seen during the race, so the readers really overlapped the replaces.
    expect(result.seen.a).toBeGreaterThan(0);
    expect(result.seen.b).toBeGreaterThan(0);
  }, 120_000);
});
