// The dataset meta is stored in parts below LadybugDB's log-replay limit; both adapters write and read it this way.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import lbug from '@ladybugdb/core';
import { describe, expect, it } from 'vitest';
import { LadybugStore } from '../../graph/adapters/ladybug/store.js';
import { legacySchemaFingerprint, META_TABLE, schemaFingerprint } from '../../graph/adapters/ladybug/schema.js';
import { datasetMetaRows, META_CHUNK_BYTES, parseDatasetMeta } from '../../graph/adapters/shared/records.js';
import { crashDataset } from './crash/datasets.js';

describe('dataset meta in parts', () => {
  it('splits long meta into parts below the limit, never inside a character, and reassembles it', async () => {
    const dataset = await crashDataset('B');
    const rows = datasetMetaRows(dataset);
    expect(rows.length).toBeGreaterThan(2);
    for (const row of rows) expect(Buffer.byteLength(row.json)).toBeLessThanOrEqual(META_CHUNK_BYTES);
    expect(rows.map((r) => r.json).join('')).toBe(JSON.stringify({ meta: dataset.dataset, references: dataset.references }));
    // Any row order, as a store returns them.
    expect(parseDatasetMeta([...rows].reverse())).toEqual({ meta: dataset.dataset, references: dataset.references });
  });

  it('reads the single row files written before the split hold, and says when a part is missing', () => {
    const json = JSON.stringify({ meta: { name: 'old', version: '1' }, references: [] });
    expect(parseDatasetMeta([{ key: 'dataset', json }]).meta).toEqual({ name: 'old', version: '1' });
    expect(parseDatasetMeta([]).meta).toEqual({ name: 'empty', version: '0' });
    expect(() =>
      parseDatasetMeta([
        { key: 'dataset:0', json: '{' },
        { key: 'dataset:2', json: '}' },
      ]),
    ).toThrow(/incomplete/);
  });

  it('stores a short schema fingerprint, and keeps the graph of a file that holds the long one', async () => {
    expect(schemaFingerprint()).toMatch(/^sha256:[0-9a-f]{64}$/);
    const dir = await mkdtemp(path.join(os.tmpdir(), 'strategigraf-meta-'));
    const db = path.join(dir, 'old.lbug');
    try {
      const store = new LadybugStore({ path: db });
      await store.replaceDataset(await crashDataset('A'));
      await store.close();
      // Make it look like a file from before the hash: the whole DDL as the fingerprint.
      const raw = new lbug.Database(db);
      const conn = new lbug.Connection(raw);
      const set = await conn.prepare(`MATCH (m:${META_TABLE} {key: 'schema'}) SET m.json = $json`);
      ((await conn.execute(set, { json: legacySchemaFingerprint() })) as lbug.QueryResult).close();
      await conn.close();
      await raw.close();

      const reopened = new LadybugStore({ path: db });
      try {
        expect((await reopened.snapshot()).meta.name).toBe('A');
      } finally {
        await reopened.close();
      }
      const check = new lbug.Database(db);
      const checkConn = new lbug.Connection(check);
      const result = (await checkConn.query(`MATCH (m:${META_TABLE} {key: 'schema'}) RETURN m.json AS json`)) as lbug.QueryResult;
      expect(await result.getAll()).toEqual([{ json: schemaFingerprint() }]);
      result.close();
      await checkConn.close();
      await check.close();
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
