import { describe, expect, it } from 'vitest';
import { dataset, subjects } from '../builders.js';

const RULE = 'stale-status';

/** A 2020 report (the builder's own) and two later ones; two focus areas, one of which the 2022 report covers. */
function threeYears() {
  return dataset()
    .report('r2021', 2021)
    .report('r2022', 2022)
    .focusArea('fa-data')
    .focusArea('fa-kompetanse', 'not_started')
    .assessment('fa-data', 'r2021', 'on_track', 'På plan')
    .assessment('fa-data', 'r2022', 'minor_delays', 'Mindre forsinkelser')
    .assessment('fa-kompetanse', 'r2021', 'not_started', 'Ikke startet');
}

describe(RULE, () => {
  it('reports a subject with no status in the latest year, naming its last known status, its year and its source', () => {
    const findings = threeYears().gaps({ rule: RULE });
    expect(subjects(findings, RULE)).toEqual(['fa-kompetanse']);
    expect(findings[0]!.message.nb).toBe('Ingen kilde gir status for «fa-kompetanse» i 2022. Siste kjente status: «Ikke startet» i 2021 (Rapport 2021).');
    expect(findings[0]!.years).toEqual([2021, 2022]);
    expect(findings[0]!.evidence.nodes.map((n) => n.id)).toEqual(['fa-kompetanse', 'status-fa-kompetanse-r2021', 'r2021']);
  });

  it('counts the configured number of latest years, and a subject never reported at all', () => {
    const b = threeYears().lifeEvent('le-ny-i-norge');
    expect(subjects(b.gaps({ rule: RULE, config: { time: { staleYears: 2 } } }), RULE)).toEqual(['le-ny-i-norge']);
    const never = b.gaps({ rule: RULE }).find((f) => f.subject.id === 'le-ny-i-norge')!;
    expect(never.message.en).toBe('No source has given a status for "le-ny-i-norge" in any year.');
  });

  it('finds nothing when the data covers one year only, or every subject is reported in the latest year', () => {
    const oneYear = dataset().focusArea('fa-data').lifeEvent('le');
    expect(oneYear.gaps({ rule: RULE })).toEqual([]);
    const covered = threeYears().assessment('fa-kompetanse', 'r2022', 'not_started', 'Ikke startet');
    expect(covered.gaps({ rule: RULE })).toEqual([]);
  });
});
