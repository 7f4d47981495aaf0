// Writing review decisions into seed YAML: the decision lands on its link or node, block or flow style, and nothing
// else in the file changes by a byte; the patched files validate and load with the same decisions.
import { describe, expect, it } from 'vitest';
import { diffLines } from 'diff';
import { validateDataset, type SourceFile } from '../../graph/dataset/validate.js';
import { patchSeeds, SeedPatchError, type SeedDecision } from '../../graph/review/seed-patch.js';

const HEADER: SourceFile = {
  name: 'seeds/dataset.yaml',
  text: 'dataset:\n  name: Test\n  version: "1"\nreferences:\n  - id: ref-a\n    title: A reference\n',
};

const PLAN: SourceFile = {
  name: 'seeds/plan.yaml',
  text: [
    '# yaml-language-server: $schema=../dataset.schema.json',
    '# The plan. Comments, anchors, folded text and flow maps all stay as they are.',
    'defaults:',
    '  source: ref-a',
    '',
    'nodes:',
    '  - kind: Agency',
    '    id: digdir',
    '    name: Digitaliseringsdirektoratet',
    '    shortName: Digdir   # as the report writes it',
    '    sector: state',
    '    inferred:',
    '      shortName: &why Kortnavnet er analytikerens.',
    '      name: *why',
    '',
    '  - { kind: Agency, id: ks, name: KS, sector: municipal, inferred: { sector: KS er en forening. } }',
    '  - { kind: LifeEvent, id: le, name: Livshendelse }',
    '',
    'relationships:',
    '  # Leads, read from a respondent line.',
    '  - type: LEADS',
    '    from: digdir',
    '    to: le',
    '    page: 7',
    '    quote: null',
    '    basis: inferred',
    '    note: >-',
    '      Respondenten er fra Digdir,',
    '      så Digdir leder.',
    '',
    '  - { type: RESPONSIBLE_FOR, from: ks, to: le, page: null, quote: null, basis: inferred, note: "KS, trolig." }  # flow',
    '  - type: RESPONSIBLE_FOR',
    '    from: digdir',
    '    to: le',
    '    page: null',
    '    quote: null',
    '    basis: inferred',
    '    note: Later decision in the file.',
    '    review:',
    '      decision: accepted',
    '      by: Ola',
    '      at: "2025-06-01T00:00:00Z"',
    '  - { type: LEADS, from: ks, to: le, page: null, quote: null, basis: stated }',
  ].join('\n'),
};

const kari = (decision: 'accepted' | 'rejected', at: string, note?: string) => ({ decision, by: 'Kari Nordmann', at, ...(note ? { note } : {}) });

/** The lines a patch removed and added, ignoring the lines it kept. */
function changedLines(before: string, after: string): { removed: string[]; added: string[] } {
  const removed: string[] = [];
  const added: string[] = [];
  for (const part of diffLines(before, after)) {
    const lines = part.value.replace(/\n$/, '').split('\n');
    if (part.removed) removed.push(...lines);
    if (part.added) added.push(...lines);
  }
  return { removed, added };
}

describe('writing review decisions into seed files', () => {
  const decisions: SeedDecision[] = [
    {
      ref: { kind: 'link', type: 'LEADS', from: 'digdir', to: 'le' },
      review: kari('rejected', '2025-03-01T09:30:00.000Z', 'Respondenten: «Navn, virksomhet x».'),
    },
    {
      ref: { kind: 'link', type: 'RESPONSIBLE_FOR', from: 'ks', to: 'le' },
      review: kari('accepted', '2025-03-01T09:31:00.000Z', 'Ja, s. 7: {KS}, [bekreftet]'),
    },
    { ref: { kind: 'attribute', node: 'digdir', field: 'shortName' }, review: kari('accepted', '2025-03-01T09:32:00.000Z') },
    { ref: { kind: 'attribute', node: 'digdir', field: 'name' }, review: kari('rejected', '2025-03-01T09:33:00.000Z', 'Linje 1\nlinje 2') },
    { ref: { kind: 'attribute', node: 'ks', field: 'sector' }, review: kari('rejected', '2025-03-01T09:34:00.000Z', 'Nei: KS er en interesseorganisasjon.') },
    { ref: { kind: 'link', type: 'RESPONSIBLE_FOR', from: 'digdir', to: 'le' }, review: kari('rejected', '2025-03-01T09:35:00.000Z', 'Eldre enn filens.') },
    { ref: { kind: 'link', type: 'DEPENDS_ON', from: 'x', to: 'y' }, review: kari('accepted', '2025-03-01T09:36:00.000Z') },
    { ref: { kind: 'attribute', node: 'le', field: 'name' }, review: kari('accepted', '2025-03-01T09:37:00.000Z') },
  ];

  it('adds each decision to its link or node and changes no other line', () => {
    const result = patchSeeds([HEADER, PLAN], decisions);
    expect(result.files.map((f) => f.name)).toEqual(['seeds/plan.yaml']);
    const { before, after } = result.files[0]!;
    const { removed, added } = changedLines(before, after);
    // The flow-style lines get the decision inside their braces; nothing else is removed.
    expect(removed).toEqual([
      '  - { kind: Agency, id: ks, name: KS, sector: municipal, inferred: { sector: KS er en forening. } }',
      '  - { type: RESPONSIBLE_FOR, from: ks, to: le, page: null, quote: null, basis: inferred, note: "KS, trolig." }  # flow',
    ]);
    expect(added.filter((l) => !removed.some((r) => l.startsWith(r.slice(0, 40))))).toEqual([
      '    review:',
      '      shortName:',
      '        decision: accepted',
      '        by: Kari Nordmann',
      '        at: "2025-03-01T09:32:00.000Z"',
      '      name:',
      '        decision: rejected',
      '        by: Kari Nordmann',
      '        at: "2025-03-01T09:33:00.000Z"',
      '        note: |-',
      '          Linje 1',
      '          linje 2',
      '    review:',
      '      decision: rejected',
      '      by: Kari Nordmann',
      '      at: "2025-03-01T09:30:00.000Z"',
      '      note: "Respondenten: «Navn, virksomhet x»."',
    ]);
    expect(after).toContain('# Leads, read from a respondent line.');
    expect(after).toContain('    shortName: Digdir   # as the report writes it');
    expect(after).toContain('      shortName: &why Kortnavnet er analytikerens.');
    expect(after).toContain('    note: >-\n      Respondenten er fra Digdir,\n      så Digdir leder.\n    review:\n');
    expect(after).toContain(
      'note: "KS, trolig.", review: { decision: accepted, by: Kari Nordmann, at: "2025-03-01T09:31:00.000Z", note: "Ja, s. 7: {KS}, [bekreftet]" } }  # flow',
    );
  });

  it('says what became of every decision: written, kept the file’s later one, or not found', () => {
    const { outcomes } = patchSeeds([HEADER, PLAN], decisions);
    expect(Object.fromEntries([...outcomes].map(([id, o]) => [id, o.outcome]))).toEqual({
      'digdir:LEADS:le': 'written',
      'ks:RESPONSIBLE_FOR:le': 'written',
      'digdir.shortName': 'written',
      'digdir.name': 'written',
      'ks.sector': 'written',
      'digdir:RESPONSIBLE_FOR:le': 'file-is-later',
      'x:DEPENDS_ON:y': 'not-found',
      // The node is there, but does not mark the field as inferred: there is nothing to record a review of.
      'le.name': 'not-found',
    });
    expect(outcomes.get('digdir:LEADS:le')?.file).toBe('seeds/plan.yaml');
  });

  it('gives files that validate and load with exactly the decisions written, and leaves them as they are the second time', () => {
    const first = patchSeeds([HEADER, PLAN], decisions);
    const patched = { name: PLAN.name, text: first.files[0]!.after };
    const loaded = validateDataset([HEADER, patched]);
    expect(loaded.ok ? [] : loaded.problems).toEqual([]);
    if (!loaded.ok) return;
    const rel = (type: string, from: string) => loaded.dataset.relationships.find((r) => r.type === type && r.from === from)!;
    expect(rel('LEADS', 'digdir').review).toEqual(decisions[0]!.review);
    expect(rel('RESPONSIBLE_FOR', 'ks').review).toEqual(decisions[1]!.review);
    expect(rel('RESPONSIBLE_FOR', 'digdir').review).toEqual({ decision: 'accepted', by: 'Ola', at: '2025-06-01T00:00:00Z' });
    const node = (id: string) => loaded.dataset.nodes.find((n) => n.id === id)!;
    expect(node('digdir').review).toEqual({ shortName: decisions[2]!.review, name: decisions[3]!.review });
    expect(node('ks').review).toEqual({ sector: decisions[4]!.review });

    const again = patchSeeds([HEADER, patched], decisions);
    expect(again.files).toEqual([]);
    expect(again.outcomes.get('digdir:LEADS:le')?.outcome).toBe('unchanged');
  });

  it('replaces a decision the file records with a later one, in place', () => {
    const later = {
      ref: { kind: 'link' as const, type: 'RESPONSIBLE_FOR' as const, from: 'digdir', to: 'le' },
      review: kari('rejected', '2025-07-01T00:00:00.000Z', 'Nyere.'),
    };
    const { files } = patchSeeds([PLAN], [later]);
    const { removed, added } = changedLines(PLAN.text, files[0]!.after);
    expect(removed).toEqual(['      decision: accepted', '      by: Ola', '      at: "2025-06-01T00:00:00Z"']);
    expect(added).toEqual(['      decision: rejected', '      by: Kari Nordmann', '      at: "2025-07-01T00:00:00.000Z"', '      note: Nyere.']);
  });

  it('refuses a file that is not valid YAML rather than guess', () => {
    expect(() => patchSeeds([{ name: 'bad.yaml', text: 'relationships:\n  - { type: LEADS\n' }], decisions)).toThrow(SeedPatchError);
  });
});
