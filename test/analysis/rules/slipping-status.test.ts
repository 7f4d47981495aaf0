import { describe, expect, it } from 'vitest';
import { dataset, subjects } from '../builders.js';

const RULE = 'slipping-status';

describe(RULE, () => {
  it('reports På plan → Mindre forsinkelser with both years and sources', () => {
    const findings = dataset()
      .report('r2021', 2021)
      .report('r2022', 2022)
      .focusArea('fa-data')
      .assessment('fa-data', 'r2021', 'on_track', 'På plan')
      .assessment('fa-data', 'r2022', 'minor_delays', 'Mindre forsinkelser')
      .gaps({ rule: RULE });
    expect(subjects(findings, RULE)).toEqual(['fa-data']);
    expect(findings[0]!.message.nb).toBe(
      'Status for «fa-data» har gått tilbake fra «På plan» i 2021 (Rapport 2021) til «Mindre forsinkelser» i 2022 (Rapport 2022).',
    );
    expect(findings[0]!.years).toEqual([2021, 2022]);
  });

  it('counts the years in a row it has slipped', () => {
    const findings = dataset()
      .report('r2021', 2021)
      .report('r2022', 2022)
      .initiative('i', { status: 'completed' })
      .assessment('i', 'r2021', 'minor_delays', 'Mindre forsinkelser')
      .assessment('i', 'r2022', 'major_delays', 'Store forsinkelser')
      .gaps({ rule: RULE });
    expect(findings[0]!.message.en).toBe(
      'The status of "i" slipped from "Mindre forsinkelser" in 2021 (Rapport 2021) to "Store forsinkelser" in 2022 (Rapport 2022). It has slipped 2 reported years in a row.',
    );
    expect(findings[0]!.years).toEqual([2020, 2021, 2022]);
  });

  it('finds nothing for a status that held or improved, that moved to unknown, or went from «started» to a pace', () => {
    const b = dataset()
      .report('r2021', 2021)
      .report('r2022', 2022)
      .focusArea('held')
      .focusArea('better')
      .focusArea('blank')
      .focusArea('started')
      .assessment('started', 'r2021', 'minor_delays', 'Mindre forsinkelser')
      .assessment('held', 'r2021', 'on_track', 'På plan')
      .assessment('held', 'r2022', 'in_progress', 'Pågår')
      .assessment('better', 'r2021', 'minor_delays', 'Mindre forsinkelser')
      .assessment('better', 'r2022', 'completed', 'Ferdigstilt')
      .assessment('blank', 'r2022', 'unknown', null);
    expect(b.gaps({ rule: RULE })).toEqual([]);
  });
});
