// The analyst worker process: an in-memory LadybugDB holding a copy of the server's current graph, running one analyst
// query at a time for the parent (analyst-pool.ts). Whatever a query does to this process (memory, a crash in the
// engine's parser, a runaway plan), the parent can kill it without touching the server or its database file.
import lbug from '@ladybugdb/core';
import type { Connection, Database } from '@ladybugdb/core';
import { NODE_KINDS, RELATIONSHIP_RULES, RELATIONSHIP_TYPES } from '../../ontology.js';
import { snapshotToDataset } from '../../export/json.js';
import { StoreError } from '../../store/errors.js';
import type { GraphSnapshot } from '../../store/port.js';
import { datasetMetaJson, edgeRow, nodeRow } from '../../store/records.js';
import { runAnalystQuery, lastResult, rawQuery, type AnalystExecOptions } from './analyst-exec.js';
import { ladybugDialect as q } from './dialect.js';
import { schemaFingerprint, schemaStatements } from './schema.js';

export type ToWorker =
  | { type: 'load'; snapshot: GraphSnapshot; bufferBytes: number }
  | { type: 'query'; id: number; cypher: string; params: Record<string, unknown>; options: AnalystExecOptions };

export type FromWorker =
  | { type: 'ready' }
  | { type: 'loaded' }
  | { type: 'load_failed'; message: string }
  | { type: 'result'; id: number; result: { columns: string[]; rows: unknown[][] } }
  | { type: 'error'; id: number; code: StoreError['code'] | null; message: string };

/** Prepared statements live as long as their connection, so it is replaced this often (measured: ~2.8 KB per prepare). */
const QUERIES_PER_CONNECTION = 200;

let db: Database | null = null;
let conn: Connection | null = null;
let queriesOnConnection = 0;

const send = (message: FromWorker) => process.send?.(message);

// No worker outlives its server: when the IPC channel closes (the parent exited or was killed), so does this process.
process.on('disconnect', () => process.exit(0));

async function load(snapshot: GraphSnapshot, bufferBytes: number): Promise<void> {
  await conn?.close();
  await db?.close();
  conn = null;
  db = null;
  // The buffer pool is the engine's own memory for data and intermediate results, outside V8's heap: bounding it makes
  // a heavy query fail inside the engine ("buffer pool is full") before the parent's RSS watch has to kill anything.
  db = new lbug.Database(':memory:', bufferBytes);
  await db.init();
  const c = new lbug.Connection(db, 1);
  await c.init();
  const run = async (statement: string, params: Record<string, unknown> = {}) => {
    const prepared = await c.prepare(statement);
    if (!prepared.isSuccess()) throw new Error(prepared.getErrorMessage());
    lastResult(await c.execute(prepared, params as never)).close();
  };
  for (const stmt of schemaStatements()) await rawQuery(c, stmt);
  const dataset = snapshotToDataset(snapshot);
  for (const kind of NODE_KINDS) {
    const rows = dataset.nodes.filter((n) => n.kind === kind).map(nodeRow);
    if (rows.length > 0) await run(q.createNodes(kind), { rows });
  }
  const kindOf = new Map(dataset.nodes.map((n) => [n.id, n.kind]));
  for (const type of RELATIONSHIP_TYPES) {
    for (const [from, to] of RELATIONSHIP_RULES[type]) {
      const rows = dataset.relationships.filter((r) => r.type === type && kindOf.get(r.from) === from && kindOf.get(r.to) === to).map(edgeRow);
      if (rows.length > 0) await run(q.createRelationships(type, from, to), { rows });
    }
  }
  // The same meta rows as the server's store, so that `MATCH (n) RETURN count(n)` counts the same here as there.
  await run(q.writeMeta, { key: 'schema', json: schemaFingerprint() });
  if (dataset.nodes.length > 0 || dataset.references.length > 0) await run(q.writeMeta, { key: 'dataset', json: datasetMetaJson(dataset) });
  await c.close();
  await freshConnection();
}

async function freshConnection(): Promise<Connection> {
  await conn?.close();
  // One thread per query: the worker shares the machine with the server and with the other workers.
  conn = new lbug.Connection(db!, 1);
  await conn.init();
  queriesOnConnection = 0;
  return conn;
}

// One message at a time: the parent sends a query only when the previous one has answered.
let chain: Promise<void> = Promise.resolve();
process.on('message', (message: ToWorker) => {
  chain = chain.then(() => handle(message));
});

async function handle(message: ToWorker): Promise<void> {
  if (message.type === 'load') {
    try {
      await load(message.snapshot, message.bufferBytes);
      send({ type: 'loaded' });
    } catch (err) {
      send({ type: 'load_failed', message: err instanceof Error ? err.message : String(err) });
    }
    return;
  }
  const { id, cypher, params, options } = message;
  try {
    if (!db) throw new Error('the worker holds no graph yet');
    const c = conn && queriesOnConnection < QUERIES_PER_CONNECTION ? conn : await freshConnection();
    queriesOnConnection++;
    send({ type: 'result', id, result: await runAnalystQuery(c, cypher, params, options) });
  } catch (err) {
    send({ type: 'error', id, code: err instanceof StoreError ? err.code : null, message: err instanceof Error ? err.message : String(err) });
  }
}

send({ type: 'ready' });
