// Replaces the graph A, B, A, … in a loop while readers ask the store and the HTTP API concurrently: every answer must be
// exactly what the same question answered on A alone or on B alone — never a mix, never an error. Shared by both stores.
import { createHash } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../server/app.js';
import { generateDataset } from '../../bench/synthetic/dataset.js';
import type { Dataset } from '../../graph/schema/dataset.js';
import type { GraphStore } from '../../graph/store/port.js';

/** Two graphs that differ in every count, most names and the header, large enough that a replace takes a while. */
export function twoDatasets(size = 2_000): { a: Dataset; b: Dataset } {
  const a = generateDataset({ nodes: size, relationships: size * 4, seed: 11 });
  const b = generateDataset({ nodes: Math.round(size * 0.8), relationships: size * 3, seed: 12 });
  return { a: { ...a, dataset: { ...a.dataset, version: 'A' } }, b: { ...b, dataset: { ...b.dataset, version: 'B' } } };
}

interface Answer {
  /** What is compared: equal digests mean equal answers. */
  digest: string;
  /** A problem seen in the answer itself, whatever graph it came from. */
  problem?: string;
  /** The start of the answer, for the failure message. */
  shown?: string;
}

type Probe = (store: GraphStore, app: FastifyInstance) => Promise<Answer>;

/** Object keys sorted, so that two answers with the same content in another key order digest alike. */
function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === 'object')
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((k) => [k, canonical((value as Record<string, unknown>)[k])]),
    );
  return value;
}

const digest = (value: unknown) =>
  createHash('sha256')
    .update(JSON.stringify(canonical(value)))
    .digest('hex');

const answer = (value: unknown): Answer => ({ digest: digest(value), shown: JSON.stringify(value).slice(0, 300) });

/** An export whose edges point at nodes it does not contain was read from two graphs. */
function danglingEdges(exported: { nodes: { id: string }[]; relationships: { from: string; to: string }[] }): string | undefined {
  const ids = new Set(exported.nodes.map((n) => n.id));
  const dangling = exported.relationships.filter((r) => !ids.has(r.from) || !ids.has(r.to)).length;
  return dangling > 0 ? `${dangling} edges with a missing endpoint` : undefined;
}

async function http(app: FastifyInstance, url: string, check?: (json: any) => string | undefined): Promise<Answer> {
  const res = await app.inject({ method: 'GET', url });
  if (res.statusCode !== 200) return { digest: `status ${res.statusCode}`, problem: `${res.statusCode} ${res.body.slice(0, 160)}` };
  const json = JSON.parse(res.body);
  const problem = check?.(json);
  return { digest: digest(json), shown: res.body.slice(0, 200), ...(problem ? { problem } : {}) };
}

/** Ids of nodes both graphs have (with different edges): a mix of the two shows in their details and neighbourhoods. */
function sharedIds(a: Dataset, b: Dataset): string[] {
  const inB = new Set(b.nodes.map((n) => n.id));
  const ids = a.nodes.filter((n) => n.kind === 'Initiative' && inB.has(n.id)).map((n) => n.id);
  if (ids.length < 2) throw new Error('the two datasets share too few initiatives to probe');
  return ids;
}

function probes(sharedIds: string[]): Record<string, Probe> {
  const [first, second] = sharedIds as [string, string];
  return {
    stats: async (s) => {
      const stats = await s.stats();
      return { digest: digest(stats), shown: JSON.stringify(stats).slice(0, 200) };
    },
    snapshot: async (s) => {
      const snap = await s.snapshot();
      const ids = new Set(snap.nodes.map((n) => n.id));
      const dangling = snap.edges.filter((e) => !ids.has(e.from) || !ids.has(e.to)).length;
      return { digest: digest(snap), ...(dangling ? { problem: `${dangling} edges with a missing endpoint` } : {}) };
    },
    datasetMeta: async (s) => answer(await s.datasetMeta()),
    searchAll: async (s) => answer(await s.searchNodes({ limit: 20, offset: 40 })),
    searchText: async (s) => answer(await s.searchNodes({ q: 'digital', limit: 10, offset: 3 })),
    searchKind: async (s) => answer(await s.searchNodes({ kind: 'Initiative', limit: 10, offset: 0 })),
    getNode: async (s) => answer(await s.getNode(first)),
    getNode2: async (s) => answer(await s.getNode(second)),
    neighbors: async (s) => answer(await s.neighbors(first, { depth: 2, limit: 400 })),
    'GET /api/health': (_s, app) => http(app, '/api/health'),
    'GET /api/nodes': (_s, app) => http(app, '/api/nodes?limit=25&offset=10'),
    [`GET /api/nodes/${second}`]: (_s, app) => http(app, `/api/nodes/${second}`),
    'GET /api/export?format=json': (_s, app) => http(app, '/api/export?format=json', danglingEdges),
    'GET /api/export?focus': (_s, app) => http(app, `/api/export?format=json&focus=${first}&depth=2`, danglingEdges),
  };
}

export interface RaceResult {
  replaces: number;
  reads: number;
  /** Per probe: how many answers were neither A's nor B's (or failed). */
  failures: Record<string, number>;
  /** A few of the failures, for the test's message. */
  examples: string[];
  /** How many answers were A's and how many B's: both must occur or the race proved nothing. */
  seen: { a: number; b: number };
}

/**
 * Loads A, records every probe's answer; loads B, the same; then replaces B, A, B, … `replaces` times while `readers`
 * loops run the probes round-robin until the last replace is done. The store is left holding the last graph loaded.
 */
export async function raceReplaces(
  store: GraphStore,
  options: { a: Dataset; b: Dataset; replaces: number; readers: number; pauseMs?: number; replaceGapMs?: number; gapInSlowestReads?: number },
): Promise<RaceResult> {
  const app = await buildApp({ store, webRoot: null });
  await app.ready();
  try {
    const all = Object.entries(probes(sharedIds(options.a, options.b)));
    let slowestReadMs = 0;
    const reference = async () => {
      const out = new Map<string, string>();
      for (const [name, probe] of all) {
        const started = performance.now();
        const answer = await probe(store, app);
        slowestReadMs = Math.max(slowestReadMs, performance.now() - started);
        if (answer.problem) throw new Error(`${name} fails even without a concurrent replace: ${answer.problem}`);
        out.set(name, answer.digest);
      }
      return out;
    };
    await store.replaceDataset(options.a);
    const refA = await reference();
    await store.replaceDataset(options.b);
    const refB = await reference();
    for (const [name] of all) if (refA.get(name) === refB.get(name)) throw new Error(`probe ${name} cannot tell A from B`);

    const result: RaceResult = { replaces: 0, reads: 0, failures: {}, examples: [], seen: { a: 0, b: 0 } };
    // A gap measured in reads of this machine, not fixed: on a loaded machine a snapshot read outlasted a fixed 700 ms gap,
    // and readers that wait out replaces then never found a quiet moment (an honest 503, but not what is tested here).
    const gapMs = Math.max(options.replaceGapMs ?? 0, (options.gapInSlowestReads ?? 0) * slowestReadMs);
    let done = false;
    const writer = (async () => {
      try {
        for (let i = 0; i < options.replaces; i++) {
          await store.replaceDataset(i % 2 === 0 ? options.a : options.b);
          result.replaces++;
          // A store whose readers wait out a replace (Neo4j) needs time between replaces for reads to get through.
          if (gapMs > 0) await new Promise((resolve) => setTimeout(resolve, gapMs));
        }
      } finally {
        done = true;
      }
    })();
    const reader = async (offset: number) => {
      for (let i = offset; !done; i++) {
        const [name, probe] = all[i % all.length]!;
        let answer: Answer;
        try {
          answer = await probe(store, app);
        } catch (err) {
          answer = { digest: 'threw', problem: `threw ${err instanceof Error ? err.message : String(err)}` };
        }
        result.reads++;
        // Paced: answers from memory are quick, and unpaced readers would starve the replace they are meant to overlap.
        await new Promise((resolve) => setTimeout(resolve, options.pauseMs ?? 20));
        const isA = answer.digest === refA.get(name);
        const isB = answer.digest === refB.get(name);
        if (isA) result.seen.a++;
        if (isB) result.seen.b++;
        if (answer.problem || (!isA && !isB)) {
          result.failures[name] = (result.failures[name] ?? 0) + 1;
          if (result.examples.length < 8)
            result.examples.push(`${name}: ${answer.problem ?? 'matches neither A nor B'}${answer.shown ? `: ${answer.shown}` : ''}`);
        }
      }
    };
    await Promise.all([writer, ...Array.from({ length: options.readers }, (_, i) => reader(i * 3))]);
    return result;
  } finally {
    await app.close();
  }
}
