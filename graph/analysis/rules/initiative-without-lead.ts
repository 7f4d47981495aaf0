// Rule 4: an initiative that no agency leads.
import type { GapRuleInfo } from '../../schema/analysis.js';
import { EvidenceBuilder, finding } from '../evidence.js';
import { hasCategory } from '../plan.js';
import { quoted, t } from '../text.js';
import type { GapRule } from './rule.js';

const info: GapRuleInfo = {
  id: 'initiative-without-lead',
  severity: 'high',
  title: t('Initiativ uten ansvarlig', 'Initiative without lead'),
  explanation: t(
    'Initiativer i handlingsplanen og understøttende tiltak som ingen virksomhet leder. Uten en ansvarlig virksomhet er det ingen som rapporterer status eller kan stilles til ansvar for fremdriften.',
    'Action-plan initiatives and supporting measures that no agency leads. Without a lead agency nobody reports status or answers for progress.',
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
        for (const e of ctx.in(initiative.id, 'PARTICIPATES_IN')) {
          evidence.edge(e, { note: t('Deltar, men leder ikke', 'Takes part but does not lead') }).node(ctx.node(e.from));
        }
        for (const e of ctx.out(initiative.id, 'PART_OF')) evidence.edge(e).node(ctx.node(e.to));
        const name = quoted(initiative);
        return finding(
          info,
          initiative,
          t(`Initiativet ${name.nb} har ingen ansvarlig virksomhet.`, `The initiative ${name.en} has no lead agency.`),
          evidence.build(),
        );
      });
  },
};
