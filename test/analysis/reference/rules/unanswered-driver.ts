// Rule 7: a driver of change that influences nothing in the plan.
import type { GapRuleInfo } from '../../../../graph/schema/analysis.js';
import { explain, NOTHING } from '../basis.js';
import { EvidenceBuilder, finding } from '../evidence.js';
import { quoted, t } from '../text.js';
import type { GapRule } from './rule.js';

const info: GapRuleInfo = {
  id: 'unanswered-driver',
  severity: 'low',
  title: t('Drivkraft uten svar i planen', 'Unanswered driver'),
  explanation: explain(
    t(
      'Drivkrefter som ikke påvirker noe innsatsområde eller initiativ i handlingsplanen. Rapporten beskriver drivkreftene som krefter vi må ta hensyn til; en drivkraft uten kobling til planen er ikke besvart.',
      'Drivers that influence no focus area or initiative of the action plan. The report describes drivers as forces the plan must take into account; a driver with no link to the plan is unanswered.',
    ),
    t(
      'at ingen kobling «påvirker» finnes (det kildene ikke sier); trendene og eksemplene vises som sammenheng. Et funn her bygger aldri på slutninger.',
      'that no "influences" link exists (what the sources do not say); its trends and examples are shown as context. A finding here never rests on inferences.',
    ),
  ),
  subjectKinds: ['Driver'],
};

export const unansweredDriver: GapRule = {
  info,
  run(ctx) {
    return ctx
      .nodesOf('Driver')
      .filter((d) => !ctx.out(d.id, 'INFLUENCES').some((e) => ['FocusArea', 'Initiative'].includes(ctx.node(e.to)?.kind ?? '')))
      .map((driver) => {
        const evidence = new EvidenceBuilder(ctx).node(driver);
        for (const e of ctx.in(driver.id, 'PART_OF', 'ILLUSTRATES')) evidence.edge(e).node(ctx.node(e.from));
        const name = quoted(driver);
        return finding(
          info,
          driver,
          t(
            `Drivkraften ${name.nb} påvirker ingen innsatsområder eller initiativer i planen.`,
            `The driver ${name.en} influences no focus area or initiative of the plan.`,
          ),
          evidence,
          NOTHING,
        );
      });
  },
};
