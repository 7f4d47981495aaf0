// What the Skate meeting hears about the follow-up: the findings that are new (or open again) since the last meeting,
// those overdue now, and those closed since — resolved, accepted as a risk, or closed by the data. Pure: from records
// (reconciled with the data first, see reconciledInMemory) and two dates.
import { GAP_SEVERITIES } from '../../schema/analysis.js';
import type { Actor } from '../schema.js';
import { CLOSED_STATES, type FollowUpEvent, type FollowUpRecord } from './schema.js';
import { isOverdue, osloDate } from './state.js';

export interface DigestEntry {
  id: string;
  record: FollowUpRecord;
  /** When it came into this list: opened (detected, reappeared or reopened) or closed; ISO 8601. */
  at: string;
  by: Actor | null;
  /** Opened again rather than seen for the first time. */
  reopened: boolean;
}

export interface FollowUpDigest {
  /** The date of the last meeting (YYYY-MM-DD): what happened on or after it is news. */
  since: string;
  /** The date overdue is judged by (YYYY-MM-DD). */
  today: string;
  opened: DigestEntry[];
  overdue: DigestEntry[];
  closed: DigestEntry[];
}

const OPENING: ReadonlySet<FollowUpEvent['type']> = new Set(['detected', 'reappeared', 'reopened']);

/** The event that put the record in its current state (the latest that moved it there). */
function lastChange(record: FollowUpRecord, types?: ReadonlySet<FollowUpEvent['type']>): FollowUpEvent | undefined {
  for (let i = record.events.length - 1; i >= 0; i--) {
    const e = record.events[i]!;
    if (e.to === record.state && (!types || types.has(e.type))) return e;
  }
  return undefined;
}

const bySeverityThenTime = (a: DigestEntry, b: DigestEntry) =>
  GAP_SEVERITIES.indexOf(a.record.finding.severity) - GAP_SEVERITIES.indexOf(b.record.finding.severity) || (a.at < b.at ? -1 : a.at > b.at ? 1 : 0);

export function followUpDigest(records: readonly FollowUpRecord[], dates: { since: string; today: string }): FollowUpDigest {
  const onOrAfterSince = (at: string) => osloDate(new Date(at)) >= dates.since;
  const entry = (record: FollowUpRecord, event: FollowUpEvent | undefined): DigestEntry => ({
    id: record.findingId,
    record,
    at: event?.at ?? record.firstSeenAt,
    by: event?.actor ?? null,
    reopened: event !== undefined && event.type !== 'detected',
  });
  const opened: DigestEntry[] = [];
  const overdue: DigestEntry[] = [];
  const closed: DigestEntry[] = [];
  for (const record of records) {
    if (CLOSED_STATES.includes(record.state)) {
      const change = lastChange(record);
      if (change && onOrAfterSince(change.at)) closed.push(entry(record, change));
    } else {
      // Open or acknowledged since it was detected or opened again (an acknowledgement since does not make it new).
      const opening = [...record.events].reverse().find((e) => OPENING.has(e.type) && (e.type === 'detected' || e.to === 'open'));
      if (opening && onOrAfterSince(opening.at)) opened.push(entry(record, opening));
    }
    if (isOverdue(record, dates.today)) overdue.push(entry(record, lastChange(record)));
  }
  const dueOf = (e: DigestEntry) => (e.record.state === 'accepted_risk' ? e.record.reviewDate : e.record.dueDate) ?? '';
  return {
    since: dates.since,
    today: dates.today,
    opened: opened.sort(bySeverityThenTime),
    overdue: overdue.sort((a, b) => (dueOf(a) < dueOf(b) ? -1 : dueOf(a) > dueOf(b) ? 1 : 0) || bySeverityThenTime(a, b)),
    closed: closed.sort(bySeverityThenTime),
  };
}
