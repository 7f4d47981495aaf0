// Time rule: two sources that give different values for the same fact in the same year — an indicator's measurement, or
// a subject's status. Both are kept in the data; this rule makes the disagreement findable.
import type { GapRuleInfo } from '../../../../graph/schema/analysis.js';
import type { GraphNode } from '../../../../graph/schema/graph.js';
import type { AnalysisContext } from '../context.js';
import { allOf, explain, fact, link } from '../basis.js';
import { EvidenceBuilder, finding, str, type RuleFinding } from '../evidence.js';
import { list, quoted, t } from '../text.js';
import { addStatusEvidence, statusHistory, statusSubjects, statusSupport } from '../time/status.js';
import { sourceName } from '../time/wording.js';
import type { GapRule } from './rule.js';

const info: GapRuleInfo = {
  id: 'sources-disagree',
  severity: 'low',
  title: t('Kildene er uenige', 'Sources disagree'),
  explanation: explain(
    t(
      'Samme indikator samme år med ulike verdier fra ulike kilder, eller samme innsatsområde, livshendelse eller initiativ samme år med ulik status fra ulike kilder. Begge verdiene står i grafen med hver sin kilde.',
      'The same indicator in the same year with different values from different sources, or the same focus area, life event or initiative in the same year with a different status from different sources. Both values stay in the graph, each with its source.',
    ),
    t(
      'målingene (verdi og lenke til indikatoren) eller statusene som er uenige.',
      'the measurements (value and link to the indicator) or the statuses that disagree.',
    ),
  ),
  subjectKinds: ['Indicator', 'FocusArea', 'Initiative', 'LifeEvent'],
};

function measurementConflicts(ctx: AnalysisContext): RuleFinding[] {
  const findings: RuleFinding[] = [];
  for (const indicator of ctx.nodesOf('Indicator')) {
    const byYear = new Map<number, GraphNode[]>();
    for (const e of ctx.in(indicator.id, 'MEASURES')) {
      const m = ctx.node(e.from);
      const year = m?.properties['year'];
      if (m && typeof year === 'number') byYear.set(year, [...(byYear.get(year) ?? []), m]);
    }
    for (const [year, measurements] of [...byYear].sort((a, b) => a[0] - b[0])) {
      const values = new Set(measurements.map((m) => m.properties['value']));
      const sources = new Set(measurements.map((m) => str(m, 'source')));
      if (values.size < 2 || sources.size < 2) continue;
      const evidence = new EvidenceBuilder(ctx).node(indicator, { facts: ['unit'] });
      for (const m of measurements) {
        evidence.edge(ctx.out(m.id, 'MEASURES').find((e) => e.to === indicator.id)).node(m, { facts: ['value', 'outOf', 'valueLabel', 'year'] });
        evidence.node(ctx.node(str(m, 'source')!), { facts: ['year', 'url'] });
      }
      const said = (lang: 'nb' | 'en') =>
        list(
          measurements.map((m) => `${str(m, 'valueLabel') ?? String(m.properties['value'])} (${sourceName(ctx, str(m, 'source')!)[lang]})`),
          lang,
        );
      const name = quoted(indicator);
      const grounds = measurements.map((m) => {
        const measures = ctx.out(m.id, 'MEASURES').find((e) => e.to === indicator.id);
        return measures ? allOf(link(measures), fact(m, 'value')) : fact(m, 'value');
      });
      findings.push(
        finding(
          info,
          indicator,
          t(
            `Kildene gir ulike verdier for ${name.nb} i ${year}: ${said('nb')}.`,
            `The sources give different values for ${name.en} in ${year}: ${said('en')}.`,
          ),
          evidence,
          allOf(...grounds),
          // An indicator can disagree in several years: each year is its own finding.
          { years: [year], key: String(year) },
        ),
      );
    }
  }
  return findings;
}

function statusConflicts(ctx: AnalysisContext): RuleFinding[] {
  const years = ctx.years;
  const findings: RuleFinding[] = [];
  for (const subject of statusSubjects(ctx, ctx.config.time.initiativeCategories)) {
    const history = statusHistory(ctx, years, subject);
    const conflictYears = [...new Set(history.map((p) => p.year))].filter((y) => {
      const points = history.filter((p) => p.year === y);
      return new Set(points.map((p) => p.progress)).size > 1 && new Set(points.map((p) => p.source)).size > 1;
    });
    if (conflictYears.length === 0) continue;
    const points = history.filter((p) => conflictYears.includes(p.year));
    const evidence = new EvidenceBuilder(ctx).node(subject);
    for (const p of points) addStatusEvidence(evidence, ctx, subject, p, ['progress', 'statusLabel', 'status']);
    const said = (lang: 'nb' | 'en') =>
      list(
        points.map((p) => `${p.label ?? p.progress} ${p.year} (${sourceName(ctx, p.source)[lang]})`),
        lang,
      );
    const name = quoted(subject);
    findings.push(
      finding(
        info,
        subject,
        t(`Kildene gir ulik status for ${name.nb}: ${said('nb')}.`, `The sources give ${name.en} different statuses: ${said('en')}.`),
        evidence,
        allOf(...points.map((p) => statusSupport(ctx, subject, p))),
        { years: conflictYears },
      ),
    );
  }
  return findings;
}

export const sourcesDisagree: GapRule = {
  info,
  run: (ctx) => [...measurementConflicts(ctx), ...statusConflicts(ctx)],
};
