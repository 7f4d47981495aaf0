import { describe, expect, it } from 'vitest';
import { dataset, subjects } from '../builders.js';

const RULE = 'recommendation-without-follow-up';

function withRecommendation() {
  return dataset()
    .actionPlan()
    .focusArea('fa-data')
    .link('PART_OF', 'fa-data', 'plan')
    .initiative('i-data')
    .link('PART_OF', 'i-data', 'fa-data')
    .node('Recommendation', 'anbefaling', { number: 1 })
    .link('RECOMMENDS', 'rapport', 'anbefaling')
    .link('TARGETS', 'anbefaling', 'fa-data')
    .statusReport('status-2020', { status: 'in_progress' })
    .link('HAS_STATUS', 'i-data', 'status-2020')
    .link('PUBLISHED_IN', 'status-2020', 'rapport');
}

describe(RULE, () => {
  it('reports a proposed initiative that has not entered the plan', () => {
    const findings = dataset()
      .node('Recommendation', 'anbefaling-datafabrikken')
      .link('RECOMMENDS', 'rapport', 'anbefaling-datafabrikken')
      .initiative('datafabrikken', { category: 'proposed', status: 'planned' })
      .link('PROPOSES', 'anbefaling-datafabrikken', 'datafabrikken')
      .gaps({ rule: RULE });
    expect(subjects(findings, RULE)).toEqual(['anbefaling-datafabrikken']);
    expect(findings[0]!.message.nb).toContain('det foreslåtte initiativet «datafabrikken» er ikke tatt inn i handlingsplanen');
    expect(findings[0]!.evidence.nodes[1]).toMatchObject({ id: 'datafabrikken', facts: { category: 'proposed' } });
  });

  it('accepts a recommendation an agency says it follows up, whatever became of its proposal', () => {
    const findings = dataset()
      .agency('skate-au')
      .node('Recommendation', 'anbefaling-datafabrikken')
      .link('RECOMMENDS', 'rapport', 'anbefaling-datafabrikken')
      .initiative('datafabrikken', { category: 'proposed', status: 'planned' })
      .link('PROPOSES', 'anbefaling-datafabrikken', 'datafabrikken')
      .link('FOLLOWS_UP', 'skate-au', 'anbefaling-datafabrikken')
      .gaps({ rule: RULE });
    expect(findings).toEqual([]);
  });

  it('lowers a finding whose only proposal is inferred, and says so', () => {
    const findings = dataset()
      .node('Recommendation', 'anbefaling')
      .initiative('forslag', { category: 'proposed', status: 'planned' })
      .link('PROPOSES', 'anbefaling', 'forslag', { basis: 'inferred' })
      .gaps({ rule: RULE });
    expect(findings[0]).toMatchObject({ severity: 'low', basis: 'inferred' });
    expect(findings[0]!.message.nb).toContain('(utledet: «anbefaling» foreslår «forslag»); derfor lav og ikke middels alvorlighet.');
  });

  it('accepts a proposal taken into the plan', () => {
    const findings = dataset().node('Recommendation', 'anbefaling').initiative('ny').link('PROPOSES', 'anbefaling', 'ny').gaps({ rule: RULE });
    expect(findings).toEqual([]);
  });

  it('reports targets that show no change in a later report', () => {
    const findings = withRecommendation()
      .report('rapport-2021', 2021)
      .statusReport('status-2021', { status: 'in_progress' })
      .link('HAS_STATUS', 'i-data', 'status-2021')
      .link('PUBLISHED_IN', 'status-2021', 'rapport-2021')
      .gaps({ rule: RULE });
    expect(subjects(findings, RULE)).toEqual(['anbefaling']);
    expect(findings[0]!.message.nb).toContain('målene («fa-data») viser ingen endring i «Rapport 2021»');
  });

  it('accepts a target whose initiative changed status in a later report', () => {
    const findings = withRecommendation()
      .report('rapport-2021', 2021)
      .statusReport('status-2021', { status: 'completed' })
      .link('HAS_STATUS', 'i-data', 'status-2021')
      .link('PUBLISHED_IN', 'status-2021', 'rapport-2021')
      .gaps({ rule: RULE });
    expect(findings).toEqual([]);
  });

  it('follows an agency target to the initiatives it answers for as responsible ministry', () => {
    const later = (status: 'in_progress' | 'completed') =>
      dataset()
        .agency('kmd')
        .node('Recommendation', 'anbefaling')
        .link('RECOMMENDS', 'rapport', 'anbefaling')
        .link('TARGETS', 'anbefaling', 'kmd')
        .initiative('i-kmd')
        .link('RESPONSIBLE_FOR', 'kmd', 'i-kmd')
        .statusReport('status-2020', { status: 'in_progress' })
        .link('HAS_STATUS', 'i-kmd', 'status-2020')
        .link('PUBLISHED_IN', 'status-2020', 'rapport')
        .report('rapport-2021', 2021)
        .statusReport('status-2021', { status })
        .link('HAS_STATUS', 'i-kmd', 'status-2021')
        .link('PUBLISHED_IN', 'status-2021', 'rapport-2021')
        .gaps({ rule: RULE });
    expect(subjects(later('in_progress'), RULE)).toEqual(['anbefaling']);
    expect(later('completed')).toEqual([]);
  });

  it('does not judge targets before there is a later report', () => {
    expect(withRecommendation().gaps({ rule: RULE })).toEqual([]);
  });
});
