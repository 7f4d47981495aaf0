// The review of inferred links and fields as the UI shows it: which review target a link or a field is, the marks that
// stand beside a field's «Utledet», the If-Match a decision sends, and what a failed write means to the person making it.
import type { ApiFailure } from '../api/client.js';
import type { Node, ReviewMark, ReviewState } from '../api/types.js';

export type ReviewAction = 'accept' | 'reject' | 'comment';

/** A node field's review target id, as the API names it: "<node id>.<field>". A link's is its edge id. */
export const fieldTarget = (nodeId: string, field: string): string => `${nodeId}.${field}`;

/** A field under review: its target id and where it stands (absent when the data gives no mark). */
export interface FieldReview {
  target: string;
  field: string;
  mark: ReviewMark | undefined;
}

/** The review targets of the inferred fields among `fields`, in that order. */
export function fieldReviews(node: Pick<Node, 'id' | 'inferred' | 'review'>, fields: readonly string[]): FieldReview[] {
  return fields.filter((f) => node.inferred?.[f] !== undefined).map((field) => ({ target: fieldTarget(node.id, field), field, mark: node.review?.[field] }));
}

/** The states to show for a set of marks, each once, the most consequential first (one badge per state). */
export function distinctStates(marks: readonly (ReviewMark | undefined)[]): ReviewState[] {
  const order: ReviewState[] = ['rejected', 'unreviewed', 'accepted'];
  const seen = new Set(marks.map((m) => m?.state ?? 'unreviewed'));
  return order.filter((s) => seen.has(s));
}

/** The If-Match header for a decision made on the thread as read: the API's ETag is the record's version, quoted. */
export const ifMatch = (version: number): Record<string, string> => ({ 'if-match': `"${version}"` });

/** What the note must hold before an action is sent: a rejection says why, a comment says something. */
export function noteProblem(action: ReviewAction, note: string): 'needReason' | 'needComment' | null {
  if (note.trim() !== '') return null;
  if (action === 'reject') return 'needReason';
  if (action === 'comment') return 'needComment';
  return null;
}

/**
 * What a failed write means: someone else wrote first (412, and 428 which only a thread made meanwhile can cause),
 * the session is gone (401), the role is missing (403) or the server takes no writes, the target left the data (409),
 * or anything else.
 */
export type WriteOutcome = 'conflict' | 'signIn' | 'forbidden' | 'readOnly' | 'orphaned' | 'failed';

export function writeOutcome(failure: Pick<ApiFailure, 'status' | 'code'>): WriteOutcome {
  if (failure.status === 412 || failure.status === 428) return 'conflict';
  if (failure.status === 401) return 'signIn';
  // writes_disabled: the server has no way to sign in at all, so no role would help.
  if (failure.status === 403) return failure.code === 'writes_disabled' ? 'readOnly' : 'forbidden';
  if (failure.status === 409) return 'orphaned';
  return 'failed';
}
