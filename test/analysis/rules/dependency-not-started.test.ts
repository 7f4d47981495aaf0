import { describe, expect, it } from 'vitest';
import { dataset, subjects } from '../builders.js';

const RULE = 'dependency-not-started';

describe(RULE, () => {
  it('reports an initiative depending on an initiative that has not started', () => {
    const findings = dataset()
      .initiative('i-a')
      .initiative('i-b', { status: 'not_started' })
      .initiative('i-c', { status: 'planned' })
      .link('DEPENDS_ON', 'i-a', 'i-b')
      .link('DEPENDS_ON', 'i-a', 'i-c')
      .gaps({ rule: RULE });
    expect(subjects(findings, RULE)).toEqual(['i-a']);
    expect(findings[0]).toMatchObject({ severity: 'high' });
    expect(findings[0]!.message.nb).toBe('Initiativet «i-a» avhenger av «i-b» og «i-c», som ikke er startet.');
  });

  it('reports a dependency on an initiative in a focus area that has not started', () => {
    const findings = dataset()
      .focusArea('fa-kompetanse', 'not_started')
      .initiative('i-a')
      .initiative('i-b')
      .link('PART_OF', 'i-b', 'fa-kompetanse')
      .link('DEPENDS_ON', 'i-a', 'i-b')
      .gaps({ rule: RULE });
    expect(subjects(findings, RULE)).toEqual(['i-a']);
    expect(findings[0]!.message.en).toContain('"i-b" in the focus area "fa-kompetanse", which has not started');
  });

  it('accepts dependencies on work under way', () => {
    const findings = dataset()
      .focusArea('fa')
      .initiative('i-a')
      .initiative('i-b', { status: 'completed' })
      .link('PART_OF', 'i-b', 'fa')
      .link('DEPENDS_ON', 'i-a', 'i-b')
      .gaps({ rule: RULE });
    expect(findings).toEqual([]);
  });

  it('takes the statuses that count as not started from configuration', () => {
    const findings = dataset()
      .initiative('i-a')
      .initiative('i-b', { status: 'planned' })
      .link('DEPENDS_ON', 'i-a', 'i-b')
      .gaps({ rule: RULE, config: { dependency: { notStartedStatuses: ['not_started'] } } });
    expect(findings).toEqual([]);
  });
});
