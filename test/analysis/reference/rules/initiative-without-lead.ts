// Rule 4: an initiative that no agency leads (executes), and whether a ministry at least answers for it.
import type { GapRuleInfo } from '../../../../graph/schema/analysis.js';
import { explain, fact } from '../basis.js';
import { EvidenceBuilder, finding, str } from '../evidence.js';
import { hasCategory } from '../plan.js';
import { nameList, quoted, t } from '../text.js';
import type { GapRule } from './rule.js';

const info: GapRuleInfo = {
  id: 'initiative-without-lead',
  severity: 'high',
  title: t('Initiativ uten utførende virksomhet', 'Initiative without a lead agency'),
  explanation: explain(
    t(
      'Initiativer i handlingsplanen og understøttende tiltak som ingen virksomhet leder (utfører). Et initiativ har to roller: den utførende virksomheten (leder) og det ansvarlige departementet. Mangler begge, er ingen satt til å rapportere status eller stå til ansvar for fremdriften (høy alvorlighet). Har initiativet et ansvarlig departement, men ingen utførende virksomhet, er det noen som svarer for det, men ingen som gjør arbeidet (middels alvorlighet). Et initiativ som har en utførende virksomhet, men intet ansvarlig departement, rapporteres ikke: rapporten navngir sjelden departementet.',
      'Action-plan initiatives and supporting measures that no agency leads (executes). An initiative has two roles: the executing agency (lead) and the responsible ministry. Without either, nobody is set to report status or answer for progress (high severity). With a responsible ministry but no executing agency, someone answers for it but nobody does the work (medium severity). An initiative with an executing agency but no responsible ministry is not reported: the report seldom names the ministry.',
    ),
    t(
      'at ingen lenke «leder» finnes (det kildene ikke sier) og initiativets kategori; deltakere og ansvarlig departement vises som sammenheng.',
      'that no "leads" link exists (what the sources do not say) and the initiative\'s category; participants and the responsible ministry are shown as context.',
    ),
  ),
  subjectKinds: ['Initiative'],
};

export const initiativeWithoutLead: GapRule = {
  info,
  run(ctx) {
    return ctx
      .nodesOf('Initiative')
      .filter((i) => hasCategory(i, ctx.config.lead.categories) && ctx.in(i.id, 'LEADS').length === 0)
      .map((initiative) => {
        const evidence = new EvidenceBuilder(ctx).node(initiative, { facts: ['category', 'status'] });
        const responsible = ctx.in(initiative.id, 'RESPONSIBLE_FOR');
        for (const e of responsible) {
          evidence.edge(e, { note: t('Ansvarlig departement, men utfører ikke', 'Responsible ministry, but does not execute') }).node(ctx.node(e.from));
        }
        for (const e of ctx.in(initiative.id, 'PARTICIPATES_IN')) {
          evidence.edge(e, { note: t('Deltar, men leder ikke', 'Takes part but does not lead') }).node(ctx.node(e.from));
        }
        for (const e of ctx.out(initiative.id, 'PART_OF')) evidence.edge(e).node(ctx.node(e.to));
        const name = quoted(initiative);
        const support = fact(initiative, 'category');
        if (responsible.length === 0) {
          return finding(
            info,
            initiative,
            t(
              `Initiativet ${name.nb} har verken utførende virksomhet (leder) eller ansvarlig departement.`,
              `The initiative ${name.en} has neither an executing agency (lead) nor a responsible ministry.`,
            ),
            evidence,
            support,
          );
        }
        const ministries = nameList(
          responsible.map((e) => {
            const ministry = ctx.node(e.from)!;
            const short = str(ministry, 'shortName');
            return { name: short ?? ministry.name, nameEn: short ?? ministry.nameEn };
          }),
        );
        return finding(
          info,
          initiative,
          t(
            `Initiativet ${name.nb} har ansvarlig departement (${ministries.nb}), men ingen utførende virksomhet som leder det.`,
            `The initiative ${name.en} has a responsible ministry (${ministries.en}) but no executing agency to lead it.`,
          ),
          evidence,
          support,
          { severity: 'medium' },
        );
      });
  },
};
