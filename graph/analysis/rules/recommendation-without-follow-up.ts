// Rule 6: a recommendation no agency follows up, whose proposed initiative is not in the plan or whose targets show no change
// in a later report.
import type { GapRuleInfo, LocalizedText } from '../../schema/analysis.js';
import type { GraphNode } from '../../schema/graph.js';
import type { AnalysisContext } from '../context.js';
import { allOf, anyOf, explain, fact, link, type Support } from '../basis.js';
import { EvidenceBuilder, finding } from '../evidence.js';
import { statusReportsIn } from '../plan.js';
import { list, nameList, quoted, t } from '../text.js';
import type { GapRule } from './rule.js';

const info: GapRuleInfo = {
  id: 'recommendation-without-follow-up',
  severity: 'medium',
  title: t('Anbefaling uten oppfølging', 'Recommendation without follow-up'),
  explanation: explain(
    t(
      'Anbefalinger som ingen virksomhet følger opp (lenken «følger opp» til anbefalingen), og der et foreslått initiativ ikke er tatt inn i handlingsplanen (kategori «action_plan») eller ingen av målene for anbefalingen viser endring i en senere rapport. Et mål viser endring når et initiativ under det (initiativet selv, initiativene i innsatsområdet eller handlingsplanen, eller initiativene virksomheten leder, er ansvarlig departement for eller deltar i) har en statusrapport i en senere rapport med en annen status enn i rapporten som ga anbefalingen. Uten senere rapport vurderes bare forslagene. En virksomhet som følger opp anbefalingen, regnes som oppfølging uansett.',
      'Recommendations that no agency follows up (a "follows up" link to the recommendation), and whose proposed initiative has not entered the action plan (category "action_plan") or none of whose targets shows a change in a later report. A target shows a change when an initiative under it (the initiative itself, the initiatives of the focus area or action plan, or those the agency leads, is the responsible ministry for or takes part in) has a status report in a later report with a status other than in the report that made the recommendation. Without a later report only the proposals are assessed. An agency that follows up the recommendation counts as follow-up in any case.',
    ),
    t(
      'for hvert forslag lenken «foreslår» og initiativets kategori; for målene lenken «anbefaler» fra rapporten som ga anbefalingen og lenken «retter seg mot» til hvert mål (hvert mål holder alene). At ingen følger opp, er det kildene ikke sier.',
      'for each proposal the "proposes" link and the initiative\'s category; for the targets the "recommends" link from the report that made the recommendation and the "targets" link to each target (each target holds on its own). That nobody follows it up is what the sources do not say.',
    ),
  ),
  subjectKinds: ['Recommendation'],
};

export const recommendationWithoutFollowUp: GapRule = {
  info,
  run(ctx) {
    const findings = [];
    const reports = ctx.nodesOf('Report');
    for (const rec of ctx.nodesOf('Recommendation')) {
      // An agency that says it follows the recommendation up has taken it on, whatever became of its proposals.
      if (ctx.in(rec.id, 'FOLLOWS_UP').length > 0) continue;
      const evidence = new EvidenceBuilder(ctx).node(rec);
      const reasons: LocalizedText[] = [];
      const grounds: Support[] = [];

      const proposals = ctx.out(rec.id, 'PROPOSES');
      const notInPlan = proposals.filter((e) => ctx.node(e.to)?.properties['category'] !== 'action_plan');
      for (const e of notInPlan) {
        const proposed = ctx.node(e.to)!;
        evidence.edge(e).node(proposed, { facts: ['category', 'status'] });
        grounds.push(allOf(link(e), fact(proposed, 'category')));
      }
      if (notInPlan.length > 0) {
        const names = nameList(notInPlan.map((e) => ctx.node(e.to)!));
        reasons.push(
          notInPlan.length === 1
            ? t(
                `det foreslåtte initiativet ${names.nb} er ikke tatt inn i handlingsplanen`,
                `the proposed initiative ${names.en} has not entered the action plan`,
              )
            : t(
                `de foreslåtte initiativene ${names.nb} er ikke tatt inn i handlingsplanen`,
                `the proposed initiatives ${names.en} have not entered the action plan`,
              ),
        );
      }

      const recommendedIn = ctx
        .in(rec.id, 'RECOMMENDS')
        .map((e) => ({ edge: e, report: ctx.node(e.from) }))
        .filter((r) => r.report?.kind === 'Report');
      const targets = ctx.out(rec.id, 'TARGETS');
      if (recommendedIn.length > 0 && targets.length > 0) {
        const first = [...recommendedIn].sort((a, b) => year(a.report!) - year(b.report!))[0]!;
        const origin = first.report!;
        const later = reports.filter((r) => year(r) > year(origin)).sort((a, b) => year(a) - year(b));
        if (later.length > 0) {
          const changed = targets.filter((e) => targetChanged(ctx, ctx.node(e.to), origin, later));
          if (changed.length === 0) {
            evidence.allEdges(recommendedIn.map((r) => r.edge)).allEdges(targets);
            for (const e of targets) {
              evidence.node(ctx.node(e.to));
              grounds.push(allOf(link(first.edge), link(e)));
            }
            const names = nameList(targets.map((e) => ctx.node(e.to)!));
            const laterNames = (lang: 'nb' | 'en') =>
              list(
                later.map((r) => quoted(r)[lang]),
                lang,
              );
            reasons.push(
              t(`målene (${names.nb}) viser ingen endring i ${laterNames('nb')}`, `its targets (${names.en}) show no change in ${laterNames('en')}`),
            );
          }
        }
      }
      if (reasons.length === 0) continue;
      const name = quoted(rec);
      findings.push(
        finding(
          info,
          rec,
          t(
            `Anbefalingen ${name.nb} er ikke fulgt opp: ${list(
              reasons.map((r) => r.nb),
              'nb',
            )}.`,
            `The recommendation ${name.en} has not been followed up: ${list(
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

function year(report: GraphNode): number {
  return Number(report.properties['year'] ?? 0);
}

/** The initiatives a target stands for: itself, those of a focus area or action plan, or those an agency leads, answers for or works on. */
function initiativesUnder(ctx: AnalysisContext, target: GraphNode): GraphNode[] {
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

function targetChanged(ctx: AnalysisContext, target: GraphNode | undefined, origin: GraphNode, later: GraphNode[]): boolean {
  if (!target) return false;
  return initiativesUnder(ctx, target).some((initiative) => {
    const before = statusReportsIn(ctx, initiative.id, origin.id).map((r) => r.statusReport.properties['status']);
    return later.some((report) =>
      statusReportsIn(ctx, initiative.id, report.id).some((r) => before.length === 0 || !before.includes(r.statusReport.properties['status'])),
    );
  });
}
