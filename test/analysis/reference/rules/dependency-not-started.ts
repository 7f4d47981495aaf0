// Rule 9: an initiative that depends on an initiative, or on work in a focus area, that has not started.
import type { GapRuleInfo, LocalizedText } from '../../../../graph/schema/analysis.js';
import { allOf, anyOf, explain, fact, link, type Support } from '../basis.js';
import { EvidenceBuilder, finding } from '../evidence.js';
import type { GraphNode } from '../../../../graph/schema/graph.js';
import { list, nameList, quoted, t } from '../text.js';
import type { GapRule } from './rule.js';

const info: GapRuleInfo = {
  id: 'dependency-not-started',
  severity: 'high',
  title: t('Avhenger av noe som ikke er startet', 'Depends on something not started'),
  explanation: explain(
    t(
      'Initiativer som avhenger av et initiativ som ikke er startet (status «planlagt» eller «ikke startet»), eller av et initiativ i et innsatsområde som ikke er startet. Slike avhengigheter forsinker initiativet selv om det er i rute.',
      'Initiatives that depend on an initiative that has not started (status "planned" or "not started"), or on an initiative in a focus area that has not started. Such a dependency delays the initiative even when it is on track itself.',
    ),
    t(
      'for hver avhengighet lenken «avhenger av» og statusen til det den peker på, eller lenken «er del av» og innsatsområdets status; hver avhengighet holder alene. Er den eneste avhengigheten utledet, er funnet det også.',
      'for each dependency the "depends on" link and the status of what it points to, or the "is part of" link and the focus area\'s status; each dependency holds on its own. When the only dependency is inferred, so is the finding.',
    ),
  ),
  subjectKinds: ['Initiative'],
};

export const dependencyNotStarted: GapRule = {
  info,
  run(ctx) {
    const notStarted = ctx.config.dependency.notStartedStatuses as readonly string[];
    const findings = [];
    for (const initiative of ctx.nodesOf('Initiative')) {
      const evidence = new EvidenceBuilder(ctx).node(initiative, { facts: ['status'] });
      const direct: GraphNode[] = [];
      const viaArea = new Map<string, { area: GraphNode; initiatives: GraphNode[] }>();
      const grounds: Support[] = [];
      for (const dep of ctx.out(initiative.id, 'DEPENDS_ON')) {
        const target = ctx.node(dep.to);
        if (!target) continue;
        if (notStarted.includes(String(target.properties['status']))) {
          evidence.edge(dep).node(target, { facts: ['status', 'statusNote'] });
          direct.push(target);
          grounds.push(allOf(link(dep), fact(target, 'status')));
          continue;
        }
        const partOf = ctx.out(target.id, 'PART_OF').find((e) => ctx.node(e.to)?.properties['status'] === 'not_started');
        if (!partOf) continue;
        const area = ctx.node(partOf.to)!;
        evidence
          .edge(dep)
          .node(target, { facts: ['status'] })
          .edge(partOf)
          .node(area, { facts: ['status', 'statusNote'] });
        const group = viaArea.get(area.id) ?? viaArea.set(area.id, { area, initiatives: [] }).get(area.id)!;
        group.initiatives.push(target);
        grounds.push(allOf(link(dep), link(partOf), fact(area, 'status')));
      }
      if (direct.length === 0 && viaArea.size === 0) continue;
      const reasons: LocalizedText[] = [];
      if (direct.length > 0) {
        const names = nameList(direct);
        reasons.push(t(`${names.nb}, som ikke er startet`, `${names.en}, which ${direct.length === 1 ? 'has' : 'have'} not started`));
      }
      for (const { area, initiatives } of viaArea.values()) {
        const names = nameList(initiatives);
        const areaName = quoted(area);
        reasons.push(
          t(`${names.nb} i innsatsområdet ${areaName.nb}, som ikke er startet`, `${names.en} in the focus area ${areaName.en}, which has not started`),
        );
      }
      const name = quoted(initiative);
      findings.push(
        finding(
          info,
          initiative,
          t(
            `Initiativet ${name.nb} avhenger av ${list(
              reasons.map((r) => r.nb),
              'nb',
            )}.`,
            `The initiative ${name.en} depends on ${list(
              reasons.map((r) => r.en),
              'en',
            )}.`,
          ),
          evidence,
          anyOf(...grounds),
        ),
      );
    }
    return findings;
  },
};
