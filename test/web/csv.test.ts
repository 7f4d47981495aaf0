// CSV out of the UI: a spreadsheet opens it with æøå intact, in either dialect, and runs none of its cells.
import { describe, expect, it } from 'vitest';
import { CSV_BOM, fileName, toCsv } from '../../web/src/lib/csv.js';

describe('toCsv', () => {
  it('starts with a byte order mark and ends every record with CRLF', () => {
    const text = toCsv(['navn', 'antall'], [['Økt deling av data', 3]]);
    expect(text.startsWith(CSV_BOM)).toBe(true);
    expect(text.slice(1)).toBe('navn,antall\r\nØkt deling av data,3\r\n');
    expect(new TextDecoder().decode(new TextEncoder().encode(text))).toContain('Økt');
  });

  it('separates with semicolons for Excel in Norway, quoting cells that hold one', () => {
    expect(toCsv(['a', 'b'], [['1,5', 'x;y']], 'excel').slice(1)).toBe('a;b\r\n1,5;"x;y"\r\n');
    expect(toCsv(['a', 'b'], [['1,5', 'x;y']], 'standard').slice(1)).toBe('a,b\r\n"1,5",x;y\r\n');
  });

  it('quotes quotes, line breaks and edge spaces, and leaves empty values empty', () => {
    expect(toCsv(['a'], [['si «hei» og "ha"'], ['to\nlinjer'], [' kant'], [null], [undefined]]).slice(1)).toBe(
      'a\r\n"si «hei» og ""ha"""\r\n"to\nlinjer"\r\n" kant"\r\n\r\n\r\n',
    );
  });

  it.each([['=HYPERLINK("http://x")'], ['+1+1'], ['-2+3'], ['@SUM(A1)'], ['\t=1']])('neutralises the formula %j', (cell) => {
    const line = toCsv(['a'], [[cell]]).split('\r\n')[1]!;
    expect(line.replace(/^"|"$/g, '').startsWith("'")).toBe(true);
  });

  it('keeps negative and decimal numbers as numbers', () => {
    expect(toCsv(['a', 'b'], [['-3', '-1.5']]).split('\r\n')[1]).toBe('-3,-1.5');
  });
});

describe('fileName', () => {
  it('folds Norwegian letters and punctuation into a safe name', () => {
    expect(fileName('Livshendelser × virksomheter (2024)', 'csv')).toBe('livshendelser-virksomheter-2024.csv');
    expect(fileName('Økt deling – «data»', 'png')).toBe('okt-deling-data.png');
    expect(fileName('', 'csv')).toBe('strategigraf.csv');
  });
});
