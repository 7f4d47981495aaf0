import { describe, expect, it } from 'vitest';
import { dataset, subjects } from '../builders.js';

const RULE = 'sources-disagree';

/** The eGovernment Benchmark rank for 2021 as two sources give it. */
function benchmark(secondValue: number) {
  return dataset()
    .report('digdir-2021', 2021)
    .report('statogstyring', 2022)
    .node('Indicator', 'egov-rank', { unit: 'rank', direction: 'lower_is_better' })
    .node('Measurement', 'egov-2021-digdir', { source: 'digdir-2021', value: 11, outOf: 36, year: 2021, valueLabel: '11 (of 36)' })
    .node('Measurement', 'egov-2021-sos', { source: 'statogstyring', value: secondValue, year: 2021 })
    .link('MEASURES', 'egov-2021-digdir', 'egov-rank', { source: 'digdir-2021', page: null })
    .link('MEASURES', 'egov-2021-sos', 'egov-rank', { source: 'statogstyring', page: null });
}

describe(RULE, () => {
  it('reports one indicator in one year with different values from different sources, naming both', () => {
    const findings = benchmark(9).gaps({ rule: RULE });
    expect(subjects(findings, RULE)).toEqual(['egov-rank']);
    expect(findings[0]!.message.en).toBe('The sources give different values for "egov-rank" in 2021: 11 (of 36) (Rapport 2021) and 9 (Rapport 2022).');
    expect(findings[0]!.years).toEqual([2021]);
  });

  it('reports two sources giving one subject different statuses in the same year', () => {
    const findings = dataset()
      .report('a', 2022)
      .report('b', 2022)
      .focusArea('fa')
      .assessment('fa', 'a', 'on_track', 'På plan')
      .assessment('fa', 'b', 'minor_delays', 'Mindre forsinkelser')
      .gaps({ rule: RULE });
    expect(subjects(findings, RULE)).toEqual(['fa']);
    expect(findings[0]!.years).toEqual([2022]);
  });

  it('finds nothing when the sources agree', () => {
    expect(benchmark(11).gaps({ rule: RULE })).toEqual([]);
  });
});
