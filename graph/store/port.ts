// The GraphStore port: everything outside graph/adapters talks to a store through this interface only.
import type { NodeKind, RelationshipType, Basis } from '../ontology.js';
import type { Dataset } from '../schema/dataset.js';
import type { OnLoadProgress } from '../schema/load.js';
import type { NamedQueryResult } from '../queries/named.js';
import type { WorkStore } from '../work/port.js';
import type { CypherResult, GraphEdge, GraphNode, GraphPath, GraphStats, Neighborhood, NodeDetail } from '../schema/graph.js';

export type BackendName = 'ladybug' | 'neo4j';

export interface SearchOptions {
  q?: string;
  kind?: NodeKind;
  limit: number;
  offset: number;
}

export interface NeighborOptions {
  depth: number;
  kinds?: NodeKind[];
  types?: RelationshipType[];
  basis?: Basis;
  limit: number;
}

export interface PathOptions {
  maxLength: number;
  directed: boolean;
  limit: number;
}

export interface ReadQueryOptions {
  /** The limit named in errors; the query is stopped at whichever comes first of this and `deadline`. */
  timeoutMs: number;
  rowCap: number;
  /** Epoch ms by which the query must be done, when time was already spent on it (waiting in the API's queue). */
  deadline?: number;
  /** Largest result in bytes of JSON; past it the query fails with response_too_large. */
  maxResponseBytes?: number;
}

export interface StoreHealth {
  available: boolean;
  backend: BackendName;
  error?: string;
}

export interface ReplaceOptions {
  onProgress?: OnLoadProgress;
}

/** The whole graph as plain data, for analysis and export. */
export interface GraphSnapshot {
  meta: Dataset['dataset'];
  references: Dataset['references'];
  nodes: GraphNode[];
  edges: GraphEdge[];
}

/**
 * Consistency: every method's answer comes from one committed graph — the one before a concurrent replaceDataset or the
 * one after it, never part of each — however many statements it takes. Two calls may see different graphs.
 */
export interface GraphStore {
  readonly backend: BackendName;
  /** Connects and creates the schema derived from the ontology; idempotent. */
  open(): Promise<void>;
  close(): Promise<void>;
  health(): Promise<StoreHealth>;
  /**
   * Replaces the whole graph atomically for readers: on a failure (load_failed) the previous graph stays as it was, and
   * readers see the old graph or the new one, never a mix. (LadybugDB does it in one transaction; Neo4j stages in
   * batches and switches, and once switched the load has happened even if finishing it is left to a reader.) `onProgress` hears
   * of each step (clearing, nodes and relationships written so far, committing, indexing), at most every few thousand
   * rows; it is for showing, and what it throws is ignored.
   */
  replaceDataset(dataset: Dataset, options?: ReplaceOptions): Promise<void>;
  stats(): Promise<GraphStats>;
  getNode(id: string): Promise<NodeDetail | null>;
  getNodes(ids: readonly string[]): Promise<GraphNode[]>;
  searchNodes(options: SearchOptions): Promise<{ items: GraphNode[]; total: number }>;
  neighbors(id: string, options: NeighborOptions): Promise<Neighborhood>;
  shortestPaths(from: string, to: string, options: PathOptions): Promise<GraphPath[]>;
  /**
   * The whole graph: the same object for as long as the graph is unchanged, so that what is derived from it may be
   * cached on it (graph/projection/as-of.ts does), and a new one once a replace has committed. Its arrays are frozen;
   * nobody changes what they hold.
   */
  snapshot(): Promise<GraphSnapshot>;
  /** The dataset header and references alone, without reading the whole graph. */
  datasetMeta(): Promise<Pick<GraphSnapshot, 'meta' | 'references'>>;
  /**
   * What a partial export needs: the neighbourhood of one node with the dataset header and references, all read from
   * the same graph (a header and a neighbourhood read apart could straddle a replace). Null when there is no such node.
   */
  neighborhoodSnapshot(id: string, options: NeighborOptions): Promise<GraphSnapshot | null>;
  /** Runs one of the named relationship queries (graph/queries/named.ts) with validated parameters. */
  runNamed(name: string, params: Record<string, unknown>): Promise<NamedQueryResult>;
  /**
   * The programme office's records and the audit trail, beside the dataset but never in it: replaceDataset leaves them
   * as they are, no dataset read (snapshot, stats, search, export) sees them, and readQuery cannot read them.
   */
  readonly work: WorkStore;
  /** Runs analyst Cypher that the store itself guarantees cannot write; it never sees `work`. */
  readQuery(cypher: string, params: Record<string, unknown>, options: ReadQueryOptions): Promise<CypherResult>;
}
