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

  it('counts the initiatives a ministry is responsible for, and says it does', () => {
    const b = dataset().focusArea('fa').agency('kmd', { shortName: 'KMD' }).agency('ks');
    for (const i of ['i1', 'i2', 'i3']) b.planInitiative(i, 'fa', 'ks').link('RESPONSIBLE_FOR', 'kmd', i);
    b.planInitiative('i4', 'fa', 'ks');
    const findings = b.gaps({ rule: RULE, config: { concentration: { share: 0.5, bridgeMinCutOff: 99 } } });
    expect(subjects(findings, RULE)).toEqual(['kmd', 'ks']);
    expect(findings.find((f) => f.subject.id === 'kmd')!.message.nb).toBe(
      'Virksomheten KMD leder, er ansvarlig departement for eller deltar i 3 av 4 initiativer (75 %, terskel 50 %).',
    );
  });

  it('stands on the stated links when they alone pass the threshold, and is lowered when they do not', () => {
    // ks in 4 of 7 initiatives with a threshold of 50 %: four links are needed, so one inferred link is one too many.
    const build = (inferred: string[]) => {
      const b = dataset().focusArea('fa').agency('ks').agency('nav');
      for (const i of ['i1', 'i2', 'i3', 'i4'])
        b.initiative(i)
          .link('PART_OF', i, 'fa')
          .link('LEADS', 'ks', i, inferred.includes(i) ? { basis: 'inferred' } : {});
      for (const i of ['i5', 'i6', 'i7']) b.planInitiative(i, 'fa', 'nav');
      // A fifth link, inferred, to an initiative ks also leads: the four stated ones still carry the finding.
      return b.link('PARTICIPATES_IN', 'ks', 'i4', { basis: 'inferred' }).gaps({ rule: RULE, config: { concentration: { share: 0.5, bridgeMinCutOff: 99 } } });
    };
    const [mixed] = build([]);
    expect(mixed).toMatchObject({ severity: 'medium', basis: 'mixed' });
    expect(mixed!.message.nb).toContain('(utledet: «ks» deltar i «i4»)');
    const [inferred] = build(['i1']);
    expect(inferred).toMatchObject({ severity: 'low', basis: 'inferred' });
    expect(inferred!.message.nb).toContain('(utledet: «ks» leder (utfører) «i1»; «ks» deltar i «i4»)');
  });

  it('reports the bridge whose removal splits the plan, with its centrality', () => {
    const findings = twoClusters().gaps({ rule: RULE, config: { concentration: { share: 0.9 } } });
    expect(subjects(findings, RULE)).toEqual(['digdir']);
    const f = findings[0]!;
    expect(f.message.nb).toBe('Virksomheten Digdir er et knutepunkt: uten den faller planen i 2 deler (med 3 og 3 initiativer).');
    expect(f.evidence.nodes[0]!.facts).toMatchObject({ parts: 2 });
    expect(f.evidence.nodes[0]!.facts!['betweenness']).toBeGreaterThan(0.5);
  });

  it('rests a bridge on a link into each part it holds together', () => {
    // Digdir reaches the a-cluster by two links, one of them inferred, and the b-cluster by one stated link.
    const mixed = twoClusters()
      .link('LEADS', 'digdir', 'a2', { basis: 'inferred' })
      .gaps({ rule: RULE, config: { concentration: { share: 0.9 } } });
    expect(mixed[0]).toMatchObject({ subject: { id: 'digdir' }, severity: 'medium', basis: 'mixed' });
    // Its only link into the b-cluster inferred: without it Digdir would hold nothing apart.
    const b = dataset().focusArea('fa').agency('digdir', { shortName: 'Digdir' }).agency('ks').agency('nav');
    for (const i of ['a1', 'a2', 'a3']) b.planInitiative(i, 'fa', 'ks');
    for (const i of ['b1', 'b2', 'b3']) b.planInitiative(i, 'fa', 'nav');
    const inferred = b
      .link('PARTICIPATES_IN', 'digdir', 'a1')
      .link('PARTICIPATES_IN', 'digdir', 'b1', { basis: 'inferred' })
      .gaps({ rule: RULE, config: { concentration: { share: 0.9 } } });
    expect(inferred[0]).toMatchObject({ subject: { id: 'digdir' }, severity: 'low', basis: 'inferred' });
    expect(inferred[0]!.message.en).toContain('(inferred: "Digdir" participates in "b1"); hence low rather than medium severity.');
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
