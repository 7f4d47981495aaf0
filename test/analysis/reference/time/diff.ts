// What changed between two years: statuses that moved (and which way), subjects that appeared or were completed,
// owners that changed, gap findings opened and closed, indicators that moved — every item with the sources on both
// sides. Both years are read from the one graph (snapshotAsOf); nothing is copied.
import type { GraphEdge, GraphNode } from '../../../../graph/schema/graph.js';
import type { NodeRef } from '../../../../graph/schema/analysis.js';
import type { YearDiff } from '../../../../graph/schema/time.js';
import type { GraphSnapshot } from '../../../../graph/store/port.js';
import { resolveGapConfig, type GapConfigOverrides } from '../config.js';
import { buildContext, type AnalysisContext } from '../context.js';
import { nodeRef } from '../evidence.js';
import { findGaps } from '../gaps.js';
import { datedLink, sourceRef, statusOut } from './history.js';
import { direction, statusAt, statusHistory, statusSubjects, STATUS_SUBJECT_KINDS } from './status.js';
import { snapshotAsOf, type Years } from './years.js';

/** Kinds whose first appearance a diff lists: what the programme office follows, not the records that describe them. */
const APPEARING_KINDS: ReadonlySet<string> = new Set([...STATUS_SUBJECT_KINDS, 'Agency', 'Recommendation', 'Obstacle', 'Funding', 'Indicator', 'Milestone']);

const OWNER_ROLES = ['RESPONSIBLE_FOR', 'LEADS'] as const;

export function diffYears(snapshot: GraphSnapshot, from: number, to: number, config: GapConfigOverrides = {}): YearDiff {
  const ctx = buildContext(snapshot, resolveGapConfig(config));
  const years = ctx.years;
  const before = snapshotAsOf(snapshot, from, years);
  const after = snapshotAsOf(snapshot, to, years);
  const findingsBefore = findGaps(before, { config });
  const findingsAfter = findGaps(after, { config });
  // The stable id tells the same problem apart from a new one about the same subject (a second run of slipping).
  const idsBefore = new Set(findingsBefore.map((f) => f.id));
  const idsAfter = new Set(findingsAfter.map((f) => f.id));

  return {
    from,
    to,
    years: [...years.all],
    statusChanges: statusChanges(ctx, years, from, to),
    appeared: after.nodes
      .filter((n) => APPEARING_KINDS.has(n.kind) && (years.ofNode(n) ?? -Infinity) > from)
      .sort(byKindThenId)
      .map((n) => ({ ...nodeRef(n), source: sourceRef(ctx, years, String(n.properties['source'])) })),
    completed: completed(ctx, years, from, to),
    ownerChanges: ownerChanges(ctx, years, from, to),
    findingsOpened: findingsAfter.filter((f) => !idsBefore.has(f.id)),
    findingsClosed: findingsBefore.filter((f) => !idsAfter.has(f.id)),
    indicators: indicatorChanges(ctx, years, from, to),
  };
}

function statusChanges(ctx: AnalysisContext, years: Years, from: number, to: number): YearDiff['statusChanges'] {
  const changes: YearDiff['statusChanges'] = [];
  for (const subject of statusSubjects(ctx, ctx.config.time.initiativeCategories)) {
    const history = statusHistory(ctx, years, subject);
    const after = statusAt(history, to);
    // Only what a source of a year after `from` said is a change; an old status seen again is not news.
    if (!after || after.year <= from) continue;
    const before = statusAt(history, from);
    changes.push({
      subject: nodeRef(subject),
      before: before ? statusOut(ctx, years, before) : null,
      after: statusOut(ctx, years, after),
      direction: before ? direction(before.progress, after.progress) : 'not_comparable',
    });
  }
  return changes;
}

function completed(ctx: AnalysisContext, years: Years, from: number, to: number): NodeRef[] {
  const done = new Set(['completed', 'in_operation']);
  return statusSubjects(ctx, ctx.config.time.initiativeCategories)
    .filter((subject) => {
      const history = statusHistory(ctx, years, subject);
      const before = statusAt(history, from);
      const after = statusAt(history, to);
      return after !== null && after.year > from && done.has(after.progress) && !(before && done.has(before.progress));
    })
    .map(nodeRef);
}

function ownerChanges(ctx: AnalysisContext, years: Years, from: number, to: number): YearDiff['ownerChanges'] {
  const holds = (year: number) => (e: GraphEdge) => {
    const start = years.ofEdge(e);
    const end = years.endOf(e);
    return (start === null || start <= year) && (end === null || end > year);
  };
  const changes: YearDiff['ownerChanges'] = [];
  for (const subject of statusSubjects(ctx, ['action_plan', 'supporting', 'proposed'])) {
    for (const role of OWNER_ROLES) {
      const links = ctx.in(subject.id, role);
      const added = links.filter((e) => !holds(from)(e) && holds(to)(e));
      const removed = links.filter((e) => holds(from)(e) && !holds(to)(e));
      if (added.length === 0 && removed.length === 0) continue;
      changes.push({
        subject: nodeRef(subject),
        role,
        added: added.map((e) => datedLink(ctx, years, e, subject.id)),
        removed: removed.map((e) => datedLink(ctx, years, e, subject.id)),
      });
    }
  }
  return changes;
}

function indicatorChanges(ctx: AnalysisContext, years: Years, from: number, to: number): YearDiff['indicators'] {
  const changes: YearDiff['indicators'] = [];
  for (const indicator of ctx.nodesOf('Indicator')) {
    const measured = ctx
      .in(indicator.id, 'MEASURES')
      .map((e) => ctx.node(e.from))
      .filter((m): m is GraphNode => m !== undefined && typeof m.properties['year'] === 'number' && typeof m.properties['value'] === 'number')
      .map((m) => ({
        year: m.properties['year'] as number,
        value: m.properties['value'] as number,
        label: typeof m.properties['valueLabel'] === 'string' ? m.properties['valueLabel'] : null,
        source: sourceRef(ctx, years, String(m.properties['source'])),
        measurement: m.id,
      }))
      .sort((a, b) => a.year - b.year || (a.source.id < b.source.id ? -1 : 1));
    // The value of a year is the one given by the latest source; two sources for one year are the sources-disagree rule's.
    const latestIn = (limit: number, after = -Infinity) => measured.filter((m) => m.year <= limit && m.year > after).at(-1) ?? null;
    const afterValue = latestIn(to, from);
    if (!afterValue) continue;
    const beforeValue = latestIn(from);
    const better = indicator.properties['direction'];
    const dir =
      beforeValue === null
        ? 'first'
        : beforeValue.value === afterValue.value
          ? 'unchanged'
          : better === 'higher_is_better'
            ? afterValue.value > beforeValue.value
              ? 'improved'
              : 'worsened'
            : better === 'lower_is_better'
              ? afterValue.value < beforeValue.value
                ? 'improved'
                : 'worsened'
              : 'moved';
    const strip = ({ measurement: _m, ...v }: (typeof measured)[number]) => v;
    changes.push({
      indicator: nodeRef(indicator),
      unit: String(indicator.properties['unit'] ?? ''),
      before: beforeValue ? strip(beforeValue) : null,
      after: strip(afterValue),
      direction: dir,
    });
  }
  return changes;
}

function byKindThenId(a: GraphNode, b: GraphNode): number {
  return a.kind < b.kind ? -1 : a.kind > b.kind ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}
