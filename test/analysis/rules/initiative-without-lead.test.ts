import { describe, expect, it } from 'vitest';
import { dataset, subjects } from '../builders.js';

const RULE = 'initiative-without-lead';

describe(RULE, () => {
  it('reports plan initiatives and supporting measures with neither a lead nor a responsible ministry, participants as evidence', () => {
    const findings = dataset()
      .agency('dfo')
      .initiative('i-uten-leder')
      .initiative('i-stotte', { category: 'supporting' })
      .initiative('i-foreslatt', { category: 'proposed', status: 'planned' })
      .link('PARTICIPATES_IN', 'dfo', 'i-uten-leder')
      .gaps({ rule: RULE });
    expect(subjects(findings, RULE)).toEqual(['i-stotte', 'i-uten-leder']);
    const f = findings.find((x) => x.subject.id === 'i-uten-leder')!;
    expect(f).toMatchObject({ severity: 'high', basis: 'stated' });
    expect(f.message.nb).toBe('Initiativet «i-uten-leder» har verken utførende virksomhet (leder) eller ansvarlig departement.');
    expect(f.message.en).toBe('The initiative "i-uten-leder" has neither an executing agency (lead) nor a responsible ministry.');
    expect(f.evidence.edges[0]).toMatchObject({ type: 'PARTICIPATES_IN', from: 'dfo' });
    // A participant is context: the finding rests on the missing lead and the initiative's category.
    expect(f.evidence.edges[0]!.decisive).toBeUndefined();
    expect(f.evidence.nodes[0]).toMatchObject({ id: 'i-uten-leder', decisive: ['category'] });
  });

  it('says when a ministry answers for the initiative but no agency executes it, one step less serious', () => {
    const findings = dataset().agency('kmd', { shortName: 'KMD' }).initiative('i-mandat').link('RESPONSIBLE_FOR', 'kmd', 'i-mandat').gaps({ rule: RULE });
    expect(findings).toHaveLength(1);
    const [f] = findings;
    expect(f).toMatchObject({ severity: 'medium', basis: 'stated' });
    expect(f!.message.nb).toBe('Initiativet «i-mandat» har ansvarlig departement («KMD»), men ingen utførende virksomhet som leder det.');
    expect(f!.message.en).toBe('The initiative "i-mandat" has a responsible ministry ("KMD") but no executing agency to lead it.');
    expect(f!.evidence.edges[0]).toMatchObject({ type: 'RESPONSIBLE_FOR', note: { en: 'Responsible ministry, but does not execute' } });
  });

  it('accepts an initiative with a lead, with or without a responsible ministry', () => {
    const findings = dataset()
      .agency('digdir')
      .agency('kmd')
      .initiative('i-a')
      .initiative('i-b')
      .link('LEADS', 'digdir', 'i-a')
      .link('LEADS', 'digdir', 'i-b')
      .link('RESPONSIBLE_FOR', 'kmd', 'i-b')
      .gaps({ rule: RULE });
    expect(findings).toEqual([]);
  });

  it("lowers the finding when the initiative's category is the analyst's reading, and says so", () => {
    const findings = dataset()
      .initiative('i-a', { inferred: { category: 'Rapporten kaller det ikke et tiltak i handlingsplanen.' } })
      .gaps({ rule: RULE });
    expect(findings[0]).toMatchObject({ severity: 'medium', basis: 'inferred' });
    expect(findings[0]!.message.nb).toContain('(utledet: kategori for «i-a»); derfor middels og ikke høy alvorlighet.');
  });
});
