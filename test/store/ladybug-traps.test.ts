// The known traps of the Kuzu/Ladybug engine family, each pinned so an engine upgrade that changes them is noticed.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import lbug from '@ladybugdb/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LadybugStore } from '../../graph/adapters/ladybug/store.js';
import { ladybugDialect } from '../../graph/adapters/ladybug/dialect.js';
import type { Dataset } from '../../graph/schema/dataset.js';
import { nodeRow } from '../../graph/schema/records.js';
import { fixtureDataset } from './contract.js';

describe('LadybugDB engine traps', () => {
  let fixture: Dataset;
  beforeAll(async () => {
    fixture = await fixtureDataset();
  });

  it('initialises once when many callers race to use a fresh store', async () => {
    const sut = new LadybugStore({ path: ':memory:' });
    try {
      // No explicit open(): the first concurrent calls must share one initialisation.
      const results = await Promise.all(Array.from({ length: 20 }, () => sut.stats()));
      expect(new Set(results.map((r) => JSON.stringify(r))).size).toBe(1);
    } finally {
      await sut.close();
    }
  });

  it('serialises concurrent writes: each replace lands whole, none interleave', async () => {
    const sut = new LadybugStore({ path: ':memory:' });
    try {
      const variant = (n: number): Dataset => ({ ...fixture, dataset: { name: `variant ${n}`, version: String(n) } });
      await Promise.all([1, 2, 3, 4].map((n) => sut.replaceDataset(variant(n))));
      const stats = await sut.stats();
      expect(Object.values(stats.nodes).reduce((a, b) => a + b, 0)).toBe(fixture.nodes.length);
      expect((await sut.snapshot()).meta.name).toBe('variant 4');
    } finally {
      await sut.close();
    }
  });

  it('loads columns that are null in every row (bulk rows must share one type per key)', async () => {
    const sut = new LadybugStore({ path: ':memory:' });
    try {
      const allNull: Dataset = { ...fixture, relationships: fixture.relationships.map((r) => ({ ...r, page: null, quote: null })) };
      await sut.replaceDataset(allNull);
      const edge = (await sut.snapshot()).edges[0];
      expect(edge?.properties.page).toBeNull();
      expect(ladybugDialect.createRelationships('LEADS', 'Agency', 'Initiative')).toContain('page: CAST(r.page AS INT64)');
    } finally {
      await sut.close();
    }
  });

  it('loads nodes whose optional fields differ and come in any order (bulk rows must share keys and key order)', async () => {
    const base = fixture.nodes.find((n) => n.kind === 'Initiative')!;
    // The same kind three ways: optional fields left out, given in a different order, and all given.
    const bare = { ...base, id: 'bare-initiative', nameEn: undefined, description: undefined, statusNote: undefined, startDate: undefined };
    const { name, kind, ...rest } = base;
    const reordered = { ...rest, statusNote: 'Notat', id: 'reordered-initiative', description: 'Beskrivelse', kind, name };
    const full = { ...base, id: 'full-initiative', nameEn: 'Full', description: 'Full beskrivelse', statusNote: 'Full status', startDate: '2020-06' };
    const nodes = [...fixture.nodes, bare, reordered, full] as Dataset['nodes'];
    const rows = [bare, reordered, full].map((n) => Object.keys(nodeRow(n as Dataset['nodes'][number])));
    expect(rows[1]).toEqual(rows[0]);
    expect(rows[2]).toEqual(rows[0]);

    const sut = new LadybugStore({ path: ':memory:' });
    try {
      await sut.replaceDataset({ ...fixture, nodes });
      const got = async (id: string) => (await sut.getNode(id))?.properties;
      expect(await got('bare-initiative')).not.toHaveProperty('description');
      expect(await got('reordered-initiative')).toMatchObject({ description: 'Beskrivelse', statusNote: 'Notat' });
      expect(await got('full-initiative')).toMatchObject({ description: 'Full beskrivelse', statusNote: 'Full status', startDate: '2020-06' });
      expect((await sut.getNode('full-initiative'))?.nameEn).toBe('Full');
    } finally {
      await sut.close();
    }
  });

  it('closes every result, so one process can write, close and reopen the same file', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'strategigraf-reopen-'));
    try {
      for (let round = 0; round < 3; round++) {
        const sut = new LadybugStore({ path: path.join(dir, 'graph.lbug') });
        await sut.replaceDataset(fixture);
        expect((await sut.stats()).nodes['Agency']).toBe(3);
        await sut.close();
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  describe('raw engine behaviour the adapter relies on', () => {
    let db: InstanceType<typeof lbug.Database>;
    let conn: InstanceType<typeof lbug.Connection>;
    const all = async (statement: string) => {
      const result = await conn.query(statement);
      return (Array.isArray(result) ? result.at(-1)! : result).getAll();
    };

    beforeAll(async () => {
      db = new lbug.Database(':memory:');
      await db.init();
      conn = new lbug.Connection(db);
      await conn.init();
      await all('CREATE NODE TABLE T(id STRING PRIMARY KEY)');
      await all('CREATE REL TABLE R(FROM T TO T)');
      await all("CREATE (:T {id: 'a'}), (:T {id: 'b'})");
      await all("MATCH (a:T {id: 'a'}), (b:T {id: 'b'}) CREATE (a)-[:R]->(b), (b)-[:R]->(a)");
    });
    afterAll(async () => {
      await conn.close();
      await db.close();
    });

    it('gives null, not [], for collect() over nothing (named queries normalise it)', async () => {
      expect(await all("MATCH (t:T) WHERE t.id = 'none' RETURN collect(t.id) AS c")).toEqual([{ c: null }]);
    });

    it('walks cycles unless TRAIL is asked for (the dialect asks for it)', async () => {
      const walk = await all("MATCH p = (a:T {id: 'a'})-[:R*1..6]->(b:T) RETURN count(*) AS c");
      const trail = await all("MATCH p = (a:T {id: 'a'})-[:R* TRAIL 1..6]->(b:T) RETURN count(*) AS c");
      expect(walk[0]?.['c']).toBe(6);
      expect(trail[0]?.['c']).toBe(2);
    });

    it('has label() but no type(), and labels() gives a string where Neo4j gives a list', async () => {
      expect(await all('MATCH (a:T)-[r:R]->(b:T) RETURN DISTINCT label(r) AS t, label(a) AS l')).toEqual([{ t: 'R', l: 'T' }]);
      await expect(all('MATCH (a:T)-[r:R]->() RETURN type(r)')).rejects.toThrow();
      expect(await all("MATCH (a:T {id: 'a'}) RETURN labels(a) AS l")).toEqual([{ l: 'T' }]);
    });

    it('errors on an unknown label or property rather than returning nothing', async () => {
      await expect(all('MATCH (x:Nope) RETURN x')).rejects.toThrow(/Nope does not exist/);
      await expect(all('MATCH (t:T) RETURN t.nope')).rejects.toThrow(/Cannot find property nope/);
    });

    it('refuses writes inside a READ ONLY transaction', async () => {
      await all('BEGIN TRANSACTION READ ONLY');
      await expect(all("CREATE (:T {id: 'c'})")).rejects.toThrow(/read-only transaction/);
      await all('ROLLBACK');
      expect(await all('MATCH (t:T) RETURN count(*) AS c')).toEqual([{ c: 2 }]);
    });
  });
});
