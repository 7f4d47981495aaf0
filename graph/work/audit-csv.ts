// The audit trail as CSV for a spreadsheet: RFC 4180 quoting and the UTF-8 byte order mark of the dataset export
// (graph/export/csv.ts), one row per entry, newest first as the API lists them. Unlike the dataset export, whose text
// the analysts curated, the trail holds what anyone with the editor role typed (comments, reasons, names): a cell that
// a spreadsheet would read as a formula (starting with =, +, -, @, a tab or a carriage return) is prefixed with an
// apostrophe, so opening the file never runs what an editor wrote (OWASP's advice on CSV injection).
import { CSV_BOM, csvField } from '../export/csv.js';
import type { AuditEntry } from './schema.js';

export const AUDIT_CSV_COLUMNS = ['seq', 'at', 'actor_id', 'actor_name', 'actor_via', 'action', 'target', 'request_id', 'before', 'after'] as const;

const FORMULA_START = /^[=+\-@\t\r]/;

/** A cell a spreadsheet shows as text, never evaluates. */
export function safeCell(value: string): string {
  return csvField(FORMULA_START.test(value) ? `'${value}` : value);
}

const json = (value: unknown) => (value === null || value === undefined ? '' : JSON.stringify(value));

export function auditCsv(entries: readonly AuditEntry[]): string {
  const lines = [CSV_BOM + AUDIT_CSV_COLUMNS.join(',')];
  for (const e of entries) {
    const cells = [String(e.seq), e.at, e.actor.id, e.actor.name, e.actor.via, e.action, e.target, e.requestId ?? '', json(e.before), json(e.after)];
    lines.push(cells.map(safeCell).join(','));
  }
  return `${lines.join('\r\n')}\r\n`;
}
