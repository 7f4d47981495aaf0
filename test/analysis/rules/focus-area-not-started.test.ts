import { describe, expect, it } from 'vitest';
import { dataset, subjects } from '../builders.js';

const RULE = 'focus-area-not-started';

describe(RULE, () => {
  it('reports a focus area with status not_started, with its status and initiatives as evidence', () => {
    const findings = dataset()
      .focusArea('fa-kompetanse', 'not_started', { statusNote: 'Ikke kommet i gang', quote: 'har ikke kommet i gang', page: 4 })
      .initiative('strategi', { status: 'planned' })
      .link('PART_OF', 'strategi', 'fa-kompetanse')
      .gaps({ rule: RULE });
    expect(findings).toHaveLength(1);
    const [f] = findings;
    expect(f).toMatchObject({ rule: RULE, severity: 'high', subject: { id: 'fa-kompetanse', kind: 'FocusArea' } });
    expect(f!.message.nb).toContain('«fa-kompetanse» er ikke startet');
    expect(f!.evidence.nodes[0]).toMatchObject({ id: 'fa-kompetanse', quote: 'har ikke kommet i gang', page: 4, facts: { status: 'not_started' } });
    expect(f!.evidence.edges.map((e) => e.id)).toEqual(['strategi:PART_OF:fa-kompetanse']);
  });

  it('leaves focus areas in progress or completed alone', () => {
    const findings = dataset().focusArea('fa-a', 'in_progress').focusArea('fa-b', 'completed').gaps();
    expect(subjects(findings, RULE)).toEqual([]);
  });
});
