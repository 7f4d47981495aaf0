// zod shapes of the review of inferred links and fields: what the work store keeps per review target (a thread of
// decisions and comments), and what the API answers about a target. docs/review.md has the design.
import { z } from 'zod';
import { NODE_KINDS, RELATIONSHIP_TYPES, REVIEW_DECISIONS, REVIEW_STATES } from '../ontology.js';
import { RecordedReview } from '../schema/dataset.js';
import { PropertyValue, Provenance } from '../schema/graph.js';
import { Actor } from '../work/schema.js';

/** What can be reviewed: an inferred link, or a field a node marks as inferred. */
export const REVIEW_TARGET_KINDS = ['link', 'attribute'] as const;
export type ReviewTargetKind = (typeof REVIEW_TARGET_KINDS)[number];

/** What an editor can do to a target: decide (accept, reject) or add to its thread. */
export const REVIEW_ACTIONS = ['accept', 'reject', 'comment'] as const;
export type ReviewAction = (typeof REVIEW_ACTIONS)[number];

/** Longest comment, in characters: a thread stays far below the work store's limit on a record. */
export const MAX_REVIEW_TEXT = 2000;
/**
 * Longest reason given with a decision, in characters: `review export` writes it into the seed files, where a link's or
 * a node's recorded reviews must stay one storable text (MAX_REVIEW_NOTE_BYTES, graph/schema/dataset.ts).
 */
export const MAX_DECISION_NOTE = 500;

export const ReviewTargetRef = z
  .discriminatedUnion('kind', [
    z.object({ kind: z.literal('link'), type: z.enum(RELATIONSHIP_TYPES), from: z.string(), to: z.string() }),
    z.object({ kind: z.literal('attribute'), node: z.string(), field: z.string() }),
  ])
  .meta({ id: 'ReviewTargetRef', description: 'What is reviewed: a link by its type and ends, or a node field by the node id and field name' });
export type ReviewTargetRef = z.infer<typeof ReviewTargetRef>;

export const ReviewEvent = z
  .object({
    seq: z.number().int().positive().describe('Position in the thread, from 1'),
    action: z.enum(REVIEW_ACTIONS),
    at: z.string().describe('ISO 8601 time'),
    by: Actor,
    note: z.string().optional().describe('The reason given with a decision (always with a rejection), or the text of a comment'),
  })
  .meta({ id: 'ReviewEvent', description: 'One dated, signed entry in a review thread; a later decision supersedes an earlier one' });
export type ReviewEvent = z.infer<typeof ReviewEvent>;

/** The body of a work-store record of collection 'review', id = the target id. Events are only ever appended. */
export const ReviewRecordBody = z.object({
  target: ReviewTargetRef,
  events: z.array(ReviewEvent),
});
export type ReviewRecordBody = z.infer<typeof ReviewRecordBody>;

export const ReviewDecisionInForce = z
  .object({
    decision: z.enum(REVIEW_DECISIONS),
    by: z.object({ name: z.string(), id: z.string().optional().describe('The actor id, for a decision made in the app') }),
    at: z.string().describe('ISO 8601 time'),
    note: z.string().optional(),
    madeIn: z.enum(['app', 'dataset']).describe('app: an editor decided in the app; dataset: the loaded seed files record it'),
  })
  .meta({ id: 'ReviewDecision', description: 'The decision in force: the later of the last one made in the app and the one the dataset records' });
export type ReviewDecisionInForce = z.infer<typeof ReviewDecisionInForce>;

export const ReviewTarget = z
  .object({
    id: z.string().describe('The review target id: a link\'s edge id "<from>:<TYPE>:<to>", or "<node id>.<field>" for a node field'),
    target: ReviewTargetRef,
    link: z
      .object({
        fromName: z.string().nullable(),
        toName: z.string().nullable(),
        properties: Provenance.nullable().describe('The link as the data holds it (with its review mark); null when orphaned'),
      })
      .optional()
      .describe('For a link'),
    attribute: z
      .object({
        nodeName: z.string().nullable(),
        nodeKind: z.enum(NODE_KINDS).nullable(),
        value: PropertyValue.nullable().describe("The field's value in the data; null when orphaned"),
      })
      .optional()
      .describe('For a node field'),
    reason: z.string().nullable().describe("Why the analyst inferred it: the link's note, or the node's `inferred` note for the field; null when orphaned"),
    state: z.enum(REVIEW_STATES),
    decision: ReviewDecisionInForce.nullable().describe('null while unreviewed'),
    recorded: RecordedReview.nullable().describe('The decision the loaded dataset records, if any'),
    pendingExport: z
      .boolean()
      .describe('The decision in force is not the one the dataset records: `strategigraf review export` would write it into the seed files'),
    orphaned: z.boolean().describe('The data no longer holds this inferred link or field; its thread is kept'),
    version: z.number().int().min(0).describe('Version of its review record, the ETag; 0 while nobody has decided or commented in the app'),
    comments: z.number().int().min(0),
    updatedAt: z.string().nullable().describe('When its review record was last written; null without one'),
  })
  .meta({ id: 'ReviewTarget' });
export type ReviewTarget = z.infer<typeof ReviewTarget>;

export const ReviewTargetDetail = ReviewTarget.extend({
  events: z.array(ReviewEvent).describe('The whole thread, oldest first: decisions and comments'),
}).meta({ id: 'ReviewTargetDetail' });
export type ReviewTargetDetail = z.infer<typeof ReviewTargetDetail>;

export const ReviewSummary = z
  .object({
    total: z.number().int(),
    byState: z.object({ unreviewed: z.number().int(), accepted: z.number().int(), rejected: z.number().int() }),
    orphaned: z.number().int(),
    pendingExport: z.number().int(),
  })
  .meta({ id: 'ReviewSummary', description: 'Counts over every review target, before filters' });
export type ReviewSummary = z.infer<typeof ReviewSummary>;
