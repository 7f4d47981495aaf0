// What the data says about findings, for the follow-up: the current findings (those of the latest year, as GET /api/gaps
// gives them), which subjects exist, and — only when a followed-up finding is missing — in which year it disappeared
// and which source of that year closed it. Derived once per snapshot object: a replace gives a new snapshot.
import { findGaps, packKeptFindings } from '../../analysis/gaps.js';
import { partialDateKey } from '../../analysis/time/dates.js';
import type { Years } from '../../analysis/time/years.js';
import { snapshotOfYear, withGraphOfYear, yearsOfGraph } from '../../projection/as-of.js';
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
  /** How many years' findings are indexed so far: how far a preparation has come. */
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

const views = new WeakMap<GraphSnapshot, DataIndex>();

/** The last year a finding the latest year lacks was found in, and its summary then. */
interface LastSeen {
  year: number;
  summary: FindingSummary;
}

/**
 * A view that indexes the years one at a time. Each past year's findings are worked out once, on a graph of the year
 * that is not kept (projection/as-of.ts, withGraphOfYear), and only a digest of them stays: the first year each finding
 * id was found in, and the last year and summary of a finding gone by the latest year. Keeping every year's findings
 * and graph took a server with 100,000 nodes past 1 GiB. The digest is one number per finding id: a list of the years
 * each was found in (of which only the first and the last were ever read) held 28 MiB for the 48,934 findings at that
 * size, most of it arrays' spare room.
 */
class DataIndex implements DataView {
  readonly years: Years;
  readonly current: readonly GapFinding[];
  readonly currentById: ReadonlyMap<string, GapFinding>;
  private readonly nodeIds: Set<string>;
  private readonly firstYear = new Map<string, number>();
  private readonly lastSeen = new Map<string, LastSeen>();
  private readonly indexed = new Set<number>();

  constructor(readonly snapshot: GraphSnapshot) {
    this.years = yearsOfGraph(snapshot);
    const latest = this.years.latest;
    const ofLatest = latest === null ? snapshot : snapshotOfYear(snapshot, latest);
    // Read until the next load, by this view and by GET /api/gaps: kept with its evidence packed.
    packKeptFindings(ofLatest);
    this.current = findGaps(ofLatest);
    this.currentById = new Map(this.current.map((f) => [f.id, f]));
    this.nodeIds = new Set(snapshot.nodes.map((n) => n.id));
  }

  findingsOf(year: number): readonly GapFinding[] {
    // A year asked for by a reader (GET /api/findings?asOf=): its graph is kept among the recent years, and so are its
    // findings (materialised on that graph).
    return year === this.years.latest ? this.current : findGaps(snapshotOfYear(this.snapshot, year));
  }

  analysedYears(): number {
    return this.indexed.size;
  }

  /** Adds one year's findings to the digest, once. Years may come in any order. */
  indexYear(year: number): void {
    if (this.indexed.has(year)) return;
    const found = year === this.years.latest ? this.current : withGraphOfYear(this.snapshot, year, (ofYear) => findGaps(ofYear));
    for (const f of found) {
      const first = this.firstYear.get(f.id);
      if (first === undefined || year < first) this.firstYear.set(f.id, year);
      if (this.currentById.has(f.id)) continue;
      const last = this.lastSeen.get(f.id);
      if (!last || year > last.year) this.lastSeen.set(f.id, { year, summary: summaryOf(f) });
    }
    this.indexed.add(year);
  }

  private indexAll(): void {
    for (const year of this.years.all) this.indexYear(year);
  }

  observe(findingId: string, subjectId: string): Observation {
    this.indexAll();
    const { years } = this;
    const latest = years.latest;
    const now = this.currentById.get(findingId);
    const subjectExists = this.nodeIds.has(subjectId);
    const first = subjectExists ? this.firstYear.get(findingId) : undefined;
    const firstYear = first ?? (now ? latest : null);
    if (now) return { present: true, subjectExists: true, finding: summaryOf(now), closing: null, firstYear };
    const last = subjectExists ? this.lastSeen.get(findingId) : undefined;
    const lastYear = last?.year;
    const lastSeen = last?.summary ?? null;
    // Gone since the year after it was last found; found in no year of this data, it is gone as of the latest.
    const goneIn = lastYear === undefined ? latest : (years.all.find((y) => y > lastYear) ?? latest);
    const closing = goneIn === null ? { source: null, year: null } : { source: latestSourceOf(this.snapshot, years, goneIn), year: goneIn };
    return { present: false, subjectExists, finding: lastSeen, closing, firstYear };
  }
}

export function dataViewOf(snapshot: GraphSnapshot): DataView {
  let view = views.get(snapshot);
  if (!view) views.set(snapshot, (view = new DataIndex(snapshot)));
  return view;
}

/**
 * The data view with every year's findings worked out, one year per turn of the event loop. The first reconcile after a
 * load of a large graph runs the gap analysis once per year of the data; done in one go it held the event loop for the
 * whole of it (at 100,000 nodes /api/health stopped answering). Each year's findings are kept on that year's frozen
 * snapshot while that graph is kept (analysis/materialised.ts, projection/as-of.ts), so a year a reader analysed
 * recently costs nothing here.
 */
export async function preparedDataView(snapshot: GraphSnapshot, signal?: AbortSignal, afterYear?: () => void): Promise<DataView> {
  const prepared = views.get(snapshot);
  if (prepared) return prepared;
  // The years and the latest year's graph are kept per snapshot (projection/as-of.ts), so each is its own slice.
  const years = yearsOfGraph(snapshot);
  await nextTurn();
  signal?.throwIfAborted();
  if (years.latest !== null) snapshotOfYear(snapshot, years.latest);
  await nextTurn();
  signal?.throwIfAborted();
  const view = dataViewOf(snapshot) as DataIndex;
  for (const year of years.all) {
    await nextTurn();
    signal?.throwIfAborted();
    view.indexYear(year);
    afterYear?.();
  }
  return view;
}

/** The view of this snapshot if one was made (by dataViewOf or preparedDataView), without making one. */
export function existingDataView(snapshot: GraphSnapshot): DataView | undefined {
  return views.get(snapshot);
}
