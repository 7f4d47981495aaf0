import { describe, expect, it } from 'vitest';
import { dataset, subjects } from '../builders.js';

const RULE = 'missing-status';

describe(RULE, () => {
  it('reports an action-plan initiative without a status report in the latest report', () => {
    const findings = dataset()
      .report('rapport-2021', 2021)
      .initiative('i-a')
      .statusReport('status-i-a-2020')
      .link('HAS_STATUS', 'i-a', 'status-i-a-2020')
      .link('PUBLISHED_IN', 'status-i-a-2020', 'rapport')
      .gaps({ rule: RULE });
    expect(subjects(findings, RULE)).toEqual(['i-a']);
    expect(findings[0]!.message.nb).toContain('har ingen statusrapport i «Rapport 2021»');
    expect(findings[0]!.evidence.edges[0]).toMatchObject({ type: 'HAS_STATUS', note: { nb: 'Eldre statusrapport' } });
  });

  it('reports a status report with unanswered questions and names them', () => {
    const findings = dataset()
      .initiative('kostnadsdeling')
      .statusReport('status-kostnadsdeling', {
        respondent: null,
        successFactors: '…',
        challenges: null,
        learnings: null,
        nextTasks: null,
        complete: false,
        missing: ['respondent', 'successFactors', 'challenges', 'learnings', 'nextTasks'],
      })
      .link('HAS_STATUS', 'kostnadsdeling', 'status-kostnadsdeling')
      .link('PUBLISHED_IN', 'status-kostnadsdeling', 'rapport')
      .gaps({ rule: RULE });
    expect(subjects(findings, RULE)).toEqual(['kostnadsdeling']);
    expect(findings[0]!.message.nb).toBe(
      'Statusrapporten for «kostnadsdeling» i «Rapport 2020» er ufullstendig: mangler respondent, suksessfaktorer, utfordringer, læringspunkter og neste års oppgaver.',
    );
    expect(findings[0]!.evidence.nodes.map((n) => n.id)).toEqual(['kostnadsdeling', 'status-kostnadsdeling']);
    expect(findings[0]!.evidence.nodes[1]!.facts).toMatchObject({ complete: false });
  });

  it("lowers an incomplete status report that is the initiative's only by the analyst's reading, and says so", () => {
    const findings = dataset()
      .initiative('i-a')
      .statusReport('status-i-a', { complete: false })
      .link('HAS_STATUS', 'i-a', 'status-i-a', { basis: 'inferred', note: 'Rapporten sier ikke hvilket initiativ svaret gjelder.' })
      .link('PUBLISHED_IN', 'status-i-a', 'rapport')
      .gaps({ rule: RULE });
    expect(findings[0]).toMatchObject({ severity: 'low', basis: 'inferred' });
    expect(findings[0]!.message.nb).toContain('(utledet: «i-a» har status «status-i-a»); derfor lav og ikke middels alvorlighet.');
    expect(findings[0]!.evidence.nodes.find((n) => n.id === 'status-i-a')!.decisive).toEqual(['complete']);
  });

  it('accepts a complete status report in the latest report, and ignores initiatives outside the plan', () => {
    const findings = dataset()
      .initiative('i-a')
      .initiative('i-stotte', { category: 'supporting' })
      .statusReport('status-i-a')
      .link('HAS_STATUS', 'i-a', 'status-i-a')
      .link('PUBLISHED_IN', 'status-i-a', 'rapport')
      .gaps({ rule: RULE });
    expect(findings).toEqual([]);
  });
});
