// Query, parameter and body shapes of the review routes; the answers' shapes are the domain's (graph/review/schema.ts).
import { z } from 'zod';
import { REVIEW_STATES } from '../../graph/ontology.js';
import { MAX_DECISION_NOTE, MAX_REVIEW_TEXT, REVIEW_TARGET_KINDS, ReviewSummary, ReviewTarget } from '../../graph/review/schema.js';
import { NodeIdText, queryBoolean, queryInt } from './common.js';

/** On the Explore reads: rejected links are left out unless this is true (docs/review.md). */
export const includeRejectedParam = queryBoolean(
  false,
  'Also show links an editor rejected, each with its review mark (`review.state` "rejected"); by default they are left out, as if the data did not hold them',
);

const optionalBoolean = (description: string) =>
  z
    .enum(['true', 'false'], { error: 'must be "true" or "false"' })
    .transform((v) => v === 'true')
    .optional()
    .describe(description);

export const ReviewListQuery = z.strictObject({
  state: z
    .enum(REVIEW_STATES, { error: (issue) => `must be one of ${REVIEW_STATES.join(', ')} (got ${JSON.stringify(issue.input)})` })
    .optional()
    .describe('Only targets in this state'),
  kind: z
    .enum(REVIEW_TARGET_KINDS, { error: (issue) => `must be one of ${REVIEW_TARGET_KINDS.join(', ')} (got ${JSON.stringify(issue.input)})` })
    .optional()
    .describe('Only links, or only node fields'),
  node: NodeIdText.optional().describe('Only targets that touch this node: a link from or to it, or one of its fields'),
  orphaned: optionalBoolean('Only targets the data no longer holds (true), or only those it holds (false)'),
  pendingExport: optionalBoolean('Only targets whose decision in force is not yet in the seed files (true), or only those whose is (false)'),
  limit: queryInt(1, 1000, 200, 'Page size'),
  offset: queryInt(0, 1_000_000, 0, 'Items to skip'),
});

export const ReviewList = z
  .object({
    items: z.array(ReviewTarget),
    total: z.number().int().describe('Targets matching the filters, regardless of limit and offset'),
    summary: ReviewSummary,
  })
  .meta({ id: 'ReviewList' });

export const ReviewTargetParams = z.strictObject({
  target: z
    .string()
    .min(1, 'must not be empty')
    .max(300, 'must be at most 300 characters')
    .describe('A review target id: an inferred link\'s edge id "<from>:<TYPE>:<to>", or "<node id>.<field>" for an inferred node field')
    .meta({ example: 'fa-kompetanse:CONTRIBUTES_TO:sdg-4' }),
});

const Reason = z.string().max(MAX_DECISION_NOTE, `must be at most ${MAX_DECISION_NOTE} characters (it is written into the seed files)`);

export const AcceptBody = z.strictObject({ note: Reason.optional().describe('Why, if the editor wants to say') }).meta({ id: 'ReviewAccept' });
export const RejectBody = z
  .strictObject({ note: Reason.min(1, 'must say why the inference does not hold').describe('Why the inference does not hold (required)') })
  .meta({ id: 'ReviewReject' });
export const CommentBody = z
  .strictObject({ note: z.string().min(1, 'must not be empty').max(MAX_REVIEW_TEXT, `must be at most ${MAX_REVIEW_TEXT} characters`).describe('The comment') })
  .meta({ id: 'ReviewComment' });
