// Runs one analyst query on a LadybugDB connection and shapes its rows for the API. It runs inside the analyst worker
// process (analyst-worker.ts), never on the server's own connections: see analyst-pool.ts for why.
import type { Connection, QueryResult } from '@ladybugdb/core';
import type { CypherResult } from '../../schema/graph.js';
import { engineMessageForAnalyst } from '../shared/analyst-query.js';
import { queryInvalid, queryTimeout, readOnlyViolation, rowCapExceeded, StoreError } from '../../store/errors.js';
import { ResponseBudget } from '../shared/response-budget.js';
import { ladybugDialect as q } from './dialect.js';
import { META_TABLE } from './schema.js';
import { edgeFromValue, fromLadybugValue, isNodeValue, isRelValue, nodeFromValue } from './values.js';

export interface AnalystExecOptions {
  /** The configured limit, named in the timeout error. */
  timeoutMs: number;
  /** What is left of the query's deadline: the engine's own timeout. */
  engineTimeoutMs: number;
  rowCap: number;
  maxResponseBytes?: number;
}

export async function runAnalystQuery(conn: Connection, cypher: string, params: Record<string, unknown>, options: AnalystExecOptions): Promise<CypherResult> {
  // Prepared statements are freed only with their connection (the JS API has no close for them); the worker replaces
  // its connection every so many queries for that reason.
  const prepared = await conn.prepare(cypher).catch((err: unknown) => {
    throw queryInvalid(`the query is not valid Cypher: ${engineMessageForAnalyst(err instanceof Error ? err.message : String(err))}`);
  });
  if (!prepared.isSuccess()) throw queryInvalid(`the query is not valid Cypher: ${engineMessageForAnalyst(prepared.getErrorMessage())}`);
  if (!prepared.isReadOnly()) throw readOnlyViolation();
  conn.setQueryTimeout(Math.max(1, Math.floor(options.engineTimeoutMs)));
  // Belt and braces: besides the planner's read-only verdict, the engine's read-only transaction refuses writes.
  await rawQuery(conn, q.beginReadOnly);
  try {
    let result: QueryResult;
    try {
      result = lastResult(await conn.execute(prepared, params as never));
    } catch (err) {
      throw classifyExecutionError(err, options.timeoutMs);
    }
    try {
      const columns = await result.getColumnNames();
      const rows: unknown[][] = [];
      const budget = new ResponseBudget(options.maxResponseBytes);
      while (result.hasNext()) {
        if (rows.length >= options.rowCap) throw rowCapExceeded(options.rowCap);
        const row = await result.getNext();
        if (!row) break;
        const shaped = columns.map((c) => serialiseValue(row[c]));
        budget.add(shaped);
        rows.push(shaped);
      }
      return { columns, rows };
    } finally {
      result.close();
    }
  } catch (err) {
    throw err instanceof StoreError ? err : classifyExecutionError(err, options.timeoutMs);
  } finally {
    await rawQuery(conn, q.rollback).catch(() => undefined);
  }
}

export async function rawQuery(conn: Connection, statement: string): Promise<void> {
  lastResult(await conn.query(statement)).close();
}

export function lastResult(result: QueryResult | QueryResult[]): QueryResult {
  if (!Array.isArray(result)) return result;
  for (const r of result.slice(0, -1)) r.close();
  return result[result.length - 1]!;
}

function classifyExecutionError(err: unknown, timeoutMs: number): StoreError {
  const message = err instanceof Error ? err.message : String(err);
  if (/interrupt|timeout/i.test(message)) return queryTimeout(timeoutMs);
  if (/read-only|read only/i.test(message)) return readOnlyViolation();
  return queryInvalid(`the query failed: ${engineMessageForAnalyst(message)}`, err);
}

/** Nodes, relationships and paths in analyst results become the API's shapes; everything else plain JSON. */
function serialiseValue(value: unknown): unknown {
  const v = fromLadybugValue(value);
  if (isNodeValue(v)) return v['_label'] === META_TABLE ? null : nodeFromValue(v);
  if (isRelValue(v)) return edgeFromValue(v);
  if (v && typeof v === 'object' && '_nodes' in v && '_rels' in v) {
    const rec = v as { _nodes: unknown[]; _rels: unknown[] };
    return { nodes: rec._nodes.map((v) => nodeFromValue(v)), edges: rec._rels.map((v) => edgeFromValue(v)) };
  }
  if (Array.isArray(v)) return v.map(serialiseValue);
  if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, serialiseValue(x)]));
  return v;
}
