// The part of the store the CLI's commands use, answered by a running server over its API instead of the file it holds.
// Each method returns what the store's method returns, so a command builds its output with the same functions either
// way: the whole graph comes as the JSON export (the dataset format) and is turned back into the snapshot a store
// returns by the adapters' own conversion (snapshotFromDataset); stats from /api/schema's counts; queries from
// /api/query, whose refusals become the StoreErrors the store throws.
import { z } from 'zod';
import { snapshotFromDataset } from '../../graph/analysis/snapshot.js';
import { Dataset } from '../../graph/schema/dataset.js';
import { CypherResult, type GraphStats } from '../../graph/schema/graph.js';
import { StoreError, type StoreErrorCode } from '../../graph/store/errors.js';
import type { GraphSnapshot, GraphStore, NeighborOptions } from '../../graph/store/port.js';
import type { Json, WorkCollection, WorkRecord, WorkStore } from '../../graph/work/port.js';
import { StoredRecords } from '../../graph/work/schema.js';
import { ServerAnswerError, type ServerClient } from './server-client.js';

/** What the CLI's commands need of a store: its reads, a replace, and the follow-up's records (for the report). */
export type CliGraph = Pick<GraphStore, 'stats' | 'snapshot' | 'neighborhoodSnapshot' | 'readQuery' | 'replaceDataset'> & {
  work: Pick<WorkStore, 'listRecords'>;
};

const SchemaCounts = z.object({
  backend: z.string(),
  nodeKinds: z.array(z.object({ kind: z.string(), count: z.number().int().nonnegative() })),
  relationshipTypes: z.array(z.object({ type: z.string(), count: z.number().int().nonnegative() })),
});

const Replaced = z.object({ nodes: z.number().int(), relationships: z.number().int() });

/** The codes with which the store refuses an analyst query; the query command reports them as refusals, as it does locally. */
const QUERY_REFUSALS: ReadonlySet<string> = new Set<StoreErrorCode>([
  'read_only',
  'query_timeout',
  'row_cap_exceeded',
  'query_invalid',
  'response_too_large',
  'query_too_costly',
  'query_crashed',
  'too_many_queries',
]);

export class RemoteGraph implements CliGraph {
  constructor(private readonly client: ServerClient) {}

  /** Only the follow-up's and the review's records are served (GET /api/records/:collection); tokens never are. */
  readonly work: CliGraph['work'] = {
    listRecords: async (collection: WorkCollection): Promise<WorkRecord[]> => {
      if (collection === 'token') throw new Error('the server does not serve the token records');
      const { items } = await this.client.getJson(`/api/records/${collection}`, StoredRecords, `the ${collection} records`);
      return items.map((r) => ({ collection, id: r.id, version: r.version, updatedAt: r.updatedAt, body: r.body as Json }));
    },
  };

  /** The counts /api/schema lists for every kind and type, in the ontology's order, as store.stats() gives them. */
  async stats(): Promise<GraphStats> {
    const schema = await this.client.getJson('/api/schema', SchemaCounts, 'the graph schema');
    return {
      backend: schema.backend,
      nodes: Object.fromEntries(schema.nodeKinds.map((k) => [k.kind, k.count])),
      relationships: Object.fromEntries(schema.relationshipTypes.map((t) => [t.type, t.count])),
    };
  }

  /** The whole graph, every year of it (the export's default, like store.snapshot()). */
  async snapshot(): Promise<GraphSnapshot> {
    return snapshotFromDataset(await this.client.getJson('/api/export', Dataset, 'the graph as a dataset', { format: 'json' }));
  }

  /** The export of a neighbourhood reads store.neighborhoodSnapshot on the server, with the export's own node limit. */
  async neighborhoodSnapshot(id: string, options: NeighborOptions): Promise<GraphSnapshot | null> {
    try {
      return snapshotFromDataset(
        await this.client.getJson('/api/export', Dataset, 'the neighbourhood as a dataset', { format: 'json', focus: id, depth: options.depth }),
      );
    } catch (err) {
      // "no node with focus …"; a 404 for the route itself ("no route …") is a server that does not have it.
      if (err instanceof ServerAnswerError && err.status === 404 && err.code === 'not_found' && !err.serverMessage.startsWith('no route')) return null;
      throw err;
    }
  }

  /** The server's query limits apply, not the ones given here (see the query command's help). */
  async readQuery(cypher: string, params: Record<string, unknown>): Promise<CypherResult> {
    try {
      return await this.client.sendJson('POST', '/api/query', { cypher, params }, CypherResult, 'a query result');
    } catch (err) {
      if (err instanceof ServerAnswerError && QUERY_REFUSALS.has(err.code)) throw new StoreError(err.code as StoreErrorCode, err.serverMessage, { cause: err });
      throw err;
    }
  }

  /**
   * The dataset as one JSON document to PUT /api/dataset, which validates it again and replaces the graph atomically.
   * It needs an admin: without a token, or with one the server does not accept, the error says how to give one.
   */
  async replaceDataset(dataset: Dataset): Promise<void> {
    try {
      await this.client.sendJson('PUT', '/api/dataset', dataset, Replaced, 'the loaded dataset');
    } catch (err) {
      if (err instanceof ServerAnswerError && (err.status === 401 || err.status === 403)) {
        const hint = this.client.hasToken
          ? 'the token given was not accepted for replacing the dataset (it needs the admin role)'
          : 'loading needs an admin token: give --token, or set STRATEGIGRAF_TOKEN or STRATEGIGRAF_ADMIN_TOKEN';
        throw new Error(`${err.message}; ${hint}`, { cause: err });
      }
      if (err instanceof ServerAnswerError && err.code === 'invalid_dataset' && err.details) {
        const problems = err.details.slice(0, 20).map((p) => `  ${describeProblem(p)}`);
        throw new Error([err.message, ...problems].join('\n'), { cause: err });
      }
      throw err;
    }
  }
}

function describeProblem(problem: unknown): string {
  if (problem === null || typeof problem !== 'object') return String(problem);
  const p = problem as { file?: unknown; line?: unknown; path?: unknown; message?: unknown };
  const where = [p.file, p.line].filter((x) => x !== undefined && x !== null).join(':');
  return `${where}${p.path ? ` ${String(p.path)}` : ''}: ${String(p.message)}`;
}
