// "At a glance" for a focus area, initiative, life event or agency: who is responsible, who executes, who takes part,
// what it serves and where it belongs, each read from the node's own relationships (one row per role, each item the
// node at the other end with the relationships that say so, for their evidence). Pure: the details panel's block and
// the fact sheet both render from this, and test/web/glance.test.ts checks it without a browser.
import type { RelationshipType } from '../../../graph/ontology.js';
import type { Edge, Finding, History, NeighborhoodResult, Node, StatusPoint } from '../api/types.js';

/** The kinds a glance (and a fact sheet) is made for. */
export const GLANCE_KINDS = ['Initiative', 'LifeEvent', 'Agency', 'FocusArea'] as const;
export type GlanceKind = (typeof GLANCE_KINDS)[number];
export const isGlanceKind = (kind: string): kind is GlanceKind => (GLANCE_KINDS as readonly string[]).includes(kind);

/** Kinds whose status the sources report year by year. */
export const STATUS_KINDS: ReadonlySet<string> = new Set(['FocusArea', 'Initiative', 'LifeEvent']);

export type GlanceRole =
  'responsible' | 'executing' | 'participants' | 'lifeEvents' | 'focusArea' | 'initiatives' | 'servedBy' | 'responsibleFor' | 'leads' | 'participatesIn';

interface RoleSpec {
  role: GlanceRole;
  type: RelationshipType;
  /** out: the subject is the relationship's start; in: its end. */
  direction: 'out' | 'in';
  /** Only nodes of these kinds at the other end. */
  kinds?: readonly string[];
}

/** The roles each kind's glance shows, in the order a reader asks for them. */
export const GLANCE_ROLES: Record<GlanceKind, readonly RoleSpec[]> = {
  Initiative: [
    { role: 'responsible', type: 'RESPONSIBLE_FOR', direction: 'in' },
    { role: 'executing', type: 'LEADS', direction: 'in' },
    { role: 'participants', type: 'PARTICIPATES_IN', direction: 'in' },
    { role: 'lifeEvents', type: 'SERVES', direction: 'out' },
    { role: 'focusArea', type: 'PART_OF', direction: 'out', kinds: ['FocusArea'] },
  ],
  LifeEvent: [
    { role: 'responsible', type: 'RESPONSIBLE_FOR', direction: 'in' },
    { role: 'executing', type: 'LEADS', direction: 'in' },
    { role: 'servedBy', type: 'SERVES', direction: 'in' },
  ],
  FocusArea: [
    { role: 'responsible', type: 'RESPONSIBLE_FOR', direction: 'in' },
    { role: 'executing', type: 'LEADS', direction: 'in' },
    { role: 'initiatives', type: 'PART_OF', direction: 'in', kinds: ['Initiative'] },
  ],
  Agency: [
    { role: 'responsibleFor', type: 'RESPONSIBLE_FOR', direction: 'out' },
    { role: 'leads', type: 'LEADS', direction: 'out' },
    { role: 'participatesIn', type: 'PARTICIPATES_IN', direction: 'out' },
  ],
};

export interface GlanceItem {
  /** The node at the other end. */
  node: Node;
  /** Every relationship of the role between the subject and that node (one per source that states it). */
  edges: Edge[];
  /** True when no source states it: every relationship behind it is the analyst's inference. */
  inferred: boolean;
}

export interface GlanceRow {
  role: GlanceRole;
  items: GlanceItem[];
  /** The items are of more than one kind (an agency responsible for initiatives and life events): say which is which. */
  mixedKinds: boolean;
}

const collator = new Intl.Collator('nb', { numeric: true });

/** The rows of a subject's glance, each item named by `name` (the current language) and ordered by it. */
export function glanceRows(subject: { id: string; kind: string }, hood: Pick<NeighborhoodResult, 'nodes' | 'edges'>, name: (n: Node) => string): GlanceRow[] {
  if (!isGlanceKind(subject.kind)) return [];
  const nodes = new Map(hood.nodes.map((n) => [n.id, n]));
  const rows = GLANCE_ROLES[subject.kind].map((spec): GlanceRow => {
    const byOther = new Map<string, GlanceItem>();
    for (const edge of hood.edges) {
      if (edge.type !== spec.type) continue;
      const otherId = spec.direction === 'out' ? (edge.from === subject.id ? edge.to : null) : edge.to === subject.id ? edge.from : null;
      if (otherId === null || otherId === subject.id) continue;
      const other = nodes.get(otherId);
      if (!other || (spec.kinds && !spec.kinds.includes(other.kind))) continue;
      const item = byOther.get(otherId) ?? { node: other, edges: [], inferred: true };
      item.edges.push(edge);
      item.inferred &&= edge.properties.basis === 'inferred';
      byOther.set(otherId, item);
    }
    const items = [...byOther.values()].sort((a, b) => collator.compare(name(a.node), name(b.node)));
    return { role: spec.role, items, mixedKinds: new Set(items.map((i) => i.node.kind)).size > 1 };
  });
  // An agency's roles are what it does: one it has not (a directorate is no ministry) is no silence of the sources.
  return subject.kind === 'Agency' ? rows.filter((row) => row.items.length > 0) : rows;
}

/**
 * The status as of a year: the last a source gave in or before it, so a status is never shown as current in a year its
 * source does not report on. Undefined `asOf` means the latest.
 */
export function statusAsOf(history: Pick<History, 'statuses'> | null, asOf: number | undefined): StatusPoint | null {
  const limit = asOf ?? Number.POSITIVE_INFINITY;
  return (history?.statuses ?? []).filter((p) => p.year <= limit).at(-1) ?? null;
}

/** A subject's year row: every year from its first with the statuses given in it (none: no source reported), up to `asOf`. */
export function statusYears(history: Pick<History, 'statuses' | 'silentYears'> | null, asOf: number | undefined): { year: number; statuses: StatusPoint[] }[] {
  if (!history) return [];
  const limit = asOf ?? Number.POSITIVE_INFINITY;
  const byYear = new Map<number, StatusPoint[]>();
  for (const year of history.silentYears) if (year <= limit) byYear.set(year, []);
  for (const point of history.statuses) if (point.year <= limit) byYear.set(point.year, [...(byYear.get(point.year) ?? []), point]);
  return [...byYear.entries()].sort(([a], [b]) => a - b).map(([year, statuses]) => ({ year, statuses }));
}

/** The findings whose subject is this node, most severe first (the API's order kept within a severity). */
export function findingsAbout(id: string, findings: readonly Finding[]): Finding[] {
  const rank = { high: 0, medium: 1, low: 2 } as const;
  return findings.filter((f) => f.subject.id === id).sort((a, b) => rank[a.severity] - rank[b.severity]);
}

/** The first `cap` items and how many were left out ("and N more"). */
export function capped<T>(items: readonly T[], cap: number): { shown: T[]; more: number } {
  return items.length <= cap ? { shown: [...items], more: 0 } : { shown: items.slice(0, cap), more: items.length - cap };
}

/**
 * As many names as fit in `budget` characters (separators counted), at least one: a list that stays on its lines on a
 * printed page, the rest counted. Names come in order; none is cut in the middle.
 */
export function fitNames<T>(items: readonly T[], label: (item: T) => string, budget: number, separator = 2): { shown: T[]; more: number } {
  let used = 0;
  let count = 0;
  for (const item of items) {
    const cost = label(item).length + (count > 0 ? separator : 0);
    if (count > 0 && used + cost > budget) break;
    used += cost;
    count++;
  }
  return { shown: items.slice(0, count), more: items.length - count };
}

/**
 * What a one-page fact sheet holds of each list, from roomy to tight: the sheet lays itself out at the first level
 * whose page fits on A4, and counts what it leaves out. `roleChars` is the characters a role's names may take (two
 * lines and a bit beside the role's name at the second level); the `…Lines` clamp long texts.
 */
export interface SheetCaps {
  years: number;
  milestones: number;
  findings: number;
  sources: number;
  roleChars: number;
  answerLines: number;
  descriptionLines: number;
}
export const SHEET_LEVELS: readonly SheetCaps[] = [
  { years: 8, milestones: 10, findings: 6, sources: 12, roleChars: 500, answerLines: 4, descriptionLines: 4 },
  { years: 6, milestones: 6, findings: 4, sources: 8, roleChars: 190, answerLines: 3, descriptionLines: 3 },
  { years: 5, milestones: 5, findings: 3, sources: 6, roleChars: 150, answerLines: 2, descriptionLines: 2 },
  { years: 4, milestones: 4, findings: 2, sources: 5, roleChars: 110, answerLines: 2, descriptionLines: 2 },
  { years: 3, milestones: 3, findings: 2, sources: 4, roleChars: 70, answerLines: 1, descriptionLines: 1 },
];

/** A name for print: an agency in a list of more than two by its short name where it has one. */
export function printName(node: Node, several: boolean, name: (n: Node) => string): string {
  const short = node.properties['shortName'];
  return several && node.kind === 'Agency' && typeof short === 'string' && short ? short : name(node);
}

/** The items of a role that a printed page shows (room for a reference number after each), and how many it leaves out. */
export function printFit(row: GlanceRow, name: (n: Node) => string, budget: number): { shown: GlanceItem[]; more: number; several: boolean } {
  const several = row.items.length > 2;
  return { ...fitNames(row.items, (item) => `${printName(item.node, several, name)} [00]`, budget), several };
}

/** Numbered sources for a printed page: each source once, in order of first citation, with the pages cited. */
export class Citations {
  readonly #order = new Map<string, { n: number; pages: Set<number> }>();

  /** The number of `source`, given one on first citation; the page is remembered for the list of sources. */
  cite(source: string, page: number | null | undefined): number {
    let entry = this.#order.get(source);
    if (!entry) {
      entry = { n: this.#order.size + 1, pages: new Set() };
      this.#order.set(source, entry);
    }
    if (page) entry.pages.add(page);
    return entry.n;
  }

  /** The number `source` was given; 0 when it was never cited. */
  number(source: string): number {
    return this.#order.get(source)?.n ?? 0;
  }

  /** Every cited source in number order, pages ascending. */
  list(): { n: number; source: string; pages: number[] }[] {
    return [...this.#order.entries()].map(([source, { n, pages }]) => ({ n, source, pages: [...pages].sort((a, b) => a - b) }));
  }
}
