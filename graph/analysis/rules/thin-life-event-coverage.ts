// Rule 2: a prioritised life event that no initiative serves in particular, or whose ministry shows no reported activity.
import type { GapRuleInfo, LocalizedText } from '../../schema/analysis.js';
import type { GraphEdge, GraphNode } from '../../schema/graph.js';
import type { AnalysisContext } from '../context.js';
import { EvidenceBuilder, finding, str } from '../evidence.js';
import { genericLifeEventServers, hasCategory, statusReportsIn } from '../plan.js';
import { list, nameList, quoted, t } from '../text.js';
import type { GapRule } from './rule.js';

const info: GapRuleInfo = {
  id: 'thin-life-event-coverage',
  severity: 'medium',
  title: t('Tynn dekning av livshendelse', 'Thin life-event coverage'),
  explanation: t(
    'En livshendelse er tynt dekket når (a) ingen initiativer understøtter den spesifikt — koblinger fra initiativer som understøtter alle livshendelsene, som Digdirs støtteprosjekt, teller ikke — eller (b) det ansvarlige departementet (virksomheten som er ansvarlig departement for livshendelsen) ikke har rapportert aktivitet. Rapportert aktivitet betyr at departementet leder eller deltar i et initiativ i handlingsplanen eller et understøttende tiltak, eller at et initiativ som understøtter livshendelsen spesifikt er i gang, fullført eller har statusrapport i siste rapport. En livshendelse uten ansvarlig departement regnes også som tynt dekket.',
    "A life event is thinly covered when (a) no initiative serves it specifically — links from initiatives that serve every life event, such as Digdir's support project, do not count — or (b) its responsible ministry (the agency responsible for the life event) shows no reported activity. Reported activity means the ministry leads or takes part in an action-plan initiative or supporting measure, or an initiative that serves the life event specifically is in progress, completed or has a status report in the latest report. A life event without a responsible ministry also counts as thinly covered.",
  ),
  subjectKinds: ['LifeEvent'],
};

export const thinLifeEventCoverage: GapRule = {
  info,
  run(ctx) {
    const generic = genericLifeEventServers(ctx);
    const { activityCategories, minSpecificInitiatives } = ctx.config.lifeEvents;
    const activeStatuses: readonly string[] = ctx.config.lifeEvents.activeStatuses;
    const findings = [];
    for (const lifeEvent of ctx.nodesOf('LifeEvent')) {
      const serves = ctx.in(lifeEvent.id, 'SERVES').filter((e) => ctx.node(e.from)?.kind === 'Initiative');
      const specific = serves.filter((e) => !generic.has(e.from));
      const genericLinks = serves.filter((e) => generic.has(e.from));
      const specificInitiatives = specific.map((e) => ctx.node(e.from)!);
      const latest = ctx.latestReport;
      // Work on the life event itself that the report records: a specific initiative under way or reported on.
      const lifeEventActive = specificInitiatives.some(
        (i) => activeStatuses.includes(String(i.properties['status'])) || (latest !== null && statusReportsIn(ctx, i.id, latest.id).length > 0),
      );
      // The responsible ministry (ansvarlig departement); an agency that LEADS a life event executes it and is not the ministry.
      const ministryLinks = ctx.in(lifeEvent.id, 'RESPONSIBLE_FOR').filter((e) => ctx.node(e.from)?.kind === 'Agency');

      const evidence = new EvidenceBuilder(ctx).node(lifeEvent);
      evidence.allEdges(specific);
      for (const e of genericLinks) {
        evidence.edge(e, {
          note: t('Initiativet understøtter alle livshendelsene og teller ikke.', 'The initiative serves every life event and does not count.'),
        });
      }
      for (const i of specificInitiatives) evidence.node(i, { facts: ['status', 'category'] });

      const reasons: LocalizedText[] = [];
      if (specific.length < minSpecificInitiatives)
        reasons.push(
          coverageReason(
            specific.length,
            genericLinks.map((e) => ctx.node(e.from)!),
            minSpecificInitiatives,
          ),
        );
      if (ministryLinks.length === 0) reasons.push(t('den har ikke noe ansvarlig departement', 'it has no responsible ministry'));
      for (const lead of ministryLinks) {
        const ministry = ctx.node(lead.from)!;
        const activity = ministryActivity(ctx, ministry, activityCategories);
        evidence.edge(lead).node(ministry, { note: t('Ansvarlig departement', 'Responsible ministry') });
        evidence.allEdges(activity);
        if (activity.length === 0 && !lifeEventActive) {
          const name = quoted({ name: str(ministry, 'shortName') ?? ministry.name, nameEn: str(ministry, 'shortName') ?? ministry.nameEn });
          reasons.push(
            t(`det ansvarlige departementet ${name.nb} har ingen rapportert aktivitet`, `its responsible ministry ${name.en} shows no reported activity`),
          );
        }
      }
      if (reasons.length === 0) continue;
      const name = quoted(lifeEvent);
      findings.push(
        finding(
          info,
          lifeEvent,
          t(
            `Livshendelsen ${name.nb} er tynt dekket: ${list(
              reasons.map((r) => r.nb),
              'nb',
            )}.`,
            `The life event ${name.en} is thinly covered: ${list(
              reasons.map((r) => r.en),
              'en',
            )}.`,
          ),
          evidence.build(),
        ),
      );
    }
    return findings;
  },
};

function coverageReason(count: number, genericInitiatives: GraphNode[], min: number): LocalizedText {
  const only = genericInitiatives.length > 0 ? nameList(genericInitiatives) : null;
  if (count === 0) {
    return only
      ? t(
          `ingen initiativer understøtter den spesifikt (bare ${only.nb}, som understøtter alle livshendelsene)`,
          `no initiative serves it specifically (only ${only.en}, which serves every life event)`,
        )
      : t('ingen initiativer understøtter den', 'no initiative serves it');
  }
  return t(
    `bare ${count} initiativ understøtter den spesifikt (minst ${min} kreves)`,
    `only ${count} initiative(s) serve it specifically (at least ${min} required)`,
  );
}

/** The ministry's LEADS and PARTICIPATES_IN links to initiatives of the given categories. */
function ministryActivity(ctx: AnalysisContext, ministry: GraphNode, categories: readonly string[]): GraphEdge[] {
  return ctx.out(ministry.id, 'LEADS', 'PARTICIPATES_IN').filter((e) => hasCategory(ctx.node(e.to), categories));
}
