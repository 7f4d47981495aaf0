// Questions several rules ask of the plan: which initiatives serve every life event, what a report said about an initiative.
import type { GraphEdge, GraphNode } from '../../../graph/schema/graph.js';
import type { AnalysisContext } from './context.js';

/** Status reports of an initiative published in one report, each with the two edges that tie it there. */
export function statusReportsIn(
  ctx: AnalysisContext,
  initiativeId: string,
  reportId: string,
): { statusReport: GraphNode; hasStatus: GraphEdge; publishedIn: GraphEdge }[] {
  const found = [];
  for (const hasStatus of ctx.out(initiativeId, 'HAS_STATUS')) {
    const statusReport = ctx.node(hasStatus.to);
    if (!statusReport) continue;
    const publishedIn = ctx.out(statusReport.id, 'PUBLISHED_IN').find((e) => e.to === reportId);
    if (publishedIn) found.push({ statusReport, hasStatus, publishedIn });
  }
  return found;
}

/**
 * Initiatives that serve (nearly) every life event — such as a support project for all of them — and so serve none in
 * particular. "Nearly" is `lifeEvents.genericShare` of all life events; with fewer than two life events nothing is generic.
 */
export function genericLifeEventServers(ctx: AnalysisContext): Set<string> {
  const total = ctx.nodesOf('LifeEvent').length;
  const generic = new Set<string>();
  if (total < 2) return generic;
  const served = new Map<string, Set<string>>();
  for (const e of ctx.edgesOf('SERVES')) {
    if (ctx.node(e.to)?.kind !== 'LifeEvent') continue;
    (served.get(e.from) ?? served.set(e.from, new Set()).get(e.from)!).add(e.to);
  }
  const needed = Math.max(2, Math.ceil(ctx.config.lifeEvents.genericShare * total - 1e-9));
  for (const [initiative, lifeEvents] of served) if (lifeEvents.size >= needed) generic.add(initiative);
  return generic;
}

export function hasCategory(node: GraphNode | undefined, categories: readonly string[]): node is GraphNode {
  return node?.kind === 'Initiative' && categories.includes(String(node.properties['category']));
}

/** The initiatives a target stands for: itself, those of a focus area or action plan, or those an agency leads, answers for or works on. */
export function initiativesUnder(ctx: AnalysisContext, target: GraphNode): GraphNode[] {
  const ids = new Set<string>();
  const underFocusArea = (id: string) =>
    ctx
      .in(id, 'PART_OF')
      .filter((e) => ctx.node(e.from)?.kind === 'Initiative')
      .forEach((e) => ids.add(e.from));
  switch (target.kind) {
    case 'Initiative':
      ids.add(target.id);
      break;
    case 'FocusArea':
      underFocusArea(target.id);
      break;
    case 'ActionPlan':
      for (const e of ctx.in(target.id, 'PART_OF')) if (ctx.node(e.from)?.kind === 'FocusArea') underFocusArea(e.from);
      break;
    case 'Agency':
      for (const e of ctx.out(target.id, 'LEADS', 'RESPONSIBLE_FOR', 'PARTICIPATES_IN')) if (ctx.node(e.to)?.kind === 'Initiative') ids.add(e.to);
      break;
    default:
      break;
  }
  return [...ids].map((id) => ctx.node(id)!).filter(Boolean);
}
