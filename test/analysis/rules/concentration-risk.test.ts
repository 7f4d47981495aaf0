import { describe, expect, it } from 'vitest';
import { dataset, subjects } from '../builders.js';

const RULE = 'concentration-risk';

/** Two groups of initiatives joined only through Digdir, which leads one in each group. */
function twoClusters() {
  const b = dataset().focusArea('fa').agency('digdir', { shortName: 'Digdir' }).agency('ks').agency('nav');
  for (const i of ['a1', 'a2', 'a3']) b.planInitiative(i, 'fa', 'ks');
  for (const i of ['b1', 'b2', 'b3']) b.planInitiative(i, 'fa', 'nav');
  return b.link('PARTICIPATES_IN', 'digdir', 'a1').link('PARTICIPATES_IN', 'digdir', 'b1');
}

describe(RULE, () => {
  it('reports an agency leading or taking part in more than the configured share of initiatives', () => {
    const b = dataset().focusArea('fa').agency('digdir', { shortName: 'Digdir' }).agency('ks');
    for (const i of ['i1', 'i2', 'i3']) b.planInitiative(i, 'fa', 'digdir');
    for (const i of ['i4', 'i5', 'i6', 'i7']) b.planInitiative(i, 'fa', 'ks');
    const findings = b.gaps({ rule: RULE, config: { concentration: { share: 0.5, bridgeMinCutOff: 99 } } });
    expect(subjects(findings, RULE)).toEqual(['ks']);
    expect(findings[0]!.message.nb).toBe('Virksomheten «ks» leder eller deltar i 4 av 7 initiativer (57 %, terskel 50 %).');
    expect(findings[0]!.evidence.nodes[0]!.facts).toMatchObject({ initiatives: 4, ofInitiatives: 7, share: 0.571 });
    expect(findings[0]!.evidence.edges).toHaveLength(4);
  });

  it('reports the bridge whose removal splits the plan, with its centrality', () => {
    const findings = twoClusters().gaps({ rule: RULE, config: { concentration: { share: 0.9 } } });
    expect(subjects(findings, RULE)).toEqual(['digdir']);
    const f = findings[0]!;
    expect(f.message.nb).toBe('Virksomheten Digdir er et knutepunkt: uten den faller planen i 2 deler (med 3 og 3 initiativer).');
    expect(f.evidence.nodes[0]!.facts).toMatchObject({ parts: 2 });
    expect(f.evidence.nodes[0]!.facts!['betweenness']).toBeGreaterThan(0.5);
  });

  it('finds no bridge where the plan holds together without any single node', () => {
    const findings = twoClusters()
      .link('PARTICIPATES_IN', 'ks', 'b2')
      .gaps({ rule: RULE, config: { concentration: { share: 0.9 } } });
    expect(findings).toEqual([]);
  });

  it('ignores a bridge that cuts off fewer initiatives than configured', () => {
    const b = dataset().focusArea('fa').agency('ks').agency('nav').agency('dfo');
    for (const i of ['a1', 'a2', 'a3', 'a4']) b.planInitiative(i, 'fa', 'ks').link('PARTICIPATES_IN', 'nav', i);
    b.planInitiative('alene', 'fa', 'dfo').link('PARTICIPATES_IN', 'dfo', 'a1');
    expect(subjects(b.gaps({ rule: RULE, config: { concentration: { share: 0.9 } } }), RULE)).toEqual([]);
    expect(subjects(b.gaps({ rule: RULE, config: { concentration: { share: 0.9, bridgeMinCutOff: 1 } } }), RULE)).toEqual(['a1', 'dfo']);
  });
});
