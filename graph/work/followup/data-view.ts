// What the data says about findings, for the follow-up: the current findings (those of the latest year, as GET /api/gaps
// gives them), which subjects exist, and — only when a followed-up finding is missing — in which year it disappeared
// and which source of that year closed it. Derived once per snapshot object: a replace gives a new snapshot.
import { findGaps } from '../../analysis/gaps.js';
import { partialDateKey } from '../../analysis/time/dates.js';
import type { Years } from '../../analysis/time/years.js';
import { snapshotOfYear, yearsOfGraph } from '../../projection/as-of.js';
import type { GapFinding } from '../../schema/analysis.js';
import type { GraphNode } from '../../schema/graph.js';
import type { SourceRef } from '../../schema/time.js';
import { setImmediate as nextTurn } from 'node:timers/promises';
import type { GraphSnapshot } from '../../store/port.js';
import type { FindingSummary } from './schema.js';
import type { Observation } from './state.js';

export interface DataView {
  readonly snapshot: GraphSnapshot;
  readonly years: Years;
  /** The findings of the latest year, in findGaps order. */
  readonly current: readonly GapFinding[];
  readonly currentById: ReadonlyMap<string, GapFinding>;
  /** The findings of one year of the data (computed on first need). */
  findingsOf(year: number): readonly GapFinding[];
  /** How many years' findings are worked out so far (the latest year's always are): how far a preparation has come. */
  analysedYears(): number;
  /** What the data says about one finding. */
  observe(findingId: string, subjectId: string): Observation;
}

export function summaryOf(f: GapFinding): FindingSummary {
  const summary: FindingSummary = { rule: f.rule, severity: f.severity, basis: f.basis, subject: f.subject, message: f.message };
  if (f.years) summary.years = f.years;
  return summary;
}

/** The latest source of a year: of its Reports, the one published last (by its partial date), then by id. */
export function latestSourceOf(snapshot: GraphSnapshot, years: Years, year: number): SourceRef | null {
  let best: GraphNode | null = null;
  const published = (n: GraphNode) => {
    const p = n.properties['published'];
    return typeof p === 'string' ? partialDateKey(p) : null;
  };
  const compare = (a: GraphNode, b: GraphNode): number => {
    const [ka, kb] = [published(a), published(b)];
    if (ka && kb) for (let i = 0; i < 4; i++) if (ka[i] !== kb[i]) return ka[i]! - kb[i]!;
    if (ka && !kb) return 1;
    if (!ka && kb) return -1;
    return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
  };
  for (const node of snapshot.nodes) {
    if (node.kind !== 'Report' || years.ofSource.get(node.id) !== year) continue;
    if (best === null || compare(node, best) > 0) best = node;
  }
  if (!best) return null;
  const ref: SourceRef = { id: best.id, name: best.name, year };
  if (best.nameEn) ref.nameEn = best.nameEn;
  const url = best.properties['url'];
  if (typeof url === 'string') ref.url = url;
  return ref;
}

const views = new WeakMap<GraphSnapshot, DataView>();

export function dataViewOf(snapshot: GraphSnapshot): DataView {
  const cached = views.get(snapshot);
  if (cached) return cached;
  const years = yearsOfGraph(snapshot);
  const latest = years.latest;
  const current = findGaps(latest === null ? snapshot : snapshotOfYear(snapshot, latest));
  const currentById = new Map(current.map((f) => [f.id, f]));
  const nodeIds = new Set(snapshot.nodes.map((n) => n.id));
  const byYear = new Map<number, GapFinding[]>();
  const findingsOf = (year: number): GapFinding[] => {
    if (year === latest) return current;
    let found = byYear.get(year);
    if (!found) byYear.set(year, (found = findGaps(snapshotOfYear(snapshot, year))));
    return found;
  };
  const idsByYear = new Map<number, Set<string>>();
  const idsOf = (year: number): Set<string> => {
    let ids = idsByYear.get(year);
    if (!ids) idsByYear.set(year, (ids = new Set(findingsOf(year).map((f) => f.id))));
    return ids;
  };

  const view: DataView = {
    snapshot,
    years,
    current,
    currentById,
    findingsOf,
    analysedYears: () => byYear.size + (latest === null ? 0 : 1),
    observe(findingId, subjectId) {
      const now = currentById.get(findingId);
      const subjectExists = nodeIds.has(subjectId);
      const presentIn = subjectExists ? years.all.filter((y) => idsOf(y).has(findingId)) : [];
      const firstYear = now ? (presentIn[0] ?? latest) : (presentIn[0] ?? null);
      if (now) return { present: true, subjectExists: true, finding: summaryOf(now), closing: null, firstYear };
      const lastYear = presentIn.at(-1);
      const lastSeen = lastYear === undefined ? null : findingsOf(lastYear).find((f) => f.id === findingId)!;
      // Gone since the year after it was last found; found in no year of this data, it is gone as of the latest.
      const goneIn = lastYear === undefined ? latest : (years.all.find((y) => y > lastYear) ?? latest);
      const closing = goneIn === null ? { source: null, year: null } : { source: latestSourceOf(snapshot, years, goneIn), year: goneIn };
      return { present: false, subjectExists, finding: lastSeen ? summaryOf(lastSeen) : null, closing, firstYear };
    },
  };
  views.set(snapshot, view);
  return view;
}

/**
 * The data view with every year's findings worked out, one year per turn of the event loop. The first reconcile after a
 * load of a large graph runs the gap analysis once per year of the data; done in one go it held the event loop for the
 * whole of it (at 100,000 nodes /api/health stopped answering). Each year's findings are kept on that year's frozen
 * snapshot (analysis/materialised.ts), so a year another caller already analysed costs nothing here.
 */
export async function preparedDataView(snapshot: GraphSnapshot, signal?: AbortSignal): Promise<DataView> {
  const prepared = views.get(snapshot);
  if (prepared) return prepared;
  // The years and the latest year's graph are kept per snapshot (projection/as-of.ts), so each is its own slice.
  const years = yearsOfGraph(snapshot);
  await nextTurn();
  signal?.throwIfAborted();
  if (years.latest !== null) snapshotOfYear(snapshot, years.latest);
  await nextTurn();
  signal?.throwIfAborted();
  const view = dataViewOf(snapshot);
  for (const year of years.all) {
    await nextTurn();
    signal?.throwIfAborted();
    view.findingsOf(year);
  }
  return view;
}

/** The view of this snapshot if one was made (by dataViewOf or preparedDataView), without making one. */
export function existingDataView(snapshot: GraphSnapshot): DataView | undefined {
  return views.get(snapshot);
}
