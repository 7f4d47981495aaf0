import { describe, expect, it } from 'vitest';
import { dataset, subjects } from '../builders.js';

const RULE = 'no-stated-sdg-effect';

describe(RULE, () => {
  it('reports focus areas and action-plan initiatives without a stated SDG link, inferred links as suggestions', () => {
    const findings = dataset()
      .goal('sdg-4', 4)
      .focusArea('fa-kompetanse')
      .initiative('i-plan')
      .initiative('i-stotte', { category: 'supporting' })
      .link('CONTRIBUTES_TO', 'fa-kompetanse', 'sdg-4', { basis: 'inferred', note: 'Kompetanse er utdanning', quote: null })
      .gaps({ rule: RULE });
    expect(subjects(findings, RULE)).toEqual(['fa-kompetanse', 'i-plan']);
    const f = findings.find((x) => x.subject.id === 'fa-kompetanse')!;
    expect(f.severity).toBe('medium');
    expect(f.message.nb).toContain('Forslag (utledet): «sdg-4»');
    expect(f.evidence.edges).toEqual([
      expect.objectContaining({
        id: 'fa-kompetanse:CONTRIBUTES_TO:sdg-4',
        suggestion: true,
        properties: expect.objectContaining({ basis: 'inferred', note: 'Kompetanse er utdanning' }),
      }),
    ]);
  });

  it('accepts one stated link', () => {
    const findings = dataset()
      .goal('sdg-9', 9)
      .focusArea('fa-data')
      .initiative('i-data')
      .link('CONTRIBUTES_TO', 'fa-data', 'sdg-9')
      .link('CONTRIBUTES_TO', 'i-data', 'sdg-9')
      .gaps({ rule: RULE });
    expect(subjects(findings, RULE)).toEqual([]);
  });

  it('checks the initiative categories in configuration', () => {
    const findings = dataset()
      .initiative('i-stotte', { category: 'supporting' })
      .gaps({ rule: RULE, config: { sdg: { initiativeCategories: ['supporting'] } } });
    expect(subjects(findings, RULE)).toEqual(['i-stotte']);
  });
});
