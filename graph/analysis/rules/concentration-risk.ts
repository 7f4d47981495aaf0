// Rule 8: agencies that too many initiatives depend on, and bridge nodes whose removal would split the plan apart.
import type { GapRuleInfo, LocalizedText } from '../../schema/analysis.js';
import type { GraphEdge, GraphNode } from '../../schema/graph.js';
import { EvidenceBuilder, finding, str } from '../evidence.js';
import { betweenness, bridgeNodes, buildNetwork } from '../network.js';
import { hasCategory } from '../plan.js';
import { definiteKind, list, percent, quoted, t } from '../text.js';
import type { GapRule } from './rule.js';

const info: GapRuleInfo = {
  id: 'concentration-risk',
  severity: 'medium',
  title: t('Konsentrasjonsrisiko', 'Concentration risk'),
  explanation: t(
    'Virksomheter som leder eller deltar i mer enn en konfigurerbar andel av initiativene (handlingsplanen og understøttende tiltak), og knutepunkter: noder i nettverket av virksomheter, initiativer og livshendelser (leder, deltar i, understøtter, avhenger av) som ved bortfall ville dele planen i flere deler med initiativer hver. Knutepunktene er artikulasjonspunkter i nettverket (bygd med grafbiblioteket graphology); betweenness-sentralitet fra graphology vises som støtte.',
    'Agencies that lead or take part in more than a configurable share of the initiatives (action plan and supporting measures), and bridge nodes: nodes of the network of agencies, initiatives and life events (leads, participates in, serves, depends on) whose loss would split the plan into several parts that each hold initiatives. Bridges are articulation points of the network (built with the graphology graph library); betweenness centrality from graphology is shown in support.',
  ),
  subjectKinds: ['Agency', 'Initiative', 'LifeEvent'],
};

interface Risk {
  node: GraphNode;
  share?: { count: number; total: number; edges: GraphEdge[] };
  partSizes?: number[];
}

export const concentrationRisk: GapRule = {
  info,
  run(ctx) {
    const cfg = ctx.config.concentration;
    const planInitiatives = ctx.nodesOf('Initiative').filter((i) => hasCategory(i, cfg.categories));
    const inPlan = new Set(planInitiatives.map((i) => i.id));
    const risks = new Map<string, Risk>();

    for (const agency of ctx.nodesOf('Agency')) {
      const edges = ctx.out(agency.id, 'LEADS', 'PARTICIPATES_IN').filter((e) => inPlan.has(e.to));
      const count = new Set(edges.map((e) => e.to)).size;
      if (planInitiatives.length > 0 && count >= cfg.minInitiatives && count / planInitiatives.length > cfg.share) {
        risks.set(agency.id, { node: agency, share: { count, total: planInitiatives.length, edges } });
      }
    }

    const network = buildNetwork(ctx, cfg.bridgeKinds, cfg.bridgeTypes);
    for (const bridge of bridgeNodes(network.graph, (id) => inPlan.has(id), cfg.bridgeMinCutOff)) {
      const node = ctx.node(bridge.node)!;
      const risk = risks.get(node.id) ?? { node };
      risk.partSizes = bridge.partSizes;
      risks.set(node.id, risk);
    }
    if (risks.size === 0) return [];
    const centrality = betweenness(network.graph);

    return [...risks.values()].map(({ node, share, partSizes }) => {
      const values: Record<string, number> = {};
      if (share) Object.assign(values, { initiatives: share.count, ofInitiatives: share.total, share: round(share.count / share.total) });
      if (partSizes) values['parts'] = partSizes.length;
      if (centrality[node.id] !== undefined) values['betweenness'] = round(centrality[node.id]!);
      const evidence = new EvidenceBuilder(ctx).node(node, { values });
      if (share) for (const e of share.edges) evidence.edge(e).node(ctx.node(e.to), { facts: ['status'] });
      if (partSizes) evidence.allEdges(network.edgesAt(node.id));

      const shortName = str(node, 'shortName');
      const name = shortName ? { nb: shortName, en: shortName } : quoted(node);
      const reasons: LocalizedText[] = [];
      if (share) {
        const pct = { nb: percent(share.count / share.total, 'nb'), en: percent(share.count / share.total, 'en') };
        reasons.push(
          t(
            `leder eller deltar i ${share.count} av ${share.total} initiativer (${pct.nb}, terskel ${percent(cfg.share, 'nb')})`,
            `leads or takes part in ${share.count} of ${share.total} initiatives (${pct.en}, threshold ${percent(cfg.share, 'en')})`,
          ),
        );
      }
      if (partSizes) {
        reasons.push(
          t(
            `er et knutepunkt: uten den faller planen i ${partSizes.length} deler (med ${list(partSizes.map(String), 'nb')} initiativer)`,
            `is a bridge: without it the plan falls into ${partSizes.length} parts (with ${list(partSizes.map(String), 'en')} initiatives)`,
          ),
        );
      }
      const kind = definiteKind(node.kind);
      return finding(
        info,
        node,
        t(
          `${kind.nb} ${name.nb} ${list(
            reasons.map((r) => r.nb),
            'nb',
          )}.`,
          `${kind.en} ${name.en} ${list(
            reasons.map((r) => r.en),
            'en',
          )}.`,
        ),
        evidence.build(),
      );
    });
  },
};

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
