// What the Skate meeting hears about the follow-up: the findings that are new (or open again) since the last meeting,
// those overdue now, and those closed since — resolved, accepted as a risk, or closed by the data. Pure: from records
// (reconciled with the data first, see reconciledInMemory) and two dates.
import { GAP_SEVERITIES } from '../../schema/analysis.js';
import { CLOSED_STATES, type DigestEntry, type FollowUpDigest, type FollowUpEvent, type FollowUpRecord } from './schema.js';
import { isOverdue, osloDate } from './state.js';

export type { DigestEntry, FollowUpDigest };

/** The last Skate meeting, when the reader does not say: about a quarter before the report's date. */
export const DEFAULT_SINCE_DAYS = 90;

/** The date of the last meeting by default: DEFAULT_SINCE_DAYS before the report's date, as a calendar date in Oslo. */
export function defaultSince(generatedAt: Date): string {
  return osloDate(new Date(generatedAt.getTime() - DEFAULT_SINCE_DAYS * 86_400_000));
}

const OPENING: ReadonlySet<FollowUpEvent['type']> = new Set(['detected', 'reappeared', 'reopened']);

/** The event that put the record in its current state (the latest that moved it there). */
function lastChange(record: FollowUpRecord): FollowUpEvent | undefined {
  for (let i = record.events.length - 1; i >= 0; i--) if (record.events[i]!.to === record.state) return record.events[i];
  return undefined;
}

function entry(record: FollowUpRecord, event: FollowUpEvent | undefined): DigestEntry {
  const { findingId: id, finding, state, owner, dueDate, reviewDate, reason, closedBy, orphaned } = record;
  return {
    id,
    finding,
    state,
    owner,
    dueDate,
    reviewDate,
    reason,
    closedBy,
    orphaned,
    at: event?.at ?? record.firstSeenAt,
    by: event?.actor ?? null,
    reopened: event !== undefined && event.type !== 'detected',
  };
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
/** Severity, then time, then id: the same order whether the records come from the store or were reconciled in memory. */
const bySeverityThenTime = (a: DigestEntry, b: DigestEntry) =>
  GAP_SEVERITIES.indexOf(a.finding.severity) - GAP_SEVERITIES.indexOf(b.finding.severity) || compare(a.at, b.at) || compare(a.id, b.id);
const dueOf = (e: DigestEntry) => (e.state === 'accepted_risk' ? e.reviewDate : e.dueDate) ?? '';

export function followUpDigest(records: readonly FollowUpRecord[], dates: { since: string; today: string }): FollowUpDigest {
  const onOrAfterSince = (at: string) => osloDate(new Date(at)) >= dates.since;
  const opened: DigestEntry[] = [];
  const overdue: DigestEntry[] = [];
  const closed: DigestEntry[] = [];
  for (const record of records) {
    if (CLOSED_STATES.includes(record.state)) {
      const change = lastChange(record);
      if (change && onOrAfterSince(change.at)) closed.push(entry(record, change));
    } else {
      // Open or acknowledged since it was detected or opened again (an acknowledgement since does not make it new).
      const opening = [...record.events].reverse().find((e) => OPENING.has(e.type) && e.to === 'open');
      if (opening && onOrAfterSince(opening.at)) opened.push(entry(record, opening));
    }
    if (isOverdue(record, dates.today)) overdue.push(entry(record, lastChange(record)));
  }
  return {
    since: dates.since,
    today: dates.today,
    opened: opened.sort(bySeverityThenTime),
    overdue: overdue.sort((a, b) => compare(dueOf(a), dueOf(b)) || bySeverityThenTime(a, b)),
    closed: closed.sort(bySeverityThenTime),
  };
}
