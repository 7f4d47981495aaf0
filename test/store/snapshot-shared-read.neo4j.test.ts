// Neo4j's snapshot() after another process loaded a new graph: callers that ask together share one full read of it
// (at 100,000 nodes 600,000 records), and the server's watch (server/main.ts) does that read before any request.
import { afterAll, describe, expect, it, vi } from 'vitest';
import { Neo4jStore } from '../../graph/adapters/neo4j/store.js';
import type { Dataset } from '../../graph/schema/dataset.js';
import { generateDataset } from '../../bench/synthetic/dataset.js';
import { neo4jTestConfig } from './neo4j-config.js';

const config = neo4jTestConfig();

function dataset(seed: number): Dataset {
  return { ...generateDataset({ nodes: 300, relationships: 900, seed }), dataset: { name: `seed ${seed}`, version: '1' } };
}

describe.runIf(config)('Neo4j snapshot after a load by another process', () => {
  const stores: Neo4jStore[] = [];
  const store = () => {
    const s = new Neo4jStore({ ...config!, log: () => undefined });
    stores.push(s);
    return s;
  };
  afterAll(async () => {
    for (const s of stores) await s.close();
  });

  it('is read once for callers that ask together, and is the new graph', async () => {
    const server = store();
    const loader = store();
    await loader.replaceDataset(dataset(1));
    const before = await server.snapshot();
    expect(before.meta.name).toBe('seed 1');
    await loader.replaceDataset(dataset(2));
    const fullReads = vi.spyOn(server as unknown as { readFull: () => Promise<unknown> }, 'readFull');
    const [a, b, c] = await Promise.all([server.snapshot(), server.snapshot(), server.snapshot()]);
    expect(fullReads).toHaveBeenCalledTimes(1);
    expect(a.meta.name).toBe('seed 2');
    expect(b).toBe(a);
    expect(c).toBe(a);
    // And once read, the next caller reads the generation alone.
    expect(await server.snapshot()).toBe(a);
    expect(fullReads).toHaveBeenCalledTimes(1);
  });

  it('reads again when a load lands while a shared read is under way, never giving the older graph as current', async () => {
    const server = store();
    const loader = store();
    await loader.replaceDataset(dataset(3));
    const first = server.snapshot();
    // A load that commits while the first read may still run: a caller after it must get seed 4.
    await loader.replaceDataset(dataset(4));
    const after = await server.snapshot();
    expect(after.meta.name).toBe('seed 4');
    await first;
  });
});
