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
    expect(findings[0]).toMatchObject({ severity: 'high', basis: 'stated' });
    expect(findings[0]!.message.nb).toBe('Initiativet «i-a» avhenger av «i-b» og «i-c», som ikke er startet.');
    // The dependencies and the statuses are what the finding rests on.
    expect(findings[0]!.evidence.edges.map((e) => [e.id, e.decisive])).toEqual([
      ['i-a:DEPENDS_ON:i-b', true],
      ['i-a:DEPENDS_ON:i-c', true],
    ]);
    expect(findings[0]!.evidence.nodes.find((n) => n.id === 'i-b')!.decisive).toEqual(['status']);
  });

  it('lowers a finding whose only dependency is inferred to medium, and says so in both languages', () => {
    const builder = dataset()
      .initiative('i-a')
      .initiative('i-b', { status: 'not_started' })
      .link('DEPENDS_ON', 'i-a', 'i-b', { basis: 'inferred', note: 'Analytikerens lesning' });
    const findings = builder.gaps({ rule: RULE });
    expect(findings).toHaveLength(1);
    const [f] = findings;
    expect(f).toMatchObject({ severity: 'medium', basis: 'inferred' });
    expect(f!.message.nb).toBe(
      'Initiativet «i-a» avhenger av «i-b», som ikke er startet. Funnet bygger på analytikerens slutninger og står ikke på kildene alene ' +
        '(utledet: «i-a» avhenger av «i-b»); derfor middels og ikke høy alvorlighet.',
    );
    expect(f!.message.en).toContain('rests on the analyst\'s inferences and does not stand on the sources alone (inferred: "i-a" depends on "i-b")');
    expect(f!.message.en).toContain('hence medium rather than high severity');
    // Filtering by severity finds it where it now is, not where its rule would put it.
    expect(builder.gaps({ severity: 'high' }).filter((x) => x.rule === RULE)).toEqual([]);
    expect(subjects(builder.gaps({ severity: 'medium' }), RULE)).toEqual(['i-a']);
  });

  it('keeps a finding high when a stated dependency carries it, naming the inferred one', () => {
    const findings = dataset()
      .initiative('i-a')
      .initiative('i-b', { status: 'not_started' })
      .initiative('i-c', { status: 'planned' })
      .link('DEPENDS_ON', 'i-a', 'i-b')
      .link('DEPENDS_ON', 'i-a', 'i-c', { basis: 'inferred' })
      .gaps({ rule: RULE });
    const [f] = findings;
    expect(f).toMatchObject({ severity: 'high', basis: 'mixed' });
    expect(f!.message.nb).toContain(
      'Deler av grunnlaget er analytikerens slutninger (utledet: «i-a» avhenger av «i-c»), men funnet står også på det kildene sier.',
    );
    expect(f!.message.nb).not.toContain('«i-a» avhenger av «i-b»)');
    expect(f!.message.en).toContain('(inferred: "i-a" depends on "i-c")');
  });

  it('counts an inferred status of what it depends on as an inference', () => {
    const findings = dataset()
      .initiative('i-a')
      .initiative('i-b', { status: 'not_started', inferred: { status: 'Rapporten nevner ikke arbeid på det.' } })
      .link('DEPENDS_ON', 'i-a', 'i-b')
      .gaps({ rule: RULE });
    expect(findings[0]).toMatchObject({ severity: 'medium', basis: 'inferred' });
    expect(findings[0]!.message.nb).toContain('(utledet: status for «i-b»)');
    expect(findings[0]!.evidence.nodes.find((n) => n.id === 'i-b')).toMatchObject({
      decisive: ['status'],
      inferred: { status: 'Rapporten nevner ikke arbeid på det.' },
    });
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
