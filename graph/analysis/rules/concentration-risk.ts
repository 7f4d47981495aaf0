// Rule 8: agencies that too many initiatives depend on (as lead, responsible ministry or participant), and bridge nodes whose removal would split the plan apart.
import type { GapRuleInfo, LocalizedText } from '../../schema/analysis.js';
import type { GraphEdge, GraphNode } from '../../schema/graph.js';
import { allOf, anyOf, atLeast, explain, link, type Support } from '../basis.js';
import { EvidenceBuilder, finding, str } from '../evidence.js';
import { betweennessOf, bridgesWithParts, buildNetwork, type BridgeWithParts } from '../network.js';
import { hasCategory } from '../plan.js';
import { definiteKind, list, percent, quoted, t } from '../text.js';
import type { GapRule } from './rule.js';

const info: GapRuleInfo = {
  id: 'concentration-risk',
  severity: 'medium',
  title: t('Konsentrasjonsrisiko', 'Concentration risk'),
  explanation: explain(
    t(
      'Virksomheter som leder, er ansvarlig departement for eller deltar i mer enn en konfigurerbar andel av initiativene (handlingsplanen og understøttende tiltak), og knutepunkter: noder i nettverket av virksomheter, initiativer og livshendelser (leder, er ansvarlig departement for, deltar i, understøtter, avhenger av) som ved bortfall ville dele planen i flere deler med initiativer hver. Knutepunktene er artikulasjonspunkter i nettverket (bygd med grafbiblioteket graphology); betweenness-sentralitet fra graphology vises som støtte.',
      'Agencies that lead, are the responsible ministry for or take part in more than a configurable share of the initiatives (action plan and supporting measures), and bridge nodes: nodes of the network of agencies, initiatives and life events (leads, is the responsible ministry for, participates in, serves, depends on) whose loss would split the plan into several parts that each hold initiatives. Bridges are articulation points of the network (built with the graphology graph library); betweenness centrality from graphology is shown in support.',
    ),
    t(
      'for andelen så mange av virksomhetens lenker til ulike initiativer som trengs for å komme over terskelen (hvilke som helst); for et knutepunkt minst én av nodens lenker inn i hver del den holder sammen. Hver av de to grunnene holder alene.',
      "for the share as many of the agency's links to different initiatives as it takes to pass the threshold (any of them); for a bridge at least one of the node's links into each part it holds together. Each of the two reasons holds on its own.",
    ),
  ),
  subjectKinds: ['Agency', 'Initiative', 'LifeEvent'],
};

interface Risk {
  node: GraphNode;
  share?: { count: number; total: number; edges: GraphEdge[] };
  bridge?: BridgeWithParts;
}

export const concentrationRisk: GapRule = {
  info,
  run(ctx) {
    const cfg = ctx.config.concentration;
    const planInitiatives = ctx.nodesOf('Initiative').filter((i) => hasCategory(i, cfg.categories));
    const inPlan = new Set(planInitiatives.map((i) => i.id));
    const risks = new Map<string, Risk>();

    for (const agency of ctx.nodesOf('Agency')) {
      const edges = ctx.out(agency.id, 'LEADS', 'RESPONSIBLE_FOR', 'PARTICIPATES_IN').filter((e) => inPlan.has(e.to));
      const count = new Set(edges.map((e) => e.to)).size;
      if (planInitiatives.length > 0 && count >= cfg.minInitiatives && count / planInitiatives.length > cfg.share) {
        risks.set(agency.id, { node: agency, share: { count, total: planInitiatives.length, edges } });
      }
    }

    const network = buildNetwork(ctx, cfg.bridgeKinds, cfg.bridgeTypes);
    for (const bridge of bridgesWithParts(network.graph, (id) => inPlan.has(id), cfg.bridgeMinCutOff)) {
      const node = ctx.node(bridge.node)!;
      const risk = risks.get(node.id) ?? { node };
      risk.bridge = bridge;
      risks.set(node.id, risk);
    }
    if (risks.size === 0) return [];
    const centrality = betweennessOf(network.graph, risks.keys());

    return [...risks.values()].map(({ node, share, bridge }) => {
      const partSizes = bridge?.partSizes;
      const grounds: Support[] = [];
      if (share) grounds.push(shareSupport(share.edges, cfg.share, share.total, cfg.minInitiatives));
      if (bridge) grounds.push(bridgeSupport(node.id, bridge, network.edgesAt(node.id)));
      const values: Record<string, number> = {};
      if (share) Object.assign(values, { initiatives: share.count, ofInitiatives: share.total, share: round(share.count / share.total) });
      if (partSizes) values['parts'] = partSizes.length;
      const between = centrality.get(node.id);
      if (between !== undefined) {
        values['betweenness'] = round(between.value);
        // An estimate in a very large network: how many sources it rests on (graph/analysis/network.ts).
        if (between.sampledSources !== undefined) values['betweennessSampledSources'] = between.sampledSources;
      }
      const evidence = new EvidenceBuilder(ctx).node(node, { values });
      if (share) for (const e of share.edges) evidence.edge(e).node(ctx.node(e.to), { facts: ['status'] });
      if (partSizes) evidence.allEdges(network.edgesAt(node.id));

      const shortName = str(node, 'shortName');
      const name = shortName ? { nb: shortName, en: shortName } : quoted(node);
      const reasons: LocalizedText[] = [];
      if (share) {
        const pct = { nb: percent(share.count / share.total, 'nb'), en: percent(share.count / share.total, 'en') };
        const verb = share.edges.some((e) => e.type === 'RESPONSIBLE_FOR')
          ? t('leder, er ansvarlig departement for eller deltar i', 'leads, is the responsible ministry for or takes part in')
          : t('leder eller deltar i', 'leads or takes part in');
        reasons.push(
          t(
            `${verb.nb} ${share.count} av ${share.total} initiativer (${pct.nb}, terskel ${percent(cfg.share, 'nb')})`,
            `${verb.en} ${share.count} of ${share.total} initiatives (${pct.en}, threshold ${percent(cfg.share, 'en')})`,
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
        evidence,
        anyOf(...grounds),
      );
    });
  },
};

/** Enough of the agency's links to different initiatives to pass the threshold: any such set will do. */
function shareSupport(edges: readonly GraphEdge[], share: number, total: number, minInitiatives: number): Support {
  const byInitiative = new Map<string, GraphEdge[]>();
  for (const e of edges) (byInitiative.get(e.to) ?? byInitiative.set(e.to, []).get(e.to)!).push(e);
  let needed = minInitiatives;
  while (needed / total <= share) needed += 1;
  return atLeast(
    needed,
    [...byInitiative.values()].map((links) => anyOf(...links.map(link))),
  );
}

/** A link into each part the bridge holds together: without one, it would not hold that part to the rest. */
function bridgeSupport(id: string, bridge: BridgeWithParts, edges: readonly GraphEdge[]): Support {
  const byPart = new Map<string, GraphEdge[]>();
  for (const e of edges) {
    const part = bridge.partOf(e.from === id ? e.to : e.from);
    if (part !== null) (byPart.get(part) ?? byPart.set(part, []).get(part)!).push(e);
  }
  return allOf(...[...byPart.values()].map((links) => anyOf(...links.map(link))));
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
