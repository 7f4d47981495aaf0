// Time rule: a focus area, life event or action-plan initiative that no source has given a status for in the latest
// years of the data — who has stopped reporting, or never reported. The last known status is named, never carried forward.
import type { GapRuleInfo } from '../../../../graph/schema/analysis.js';
import { explain, NOTHING } from '../basis.js';
import { EvidenceBuilder, finding } from '../evidence.js';
import { quoted, t } from '../text.js';
import { addStatusEvidence, statusHistory, statusSubjects } from '../time/status.js';
import { statusPhrase } from '../time/wording.js';
import type { GapRule } from './rule.js';

const info: GapRuleInfo = {
  id: 'stale-status',
  severity: 'medium',
  title: t('Ingen status på lenge', 'No recent status'),
  explanation: explain(
    t(
      'Innsatsområder, livshendelser og initiativer i handlingsplanen som ingen kilde har gitt status for i de siste årene dataene dekker (antall år kan stilles inn). Siste kjente status vises med år og kilde, men regnes aldri som gjeldende. Regelen slår bare til når dataene dekker mer enn ett år.',
      'Focus areas, life events and action-plan initiatives that no source has given a status for in the latest years the data covers (how many years is configurable). The last known status is shown with its year and source, but never taken as current. The rule applies only when the data covers more than one year.',
    ),
    t('det kildene ikke sier: at ingen status finnes for de siste årene.', 'what the sources do not say: that no status exists for the latest years.'),
  ),
  subjectKinds: ['FocusArea', 'Initiative', 'LifeEvent'],
};

export const staleStatus: GapRule = {
  info,
  run(ctx) {
    const years = ctx.years;
    if (years.latest === null || years.all.length < 2) return [];
    const since = years.latest - ctx.config.time.staleYears + 1;
    // Where the latest year has a status collection, its missing answers are the missing-status rule's to report.
    const collectedNow = ctx.latestReport !== null && years.ofNode(ctx.latestReport) === years.latest;
    const findings = [];
    for (const subject of statusSubjects(ctx, ctx.config.time.initiativeCategories)) {
      if (collectedNow && subject.kind === 'Initiative') continue;
      const history = statusHistory(ctx, years, subject);
      const last = history.at(-1);
      if (last && last.year >= since) continue;
      const name = quoted(subject);
      const window =
        since === years.latest ? t(`i ${years.latest}`, `in ${years.latest}`) : t(`i årene ${since}–${years.latest}`, `in the years ${since}–${years.latest}`);
      const evidence = new EvidenceBuilder(ctx).node(subject, { facts: ['status'] });
      if (last) addStatusEvidence(evidence, ctx, subject, last, ['progress', 'statusLabel']);
      const lastPhrase = last ? statusPhrase(ctx, last) : null;
      findings.push(
        finding(
          info,
          subject,
          lastPhrase
            ? t(
                `Ingen kilde gir status for ${name.nb} ${window.nb}. Siste kjente status: ${lastPhrase.nb}.`,
                `No source gives a status for ${name.en} ${window.en}. Last known status: ${lastPhrase.en}.`,
              )
            : t(`Ingen kilde har gitt status for ${name.nb} i noe år.`, `No source has given a status for ${name.en} in any year.`),
          evidence,
          NOTHING,
          { years: last ? [last.year, years.latest] : [years.latest] },
        ),
      );
    }
    return findings;
  },
};
