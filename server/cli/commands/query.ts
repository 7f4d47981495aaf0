import { queryLimitsFromEnv } from '../../../graph/adapters/index.js';
import { StoreError } from '../../../graph/store/errors.js';
import type { CypherResult } from '../../../graph/schema/graph.js';
import { EXIT, parseCommandArgs, UsageError, type Command } from '../command.js';
import { SERVER_OPTIONS, serverUsage, withGraph } from '../store-session.js';

const MAX_CELL = 60;

type Rec = Record<string, unknown>;
const isNode = (v: Rec) => typeof v['id'] === 'string' && typeof v['kind'] === 'string' && typeof v['name'] === 'string';
const isEdge = (v: Rec) => typeof v['type'] === 'string' && typeof v['from'] === 'string' && typeof v['to'] === 'string';

/** One table cell: nodes as (Kind id), edges as from-[TYPE]->to, paths as their chain, other values as JSON. */
export function formatCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value !== 'object') return String(value);
  const v = value as Rec;
  if (isNode(v)) return `(${String(v['kind'])} ${String(v['id'])})`;
  if (isEdge(v)) return `${String(v['from'])}-[${String(v['type'])}]->${String(v['to'])}`;
  if (Array.isArray(v['nodes']) && Array.isArray(v['edges'])) return (v['nodes'] as Rec[]).map((n) => (isNode(n) ? String(n['id']) : '?')).join(' — ');
  return JSON.stringify(value);
}

export function formatTable(result: CypherResult): string {
  const cells = result.rows.map((row) =>
    row.map((c) => formatCell(c).replace(/\s+/g, ' ')).map((c) => (c.length > MAX_CELL ? `${c.slice(0, MAX_CELL - 1)}…` : c)),
  );
  const widths = result.columns.map((col, i) => Math.max(col.length, ...cells.map((r) => r[i]?.length ?? 0)));
  const line = (parts: string[]) =>
    parts
      .map((p, i) => p.padEnd(widths[i]!))
      .join('  ')
      .trimEnd();
  return [
    line(result.columns),
    line(widths.map((w) => '-'.repeat(w))),
    ...cells.map(line),
    `(${result.rows.length} row${result.rows.length === 1 ? '' : 's'})`,
  ].join('\n');
}

function parseParams(raw: string | undefined): Record<string, unknown> {
  if (raw === undefined) return {};
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch (err) {
    throw new UsageError(`--params must be a JSON object: ${err instanceof Error ? err.message : String(err)}`);
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) throw new UsageError('--params must be a JSON object, e.g. \'{"id": "digdir"}\'');
  return value as Record<string, unknown>;
}

export const queryCommand: Command = {
  name: 'query',
  summary: 'Run a read-only Cypher query against the store and print the rows',
  usage: [
    'Usage: strategigraf query "<cypher>" [--params JSON] [--json] [--server URL] [--token T]',
    '',
    '  --params JSON  values for $parameters, e.g. --params \'{"id": "digdir"}\'',
    '  --json         print {"columns", "rows"} as JSON (nodes and relationships as in the API)',
    serverUsage(15),
    '',
    'Writes are refused. STRATEGIGRAF_QUERY_TIMEOUT_MS (default 5000) and STRATEGIGRAF_QUERY_ROW_CAP (default 5000) bound the query;',
    "when a server answers it, the server's limits (and its queue and rate limit for queries) apply instead.",
  ].join('\n'),
  async run(argv, io) {
    const { values, positionals } = parseCommandArgs(argv, { params: { type: 'string' }, json: { type: 'boolean' }, ...SERVER_OPTIONS });
    if (positionals.length !== 1 || positionals[0]!.trim() === '') throw new UsageError('give exactly one Cypher query, quoted');
    const params = parseParams(values.params);
    const limits = queryLimitsFromEnv(io.env);
    return withGraph(io, 'read', values, async (store) => {
      let result: CypherResult;
      try {
        result = await store.readQuery(positionals[0]!, params, { timeoutMs: limits.timeoutMs, rowCap: limits.rowCap, maxResponseBytes: limits.responseBytes });
      } catch (err) {
        if (err instanceof StoreError && err.code !== 'store_unavailable' && err.code !== 'load_failed') {
          io.err(`query refused (${err.code}): ${err.message}`);
          return EXIT.problems;
        }
        throw err;
      }
      io.out(values.json ? JSON.stringify(result, null, 2) : formatTable(result));
      return EXIT.ok;
    });
  },
};
