// Rule 5: an action-plan initiative with no status report in the latest report, or with questions left unanswered.
import type { GapRuleInfo, LocalizedText } from '../../../../graph/schema/analysis.js';
import type { GraphNode } from '../../../../graph/schema/graph.js';
import { allOf, anyOf, explain, fact, link, NOTHING, type Support } from '../basis.js';
import { EvidenceBuilder, finding } from '../evidence.js';
import { hasCategory, statusReportsIn } from '../plan.js';
import { list, quoted, t } from '../text.js';
import type { GapRule } from './rule.js';

const info: GapRuleInfo = {
  id: 'missing-status',
  severity: 'medium',
  title: t('Manglende eller ufullstendig status', 'Missing or incomplete status'),
  explanation: explain(
    t(
      'Initiativer i handlingsplanen uten statusrapport i siste rapport (rapporten med høyest årstall), eller med statusrapport der spørsmål står ubesvart eller uten respondent. Programkontoret samler inn status om alle initiativer i handlingsplanen.',
      'Action-plan initiatives with no status report in the latest report (the report with the highest year), or whose status report leaves questions unanswered or names no respondent. The programme office collects status on every initiative in the action plan.',
    ),
    t(
      'initiativets kategori, og for en ufullstendig statusrapport lenkene som knytter den til initiativet og rapporten og feltene som sier at den er ufullstendig (ubesvarte felt er det kilden ikke sier).',
      "the initiative's category, and for an incomplete status report the links that tie it to the initiative and the report and the fields that say it is incomplete (unanswered fields are what the source does not say).",
    ),
  ),
  subjectKinds: ['Initiative'],
};

const ANSWERS: Record<string, LocalizedText> = {
  respondent: t('respondent', 'respondent'),
  successFactors: t('suksessfaktorer', 'success factors'),
  challenges: t('utfordringer', 'challenges'),
  learnings: t('læringspunkter', 'learnings'),
  nextTasks: t('neste års oppgaver', "next year's tasks"),
};

/** The answers a status report lacks: those it lists as missing, and those left empty. */
export function unansweredFields(statusReport: GraphNode): string[] {
  const listed = statusReport.properties['missing'];
  const missing = new Set(Array.isArray(listed) ? listed : []);
  for (const field of Object.keys(ANSWERS)) if (statusReport.properties[field] === undefined) missing.add(field);
  return [...missing];
}

export const missingStatus: GapRule = {
  info,
  run(ctx) {
    const report = ctx.latestReport;
    if (!report) return [];
    const reportName = quoted(report);
    const findings = [];
    for (const initiative of ctx.nodesOf('Initiative').filter((i) => hasCategory(i, ctx.config.status.categories))) {
      const name = quoted(initiative);
      const reports = statusReportsIn(ctx, initiative.id, report.id);
      const evidence = new EvidenceBuilder(ctx).node(initiative, { facts: ['status', 'statusNote'] });
      if (reports.length === 0) {
        for (const e of ctx.out(initiative.id, 'HAS_STATUS'))
          evidence.edge(e, { note: t('Eldre statusrapport', 'Earlier status report') }).node(ctx.node(e.to));
        evidence.node(report);
        findings.push(
          finding(
            info,
            initiative,
            t(`Initiativet ${name.nb} har ingen statusrapport i ${reportName.nb}.`, `The initiative ${name.en} has no status report in ${reportName.en}.`),
            evidence,
            fact(initiative, 'category'),
          ),
        );
        continue;
      }
      const gaps = reports
        .map((r) => ({ ...r, fields: unansweredFields(r.statusReport), complete: r.statusReport.properties['complete'] !== false }))
        .filter((r) => !r.complete || r.fields.length > 0);
      if (gaps.length === 0) continue;
      const grounds: Support[] = [];
      for (const gap of gaps) {
        evidence
          .edge(gap.hasStatus)
          .node(gap.statusReport, { facts: ['complete', 'missing', 'respondent', ...gap.fields] })
          .edge(gap.publishedIn);
        // Incomplete by its own mark, by the answers it lists as missing, or by answers left out (nothing to doubt).
        const listed = gap.statusReport.properties['missing'];
        const incomplete = [
          ...(gap.complete ? [] : [fact(gap.statusReport, 'complete')]),
          ...(Array.isArray(listed) && listed.length > 0 ? [fact(gap.statusReport, 'missing')] : []),
          ...(gap.fields.some((f) => gap.statusReport.properties[f] === undefined) ? [NOTHING] : []),
        ];
        grounds.push(allOf(link(gap.hasStatus), link(gap.publishedIn), anyOf(...incomplete)));
      }
      const fields = [...new Set(gaps.flatMap((g) => g.fields))].filter((f) => ANSWERS[f]);
      const label = (lang: 'nb' | 'en') =>
        list(
          fields.map((f) => ANSWERS[f]![lang]),
          lang,
        );
      findings.push(
        finding(
          info,
          initiative,
          fields.length > 0
            ? t(
                `Statusrapporten for ${name.nb} i ${reportName.nb} er ufullstendig: mangler ${label('nb')}.`,
                `The status report for ${name.en} in ${reportName.en} is incomplete: ${label('en')} missing.`,
              )
            : t(
                `Statusrapporten for ${name.nb} i ${reportName.nb} er markert som ufullstendig.`,
                `The status report for ${name.en} in ${reportName.en} is marked incomplete.`,
              ),
          evidence,
          allOf(fact(initiative, 'category'), anyOf(...grounds)),
        ),
      );
    }
    return findings;
  },
};
