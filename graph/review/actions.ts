// What an editor does to a review target: accept, reject or comment. Each is one dated, signed event appended to the
// target's thread in the work store, written with its audit entry in one compare-and-set: a decision made on an old
// version of the thread fails (version_conflict) instead of overwriting the one made since.
import { StoreError, versionConflict } from '../store/errors.js';
import type { GraphSnapshot } from '../store/port.js';
import type { WorkRecord, WorkStore } from '../work/port.js';
import type { Actor, Json } from '../work/schema.js';
import { describeTarget, liveTargetsById, reviewBody } from './catalogue.js';
import { MAX_DECISION_NOTE, MAX_REVIEW_TEXT, type ReviewAction, type ReviewEvent, type ReviewRecordBody, type ReviewTargetDetail } from './schema.js';
import { parseReviewTargetId } from './targets.js';

export const REVIEW_COLLECTION = 'review' as const;

export type ReviewProblem =
  /** No such target, and no thread for it. */
  | 'not_found'
  /** A decision on a target the data no longer holds: its thread takes comments only. */
  | 'orphaned'
  /** A decision without the version it was made on, on a target that has a thread. */
  | 'precondition_required'
  /** The note or comment is missing or too long. */
  | 'invalid';

export class ReviewError extends Error {
  constructor(
    readonly problem: ReviewProblem,
    message: string,
  ) {
    super(message);
    this.name = 'ReviewError';
  }
}

export interface ReviewActionInput {
  action: ReviewAction;
  /** The reason for a decision (required to reject), or the text of a comment. */
  note?: string;
  actor: Actor;
  /**
   * The version of the thread the editor saw (If-Match); null when not given. A decision on a target with a thread must
   * give it. A comment may leave it out: it appends, so it overwrites nothing whatever was written since.
   */
  expectedVersion: number | null;
  requestId?: string;
  now?: () => Date;
}

/** How often a comment without a version is retried when another write slips in between its read and its write. */
const COMMENT_ATTEMPTS = 5;

/** The store's record of a target as it stands, or null when it has none. */
export async function getReviewTarget(
  work: WorkStore,
  snapshot: GraphSnapshot,
  id: string,
): Promise<{ detail: ReviewTargetDetail; record: WorkRecord | null } | null> {
  const ref = parseReviewTargetId(id);
  if (!ref) return null;
  const live = liveTargetsById(snapshot).get(id);
  const record = await work.getRecord(REVIEW_COLLECTION, id);
  if (!live && !record) return null;
  return { detail: describeTarget(snapshot, id, record ? reviewBody(record).target : ref, live, record), record };
}

function checkedNote(input: ReviewActionInput): string | undefined {
  const note = input.note?.trim() ? input.note.trim() : undefined;
  const limit = input.action === 'comment' ? MAX_REVIEW_TEXT : MAX_DECISION_NOTE;
  if (note !== undefined && note.length > limit) throw new ReviewError('invalid', `the note is ${note.length} characters long; at most ${limit} are allowed`);
  if (note === undefined && input.action === 'reject') throw new ReviewError('invalid', 'a rejection must say why: give a note');
  if (note === undefined && input.action === 'comment') throw new ReviewError('invalid', 'a comment must have text: give a note');
  return note;
}

/**
 * Appends the editor's action to the target's thread (creating the thread on the first) and returns the target as it
 * now stands. `snapshot` is the store's graph as loaded: it says whether the target exists.
 */
export async function actOnReview(work: WorkStore, snapshot: GraphSnapshot, id: string, input: ReviewActionInput): Promise<ReviewTargetDetail> {
  const note = checkedNote(input);
  const ref = parseReviewTargetId(id);
  const live = ref ? liveTargetsById(snapshot).get(id) : undefined;
  for (let attempt = 1; ; attempt++) {
    const record = ref ? await work.getRecord(REVIEW_COLLECTION, id) : null;
    if (!ref || (!live && !record)) {
      throw new ReviewError(
        'not_found',
        `no inferred link or inferred node field has the review target id ${JSON.stringify(id)}; stated links are not reviewed`,
      );
    }
    if (!live && input.action !== 'comment') {
      throw new ReviewError(
        'orphaned',
        `the data no longer holds ${JSON.stringify(id)} as an inferred link or field; its thread takes comments, not decisions`,
      );
    }
    const version = record?.version ?? 0;
    if (input.expectedVersion === null && record && input.action !== 'comment') {
      throw new ReviewError(
        'precondition_required',
        `${JSON.stringify(id)} has a review thread (version ${version}): send If-Match with the version you decided on`,
      );
    }
    if (input.expectedVersion !== null && input.expectedVersion !== version) throw versionConflict(`review/${id}`, input.expectedVersion, version);

    const before: ReviewRecordBody = record ? reviewBody(record) : { target: ref, events: [] };
    const event: ReviewEvent = {
      seq: before.events.length + 1,
      action: input.action,
      at: (input.now?.() ?? new Date()).toISOString(),
      by: input.actor,
      ...(note !== undefined ? { note } : {}),
    };
    const after: ReviewRecordBody = { target: before.target, events: [...before.events, event] };
    try {
      const written = await work.writeRecord(REVIEW_COLLECTION, id, after as unknown as Json, version, {
        at: event.at,
        actor: input.actor,
        action: `review.${input.action}`,
        target: `${REVIEW_COLLECTION}/${id}`,
        before: (record?.body ?? null) as Json,
        after: after as unknown as Json,
        ...(input.requestId ? { requestId: input.requestId } : {}),
      });
      return describeTarget(snapshot, id, after.target, live, written);
    } catch (err) {
      // Only a comment without a version may try again: it appends to whatever the thread has become.
      const retry = err instanceof StoreError && err.code === 'version_conflict' && input.expectedVersion === null && attempt < COMMENT_ATTEMPTS;
      if (!retry) throw err;
    }
  }
}
