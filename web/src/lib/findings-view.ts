// The Gaps view as a working list, in pure functions: the filters read from the URL (the same names and meanings as the
// query of GET /api/findings, so a link and an API call say the same), the order, and the sections the list shows
// (one per rule, then the follow-ups whose subject left the data, then those the data closed). The view, the table of
// contents and the CSV all take the same sections, so the file holds exactly what is on screen.
import type { FindingItem, FollowUpOwner, FollowUpState, Severity } from '../api/types.js';
import { listParam, type Params } from './url-state.js';

/** In the order a working list reads them: still to do, being done, done. */
export const FOLLOW_UP_STATES = ['open', 'acknowledged', 'resolved', 'accepted_risk', 'closed_by_data'] as const satisfies readonly FollowUpState[];
export const SEVERITIES = ['high', 'medium', 'low'] as const satisfies readonly Severity[];
export const FINDING_SORTS = ['severity', 'due', 'owner', 'state'] as const;
export type FindingSort = (typeof FINDING_SORTS)[number];

export interface FindingFilters {
  rule: string | null;
  /** The subject's kind, e.g. Initiative. */
  kind: string | null;
  severity: Severity | null;
  /** Empty: every state. */
  states: FollowUpState[];
  /** An owner's name (an agency's or a person's; case does not matter) or an agency's id. */
  owner: string | null;
  /** Only the overdue ones. */
  overdue: boolean;
  sort: FindingSort;
}

const isOneOf = <T extends string>(values: readonly T[], value: string | undefined): value is T =>
  value !== undefined && (values as readonly string[]).includes(value);

/**
 * The filters in the URL. A severity, state or sort the UI does not know is left out (the list shows more, never
 * nothing for a typo); a rule, kind or owner is taken as written, and matches nothing if nothing has it.
 */
export function filtersOf(params: Params): FindingFilters {
  const text = (key: string) => (params[key]?.trim() ? params[key].trim() : null);
  return {
    rule: text('rule'),
    kind: text('kind'),
    severity: isOneOf(SEVERITIES, params['severity']) ? params['severity'] : null,
    states: [...new Set(listParam(params['state']).filter((s): s is FollowUpState => isOneOf(FOLLOW_UP_STATES, s)))],
    owner: text('owner'),
    overdue: params['overdue'] === 'true',
    sort: isOneOf(FINDING_SORTS, params['sort']) ? params['sort'] : 'severity',
  };
}

/** A change of filters as a patch of the URL: defaults leave their parameter out. */
export function filterPatch(change: Partial<FindingFilters>): Record<string, string | undefined> {
  const patch: Record<string, string | undefined> = {};
  if ('rule' in change) patch['rule'] = change.rule ?? undefined;
  if ('kind' in change) patch['kind'] = change.kind ?? undefined;
  if ('severity' in change) patch['severity'] = change.severity ?? undefined;
  if ('states' in change) patch['state'] = change.states?.length ? change.states.join(',') : undefined;
  if ('owner' in change) patch['owner'] = change.owner ?? undefined;
  if ('overdue' in change) patch['overdue'] = change.overdue ? 'true' : undefined;
  if ('sort' in change) patch['sort'] = change.sort && change.sort !== 'severity' ? change.sort : undefined;
  return patch;
}

/** Whether any filter narrows the list (the sort does not). */
export const isFiltered = (f: FindingFilters): boolean =>
  f.rule !== null || f.kind !== null || f.severity !== null || f.states.length > 0 || f.owner !== null || f.overdue;

/** The owner as GET /api/findings?owner= matches it: the name, case aside, or an agency's id. */
export function ownerMatches(owner: FollowUpOwner | null, wanted: string): boolean {
  if (!owner) return false;
  return owner.name.toLocaleLowerCase('nb') === wanted.toLocaleLowerCase('nb') || (owner.kind === 'agency' && owner.id === wanted);
}

export function matchesFilters(item: FindingItem, f: FindingFilters): boolean {
  const followUp = item.followUp;
  if (f.rule !== null && item.rule !== f.rule) return false;
  if (f.kind !== null && item.subject.kind !== f.kind) return false;
  if (f.severity !== null && item.severity !== f.severity) return false;
  if (f.states.length > 0 && (followUp === null || !f.states.includes(followUp.state))) return false;
  if (f.owner !== null && !ownerMatches(followUp?.owner ?? null, f.owner)) return false;
  if (f.overdue && !followUp?.overdue) return false;
  return true;
}

/**
 * The date by which something is to happen: the due date of an acknowledged finding, the review date of an accepted
 * risk; none for the others (nobody has to act by a date).
 */
export function actionDate(item: FindingItem): string | null {
  const f = item.followUp;
  if (f?.state === 'acknowledged') return f.dueDate;
  if (f?.state === 'accepted_risk') return f.reviewDate;
  return null;
}

/** Missing values last, whatever the order of the rest. */
function nullsLast<T>(a: T | null, b: T | null, compare: (x: T, y: T) => number): number {
  if (a === null) return b === null ? 0 : 1;
  return b === null ? -1 : compare(a, b);
}

const bySeverity = (a: FindingItem, b: FindingItem) => SEVERITIES.indexOf(a.severity) - SEVERITIES.indexOf(b.severity);
const ORDER: Record<FindingSort, (a: FindingItem, b: FindingItem) => number> = {
  severity: bySeverity,
  due: (a, b) => nullsLast(actionDate(a), actionDate(b), (x, y) => (x < y ? -1 : x > y ? 1 : 0)) || bySeverity(a, b),
  owner: (a, b) => nullsLast(a.followUp?.owner?.name ?? null, b.followUp?.owner?.name ?? null, (x, y) => x.localeCompare(y, 'nb')) || bySeverity(a, b),
  state: (a, b) =>
    nullsLast(a.followUp?.state ?? null, b.followUp?.state ?? null, (x, y) => FOLLOW_UP_STATES.indexOf(x) - FOLLOW_UP_STATES.indexOf(y)) || bySeverity(a, b),
};

/** A sorted copy; ties keep the order the API gave (severity, rule, subject), so the list is the same on every load. */
export function sortFindings(items: readonly FindingItem[], sort: FindingSort): FindingItem[] {
  return [...items].sort(ORDER[sort]);
}

export type SectionKind = 'rule' | 'orphaned' | 'gone';

export interface Section {
  /** The id of the section's heading: the target of its link in the table of contents. */
  anchor: string;
  kind: SectionKind;
  /** The rule of a rule section. */
  rule: string | null;
  items: FindingItem[];
}

export const ruleAnchor = (rule: string): string => `rule-${rule}`;
export const ORPHANED_ANCHOR = 'followups-orphaned';
export const GONE_ANCHOR = 'followups-gone';

/**
 * The sections of the list, from findings already filtered and sorted by `sort`: one per rule for the findings in the
 * data, ordered by their first finding under the same sort and then by the rules' own order — by severity, a rule sits
 * by its most severe finding (so a high rule whose only finding its basis lowered to medium sits among the medium
 * ones); by due date, the rule with the most pressing date comes first. Then the follow-ups whose subject is gone from
 * the data (orphaned); then those no longer found in the data although their subject is there (closed by the data, or
 * resolved and gone).
 */
export function sectionsOf(items: readonly FindingItem[], ruleOrder: readonly string[], sort: FindingSort = 'severity'): Section[] {
  const byRule = new Map<string, FindingItem[]>();
  const orphaned: FindingItem[] = [];
  const gone: FindingItem[] = [];
  for (const item of items) {
    if (item.followUp?.orphaned) orphaned.push(item);
    else if (!item.present) gone.push(item);
    else byRule.set(item.rule, [...(byRule.get(item.rule) ?? []), item]);
  }
  const place = (rule: string) => (ruleOrder.includes(rule) ? ruleOrder.indexOf(rule) : ruleOrder.length);
  const first = (list: FindingItem[]) => [...list].sort(ORDER[sort])[0]!;
  const rules: Section[] = [...byRule.entries()]
    .sort(([ra, a], [rb, b]) => ORDER[sort](first(a), first(b)) || place(ra) - place(rb) || ra.localeCompare(rb))
    .map(([rule, list]) => ({ anchor: ruleAnchor(rule), kind: 'rule', rule, items: list }));
  return [
    ...rules,
    ...(orphaned.length > 0 ? [{ anchor: ORPHANED_ANCHOR, kind: 'orphaned' as const, rule: null, items: orphaned }] : []),
    ...(gone.length > 0 ? [{ anchor: GONE_ANCHOR, kind: 'gone' as const, rule: null, items: gone }] : []),
  ];
}

/** The findings the list shows, in its sections. */
export function visibleSections(items: readonly FindingItem[], filters: FindingFilters, ruleOrder: readonly string[]): Section[] {
  return sectionsOf(
    sortFindings(
      items.filter((i) => matchesFilters(i, filters)),
      filters.sort,
    ),
    ruleOrder,
    filters.sort,
  );
}

/** The owners the findings name, for the owner filter: each name once, in Norwegian alphabetical order. */
export function ownersOf(items: readonly FindingItem[]): string[] {
  const names = new Map<string, string>();
  for (const i of items) {
    const name = i.followUp?.owner?.name;
    if (name && !names.has(name.toLocaleLowerCase('nb'))) names.set(name.toLocaleLowerCase('nb'), name);
  }
  return [...names.values()].sort((a, b) => a.localeCompare(b, 'nb'));
}

/** The subject kinds the findings are about, for the kind filter. */
export const kindsOf = (items: readonly FindingItem[]): string[] => [...new Set(items.map((i) => i.subject.kind))];
