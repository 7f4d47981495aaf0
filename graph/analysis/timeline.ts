// The timeline: every milestone with its date as given (YYYY, YYYY-MM, YYYY-MM-DD, a season, a half or a quarter),
// whether it is planned or reached, where it is attested, and the initiatives that have it (HAS_MILESTONE); and beside
// them every dated status a source gives a focus area, initiative or life event, in the year its source reports on.
// Pure functions of a snapshot, so every store gives the same answer.
import { MILESTONE_OCCURRENCES } from '../ontology.js';
import type { NodeRef } from '../schema/analysis.js';
import { partialDateKey } from './time/dates.js';
import type { GraphNode } from '../schema/graph.js';
import type { SourceRef, StatusPoint } from '../schema/time.js';
import type { GraphSnapshot } from '../store/port.js';
import { resolveGapConfig } from './config.js';
import { buildContext } from './context.js';
import { nodeRef } from './evidence.js';
import { describeSource, statusOut } from './time/history.js';
import { STATUS_SUBJECT_KINDS, statusHistory } from './time/status.js';
import { yearsOf } from './time/years.js';

export interface TimelineInitiative {
  id: string;
  name: string;
  nameEn?: string;
}

export type MilestoneOccurrence = (typeof MILESTONE_OCCURRENCES)[number];

export interface TimelineMilestone extends TimelineInitiative {
  /** As in the data: a year, a season, a half, a quarter, a month or a day; null when the milestone has none. */
  date: string | null;
  /** Whether the source plans the date or reports it reached; absent when the data does not say. */
  occurrence?: MilestoneOccurrence;
  /** The analyst's notes on the milestone's fields that are their reading (its date, say), by field. */
  inferred?: Record<string, string>;
  source: string | null;
  /** The source named for a reader (its name, year and address), or null when the milestone has none. */
  sourceRef: SourceRef | null;
  page: number | null;
  quote: string | null;
  /** Ordered by id. */
  initiatives: TimelineInitiative[];
}

const text = (value: unknown): string | null => (typeof value === 'string' && value !== '' ? value : typeof value === 'number' ? String(value) : null);
const named = (node: GraphNode): TimelineInitiative =>
  node.nameEn === undefined ? { id: node.id, name: node.name } : { id: node.id, name: node.name, nameEn: node.nameEn };
const byCodePoint = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const isOccurrence = (v: unknown): v is MilestoneOccurrence => (MILESTONE_OCCURRENCES as readonly unknown[]).includes(v);

function byDate(a: string, b: string): number {
  const [ka, kb] = [partialDateKey(a), partialDateKey(b)];
  if (ka && kb) {
    for (let i = 0; i < ka.length; i++) if (ka[i] !== kb[i]) return ka[i]! - kb[i]!;
    return 0;
  }
  return byCodePoint(a, b);
}

/**
 * Milestones ordered by date in time, then id. A partial date sorts before the fuller dates that start with it ("2020"
 * before "2020-H1" before "2020-Q1" before "2020-01" before "2020-01-14"; "2020-autumn" before "2020-09");
 * milestones without a date come last.
 */
export function timeline(snapshot: Pick<GraphSnapshot, 'nodes' | 'edges'> & Partial<Pick<GraphSnapshot, 'references'>>): TimelineMilestone[] {
  const initiatives = new Map(snapshot.nodes.filter((n) => n.kind === 'Initiative').map((n) => [n.id, n]));
  const byId = new Map(snapshot.nodes.map((n) => [n.id, n]));
  const years = yearsOf(snapshot);
  const sourceOf = (id: string | null): SourceRef | null =>
    id === null
      ? null
      : describeSource(
          id,
          byId.get(id),
          snapshot.references?.find((r) => r.id === id),
          years,
        );
  const owners = new Map<string, GraphNode[]>();
  for (const edge of snapshot.edges) {
    if (edge.type !== 'HAS_MILESTONE') continue;
    const initiative = initiatives.get(edge.from);
    if (initiative) owners.set(edge.to, [...(owners.get(edge.to) ?? []), initiative]);
  }
  const milestones = snapshot.nodes
    .filter((n) => n.kind === 'Milestone')
    .map((node): TimelineMilestone => {
      const { date, source, page, quote, occurrence } = node.properties;
      return {
        ...named(node),
        date: text(date),
        ...(isOccurrence(occurrence) ? { occurrence } : {}),
        ...(node.inferred && Object.keys(node.inferred).length > 0 ? { inferred: node.inferred } : {}),
        source: text(source),
        sourceRef: sourceOf(text(source)),
        page: typeof page === 'number' ? page : null,
        quote: text(quote),
        initiatives: [...new Map((owners.get(node.id) ?? []).map((i) => [i.id, named(i)])).values()].sort((a, b) => byCodePoint(a.id, b.id)),
      };
    });
  return milestones.sort((a, b) => (a.date === b.date ? 0 : a.date === null ? 1 : b.date === null ? -1 : byDate(a.date, b.date)) || byCodePoint(a.id, b.id));
}

/** A status on the timeline: one source's assertion about one subject, in the year the source reports on. */
export interface TimelineStatus extends StatusPoint {
  subject: NodeRef;
}

/**
 * Every status assertion about every focus area, initiative and life event (statusHistory: StatusAssessments, 2020
 * StatusReports, a node's own status), each in its source's year and never carried into a later one. Ordered by year,
 * then focus areas, initiatives and life events (each kind by number, then name), then as statusHistory orders a year.
 */
export function timelineStatuses(snapshot: GraphSnapshot): TimelineStatus[] {
  const ctx = buildContext(snapshot, resolveGapConfig());
  const years = yearsOf(snapshot);
  const statuses = STATUS_SUBJECT_KINDS.flatMap((kind) =>
    ctx.nodesOf(kind).flatMap((subject) => statusHistory(ctx, years, subject).map((point) => ({ subject: nodeRef(subject), ...statusOut(ctx, years, point) }))),
  );
  // Array.prototype.sort is stable: within a year the order above stands.
  return statuses.sort((a, b) => a.year - b.year);
}
