import { describe, expect, it } from 'vitest';
import { dataset, subjects } from '../builders.js';

const RULE = 'unanswered-driver';

describe(RULE, () => {
  it('reports a driver that influences nothing in the plan, with its trends as evidence', () => {
    const findings = dataset()
      .node('Driver', 'drv-plattform', { number: 3 })
      .node('Trend', 'trend-deling')
      .link('PART_OF', 'trend-deling', 'drv-plattform')
      .gaps({ rule: RULE });
    expect(subjects(findings, RULE)).toEqual(['drv-plattform']);
    expect(findings[0]).toMatchObject({ severity: 'low' });
    expect(findings[0]!.evidence.edges.map((e) => e.id)).toEqual(['trend-deling:PART_OF:drv-plattform']);
  });

  it('accepts a driver that influences a focus area or an initiative', () => {
    const findings = dataset()
      .node('Driver', 'drv-a')
      .node('Driver', 'drv-b')
      .focusArea('fa')
      .initiative('i')
      .link('INFLUENCES', 'drv-a', 'fa')
      .link('INFLUENCES', 'drv-b', 'i')
      .gaps({ rule: RULE });
    expect(findings).toEqual([]);
  });
});
