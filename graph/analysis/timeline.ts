// The timeline: every milestone with its date as given (YYYY, YYYY-MM or YYYY-MM-DD), where it is attested, and the
// initiatives that have it (HAS_MILESTONE). A pure function of a snapshot, so every store gives the same answer.
import type { GraphNode } from '../schema/graph.js';
import type { GraphSnapshot } from '../store/port.js';

export interface TimelineInitiative {
  id: string;
  name: string;
  nameEn?: string;
}

export interface TimelineMilestone extends TimelineInitiative {
  /** As in the data: a year, a month or a day; null when the milestone has none. */
  date: string | null;
  source: string | null;
  page: number | null;
  quote: string | null;
  /** Ordered by id. */
  initiatives: TimelineInitiative[];
}

const text = (value: unknown): string | null => (typeof value === 'string' && value !== '' ? value : typeof value === 'number' ? String(value) : null);
const named = (node: GraphNode): TimelineInitiative =>
  node.nameEn === undefined ? { id: node.id, name: node.name } : { id: node.id, name: node.name, nameEn: node.nameEn };
const byCodePoint = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Milestones ordered by date, then id. A partial date sorts before the fuller dates inside it ("2020" before "2020-01"
 * before "2020-01-14", as plain strings do); milestones without a date come last.
 */
export function timeline(snapshot: Pick<GraphSnapshot, 'nodes' | 'edges'>): TimelineMilestone[] {
  const initiatives = new Map(snapshot.nodes.filter((n) => n.kind === 'Initiative').map((n) => [n.id, n]));
  const owners = new Map<string, GraphNode[]>();
  for (const edge of snapshot.edges) {
    if (edge.type !== 'HAS_MILESTONE') continue;
    const initiative = initiatives.get(edge.from);
    if (initiative) owners.set(edge.to, [...(owners.get(edge.to) ?? []), initiative]);
  }
  const milestones = snapshot.nodes
    .filter((n) => n.kind === 'Milestone')
    .map((node): TimelineMilestone => {
      const { date, source, page, quote } = node.properties;
      return {
        ...named(node),
        date: text(date),
        source: text(source),
        page: typeof page === 'number' ? page : null,
        quote: text(quote),
        initiatives: [...new Map((owners.get(node.id) ?? []).map((i) => [i.id, named(i)])).values()].sort((a, b) => byCodePoint(a.id, b.id)),
      };
    });
  return milestones.sort(
    (a, b) => (a.date === b.date ? 0 : a.date === null ? 1 : b.date === null ? -1 : byCodePoint(a.date, b.date)) || byCodePoint(a.id, b.id),
  );
}
