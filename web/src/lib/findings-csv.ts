// The Gaps view's list as a CSV file: the same sections, in the same order, with the same filters, in the language on
// screen. Pure: the words come in as labels, so this runs (and is tested) without a browser.
import type { FindingItem, FollowUpState, NodeRef, Severity } from '../api/types.js';
import { toCsv, type CsvCell, type CsvDialect } from './csv.js';
import { actionDate, type Section } from './findings-view.js';

export const FINDING_CSV_COLUMNS = [
  'rule',
  'severity',
  'kind',
  'subject',
  'message',
  'state',
  'owner',
  'dueDate',
  'overdue',
  'reason',
  'comments',
  'note',
  'link',
] as const;
export type FindingCsvColumn = (typeof FINDING_CSV_COLUMNS)[number];

/** The words of the file, in the language on screen. */
export interface FindingCsvLabels {
  headers: Record<FindingCsvColumn, string>;
  rule(id: string): string;
  severity(severity: Severity): string;
  kind(kind: string): string;
  subject(subject: NodeRef): string;
  message(item: FindingItem): string;
  /** null: nobody has followed the finding up. */
  state(state: FollowUpState | null): string;
  yes: string;
  no: string;
  /** The note for a follow-up whose subject left the data, and for one the data no longer has. */
  orphaned: string;
  gone: string;
  /** The finding's own page, as a full URL. */
  link(item: FindingItem): string;
}

function row(item: FindingItem, section: Section, l: FindingCsvLabels): string[] {
  const f = item.followUp;
  return [
    l.rule(item.rule),
    l.severity(item.severity),
    l.kind(item.subject.kind),
    l.subject(item.subject),
    l.message(item),
    l.state(f?.state ?? null),
    f?.owner?.name ?? '',
    // ISO dates: every spreadsheet reads YYYY-MM-DD as a date whatever its locale.
    actionDate(item) ?? '',
    f?.overdue ? l.yes : l.no,
    f?.reason ?? '',
    String(f?.comments ?? 0),
    section.kind === 'orphaned' ? l.orphaned : section.kind === 'gone' ? l.gone : '',
    l.link(item),
  ];
}

/** The header and a row for every finding of every section, as shown. */
export function findingsTable(sections: readonly Section[], labels: FindingCsvLabels): { header: string[]; rows: CsvCell[][] } {
  return { header: FINDING_CSV_COLUMNS.map((c) => labels.headers[c]), rows: sections.flatMap((s) => s.items.map((item) => row(item, s, labels))) };
}

export function findingsCsv(sections: readonly Section[], labels: FindingCsvLabels, dialect: CsvDialect): string {
  const { header, rows } = findingsTable(sections, labels);
  return toCsv(header, rows, dialect);
}
