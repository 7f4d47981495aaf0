// A subject's history: its dated statuses, the years no source reported on it, and its links that began or ended after
// the data's first year — each with the sources that say so.
import type { Reference } from '../../../../graph/schema/dataset.js';
import type { GraphEdge, GraphNode } from '../../../../graph/schema/graph.js';
import type { DatedLink, History, SourceRef, StatusPoint as StatusPointOut } from '../../../../graph/schema/time.js';
import type { GraphSnapshot } from '../../../../graph/store/port.js';
import { resolveGapConfig } from '../config.js';
import { buildContext, type AnalysisContext } from '../context.js';
import { nodeRef } from '../evidence.js';
import { statusHistory, type StatusPoint } from './status.js';
import type { Years } from './years.js';

export function sourceRef(ctx: AnalysisContext, years: Years, id: string): SourceRef {
  return describeSource(
    id,
    ctx.node(id),
    ctx.snapshot.references.find((r) => r.id === id),
    years,
  );
}

/** A source named for a reader: the Report node's or the reference's name, its year and its address where it has them. */
export function describeSource(id: string, node: GraphNode | undefined, reference: Reference | undefined, years: Years): SourceRef {
  const ref: SourceRef = { id, name: node?.name ?? reference?.title ?? id, year: years.ofSource.get(id) ?? null };
  if (node?.nameEn) ref.nameEn = node.nameEn;
  const url = node?.properties['url'] ?? reference?.url;
  if (typeof url === 'string') ref.url = url;
  return ref;
}

export function statusOut(ctx: AnalysisContext, years: Years, point: StatusPoint): StatusPointOut {
  return { ...point, source: sourceRef(ctx, years, point.source) };
}

export function datedLink(ctx: AnalysisContext, years: Years, edge: GraphEdge, from: string): DatedLink {
  const outgoing = edge.from === from;
  const other = ctx.node(outgoing ? edge.to : edge.from)!;
  return {
    id: edge.id,
    type: edge.type,
    other: nodeRef(other),
    direction: outgoing ? 'out' : 'in',
    from: years.ofEdge(edge),
    until: years.endOf(edge),
    source: sourceRef(ctx, years, edge.properties.source),
    endedBy: edge.properties.endedBy ? sourceRef(ctx, years, edge.properties.endedBy) : null,
  };
}

/** Null when no node has the id. */
export function subjectHistory(snapshot: GraphSnapshot, id: string): History | null {
  const ctx = buildContext(snapshot, resolveGapConfig());
  const subject = ctx.node(id);
  if (!subject) return null;
  const years = ctx.years;
  const statuses = statusHistory(ctx, years, subject);
  return {
    subject: nodeRef(subject),
    years: [...years.all],
    statuses: statuses.map((p) => statusOut(ctx, years, p)),
    silentYears: silentYears(years, subject, statuses),
    links: [...ctx.out(id), ...ctx.in(id)]
      .filter((e) => e.type !== 'HAS_STATUS' && (years.endOf(e) !== null || (years.ofEdge(e) ?? -Infinity) > (years.all[0] ?? Infinity)))
      .map((e) => datedLink(ctx, years, e, id)),
  };
}

/** Years of the data from the subject's first attestation on in which nothing says what its status was. */
function silentYears(years: Years, subject: GraphNode, statuses: readonly StatusPoint[]): number[] {
  const first = years.ofNode(subject) ?? years.all[0];
  if (first === undefined) return [];
  const said = new Set(statuses.map((p) => p.year));
  return years.all.filter((y) => y >= first && !said.has(y));
}
