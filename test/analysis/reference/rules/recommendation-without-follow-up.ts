// Rule 6: a recommendation no agency follows up whose proposed initiative is not in the plan. Whether later sources show its
// targets moved is the recommendation-not-acted-on rule's, judged across years.
import type { GapRuleInfo, LocalizedText } from '../../../../graph/schema/analysis.js';
import { allOf, anyOf, explain, fact, link, type Support } from '../basis.js';
import { EvidenceBuilder, finding } from '../evidence.js';
import { list, nameList, quoted, t } from '../text.js';
import type { GapRule } from './rule.js';

const info: GapRuleInfo = {
  id: 'recommendation-without-follow-up',
  severity: 'medium',
  title: t('Anbefaling uten oppfølging', 'Recommendation without follow-up'),
  explanation: explain(
    t(
      'Anbefalinger som ingen virksomhet følger opp (lenken «følger opp» til anbefalingen), og der et foreslått initiativ ikke er tatt inn i handlingsplanen (kategori «action_plan»). Om senere kilder viser at målene for anbefalingen har flyttet seg, vurderer regelen «Anbefaling uten virkning» på tvers av år.',
      'Recommendations that no agency follows up (a "follows up" link to the recommendation), and whose proposed initiative has not entered the action plan (category "action_plan"). Whether later sources show the targets moved is judged across years by the rule "Recommendation not acted on".',
    ),
    t(
      'for hvert forslag lenken «foreslår» og initiativets kategori (hvert forslag holder alene). At ingen følger opp, er det kildene ikke sier.',
      'for each proposal the "proposes" link and the initiative\'s category (each proposal holds on its own). That nobody follows it up is what the sources do not say.',
    ),
  ),
  subjectKinds: ['Recommendation'],
};

export const recommendationWithoutFollowUp: GapRule = {
  info,
  run(ctx) {
    const findings = [];
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
