import neo4j from 'neo4j-driver';
import { describe, expect, it } from 'vitest';
import { Neo4jStore } from '../../graph/adapters/neo4j/store.js';
import type { Dataset } from '../../graph/schema/dataset.js';
import { defineStoreContract, fixtureDataset } from './contract.js';
import { neo4jTestConfig } from './neo4j-config.js';

const config = neo4jTestConfig();

describe.runIf(config)('Neo4j', () => {
  defineStoreContract('Neo4j 5 (real server)', async () => new Neo4jStore({ ...config!, log: () => undefined }));

  it('reads the whole graph again only when the generation changed: a load by another process, even after a wipe', async () => {
    const fixture = await fixtureDataset();
    const renamed: Dataset = { ...fixture, dataset: { name: 'renamed elsewhere', version: '9' } };
    const server = new Neo4jStore({ ...config!, log: () => undefined });
    const cli = new Neo4jStore({ ...config!, log: () => undefined });
    const driver = neo4j.driver(config!.uri, neo4j.auth.basic(config!.user, config!.password));
    const wipe = () => driver.executeQuery('MATCH (n) DETACH DELETE n', {}, config!.database ? { database: config!.database } : {});
    try {
      await cli.replaceDataset(fixture);
      const first = await server.snapshot();
      expect(await server.snapshot()).toBe(first);

      // `strategigraf load` in another process: this store's next snapshot is the new graph.
      await cli.replaceDataset(renamed);
      const second = await server.snapshot();
      expect(second).not.toBe(first);
      expect(second.meta).toEqual(renamed.dataset);

      // After a wipe the generation counts from 0 again, so the same value comes round: its time tells the graphs apart.
      await wipe();
      await cli.replaceDataset(fixture);
      expect((await server.snapshot()).meta).toEqual(fixture.dataset);
      await wipe();
      await cli.replaceDataset(renamed);
      expect((await server.snapshot()).meta).toEqual(renamed.dataset);
    } finally {
      await server.close();
      await cli.close();
      await driver.close();
    }
  });
});
