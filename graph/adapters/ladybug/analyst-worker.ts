// The analyst worker process: an in-memory LadybugDB holding a copy of the server's current graph, running one analyst
// query at a time for the parent (analyst-pool.ts). Whatever a query does to this process (memory, a crash in the
// engine's parser, a runaway plan), the parent can kill it without touching the server or its database file.
import lbug from '@ladybugdb/core';
import type { Connection, Database } from '@ladybugdb/core';
import { snapshotToDataset } from '../../export/json.js';
import { StoreError } from '../../store/errors.js';
import type { GraphSnapshot } from '../../store/port.js';
import { runAnalystQuery, lastResult, rawQuery, type AnalystExecOptions } from './analyst-exec.js';
import { schemaStatements } from './schema.js';
import { writeGraph } from './write-graph.js';

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
    const result = lastResult(await c.execute(prepared, params as never));
    try {
      return await result.getAll();
    } finally {
      result.close();
    }
  };
  for (const stmt of schemaStatements()) await rawQuery(c, stmt);
  // The same rows as the server's store, so that `MATCH (n) RETURN count(n)` counts the same here as there.
  await writeGraph(run, snapshotToDataset(snapshot));
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
