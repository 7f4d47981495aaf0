// The Changes view's sections: the diff between two years (GET /api/diff) sorted into what a reader asks — what slipped,
// what improved, what is new, whose owner changed, which findings opened or closed — and, for each row, the Explore
// link that shows the change. Pure, so the grouping is tested without a browser.
import type { DatedLink, Finding, IndicatorChange, NodeRef, OwnerChange, SourceRef, StatusChange, YearDiff } from '../api/types.js';

export const CHANGE_SECTIONS = ['slipped', 'improved', 'unchanged', 'incomparable', 'new', 'completed', 'owners', 'opened', 'closed', 'indicators'] as const;
export type ChangeSection = (typeof CHANGE_SECTIONS)[number];

export type ChangeRow =
  /**
   * A status given by a source of a year after `from`. `not_comparable` is a first status when there was none before,
   * and otherwise a pair the scale does not order («in progress» against a pace, or unknown).
   */
  | { type: 'status'; key: string; subject: NodeRef; change: StatusChange }
  /** A subject first attested after `from`, with its first status when it has one. */
  | { type: 'appeared'; key: string; subject: NodeRef; source: SourceRef; change: StatusChange | null }
  /** A subject completed or in operation after `from`, with the status change that says so. */
  | { type: 'completed'; key: string; subject: NodeRef; change: StatusChange | null }
  | { type: 'owner'; key: string; subject: NodeRef; change: OwnerChange }
  | { type: 'finding'; key: string; subject: NodeRef; finding: Finding; opened: boolean }
  | { type: 'indicator'; key: string; subject: NodeRef; change: IndicatorChange };

export type ChangeGroups = Record<ChangeSection, ChangeRow[]>;

const SEVERITY_RANK: Record<string, number> = { high: 0, medium: 1, low: 2 };
const byName = (a: ChangeRow, b: ChangeRow) => a.subject.name.localeCompare(b.subject.name, 'nb') || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
const bySeverityThenName = (a: ChangeRow, b: ChangeRow) => {
  const rank = (r: ChangeRow) => (r.type === 'finding' ? (SEVERITY_RANK[r.finding.severity] ?? 3) : 3);
  return rank(a) - rank(b) || byName(a, b);
};

/** Every item of the diff in its section, each section ordered by name (findings by severity first). */
export function groupChanges(diff: YearDiff): ChangeGroups {
  const statusOf = new Map(diff.statusChanges.map((c) => [c.subject.id, c]));
  const appeared = new Set(diff.appeared.map((a) => a.id));
  const status = (c: StatusChange): ChangeRow => ({ type: 'status', key: `status:${c.subject.id}`, subject: c.subject, change: c });
  const finding =
    (opened: boolean) =>
    (f: Finding, i: number): ChangeRow => ({
      type: 'finding',
      key: `${opened ? 'opened' : 'closed'}:${f.rule}:${f.subject.id}:${i}`,
      subject: f.subject,
      finding: f,
      opened,
    });
  const groups: ChangeGroups = {
    slipped: diff.statusChanges.filter((c) => c.direction === 'slipped').map(status),
    improved: diff.statusChanges.filter((c) => c.direction === 'improved').map(status),
    unchanged: diff.statusChanges.filter((c) => c.direction === 'unchanged').map(status),
    incomparable: diff.statusChanges.filter((c) => c.direction === 'not_comparable' && c.before !== null && !appeared.has(c.subject.id)).map(status),
    new: [
      ...diff.appeared.map(({ source, ...subject }): ChangeRow => ({
        type: 'appeared',
        key: `appeared:${subject.id}`,
        subject,
        source,
        change: statusOf.get(subject.id) ?? null,
      })),
      // A subject known before that gets its first status: new too, but not a new subject.
      ...diff.statusChanges.filter((c) => c.direction === 'not_comparable' && c.before === null && !appeared.has(c.subject.id)).map(status),
    ],
    completed: diff.completed.map((subject): ChangeRow => ({
      type: 'completed',
      key: `completed:${subject.id}`,
      subject,
      change: statusOf.get(subject.id) ?? null,
    })),
    owners: diff.ownerChanges.map((c): ChangeRow => ({ type: 'owner', key: `owner:${c.role}:${c.subject.id}`, subject: c.subject, change: c })),
    opened: diff.findingsOpened.map(finding(true)),
    closed: diff.findingsClosed.map(finding(false)),
    indicators: diff.indicators.map((c): ChangeRow => ({ type: 'indicator', key: `indicator:${c.indicator.id}`, subject: c.indicator, change: c })),
  };
  for (const section of CHANGE_SECTIONS) groups[section].sort(section === 'opened' || section === 'closed' ? bySeverityThenName : byName);
  return groups;
}

/** The nodes and links of a row that Explore shows and highlights: the subject and what the change is about. */
export function changeElements(row: ChangeRow): { nodes: string[]; edges: string[] } {
  const statusRecords = (c: StatusChange | null) => (c ? [c.before?.record, c.after.record].filter((r): r is string => r !== undefined) : []);
  const links = (list: DatedLink[]) => list.map((l) => l.id);
  const others = (list: DatedLink[]) => list.map((l) => l.other.id);
  const unique = (ids: string[]) => [...new Set(ids)];
  switch (row.type) {
    case 'status':
    case 'appeared':
    case 'completed':
      return { nodes: unique([row.subject.id, ...statusRecords(row.change)]), edges: [] };
    case 'owner':
      return {
        nodes: unique([row.subject.id, ...others(row.change.removed), ...others(row.change.added)]),
        edges: unique([...links(row.change.removed), ...links(row.change.added)]),
      };
    case 'finding':
      return {
        nodes: unique([row.subject.id, ...row.finding.evidence.nodes.map((n) => n.id)]),
        edges: unique(row.finding.evidence.edges.map((e) => e.id)),
      };
    case 'indicator':
      return { nodes: [row.subject.id], edges: [] };
  }
}

/**
 * The URL patch that opens a row in Explore: its subject selected, its elements shown (their neighbourhoods) and
 * highlighted, as the graph stood in the later year (none when that is the latest).
 */
export function exploreTarget(row: ChangeRow, to: number, latest: number | null): Record<string, string | undefined> {
  const { nodes, edges } = changeElements(row);
  return {
    view: 'explore',
    node: row.subject.id,
    expanded: nodes.join(','),
    hl: [...nodes, ...edges].join(','),
    year: to === latest ? undefined : String(to),
  };
}

/** The sources behind a finding, by id, in the order the evidence gives them. */
export function findingSources(finding: Finding): string[] {
  return [...new Set(finding.evidence.nodes.map((n) => n.source).filter((s): s is string => s !== null))];
}
