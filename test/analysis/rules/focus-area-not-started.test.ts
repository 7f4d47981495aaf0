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
    expect(f).toMatchObject({ rule: RULE, severity: 'high', basis: 'stated', subject: { id: 'fa-kompetanse', kind: 'FocusArea' } });
    expect(f!.message.nb).toContain('«fa-kompetanse» er ikke startet');
    expect(f!.evidence.nodes[0]).toMatchObject({ id: 'fa-kompetanse', quote: 'har ikke kommet i gang', page: 4, facts: { status: 'not_started' } });
    expect(f!.evidence.edges.map((e) => e.id)).toEqual(['strategi:PART_OF:fa-kompetanse']);
  });

  it("lowers a status that is the analyst's reading to medium, and says so in both languages", () => {
    const [f] = dataset()
      .focusArea('fa-a', 'not_started', { inferred: { status: 'Rapporten nevner ikke arbeid i området.' } })
      .gaps({ rule: RULE });
    expect(f).toMatchObject({ severity: 'medium', basis: 'inferred' });
    expect(f!.message.nb).toBe(
      'Innsatsområdet «fa-a» er ikke startet. Funnet bygger på analytikerens slutninger og står ikke på kildene alene (utledet: status for «fa-a»); derfor middels og ikke høy alvorlighet.',
    );
    expect(f!.message.en).toBe(
      'The focus area "fa-a" has not started. The finding rests on the analyst\'s inferences and does not stand on the sources alone (inferred: the status of "fa-a"); hence medium rather than high severity.',
    );
    expect(f!.evidence.nodes[0]).toMatchObject({ decisive: ['status'], inferred: { status: 'Rapporten nevner ikke arbeid i området.' } });
  });

  it('leaves focus areas in progress or completed alone', () => {
    const findings = dataset().focusArea('fa-a', 'in_progress').focusArea('fa-b', 'completed').gaps();
    expect(subjects(findings, RULE)).toEqual([]);
  });
});
