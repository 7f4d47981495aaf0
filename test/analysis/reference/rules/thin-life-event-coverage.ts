// Rule 2: a prioritised life event that no initiative serves in particular, or whose owner shows no reported activity.
import type { GapRuleInfo, LocalizedText } from '../../../../graph/schema/analysis.js';
import type { GraphEdge, GraphNode } from '../../../../graph/schema/graph.js';
import { allOf, anyOf, explain, fact, link, NOTHING, type Support } from '../basis.js';
import type { AnalysisContext } from '../context.js';
import { EvidenceBuilder, finding, str } from '../evidence.js';
import { genericLifeEventServers, hasCategory, statusReportsIn } from '../plan.js';
import { list, nameList, quoted, t } from '../text.js';
import type { GapRule } from './rule.js';

const info: GapRuleInfo = {
  id: 'thin-life-event-coverage',
  severity: 'medium',
  title: t('Tynn dekning av livshendelse', 'Thin life-event coverage'),
  explanation: explain(
    t(
      'En livshendelse er tynt dekket når (a) ingen initiativer understøtter den spesifikt — koblinger fra initiativer som understøtter alle livshendelsene, som Digdirs støtteprosjekt, teller ikke — eller (b) eieren ikke har rapportert aktivitet. Eieren er det ansvarlige departementet (er ansvarlig departement for) og eventuelt en utførende virksomhet (leder); har livshendelsen bare en utførende virksomhet, står den som eier. Rapportert aktivitet betyr at en eier leder, er ansvarlig departement for eller deltar i et initiativ i handlingsplanen eller et understøttende tiltak, eller at et initiativ som understøtter livshendelsen spesifikt er i gang, fullført eller har statusrapport i siste rapport. En livshendelse uten både ansvarlig departement og utførende virksomhet regnes også som tynt dekket.',
      "A life event is thinly covered when (a) no initiative serves it specifically — links from initiatives that serve every life event, such as Digdir's support project, do not count — or (b) its owner shows no reported activity. The owner is the responsible ministry (is the responsible ministry for) and, where there is one, an executing agency (leads); a life event with only an executing agency has that agency as its owner. Reported activity means an owner leads, is the responsible ministry for or takes part in an action-plan initiative or supporting measure, or an initiative that serves the life event specifically is in progress, completed or has a status report in the latest report. A life event with neither a responsible ministry nor an executing agency also counts as thinly covered.",
    ),
    t(
      'for (a) og for manglende eier det kildene ikke sier; for (b) lenkene som gjør virksomhetene til eiere og statusen til initiativene som understøtter livshendelsen spesifikt. Hver grunn holder alene.',
      'for (a) and for a missing owner, what the sources do not say; for (b) the links that make the agencies owners and the status of the initiatives that serve the life event specifically. Each reason holds on its own.',
    ),
  ),
  subjectKinds: ['LifeEvent'],
};

/** An owner of a life event: the agency, the link that makes it one, and which role that link gives. */
interface Owner {
  agency: GraphNode;
  edge: GraphEdge;
  role: 'responsible' | 'executing';
}

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
      const owners: Owner[] = [
        ...ctx.in(lifeEvent.id, 'RESPONSIBLE_FOR').map((edge) => ({ edge, role: 'responsible' as const })),
        ...ctx.in(lifeEvent.id, 'LEADS').map((edge) => ({ edge, role: 'executing' as const })),
      ].flatMap(({ edge, role }) => {
        const agency = ctx.node(edge.from);
        return agency?.kind === 'Agency' ? [{ agency, edge, role }] : [];
      });

      const evidence = new EvidenceBuilder(ctx).node(lifeEvent);
      evidence.allEdges(specific);
      for (const e of genericLinks) {
        evidence.edge(e, {
          note: t('Initiativet understøtter alle livshendelsene og teller ikke.', 'The initiative serves every life event and does not count.'),
        });
      }
      for (const i of specificInitiatives) evidence.node(i, { facts: ['status', 'category'] });

      const reasons: LocalizedText[] = [];
      const grounds: Support[] = [];
      if (specific.length < minSpecificInitiatives) {
        reasons.push(
          coverageReason(
            specific.length,
            genericLinks.map((e) => ctx.node(e.from)!),
            minSpecificInitiatives,
          ),
        );
        grounds.push(NOTHING);
      }
      if (owners.length === 0) {
        reasons.push(t('den har verken ansvarlig departement eller utførende virksomhet', 'it has no responsible ministry and no executing agency'));
        grounds.push(NOTHING);
      }
      const active = new Set<string>();
      for (const owner of owners) {
        const activity = ownerActivity(ctx, owner.agency, activityCategories);
        evidence.edge(owner.edge).node(owner.agency, { note: ROLE_NOTES[owner.role] });
        evidence.allEdges(activity);
        if (activity.length > 0) active.add(owner.agency.id);
      }
      // Each responsible ministry answers for the life event; an executing agency's work counts as its ministry's.
      // Without a ministry, each executing agency stands as the owner.
      const ministries = owners.filter((o) => o.role === 'responsible');
      const executors = owners.filter((o) => o.role === 'executing');
      const accountable = ministries.length > 0 ? ministries : executors;
      const executorsActive = ministries.length > 0 && executors.some((o) => active.has(o.agency.id));
      const idle = lifeEventActive || executorsActive ? [] : accountable.filter((o) => !active.has(o.agency.id));
      if (idle.length > 0) {
        const phrases = idle.map(({ agency, role }) => {
          const name = quoted(shortName(agency));
          return role === 'responsible'
            ? t(`det ansvarlige departementet ${name.nb}`, `its responsible ministry ${name.en}`)
            : t(`den utførende virksomheten ${name.nb}`, `its executing agency ${name.en}`);
        });
        const alsoIdle = ministries.length > 0 && executors.length > 0 ? nameList(executors.map((o) => shortName(o.agency))) : null;
        reasons.push(
          t(
            `${list(
              phrases.map((p) => p.nb),
              'nb',
            )} har ingen rapportert aktivitet${alsoIdle ? ` (heller ikke den utførende virksomheten ${alsoIdle.nb})` : ''}`,
            `${list(
              phrases.map((p) => p.en),
              'en',
            )} ${idle.length === 1 ? 'shows' : 'show'} no reported activity${alsoIdle ? ` (nor does its executing agency ${alsoIdle.en})` : ''}`,
          ),
        );
        // An owner is one by its link, and the initiatives serving the life event specifically are idle by their status.
        const statuses = specificInitiatives.map((i) => fact(i, 'status'));
        grounds.push(anyOf(...idle.map((o) => allOf(link(o.edge), ...statuses))));
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
          evidence,
          anyOf(...grounds),
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

/** An agency by its short name where it has one ("HOD"), quoted. */
function shortName(agency: GraphNode): { name: string; nameEn?: string | undefined } {
  const short = str(agency, 'shortName');
  return { name: short ?? agency.name, nameEn: short ?? agency.nameEn };
}

const ROLE_NOTES: Record<Owner['role'], LocalizedText> = {
  responsible: t('Ansvarlig departement', 'Responsible ministry'),
  executing: t('Utførende virksomhet', 'Executing agency'),
};

/** The owner's LEADS, RESPONSIBLE_FOR and PARTICIPATES_IN links to initiatives of the given categories. */
function ownerActivity(ctx: AnalysisContext, owner: GraphNode, categories: readonly string[]): GraphEdge[] {
  return ctx.out(owner.id, 'LEADS', 'RESPONSIBLE_FOR', 'PARTICIPATES_IN').filter((e) => hasCategory(ctx.node(e.to), categories));
}
