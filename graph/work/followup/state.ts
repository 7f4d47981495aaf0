// The follow-up state machine, as pure functions of a record: what an editor may do in each state, and what the data
// does when a finding disappears, comes back, or loses its subject. Nothing here reads or writes a store.
import { MAX_WORK_JSON_BYTES } from '../limits.js';
import type { Actor } from '../schema.js';
import {
  CLOSED_STATES,
  FOLLOW_UP_STATES,
  MAX_EVENTS,
  type ClosedByData,
  type FindingSummary,
  type FollowUpCommand,
  type FollowUpEvent,
  type FollowUpRecord,
  type FollowUpState,
} from './schema.js';

export type FollowUpErrorCode = 'not_found' | 'invalid_transition' | 'invalid_owner' | 'precondition_failed' | 'thread_full';

/** A follow-up request that cannot be carried out; the API maps the code to its status. */
export class FollowUpError extends Error {
  constructor(
    readonly code: FollowUpErrorCode,
    message: string,
    /** For precondition_failed: the version the record has now. */
    readonly currentVersion?: number,
  ) {
    super(message);
    this.name = 'FollowUpError';
  }
}

/** Who changes a record when the data changes: never a person, so the audit trail tells the two apart. */
export const SYSTEM_ACTOR: Actor = { id: 'system:reconcile', name: 'Strategigraf (data)', via: 'system' };

/** The states each request may start from. */
export const ALLOWED_FROM: Record<FollowUpCommand['type'], readonly FollowUpState[]> = {
  // Acknowledging again hands the finding to another owner or moves its due date; an accepted risk can be taken on again.
  acknowledge: ['open', 'acknowledged', 'accepted_risk'],
  resolve: ['open', 'acknowledged', 'accepted_risk'],
  // Accepting an accepted risk again renews the decision with a new review date.
  accept_risk: ['open', 'acknowledged', 'accepted_risk'],
  reopen: ['resolved', 'accepted_risk', 'closed_by_data'],
  comment: FOLLOW_UP_STATES,
};

const VERB: Record<FollowUpCommand['type'], string> = {
  acknowledge: 'acknowledge',
  resolve: 'resolve',
  accept_risk: 'accept the risk of',
  reopen: 'reopen',
  comment: 'comment on',
};

const STATE_WORDS: Record<FollowUpState, string> = {
  open: 'open',
  acknowledged: 'acknowledged',
  resolved: 'already resolved',
  accepted_risk: 'an accepted risk',
  closed_by_data: 'closed by the data',
};

/** The date in Oslo, YYYY-MM-DD: due and review dates are calendar dates there. */
export function osloDate(now: Date): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Oslo', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

/** Acknowledged past its due date, or an accepted risk past its review date. */
export function isOverdue(record: Pick<FollowUpRecord, 'state' | 'dueDate' | 'reviewDate'>, today: string): boolean {
  if (record.state === 'acknowledged') return record.dueDate !== null && record.dueDate < today;
  if (record.state === 'accepted_risk') return record.reviewDate !== null && record.reviewDate < today;
  return false;
}

export const isClosed = (state: FollowUpState): boolean => CLOSED_STATES.includes(state);

/** What an editor should double-check after a request that is allowed: dates already past. */
export function commandWarnings(command: FollowUpCommand, today: string): string[] {
  if (command.type === 'acknowledge' && command.dueDate < today)
    return [`the due date ${command.dueDate} is in the past (today is ${today}); the finding is overdue at once`];
  if (command.type === 'accept_risk' && command.reviewDate < today)
    return [`the review date ${command.reviewDate} is in the past (today is ${today}); the decision is due for review at once`];
  return [];
}

function lastChange(record: FollowUpRecord): FollowUpEvent | undefined {
  return [...record.events].reverse().find((e) => e.to === record.state);
}

/** The record after an editor's request, or a FollowUpError saying why the request does not fit its state. */
export function applyCommand(record: FollowUpRecord, command: FollowUpCommand, actor: Actor, at: string): FollowUpRecord {
  const next = transition(record, command, actor, at);
  const bytes = Buffer.byteLength(JSON.stringify(next));
  if (bytes > MAX_EDITOR_RECORD_BYTES) {
    throw new FollowUpError(
      'thread_full',
      `finding ${record.findingId} would hold ${bytes} bytes of follow-up, more than the limit of ${MAX_EDITOR_RECORD_BYTES}; nothing more can be added to its thread`,
    );
  }
  return next;
}

function transition(record: FollowUpRecord, command: FollowUpCommand, actor: Actor, at: string): FollowUpRecord {
  if (!ALLOWED_FROM[command.type].includes(record.state)) {
    const last = lastChange(record);
    const by = last ? ` (by ${last.actor.name} on ${last.at.slice(0, 10)})` : '';
    const hint = isClosed(record.state)
      ? '; reopen it first'
      : command.type === 'reopen'
        ? '; only a resolved, accepted or closed finding can be reopened'
        : '';
    throw new FollowUpError('invalid_transition', `cannot ${VERB[command.type]} finding ${record.findingId}: it is ${STATE_WORDS[record.state]}${by}${hint}`);
  }
  if (record.events.length >= MAX_EVENTS) {
    throw new FollowUpError(
      'thread_full',
      `finding ${record.findingId} has reached the limit of ${MAX_EVENTS} events; nothing more can be added to its thread`,
    );
  }
  const base = { at, actor };
  const withComment = (c: string | undefined) => (c === undefined ? {} : { comment: c });
  switch (command.type) {
    case 'acknowledge':
      return push(
        { ...record, state: 'acknowledged', owner: command.owner, dueDate: command.dueDate, reason: null, reviewDate: null },
        {
          ...base,
          type: 'acknowledged',
          from: record.state,
          to: 'acknowledged',
          owner: command.owner,
          dueDate: command.dueDate,
          ...withComment(command.comment),
        },
      );
    case 'resolve':
      return push(
        { ...record, state: 'resolved', reason: command.reason, reviewDate: null },
        { ...base, type: 'resolved', from: record.state, to: 'resolved', reason: command.reason, ...withComment(command.comment) },
      );
    case 'accept_risk':
      return push(
        { ...record, state: 'accepted_risk', reason: command.reason, reviewDate: command.reviewDate },
        {
          ...base,
          type: 'risk_accepted',
          from: record.state,
          to: 'accepted_risk',
          reason: command.reason,
          reviewDate: command.reviewDate,
          ...withComment(command.comment),
        },
      );
    case 'reopen':
      return push(reopened(record), { ...base, type: 'reopened', from: record.state, to: 'open', ...withComment(command.comment) });
    case 'comment':
      return push(record, { ...base, type: 'commented', comment: command.text });
  }
}

/**
 * Largest record an editor's write may leave: below the store's limit by room for a hundred data-driven events, so the
 * data can always close, reopen or orphan a finding whose thread editors have filled.
 */
export const MAX_EDITOR_RECORD_BYTES = MAX_WORK_JSON_BYTES - 32 * 1024;

function push(record: FollowUpRecord, event: FollowUpEvent): FollowUpRecord {
  return { ...record, events: [...record.events, event] };
}

/** Open again: the decision and its dates go (they stay in the history); the owner stays as the last one named. */
function reopened(record: FollowUpRecord): FollowUpRecord {
  return { ...record, state: 'open', dueDate: null, reason: null, reviewDate: null, closedBy: null };
}

/** What the data says about one finding at a reconcile. */
export interface Observation {
  /** The finding is in the current data (the latest year). */
  present: boolean;
  /** Its subject is a node of the data. */
  subjectExists: boolean;
  /** The finding as now (present) or as last seen in some year of the data; null when no year has it. */
  finding: FindingSummary | null;
  /** For a finding not present: the year it disappeared in and that year's latest source. */
  closing: Omit<ClosedByData, 'at'> | null;
  /** The first year of the data in which the finding is found, when known. */
  firstYear: number | null;
}

/** The audit action of each data-driven change. */
export type DataAction = 'followup.detect' | 'followup.close_by_data' | 'followup.vanish' | 'followup.reappear' | 'followup.orphan' | 'followup.restore';

/**
 * The record after the data was looked at again, and what happened, or null when nothing changed (so reconciling twice
 * writes nothing the second time). A new finding gets a record; one that disappeared is closed by the data unless a
 * person had resolved it; one that comes back is open again; a finding whose subject left the data is marked orphaned
 * and keeps its state and thread.
 */
export function reconcileRecord(
  record: FollowUpRecord | null,
  findingId: string,
  seen: Observation,
  at: string,
): { record: FollowUpRecord; action: DataAction } | null {
  const base = { at, actor: SYSTEM_ACTOR };
  if (record === null) {
    if (!seen.present || seen.finding === null) return null;
    return {
      action: 'followup.detect',
      record: {
        findingId,
        state: 'open',
        owner: null,
        dueDate: null,
        reason: null,
        reviewDate: null,
        closedBy: null,
        present: true,
        orphaned: false,
        finding: seen.finding,
        firstSeenAt: at,
        firstSeenYear: seen.firstYear,
        events: [{ ...base, type: 'detected', to: 'open', ...(seen.firstYear !== null ? { year: seen.firstYear } : {}) }],
      },
    };
  }

  const finding = seen.finding ?? record.finding;
  if (seen.present) {
    if (record.present) return null;
    const back = { ...record, present: true, orphaned: false, finding };
    if (record.state === 'closed_by_data' || record.state === 'resolved') {
      // It was gone and is back: whatever closed it no longer holds.
      return { action: 'followup.reappear', record: push(reopened(back), { ...base, type: 'reappeared', from: record.state, to: 'open' }) };
    }
    // Still being worked on (or reopened by a person while the data did not show it): the state stands.
    return record.orphaned
      ? { action: 'followup.restore', record: push(back, { ...base, type: 'restored' }) }
      : { action: 'followup.reappear', record: push(back, { ...base, type: 'reappeared' }) };
  }

  if (!seen.subjectExists) {
    if (record.orphaned) return null;
    return { action: 'followup.orphan', record: push({ ...record, present: false, orphaned: true }, { ...base, type: 'orphaned' }) };
  }
  // The data acts only when its view changed (the finding or its subject was there at the last reconcile): a finding a
  // person reopened after the data closed it stays open until the data shows it and loses it again.
  if (!record.present && !record.orphaned) return null;
  const closing = seen.closing ?? { source: null, year: null };
  const gone = { ...record, present: false, orphaned: false, finding };
  if (record.state === 'open' || record.state === 'acknowledged' || record.state === 'accepted_risk') {
    return {
      action: 'followup.close_by_data',
      record: push(
        { ...gone, state: 'closed_by_data', closedBy: { ...closing, at } },
        { ...base, type: 'closed_by_data', from: record.state, to: 'closed_by_data', source: closing.source, year: closing.year },
      ),
    };
  }
  // Resolved by a person (that resolution stands; the data agreeing is noted) or already closed by the data.
  if (record.orphaned) return { action: 'followup.restore', record: push(gone, { ...base, type: 'restored' }) };
  return { action: 'followup.vanish', record: push(gone, { ...base, type: 'vanished', source: closing.source, year: closing.year }) };
}
