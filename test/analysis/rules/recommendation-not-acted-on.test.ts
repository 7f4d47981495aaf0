import { describe, expect, it } from 'vitest';
import { dataset, subjects } from '../builders.js';

const RULE = 'recommendation-not-acted-on';

/** A 2021 recommendation to start the competence strategy, which the 2020 report had as not started. */
function recommendation() {
  return dataset()
    .report('r2021', 2021)
    .report('r2022', 2022)
    .initiative('kompetansestrategi', { status: 'not_started' })
    .node('Recommendation', 'start-kompetansestrategi', { source: 'r2021' })
    .link('RECOMMENDS', 'r2021', 'start-kompetansestrategi', { source: 'r2021', page: null })
    .link('TARGETS', 'start-kompetansestrategi', 'kompetansestrategi', { source: 'r2021', page: null });
}

describe(RULE, () => {
  it('reports a recommendation whose target a later source shows unchanged, from that evidence', () => {
    const findings = recommendation()
      .assessment('kompetansestrategi', 'r2022', 'not_started', 'Ikke startet', { executingLabel: 'Uavklart' })
      .gaps({ rule: RULE });
    expect(subjects(findings, RULE)).toEqual(['start-kompetansestrategi']);
    expect(findings[0]!.message.nb).toBe(
      'Anbefalingen «start-kompetansestrategi» (2021) ser ikke ut til å være fulgt opp: «kompetansestrategi» har fortsatt status «Ikke startet» i 2022 (Rapport 2022), utførende «Uavklart».',
    );
    expect(findings[0]!.years).toEqual([2021, 2022]);
    expect(findings[0]!.evidence.nodes.map((n) => n.id)).toContain('status-kompetansestrategi-r2022');
  });

  it('finds nothing when a later source shows a change, or when no later source mentions the target at all', () => {
    expect(recommendation().assessment('kompetansestrategi', 'r2022', 'in_progress', 'Startet').gaps({ rule: RULE })).toEqual([]);
    expect(recommendation().gaps({ rule: RULE })).toEqual([]);
  });

  it('judges a focus-area target by its initiatives too: a 2020 status report unchanged in the 2021 collection, or changed', () => {
    const withInitiative = (status2021: 'in_progress' | 'completed') =>
      dataset()
        .report('rapport-2021', 2021)
        .focusArea('fa-data')
        .initiative('i-data')
        .link('PART_OF', 'i-data', 'fa-data')
        .node('Recommendation', 'anbefaling')
        .link('RECOMMENDS', 'rapport', 'anbefaling')
        .link('TARGETS', 'anbefaling', 'fa-data')
        .statusReport('status-2020', { status: 'in_progress' })
        .link('HAS_STATUS', 'i-data', 'status-2020')
        .link('PUBLISHED_IN', 'status-2020', 'rapport')
        .statusReport('status-2021', { status: status2021, source: 'rapport-2021' })
        .link('HAS_STATUS', 'i-data', 'status-2021', { source: 'rapport-2021' })
        .link('PUBLISHED_IN', 'status-2021', 'rapport-2021', { source: 'rapport-2021' });
    const findings = withInitiative('in_progress').gaps({ rule: RULE });
    expect(subjects(findings, RULE)).toEqual(['anbefaling']);
    expect(findings[0]!.severity).toBe('medium');
    expect(findings[0]!.message.en).toBe(
      'The recommendation "anbefaling" (2020) shows no effect: "i-data" still has the status in progress in 2021 (Rapport 2021).',
    );
    expect(withInitiative('completed').gaps({ rule: RULE })).toEqual([]);
  });

  it('counts a source of the same year as later only when it was surely published after the recommendation', () => {
    const sameYear = (statusPublished: string | undefined) => {
      const b = dataset()
        .node('Report', 'anbefalinger', { name: 'Anbefalinger 2021', year: 2021, publisher: 'Digdir', published: '2021-Q1' })
        .node('Report', 'side', { name: 'Side 2021', year: 2021, publisher: 'Digdir', ...(statusPublished ? { published: statusPublished } : {}) })
        .initiative('kompetansestrategi', { status: 'not_started' })
        .node('Recommendation', 'start', { source: 'anbefalinger' })
        .link('RECOMMENDS', 'anbefalinger', 'start', { source: 'anbefalinger', page: null })
        .link('TARGETS', 'start', 'kompetansestrategi', { source: 'anbefalinger', page: null })
        .assessment('kompetansestrategi', 'side', 'not_started', 'Ikke startet');
      return subjects(b.gaps({ rule: RULE }), RULE);
    };
    expect(sameYear('2021-Q2')).toEqual(['start']);
    expect(sameYear('2021-03')).toEqual([]);
    expect(sameYear(undefined)).toEqual([]);
  });
});
