// A subject's statuses over the years, each a dated assertion by one source. Three kinds of record say a status: a
// StatusAssessment (a later source's label on the progress scale), a 2020 StatusReport's answer, and the node's own
// `status`, which is the assessment of the source that attests the node. None of them is carried into a year its source
// does not report on: a year without an assertion stays empty.
import { PROGRESS_RANK, type Progress } from '../../ontology.js';
import type { GraphEdge, GraphNode } from '../../schema/graph.js';
import { allOf, fact, link, type Support } from '../basis.js';
import type { AnalysisContext } from '../context.js';
import type { EvidenceBuilder } from '../evidence.js';
import type { Years } from './years.js';

/** Kinds whose status the sources report. */
export const STATUS_SUBJECT_KINDS = ['FocusArea', 'Initiative', 'LifeEvent'] as const;

export interface StatusPoint {
  year: number;
  progress: Progress;
  /** The source's own words, or null where it gives none (a 2020 status read by the analyst, a blank cell). */
  label: string | null;
  /** Id of the Report or reference that says it. */
  source: string;
  /** The record it is read from: a StatusAssessment, a StatusReport or the subject itself. */
  record: string;
  /** Set when the analyst, not the source, put the status on the scale: why. */
  inferred: string | null;
}

/** The words of the 2020 model, on the one scale. */
const FROM_2020_STATUS: Record<string, Progress> = {
  planned: 'not_started',
  not_started: 'not_started',
  in_progress: 'in_progress',
  completed: 'completed',
};

const str = (node: GraphNode, key: string): string | null => {
  const value = node.properties[key];
  return typeof value === 'string' ? value : null;
};

/**
 * Every status assertion about a subject, oldest first; within a year the records are ordered by source then record id.
 * A node's own `status` counts only when no StatusAssessment or StatusReport from the node's own source exists.
 */
export function statusHistory(ctx: AnalysisContext, years: Years, subject: GraphNode): readonly StatusPoint[] {
  // Several rules ask for the same subject's history, and one rule (recommendations not acted on) for an agency's every
  // initiative once per recommendation: read once per context and years. Callers only read it.
  let perYears = histories.get(ctx);
  if (!perYears) histories.set(ctx, (perYears = new WeakMap()));
  let bySubject = perYears.get(years);
  if (!bySubject) perYears.set(years, (bySubject = new Map()));
  let history = bySubject.get(subject.id);
  if (!history) bySubject.set(subject.id, (history = readStatusHistory(ctx, years, subject)));
  return history;
}

const histories = new WeakMap<AnalysisContext, WeakMap<Years, Map<string, readonly StatusPoint[]>>>();

function readStatusHistory(ctx: AnalysisContext, years: Years, subject: GraphNode): readonly StatusPoint[] {
  const points: StatusPoint[] = [];
  const sourcesSeen = new Set<string>();
  for (const edge of ctx.out(subject.id, 'HAS_STATUS')) {
    const record = ctx.node(edge.to);
    if (!record) continue;
    // The report a status is published in dates it; a record without one is dated by the source it cites.
    const source = ctx.out(record.id, 'PUBLISHED_IN')[0]?.to ?? str(record, 'source');
    const own = record.properties['year'];
    const year = record.kind === 'StatusAssessment' && typeof own === 'number' ? own : source === null ? null : (years.ofSource.get(source) ?? null);
    if (source === null || year === null) continue;
    if (record.kind === 'StatusAssessment') {
      points.push({
        year,
        progress: str(record, 'progress') as Progress,
        label: str(record, 'statusLabel'),
        source,
        record: record.id,
        inferred: record.inferred?.['progress'] ?? null,
      });
      sourcesSeen.add(source);
    } else {
      const status = str(record, 'status');
      if (status === null || !(status in FROM_2020_STATUS)) continue;
      points.push({ year, progress: FROM_2020_STATUS[status]!, label: null, source, record: record.id, inferred: null });
      sourcesSeen.add(source);
    }
  }
  const own = str(subject, 'status');
  const ownSource = str(subject, 'source');
  const ownYear = years.ofNode(subject);
  if (own !== null && own in FROM_2020_STATUS && ownSource !== null && ownYear !== null && !sourcesSeen.has(ownSource)) {
    points.push({
      year: ownYear,
      progress: FROM_2020_STATUS[own]!,
      label: null,
      source: ownSource,
      record: subject.id,
      inferred: subject.inferred?.['status'] ?? null,
    });
  }
  return points.sort((a, b) => a.year - b.year || cmp(a.source, b.source) || cmp(a.record, b.record));
}

/** The last assertion made in or before `year`, or null; it may be older than `year` — the caller says so. */
export function statusAt(history: readonly StatusPoint[], year: number): StatusPoint | null {
  let found: StatusPoint | null = null;
  for (const point of history) if (point.year <= year) found = point;
  return found;
}

export type Direction = 'improved' | 'slipped' | 'unchanged' | 'not_comparable';

/** Levels that judge the pace of started work; `in_progress` says it started and nothing about its pace. */
const PACE: ReadonlySet<Progress> = new Set(['major_delays', 'minor_delays', 'on_track']);

/**
 * How `to` compares with `from` on the scale's ranks. `unknown` compares with nothing, and `in_progress` does not compare
 * with a pace level: "started" then "minor delays" is not evidence of a slip, nor "started" then "on track" of a gain.
 */
export function direction(from: Progress, to: Progress): Direction {
  const a = PROGRESS_RANK[from];
  const b = PROGRESS_RANK[to];
  if (a === null || b === null) return 'not_comparable';
  if ((from === 'in_progress' && PACE.has(to)) || (to === 'in_progress' && PACE.has(from))) return 'not_comparable';
  return b > a ? 'improved' : b < a ? 'slipped' : 'unchanged';
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** The subjects whose status is followed: every focus area and life event, and the initiatives of the given categories. */
export function statusSubjects(ctx: AnalysisContext, initiativeCategories: readonly string[]): GraphNode[] {
  return [
    ...ctx.nodesOf('FocusArea'),
    ...ctx.nodesOf('Initiative').filter((i) => initiativeCategories.includes(String(i.properties['category']))),
    ...ctx.nodesOf('LifeEvent'),
  ];
}

/** Per year, the worst status any source gave: a slip said by one source of several is not hidden by another. */
export function worstPerYear(history: readonly StatusPoint[]): StatusPoint[] {
  const byYear = new Map<number, StatusPoint>();
  for (const point of history) {
    const held = byYear.get(point.year);
    const rank = PROGRESS_RANK[point.progress];
    const heldRank = held ? PROGRESS_RANK[held.progress] : null;
    if (!held || (rank !== null && (heldRank === null || rank < heldRank))) byYear.set(point.year, point);
  }
  return [...byYear.values()].sort((a, b) => a.year - b.year);
}

/** What a status point rests on: the link to its record and the record's status field, or the subject's own status. */
export function statusSupport(ctx: AnalysisContext, subject: GraphNode, point: StatusPoint): Support {
  if (point.record === subject.id) return fact(subject, 'status');
  const record = ctx.node(point.record)!;
  const edge = statusEdge(ctx, subject, point);
  const field = fact(record, record.kind === 'StatusAssessment' ? 'progress' : 'status');
  return edge ? allOf(link(edge), field) : field;
}

/** The HAS_STATUS link from a subject to the record a status point is read from; none for the subject's own status. */
export function statusEdge(ctx: AnalysisContext, subject: GraphNode, point: StatusPoint): GraphEdge | undefined {
  return ctx.out(subject.id, 'HAS_STATUS').find((e) => e.to === point.record);
}

/** A status point as evidence: its link, its record with the fields that say the status, and its source with its year. */
export function addStatusEvidence(evidence: EvidenceBuilder, ctx: AnalysisContext, subject: GraphNode, point: StatusPoint, facts: readonly string[]): void {
  evidence.edge(statusEdge(ctx, subject, point)).node(ctx.node(point.record), { facts });
  evidence.node(ctx.node(point.source), { facts: ['year'] });
}
