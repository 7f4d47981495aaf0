// Tables out of the UI as CSV that spreadsheets open with Norwegian characters intact: UTF-8 with a byte order mark,
// CRLF line ends, RFC 4180 quoting. Two dialects: the standard one (comma), and the one Excel expects where the
// decimal separator is a comma, as in Norway (semicolon). Cells that a spreadsheet would run as a formula are
// neutralised, since some cells carry text that people typed (comments, owners).

export const CSV_BOM = '\uFEFF';
export type CsvDialect = 'standard' | 'excel';
export type CsvCell = string | number | boolean | null | undefined;

const SEPARATOR: Record<CsvDialect, string> = { standard: ',', excel: ';' };

/** A cell a spreadsheet would read as a formula (=, +, -, @, or a tab/CR that starts one) gets a leading apostrophe. */
function neutralised(text: string): string {
  return /^[=+\-@\t\r]/.test(text) && !/^-?\d+([.,]\d+)?$/.test(text) ? `'${text}` : text;
}

function field(value: CsvCell, separator: string): string {
  if (value === null || value === undefined) return '';
  const text = neutralised(String(value));
  return text.includes(separator) || /["\r\n]|^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The whole file: BOM, header row, data rows, each ending with CRLF. */
export function toCsv(header: readonly string[], rows: readonly (readonly CsvCell[])[], dialect: CsvDialect = 'standard'): string {
  const separator = SEPARATOR[dialect];
  const line = (cells: readonly CsvCell[]) => `${cells.map((c) => field(c, separator)).join(separator)}\r\n`;
  return CSV_BOM + line(header) + rows.map(line).join('');
}

/** A file name from a title: lower case, ASCII letters and digits, dashes. */
export function fileName(title: string, extension: string): string {
  const base = title
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[æ]/g, 'ae')
    .replace(/[ø]/g, 'o')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  return `${base || 'strategigraf'}.${extension}`;
}

/** Saves text as a file through the browser's download. */
export function downloadText(name: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
