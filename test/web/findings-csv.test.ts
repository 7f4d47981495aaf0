// The Gaps view's CSV: the list as shown (filters, sections and order), in the language on screen, that a spreadsheet
// opens with «æøå» intact in both dialects and runs none of the cells an editor typed.
import { describe, expect, it } from 'vitest';
import type { FindingCsvLabels } from '../../web/src/lib/findings-csv.js';
import { FINDING_CSV_COLUMNS, findingsCsv, findingsTable } from '../../web/src/lib/findings-csv.js';
import { CSV_BOM } from '../../web/src/lib/csv.js';
import { filtersOf, visibleSections } from '../../web/src/lib/findings-view.js';
import { ITEMS, RULES } from './findings-fixtures.js';

const labels: FindingCsvLabels = {
  headers: Object.fromEntries(FINDING_CSV_COLUMNS.map((c) => [c, `H:${c}`])) as FindingCsvLabels['headers'],
  rule: (id) => `Regel ${id}`,
  severity: (s) => ({ high: 'Høy', medium: 'Middels', low: 'Lav' })[s],
  kind: (k) => (k === 'FocusArea' ? 'Innsatsområde' : 'Tiltak'),
  subject: (s) => s.name,
  message: (i) => i.message.nb,
  state: (s) => (s === null ? 'Ikke fulgt opp' : `Tilstand ${s}`),
  yes: 'Ja',
  no: 'Nei',
  orphaned: 'Temaet er borte',
  gone: 'Ikke lenger i dataene',
  link: (i) => `https://example.test/?view=gaps&finding=${encodeURIComponent(i.id)}`,
};

const decode = (text: string) => new TextDecoder('utf-8').decode(new TextEncoder().encode(text));
/** Splits the file into records and fields (no field in these tests holds a line break). */
const parse = (text: string, separator: string) =>
  text
    .slice(1)
    .split('\r\n')
    .filter(Boolean)
    .map((line) =>
      line
        .match(new RegExp(`("([^"]|"")*"|[^${separator}]*)(${separator}|$)`, 'g'))!
        .filter(Boolean)
        .map((f) => f.replace(new RegExp(`${separator}$`), '')),
    );

describe('findingsTable', () => {
  it('has a header and one row per finding shown, in the order and sections of the list', () => {
    const sections = visibleSections(ITEMS, filtersOf({}), RULES);
    const { header, rows } = findingsTable(sections, labels);
    expect(header).toEqual(FINDING_CSV_COLUMNS.map((c) => `H:${c}`));
    expect(rows).toHaveLength(ITEMS.length);
    expect(rows.map((r) => r[3])).toEqual(sections.flatMap((s) => s.items.map((i) => i.subject.name)));
    // The last two sections are the orphaned follow-up and the one the data closed, noted as such.
    expect(rows.at(-2)![11]).toBe('Temaet er borte');
    expect(rows.at(-1)![11]).toBe('Ikke lenger i dataene');
  });

  it('writes the follow-up: state, owner, the ISO due date (or review date), overdue, reason and comments', () => {
    const sections = visibleSections(ITEMS, filtersOf({ owner: 'Digdir' }), RULES);
    const { rows } = findingsTable(sections, labels);
    expect(rows).toEqual([
      [
        'Regel initiative-without-lead',
        'Høy',
        'Tiltak',
        'a',
        'Funn om a',
        'Tilstand acknowledged',
        'Digdir',
        '2025-03-01',
        'Ja',
        '',
        '0',
        '',
        'https://example.test/?view=gaps&finding=initiative-without-lead%3Aa',
      ],
    ]);
  });

  it('holds only what the filters let through', () => {
    const { rows } = findingsTable(visibleSections(ITEMS, filtersOf({ overdue: 'true' }), RULES), labels);
    expect(rows.map((r) => r[3])).toEqual(['a', 'd']);
  });
});

describe('findingsCsv', () => {
  const sections = visibleSections(ITEMS, filtersOf({}), RULES);

  it('is UTF-8 with a byte order mark, CRLF line ends, and Norwegian letters intact', () => {
    const text = findingsCsv(sections, labels, 'excel');
    expect(text.startsWith(CSV_BOM)).toBe(true);
    expect(new TextEncoder().encode(text).slice(0, 3)).toEqual(new Uint8Array([0xef, 0xbb, 0xbf]));
    expect(text.split('\r\n')).toHaveLength(ITEMS.length + 2);
    expect(decode(text)).toContain('Økt deling av data');
    expect(decode(text)).toContain('Åse Ødegård');
  });

  it('separates with ";" for Excel in Norway and "," in the standard dialect, with the same cells', () => {
    const excel = parse(findingsCsv(sections, labels, 'excel'), ';');
    const standard = parse(findingsCsv(sections, labels, 'standard'), ',');
    expect(excel[0]).toHaveLength(FINDING_CSV_COLUMNS.length);
    expect(standard[0]).toHaveLength(FINDING_CSV_COLUMNS.length);
    expect(excel).toEqual(standard);
  });

  it('neutralises a reason an editor wrote as a formula, so a spreadsheet shows it and never runs it', () => {
    const text = findingsCsv(visibleSections(ITEMS, filtersOf({ state: 'resolved' }), RULES), labels, 'standard');
    const line = text.split('\r\n')[1]!;
    expect(line).toContain(`"'=HYPERLINK(""http://x"")"`);
    expect(line).not.toMatch(/(^|,)=/);
  });
});
