import { beforeAll, describe, expect, it } from 'vitest';
import { CSV_BOM, csvColumns, csvField } from '../../graph/export/csv.js';
import { exportGraph } from '../../graph/export/index.js';
import type { GraphSnapshot } from '../../graph/store/port.js';
import { escapingDataset, NASTY_DESCRIPTION, NASTY_NAME, NASTY_NOTE, NASTY_QUOTE, snapshotOf } from './helpers.js';

/** A strict RFC 4180 reader: CRLF records, quoted fields with doubled quotes; anything else is an error. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let i = 0;
  const n = text.length;
  while (i < n) {
    let field = '';
    if (text[i] === '"') {
      i++;
      for (;;) {
        if (i >= n) throw new Error('unterminated quoted field');
        if (text[i] === '"') {
          if (text[i + 1] === '"') {
            field += '"';
            i += 2;
          } else {
            i++;
            break;
          }
        } else field += text[i++];
      }
    } else {
      while (i < n && text[i] !== ',' && text[i] !== '\r') {
        if (text[i] === '"' || text[i] === '\n') throw new Error(`bare ${JSON.stringify(text[i])} in an unquoted field at ${i}`);
        field += text[i++];
      }
    }
    row.push(field);
    if (text[i] === ',') i++;
    else if (text.startsWith('\r\n', i)) {
      rows.push(row);
      row = [];
      i += 2;
    } else if (i < n) throw new Error(`unexpected ${JSON.stringify(text[i])} after a field at ${i}`);
  }
  if (row.length > 0) throw new Error('last record does not end with CRLF');
  return rows;
}

describe('CSV export', () => {
  let snapshot: GraphSnapshot;
  let text: string;
  let header: string[];
  let records: Record<string, string>[];

  beforeAll(async () => {
    snapshot = await snapshotOf(await escapingDataset());
    const result = exportGraph(snapshot, 'csv');
    expect(result).toMatchObject({ contentType: 'text/csv; charset=utf-8; header=present', extension: 'csv' });
    text = result.body;
    const rows = parseCsv(text.slice(CSV_BOM.length));
    header = rows[0]!;
    for (const [i, r] of rows.entries()) expect(r.length, `row ${i}`).toBe(header.length);
    records = rows.slice(1).map((r) => Object.fromEntries(header.map((h, j) => [h, r[j]!])));
  });

  it('starts with a UTF-8 byte order mark and a fixed header derived from the ontology', () => {
    expect(text.startsWith(CSV_BOM)).toBe(true);
    expect(header).toEqual(csvColumns());
    expect(header.slice(0, 8)).toEqual(['record', 'id', 'kind', 'type', 'from', 'to', 'name', 'nameEn']);
    expect(header.slice(-8)).toEqual(['source', 'page', 'quote', 'basis', 'note', 'noteNb', 'endedBy', 'review']);
    expect(new Set(header).size).toBe(header.length);
  });

  it('has one row per node, then one per relationship', () => {
    const kinds = records.map((r) => r['record']);
    expect(kinds.filter((k) => k === 'node')).toHaveLength(snapshot.nodes.length);
    expect(kinds.filter((k) => k === 'relationship')).toHaveLength(snapshot.edges.length);
    expect(kinds.lastIndexOf('node')).toBeLessThan(kinds.indexOf('relationship'));
    expect(records).toHaveLength(snapshot.nodes.length + snapshot.edges.length);
  });

  it('writes every node value so it reads back as the same text', () => {
    const rows = new Map(records.filter((r) => r['record'] === 'node').map((r) => [r['id'], r]));
    for (const node of snapshot.nodes) {
      const row = rows.get(node.id)!;
      expect(row, node.id).toBeDefined();
      expect(row).toMatchObject({ kind: node.kind, name: node.name, nameEn: node.nameEn ?? '', type: '', from: '', to: '', basis: '', note: '' });
      for (const column of header.slice(8)) {
        const value = node.properties[column];
        const expected = value === undefined ? '' : Array.isArray(value) ? JSON.stringify(value) : String(value);
        expect(row[column], `${node.id}.${column}`).toBe(expected);
      }
    }
  });

  it('writes every relationship with its endpoints and provenance', () => {
    const rows = new Map(records.filter((r) => r['record'] === 'relationship').map((r) => [r['id'], r]));
    for (const edge of snapshot.edges) {
      const p = edge.properties;
      expect(rows.get(edge.id), edge.id).toMatchObject({
        kind: '',
        name: '',
        type: edge.type,
        from: edge.from,
        to: edge.to,
        source: p.source,
        page: p.page === null ? '' : String(p.page),
        quote: p.quote ?? '',
        basis: p.basis,
        note: p.note ?? '',
      });
    }
  });

  it('quotes commas, quotes, CR and LF per RFC 4180 and reads them back exactly', () => {
    const nasty = records.find((r) => r['id'] === 'ex-escaping')!;
    expect(nasty['name']).toBe(NASTY_NAME);
    expect(nasty['description']).toBe(NASTY_DESCRIPTION);
    expect(nasty['quote']).toBe(NASTY_QUOTE);
    expect(nasty['location']).toBe('Oslo, Bergen');
    const status = records.find((r) => r['id'] === 'status-escaping')!;
    expect(status['missing']).toBe(JSON.stringify(['respondent', 'it\'s "odd", really', 'successFactors']));
    expect(status['complete']).toBe('false');
    expect(status['respondent']).toBe('');
    expect(records.find((r) => r['id'] === 'ex-escaping:INVOLVES:digdir')?.['note']).toBe(NASTY_NOTE);
    expect(text).toContain('"Tjeneste «Én» & <b>\'x\' ""y""\nlinje 2 – slutt"');
    expect(text).toContain(',"Oslo, Bergen",');
  });

  it('quotes only what needs quoting', () => {
    expect(csvField('plain text')).toBe('plain text');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('a\nb')).toBe('"a\nb"');
    expect(csvField('a\rb')).toBe('"a\rb"');
    expect(csvField(' padded ')).toBe('" padded "');
    expect(csvField('')).toBe('');
  });

  it('gives a property outside the ontology a column of its own', () => {
    const graph: GraphSnapshot = {
      meta: { name: 'n', version: '1' },
      references: [],
      nodes: [{ id: 'a', kind: 'Trend', name: 'A', properties: { source: 'r', zeta: 'z', alpha: 1 } }],
      edges: [],
    };
    const rows = parseCsv(exportGraph(graph, 'csv').body.slice(1));
    const cols = rows[0]!;
    expect(cols.slice(-10)).toEqual(['alpha', 'zeta', 'source', 'page', 'quote', 'basis', 'note', 'noteNb', 'endedBy', 'review']);
    expect(rows[1]![cols.indexOf('alpha')]).toBe('1');
  });
});
