import { describe, expect, it } from 'vitest';
import { dataset, subjects } from '../builders.js';

const RULE = 'initiative-without-lead';

describe(RULE, () => {
  it('reports plan initiatives and supporting measures no agency leads, participants as evidence', () => {
    const findings = dataset()
      .agency('dfo')
      .initiative('i-uten-leder')
      .initiative('i-stotte', { category: 'supporting' })
      .initiative('i-foreslatt', { category: 'proposed', status: 'planned' })
      .link('PARTICIPATES_IN', 'dfo', 'i-uten-leder')
      .gaps({ rule: RULE });
    expect(subjects(findings, RULE)).toEqual(['i-stotte', 'i-uten-leder']);
    const f = findings.find((x) => x.subject.id === 'i-uten-leder')!;
    expect(f.severity).toBe('high');
    expect(f.evidence.edges[0]).toMatchObject({ type: 'PARTICIPATES_IN', from: 'dfo' });
  });

  it('accepts an initiative with a lead', () => {
    const findings = dataset().agency('digdir').initiative('i-a').link('LEADS', 'digdir', 'i-a').gaps({ rule: RULE });
    expect(findings).toEqual([]);
  });
});
