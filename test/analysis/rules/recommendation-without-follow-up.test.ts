import { describe, expect, it } from 'vitest';
import { dataset, subjects } from '../builders.js';

const RULE = 'recommendation-without-follow-up';

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

  it('accepts a proposal taken into the plan', () => {
    const findings = dataset().node('Recommendation', 'anbefaling').initiative('ny').link('PROPOSES', 'anbefaling', 'ny').gaps({ rule: RULE });
    expect(findings).toEqual([]);
  });

  it('leaves targets that later reports show unmoved to the recommendation-not-acted-on rule', () => {
    const findings = dataset()
      .report('rapport-2021', 2021)
      .focusArea('fa-data', 'not_started')
      .node('Recommendation', 'anbefaling')
      .link('RECOMMENDS', 'rapport', 'anbefaling')
      .link('TARGETS', 'anbefaling', 'fa-data')
      .assessment('fa-data', 'rapport-2021', 'not_started', 'Ikke startet')
      .gaps();
    expect(subjects(findings, RULE)).toEqual([]);
    expect(subjects(findings, 'recommendation-not-acted-on')).toEqual(['anbefaling']);
  });
});
