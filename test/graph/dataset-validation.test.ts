import { describe, expect, it } from 'vitest';
import { formatProblem, validateDataset, type SourceFile } from '../../graph/dataset/validate.js';
import { loadDatasetDir } from '../../graph/dataset/load.js';
import { readFileSync } from 'node:fs';

const HEADER = `dataset:\n  name: Test\n  version: "1"\nreferences:\n  - id: ref-a\n    title: A reference\n`;

/** One header file plus the file under test, so each case shows only what it breaks. */
function check(body: string): string[] {
  const files: SourceFile[] = [
    { name: 'header.yaml', text: HEADER },
    { name: 'case.yaml', text: body },
  ];
  const result = validateDataset(files);
  return result.ok ? [] : result.problems.map(formatProblem);
}

const node = (fields: string) => `  - { kind: Agency, id: digdir, name: Digdir, sector: state, source: ref-a${fields} }\n`;

describe('dataset validation', () => {
  it('accepts the small fixture', async () => {
    const result = await loadDatasetDir('test/fixtures/small');
    expect(result.ok ? [] : result.problems.map(formatProblem)).toEqual([]);
  });

  it('refuses an alias bomb as a problem with the file instead of throwing', () => {
    expect(check(readFileSync('test/fixtures/alias-bomb/dataset.yaml', 'utf8'))).toEqual([
      'case.yaml: the YAML expands its aliases (*name) too often (a limit of 100 guards against alias bombs); write the values out instead of repeating aliases',
    ]);
  });

  it('refuses text of 4,000 UTF-8 bytes or more, counting bytes rather than characters, and names the node and field', () => {
    const longest = `${'ø'.repeat(1999)}x`; // 2,000 characters, 3,999 bytes: allowed
    expect(check(`nodes:\n${node(`, description: "${longest}"`)}`)).toEqual([]);
    const tooLong = 'ø'.repeat(2000); // 2,000 characters, 4,000 bytes
    expect(check(`nodes:\n${node(`, description: "${tooLong}"`)}`)).toEqual([
      'case.yaml:2 nodes[0].description: is 4,000 UTF-8 bytes long; a text field may be at most 3,999 bytes (the embedded store cannot safely hold longer strings) — shorten it',
    ]);
    expect(
      check(
        `relationships:\n  - { type: LEADS, from: digdir, to: digdir, source: ref-a, page: null, quote: null, basis: inferred, note: "${'x'.repeat(4000)}" }\n`,
      ),
    ).toContainEqual(expect.stringMatching(/^case\.yaml:2 relationships\[0\]\.note: is 4,000 UTF-8 bytes long; a text field may be at most 3,999 bytes/));
  });

  it('keeps names below 1,000 bytes, since the store joins them into one search column', () => {
    expect(check(`nodes:\n${node(`, nameEn: "${'n'.repeat(1001)}"`)}`)).toEqual([
      'case.yaml:2 nodes[0].nameEn: is 1,001 UTF-8 bytes long; a name may be at most 1,000 bytes (the embedded store cannot safely hold longer strings) — shorten it',
    ]);
  });

  it('refuses names whose folded search key would reach the limit, though each name is short enough', () => {
    const hangul = '한'.repeat(333); // 999 bytes; folded for search, each syllable becomes three three-byte letters
    expect(check(`nodes:\n${node(`, nameEn: "${hangul}", shortName: "${hangul}"`)}`)).toEqual([
      expect.stringMatching(
        /^case\.yaml:2 nodes\[0\]\.name: id, name, nameEn and shortName together make a search key of [\d,]+ UTF-8 bytes; the limit is 3,999/,
      ),
    ]);
  });

  it('reports malformed YAML with its line number', () => {
    const problems = check('nodes:\n  - kind: Agency\n    name: a: b\n    sector: state\n');
    expect(problems).toEqual(['case.yaml:3: malformed YAML: Nested mappings are not allowed in compact mappings']);
  });

  it('reports duplicate keys in a mapping as malformed YAML', () => {
    expect(check('nodes:\n  - kind: Agency\n    kind: Goal\n')[0]).toMatch(/^case\.yaml:3: malformed YAML: Map keys must be unique/);
  });

  it('reports a duplicate id with where it was first defined', () => {
    expect(check(`nodes:\n${node('')}${node('')}`)).toEqual(['case.yaml:3 nodes[1]: duplicate id "digdir" (first defined at case.yaml:2)']);
  });

  it('reports an unknown node kind and lists the known ones', () => {
    expect(check('nodes:\n  - { kind: Ministry, id: kmd, name: KMD, source: ref-a }\n')).toEqual([
      'case.yaml:2 nodes[0].kind: unknown node kind "Ministry" (expected one of Strategy, ActionPlan, FocusArea, Initiative, LifeEvent, Agency, Driver, Trend, Goal, Recommendation, Report, StatusReport, Milestone, Example, Objective, Indicator, Measurement, Obstacle, Funding, StatusAssessment)',
    ]);
  });

  it('reports an inferred-field note on a field the kind lacks or the node leaves unset', () => {
    const problems = check(
      'nodes:\n  - { kind: FocusArea, id: fa, name: FA, status: in_progress, source: ref-a, inferred: { sector: a, number: b, status: c } }\n',
    );
    expect(problems).toEqual([
      expect.stringMatching(/^case\.yaml:2 nodes\[0\]\.inferred\.sector: names no field a FocusArea can have marked inferred \(expected one of name, .*status/),
      'case.yaml:2 nodes[0].inferred.number: marks "number" as inferred but the node does not set it',
    ]);
  });

  it('takes seasons, halves and quarters as dates, and refuses a season in another language or a month 13', () => {
    const milestone = (date: string) => `nodes:\n  - { kind: Milestone, id: m, name: M, date: "${date}", occurrence: planned, source: ref-a }\n`;
    for (const date of ['2020-autumn', '2021-H1', '2022-Q4', '2020-09', '2020']) expect(check(milestone(date)), date).toEqual([]);
    for (const date of ['2020-høst', '2020-13', '2020-Q5']) expect(check(milestone(date))[0], date).toMatch(/nodes\[0\]\.date: must be a date as YYYY/);
  });

  it('reports a link ended by something that is not a later report', () => {
    const text = [
      'nodes:',
      '  - { kind: Report, id: r2020, name: R, year: 2020, publisher: P, source: r2020 }',
      '  - { kind: Report, id: r2019, name: R, year: 2019, publisher: P, source: r2019 }',
      '  - { kind: Agency, id: a, name: A, sector: state, source: r2020 }',
      '  - { kind: LifeEvent, id: le, name: L, source: r2020 }',
      'relationships:',
      '  - { type: RESPONSIBLE_FOR, from: a, to: le, source: r2020, page: null, quote: null, basis: stated, endedBy: r2019 }',
      '  - { type: LEADS, from: a, to: le, source: r2020, page: null, quote: null, basis: stated, endedBy: a }',
      '',
    ].join('\n');
    expect(check(text)).toEqual([
      'case.yaml:7 relationships[0].endedBy: "r2019" reports on 2019, not later than the link\'s own source "r2020" (2020)',
      'case.yaml:8 relationships[1].endedBy: must be the id of a Report node (a source with a year); "a" is not',
    ]);
  });

  it('takes review decisions only on inferred links and fields, dated, signed, and a rejection with its reason', () => {
    const text = [
      'nodes:',
      '  - kind: Agency',
      '    id: a',
      '    name: A',
      '    shortName: AA',
      '    sector: state',
      '    source: ref-a',
      '    inferred: { shortName: Read from the logo. }',
      '    review:',
      '      shortName: { decision: accepted, by: Kari, at: "2025-03-01T09:30:00Z" }',
      '      sector: { decision: accepted, by: Kari, at: "2025-03-01T09:30:00Z" }',
      '  - { kind: LifeEvent, id: le, name: L, source: ref-a }',
      'relationships:',
      '  - { type: LEADS, from: a, to: le, source: ref-a, page: null, quote: null, basis: inferred, note: N, review: { decision: rejected, by: Kari, at: "2025-03-01T09:30:00+01:00", note: No. } }',
      '  - { type: RESPONSIBLE_FOR, from: a, to: le, source: ref-a, page: null, quote: null, basis: stated, review: { decision: accepted, by: Kari, at: "2025-03-01T09:30:00Z" } }',
      '  - { type: FOLLOWS_UP, from: a, to: le, source: ref-a, page: null, quote: null, basis: inferred, note: N, review: { decision: rejected, by: Kari, at: "2025-03-01" } }',
      '',
    ].join('\n');
    expect(check(text)).toEqual([
      'case.yaml:11 nodes[0].review.sector: records a review of "sector", which the node does not mark as inferred (only inferred fields are reviewed)',
      "case.yaml:15 relationships[1].review: is only for inferred links: a stated link is the source's word and is not reviewed",
      'case.yaml:16 relationships[2].review.at: must be an ISO 8601 time with a zone, e.g. 2025-03-01T09:30:00Z',
      'case.yaml:16 relationships[2].review.note: is required when the decision is "rejected": say why the inference does not hold',
    ]);
  });

  it("keeps a node's or link's recorded reviews within one storable text", () => {
    const note = 'ø'.repeat(700); // 1,400 bytes: one note is allowed
    const review = (field: string) => `${field}: { decision: rejected, by: Kari, at: "2025-03-01T09:30:00Z", note: "${note}" }`;
    const fields = ['shortName', 'name', 'description'];
    const text = [
      'nodes:',
      `  - { kind: Agency, id: a, name: A, shortName: AA, description: D, sector: state, source: ref-a, inferred: { ${fields.map((f) => `${f}: why`).join(', ')} }, review: { ${fields.map(review).join(', ')} } }`,
      '',
    ].join('\n');
    expect(check(text)).toEqual([
      'case.yaml:2 nodes[0].review: the reviews take 4,456 UTF-8 bytes together; the stores keep them as one text of at most 3,999 bytes — shorten the notes',
    ]);
    const tooLong = `  - { kind: Agency, id: b, name: B, shortName: BB, sector: state, source: ref-a, inferred: { shortName: why }, review: { shortName: { decision: rejected, by: Kari, at: "2025-03-01T09:30:00Z", note: "${'ø'.repeat(751)}" } } }`;
    expect(check(`nodes:\n${tooLong}\n`)).toEqual([
      'case.yaml:2 nodes[0].review.shortName.note: is 1,502 UTF-8 bytes long; a review note may be at most 1,500 bytes (the embedded store cannot safely hold longer strings) — shorten it',
    ]);
  });

  it('reports a bad enum value with the allowed values', () => {
    expect(check('nodes:\n  - { kind: FocusArea, id: fa, name: FA, status: started, source: ref-a }\n')).toEqual([
      'case.yaml:2 nodes[0].status: must be one of "not_started", "in_progress", "completed" (got "started")',
    ]);
  });

  it('reports a missing required field and a malformed id', () => {
    expect(check('nodes:\n  - { kind: Agency, id: Digdir AS, name: Digdir, source: ref-a }\n')).toEqual([
      'case.yaml:2 nodes[0].id: must be a lowercase ASCII slug (letters, digits and single hyphens, e.g. "digdir" or "okt-deling-av-data")',
      'case.yaml:2 nodes[0].sector: is required',
    ]);
  });

  it('reports unknown fields instead of silently dropping them', () => {
    expect(check(`nodes:\n${node(', colour: red')}`)).toEqual(['case.yaml:2 nodes[0]: unknown field "colour"']);
  });

  it('reports relationships to unknown ids', () => {
    const body = `nodes:\n${node('')}relationships:\n  - { type: LEADS, from: digdir, to: stimulab, source: ref-a, page: 7, quote: null, basis: stated }\n`;
    expect(check(body)).toEqual(['case.yaml:4 relationships[0].to: unknown node id "stimulab"']);
  });

  it('reports a relationship between kinds the ontology does not allow', () => {
    const body = `nodes:\n${node('')}  - { kind: Goal, id: sdg-4, name: God utdanning, number: 4, source: ref-a }\nrelationships:\n  - { type: LEADS, from: digdir, to: sdg-4, source: ref-a, page: null, quote: null, basis: stated }\n`;
    expect(check(body)).toEqual([
      'case.yaml:5 relationships[0]: LEADS from Agency "digdir" to Goal "sdg-4" is not allowed (allowed: Agency → Initiative, Agency → LifeEvent, Agency → FocusArea)',
    ]);
  });

  it('reports missing provenance on a relationship', () => {
    const body = `nodes:\n${node('')}  - { kind: Initiative, id: ki, name: KI, category: action_plan, status: completed, source: ref-a }\nrelationships:\n  - { type: LEADS, from: digdir, to: ki }\n`;
    expect(check(body)).toEqual([
      'case.yaml:5 relationships[0].source: is required',
      'case.yaml:5 relationships[0].page: is required',
      'case.yaml:5 relationships[0].quote: is required',
      'case.yaml:5 relationships[0].basis: is required',
    ]);
  });

  it('requires a note when a link is inferred', () => {
    const body = `nodes:\n${node('')}  - { kind: Initiative, id: ki, name: KI, category: action_plan, status: completed, source: ref-a }\nrelationships:\n  - { type: LEADS, from: digdir, to: ki, source: ref-a, page: null, quote: null, basis: inferred }\n`;
    expect(check(body)).toEqual([
      'case.yaml:5 relationships[0].note: is required when basis is "inferred": say why the analyst draws the link (in English in note, in bokmål in noteNb, or both)',
    ]);
  });

  it.each([
    ['in English only, as every older dataset does', 'note: The page implies it.'],
    ['in bokmål only', 'noteNb: Siden antyder det.'],
    ['in both languages', 'note: The page implies it., noteNb: Siden antyder det.'],
  ])('takes an inferred link whose note is %s', (_what, notes) => {
    const body = `nodes:\n${node('')}  - { kind: Initiative, id: ki, name: KI, category: action_plan, status: completed, source: ref-a }\nrelationships:\n  - { type: LEADS, from: digdir, to: ki, source: ref-a, page: null, quote: null, basis: inferred, ${notes} }\n`;
    expect(check(body)).toEqual([]);
  });

  it('refuses an empty bokmål note and one longer than the stores can hold', () => {
    const rel = (noteNb: string) =>
      `nodes:\n${node('')}  - { kind: Initiative, id: ki, name: KI, category: action_plan, status: completed, source: ref-a }\nrelationships:\n  - { type: LEADS, from: digdir, to: ki, source: ref-a, page: null, quote: null, basis: inferred, note: Why., noteNb: "${noteNb}" }\n`;
    expect(check(rel(''))).toEqual([expect.stringMatching(/^case\.yaml:5 relationships\[0\]\.noteNb: /)]);
    expect(check(rel('æ'.repeat(2000)))).toEqual([expect.stringMatching(/^case\.yaml:5 relationships\[0\]\.noteNb: is 4,000 UTF-8 bytes long/)]);
  });

  it('refuses a note under any other name', () => {
    const body = `nodes:\n${node('')}  - { kind: Initiative, id: ki, name: KI, category: action_plan, status: completed, source: ref-a }\nrelationships:\n  - { type: LEADS, from: digdir, to: ki, source: ref-a, page: null, quote: null, basis: inferred, noteEn: Why. }\n`;
    expect(check(body).join('\n')).toMatch(/noteEn/);
  });

  it('reports a source that is neither a report nor a reference', () => {
    expect(check('nodes:\n  - { kind: Agency, id: digdir, name: Digdir, sector: state, source: rapport-1999 }\n')).toEqual([
      'case.yaml:2 nodes[0].source: unknown source "rapport-1999": a source must be the id of a Report node or of a reference',
    ]);
  });

  it('rejects quotes longer than 300 characters', () => {
    const quote = 'x'.repeat(301);
    const body = `nodes:\n${node('')}  - { kind: Initiative, id: ki, name: KI, category: action_plan, status: completed, source: ref-a }\nrelationships:\n  - { type: LEADS, from: digdir, to: ki, source: ref-a, page: 3, quote: ${quote}, basis: stated }\n`;
    expect(check(body)).toEqual(['case.yaml:5 relationships[0].quote: must be at most 300 characters']);
  });

  it('reports a duplicate relationship', () => {
    const rel = '  - { type: LEADS, from: digdir, to: ki, source: ref-a, page: 3, quote: null, basis: stated }\n';
    const body = `nodes:\n${node('')}  - { kind: Initiative, id: ki, name: KI, category: action_plan, status: completed, source: ref-a }\nrelationships:\n${rel}${rel}`;
    expect(check(body)).toEqual(['case.yaml:6 relationships[1]: duplicate relationship LEADS from "digdir" to "ki" (first at case.yaml:5)']);
  });

  it('reports every problem at once, across files', () => {
    const result = validateDataset([
      { name: 'a.yaml', text: 'nodes:\n  - { kind: Agency, id: x, name: X, sector: gov, source: nope }\n' },
      { name: 'b.yaml', text: 'nodes: [unclosed\n' },
    ]);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map(formatProblem)).toEqual([
      'a.yaml:2 nodes[0].sector: must be one of "state", "municipal", "county", "private", "voluntary", "council", "international" (got "gov")',
      'b.yaml:2: malformed YAML: Flow sequence in block collection must be sufficiently indented and end with a ]',
      'a.yaml dataset: no file declares the dataset header (dataset: {name, version})',
    ]);
  });

  it('fills provenance from file defaults', () => {
    const result = validateDataset([
      { name: 'header.yaml', text: HEADER },
      { name: 'case.yaml', text: 'defaults: { source: ref-a }\nnodes:\n  - { kind: Goal, id: sdg-4, name: God utdanning, number: 4 }\n' },
    ]);
    expect(result.ok && result.dataset.nodes[0]?.source).toBe('ref-a');
  });

  it('accepts JSON, which is YAML too', () => {
    const json = JSON.stringify({
      dataset: { name: 'J', version: '1' },
      references: [{ id: 'ref-a', title: 'A' }],
      nodes: [{ kind: 'Goal', id: 'sdg-1', name: 'Utrydde fattigdom', number: 1, source: 'ref-a' }],
    });
    expect(validateDataset([{ name: 'body.json', text: json }]).ok).toBe(true);
  });
});
