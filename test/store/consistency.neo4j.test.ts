// Readers during a replace see the old graph or the new one, never a mix: Neo4j (read-committed), and the API on top.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Neo4jStore } from '../../graph/adapters/neo4j/store.js';
import { raceReplaces, twoDatasets } from './consistency.js';
import { neo4jTestConfig } from './neo4j-config.js';

const config = neo4jTestConfig();

describe.runIf(config)('Neo4j: reads concurrent with replaceDataset', () => {
  let store: Neo4jStore;
  beforeAll(async () => {
    store = new Neo4jStore({ ...config!, log: () => undefined });
    await store.open();
  });
  afterAll(async () => {
    await store?.close();
  });

  it('answer every read from graph A or graph B, never from a mix', async () => {
    const result = await raceReplaces(store, { ...twoDatasets(), replaces: 10, readers: 4, replaceGapMs: 700, gapInSlowestReads: 3 });
    console.info(`neo4j race: ${JSON.stringify(result)}`);
    expect(result.replaces).toBe(10);
    expect(result.failures, result.examples.join('\n')).toEqual({});
    expect(result.seen.a).toBeGreaterThan(0);
    expect(result.seen.b).toBeGreaterThan(0);
  }, 400_000);
});
