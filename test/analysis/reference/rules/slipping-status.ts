// Time rule: a subject whose status is worse than in the year before it was last reported (På plan → Mindre
// forsinkelser), with how many reported years in a row it has slipped.
import type { GapRuleInfo } from '../../../../graph/schema/analysis.js';
import { allOf, explain } from '../basis.js';
import { EvidenceBuilder, finding } from '../evidence.js';
import { quoted, t } from '../text.js';
import { addStatusEvidence, direction, statusHistory, statusSubjects, statusSupport, worstPerYear } from '../time/status.js';
import { statusPhrase } from '../time/wording.js';
import type { GapRule } from './rule.js';

const info: GapRuleInfo = {
  id: 'slipping-status',
  severity: 'medium',
  title: t('Status går tilbake', 'Status slipping'),
  explanation: explain(
    t(
      'Innsatsområder, livshendelser og initiativer i handlingsplanen der siste rapporterte status er dårligere enn den forrige, på den felles skalaen (ikke startet · store forsinkelser · mindre forsinkelser · pågår/på plan · ferdigstilt/i drift), og hvor mange rapporterte år på rad den har gått tilbake. Gir flere kilder status samme år, teller den dårligste.',
      'Focus areas, life events and action-plan initiatives whose latest reported status is worse than the one before, on the shared scale (not started · major delays · minor delays · in progress/on track · completed/in operation), and for how many reported years in a row it has slipped. Where several sources give a status in the same year, the worst counts.',
    ),
    t('statusene som sammenlignes og lenkene til dem.', 'the statuses compared and their links.'),
  ),
  subjectKinds: ['FocusArea', 'Initiative', 'LifeEvent'],
};

export const slippingStatus: GapRule = {
  info,
  run(ctx) {
    const years = ctx.years;
    const findings = [];
    for (const subject of statusSubjects(ctx, ctx.config.time.initiativeCategories)) {
      const perYear = worstPerYear(statusHistory(ctx, years, subject));
      let steps = 0;
      for (let i = perYear.length - 1; i > 0 && direction(perYear[i - 1]!.progress, perYear[i]!.progress) === 'slipped'; i--) steps++;
      if (steps === 0) continue;
      const chain = perYear.slice(perYear.length - 1 - steps);
      const before = statusPhrase(ctx, chain[chain.length - 2]!);
      const now = statusPhrase(ctx, chain[chain.length - 1]!);
      const name = quoted(subject);
      const evidence = new EvidenceBuilder(ctx).node(subject);
      for (const point of chain) addStatusEvidence(evidence, ctx, subject, point, ['progress', 'statusLabel', 'status']);
      const inARow = steps > 1 ? t(` Den har gått tilbake ${steps} rapporterte år på rad.`, ` It has slipped ${steps} reported years in a row.`) : t('', '');
      findings.push(
        finding(
          info,
          subject,
          t(
            `Status for ${name.nb} har gått tilbake fra ${before.nb} til ${now.nb}.${inARow.nb}`,
            `The status of ${name.en} slipped from ${before.en} to ${now.en}.${inARow.en}`,
          ),
          evidence,
          allOf(...chain.map((point) => statusSupport(ctx, subject, point))),
          // The run of slipping years is the problem: it keeps its id while it goes on, and a new slip after a recovery is a
          // new finding (a person may have resolved the old one). The run is known by the year it slipped from.
          { years: chain.map((p) => p.year), key: `from-${chain[0]!.year}` },
        ),
      );
    }
    return findings;
  },
};
