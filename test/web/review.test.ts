// The review helpers of the web UI (web/src/lib/review.ts): which target a field is, the badges a set of fields shows,
// the If-Match a decision sends, what a note must hold, and what a failed write means to the person who made it.
import { describe, expect, it } from 'vitest';
import { distinctStates, fieldReviews, fieldTarget, ifMatch, noteProblem, writeOutcome } from '../../web/src/lib/review.js';

describe('review targets of fields', () => {
  it('names a field as the API does, "<node id>.<field>"', () => {
    expect(fieldTarget('okt-digital-kompetanse', 'number')).toBe('okt-digital-kompetanse.number');
  });

  it('reviews only the fields the node marks as inferred, each with its mark', () => {
    const node = {
      id: 'fa',
      inferred: { number: 'Rekkefølgen er sidens.', status: 'Lest ut av teksten.' },
      review: { number: { state: 'accepted' as const, by: 'Erik', at: '2026-12-02T10:00:00Z' }, status: { state: 'unreviewed' as const } },
    };
    expect(fieldReviews(node, ['name', 'number', 'status'])).toEqual([
      { target: 'fa.number', field: 'number', mark: node.review.number },
      { target: 'fa.status', field: 'status', mark: node.review.status },
    ]);
    expect(fieldReviews({ id: 'fa' }, ['number'])).toEqual([]);
  });

  it('shows each state once, the most consequential first, a missing mark as unreviewed', () => {
    expect(distinctStates([{ state: 'accepted' }, undefined, { state: 'rejected' }, { state: 'accepted' }])).toEqual(['rejected', 'unreviewed', 'accepted']);
    expect(distinctStates([{ state: 'accepted' }])).toEqual(['accepted']);
    expect(distinctStates([])).toEqual([]);
  });
});

describe('writing a review', () => {
  it('sends the version it read as a strong ETag', () => {
    expect(ifMatch(0)).toEqual({ 'if-match': '"0"' });
    expect(ifMatch(12)).toEqual({ 'if-match': '"12"' });
  });

  it('asks for a reason to reject and a text to comment, but not to accept', () => {
    expect(noteProblem('reject', '  ')).toBe('needReason');
    expect(noteProblem('comment', '')).toBe('needComment');
    expect(noteProblem('accept', '')).toBeNull();
    expect(noteProblem('reject', 'Kilden sier noe annet.')).toBeNull();
  });

  it('tells a stale thread, a lost session, a missing role, a server without writes and a vanished target apart', () => {
    expect(writeOutcome({ status: 412, code: 'version_conflict' })).toBe('conflict');
    expect(writeOutcome({ status: 412, code: 'precondition_failed' })).toBe('conflict');
    expect(writeOutcome({ status: 428, code: 'precondition_required' })).toBe('conflict');
    expect(writeOutcome({ status: 401, code: 'unauthorized' })).toBe('signIn');
    expect(writeOutcome({ status: 403, code: 'forbidden' })).toBe('forbidden');
    expect(writeOutcome({ status: 403, code: 'writes_disabled' })).toBe('readOnly');
    expect(writeOutcome({ status: 409, code: 'conflict' })).toBe('orphaned');
    expect(writeOutcome({ status: 500, code: 'internal_error' })).toBe('failed');
    expect(writeOutcome({ status: 0, code: 'network' })).toBe('failed');
  });
});
