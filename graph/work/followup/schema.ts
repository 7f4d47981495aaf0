// zod shapes of the follow-up of findings: the record the work store keeps per finding (collection 'followup', keyed
// by the finding's stable id), its dated and signed events, the bodies editors send, and the answers the API gives.
// Every text an editor sends is bounded and free of control characters; every date is an ISO calendar date.
import { z } from 'zod';
import { FINDING_ID_PATTERN, MAX_FINDING_ID_LENGTH } from '../../analysis/finding-id.js';
import { FindingBasis, GapEvidence, GapSeverity, LocalizedText, NodeRef } from '../../schema/analysis.js';
import { Slug } from '../../schema/dataset.js';
import { SourceRef } from '../../schema/time.js';
import { Actor } from '../schema.js';

export const FOLLOW_UP_STATES = ['open', 'acknowledged', 'resolved', 'accepted_risk', 'closed_by_data'] as const;
export const FollowUpState = z.enum(FOLLOW_UP_STATES).meta({
  id: 'FollowUpState',
  description:
    'open: nobody has taken it on. acknowledged: an owner is to act on it by a due date. resolved: a person closed it, with a reason. ' +
    'accepted_risk: a person decided to live with it, with a reason and a date to review that decision. closed_by_data: a later source ' +
    'made the finding disappear. A finding that comes back after it disappeared is open again, with its history.',
});
export type FollowUpState = z.infer<typeof FollowUpState>;

/** States in which nobody has to act any more (the report's "closed"). */
export const CLOSED_STATES: readonly FollowUpState[] = ['resolved', 'accepted_risk', 'closed_by_data'];

/** Longest comment, reason and person's name, in characters. */
export const MAX_COMMENT_LENGTH = 4000;
export const MAX_REASON_LENGTH = 2000;
export const MAX_PERSON_LENGTH = 200;
/** Most events a record holds before editors' writes are refused; data-driven events are always recorded. */
export const MAX_EVENTS = 500;

// C0 and C1 control characters other than tab, line feed and carriage return, and the Unicode line separators that
// break logs and CSV readers: none of them belong in a comment.
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u2028\u2029]/;

/** Text an editor writes: trimmed, not empty, at most `max` characters, no control characters. */
export function editorText(max: number) {
  return z
    .string()
    .trim()
    .min(1, 'must not be empty')
    .max(max, `must be at most ${max} characters`)
    .refine((text) => !CONTROL.test(text), 'must not contain control characters');
}

export const IsoDate = z.iso.date('must be a calendar date written YYYY-MM-DD').describe('A calendar date, YYYY-MM-DD');

export const FindingIdText = z
  .string()
  .max(MAX_FINDING_ID_LENGTH, `must be at most ${MAX_FINDING_ID_LENGTH} characters`)
  .regex(FINDING_ID_PATTERN, 'is not a finding id ("<rule>:<subject id>" or "<rule>:<subject id>:<key>")');

export const Owner = z
  .discriminatedUnion('kind', [
    z.object({
      kind: z.literal('agency'),
      id: z.string().describe('Id of the Agency node'),
      name: z.string().describe("The agency's name when it was made owner"),
    }),
    z.object({ kind: z.literal('person'), name: z.string() }),
  ])
  .meta({ id: 'FollowUpOwner', description: 'Who is to act on the finding: an agency of the graph, or a person by name' });
export type Owner = z.infer<typeof Owner>;

export const OwnerInput = z
  .union([
    z.strictObject({ agency: Slug.describe('Id of an Agency node in the graph') }),
    z.strictObject({ person: editorText(MAX_PERSON_LENGTH).describe("A person's name") }),
  ])
  .meta({ id: 'FollowUpOwnerRequest', description: 'Either {"agency": "<agency id>"} or {"person": "<name>"}' });
export type OwnerInput = z.infer<typeof OwnerInput>;

export const ClosedByData = z
  .object({
    source: SourceRef.nullable().describe('The latest source of the year in which the finding disappeared; null when the data has no dated source'),
    year: z.number().int().nullable().describe('The year in which the finding disappeared'),
    at: z.string().describe('When the disappearance was noticed (ISO 8601)'),
  })
  .meta({ id: 'FollowUpClosedByData' });
export type ClosedByData = z.infer<typeof ClosedByData>;

export const FOLLOW_UP_EVENT_TYPES = [
  'detected',
  'acknowledged',
  'resolved',
  'risk_accepted',
  'reopened',
  'commented',
  'closed_by_data',
  'vanished',
  'reappeared',
  'orphaned',
  'restored',
] as const;

export const FollowUpEvent = z
  .object({
    at: z.string().describe('When (ISO 8601)'),
    actor: Actor.describe('Who: the signed-in person or token, or the system for what the data changed'),
    type: z
      .enum(FOLLOW_UP_EVENT_TYPES)
      .describe(
        'detected: first seen in the data. acknowledged, resolved, risk_accepted, reopened, commented: an editor. closed_by_data: a source ' +
          'made it disappear. vanished: it disappeared while resolved (the resolution stands). reappeared: it came back (open again when it ' +
          'had been resolved or closed). orphaned: its subject is no longer in the data. restored: its subject is back.',
      ),
    from: FollowUpState.optional().describe('The state before, when the event changed it'),
    to: FollowUpState.optional().describe('The state after, when the event changed it'),
    comment: z.string().optional(),
    owner: Owner.optional(),
    dueDate: z.string().optional(),
    reason: z.string().optional(),
    reviewDate: z.string().optional(),
    source: SourceRef.nullable().optional().describe('For closed_by_data and vanished: the source that closed it'),
    year: z.number().int().nullable().optional().describe('For closed_by_data, vanished and reappeared: the year of the data'),
  })
  .meta({ id: 'FollowUpEvent' });
export type FollowUpEvent = z.infer<typeof FollowUpEvent>;

/** What the finding said when it was last seen: enough to show a closed or orphaned one without the data. */
export const FindingSummary = z
  .object({
    rule: z.string(),
    severity: GapSeverity,
    basis: FindingBasis,
    subject: NodeRef,
    message: LocalizedText,
    years: z.array(z.number().int()).optional(),
  })
  .meta({ id: 'FindingSummary' });
export type FindingSummary = z.infer<typeof FindingSummary>;

/** The body of a record in the work store's 'followup' collection. */
export const FollowUpRecord = z.object({
  findingId: z.string(),
  state: FollowUpState,
  owner: Owner.nullable(),
  dueDate: z.string().nullable(),
  reason: z.string().nullable(),
  reviewDate: z.string().nullable(),
  closedBy: ClosedByData.nullable(),
  /** Whether the finding was in the data at the last reconcile. */
  present: z.boolean(),
  /** Whether its subject was missing from the data at the last reconcile. */
  orphaned: z.boolean(),
  finding: FindingSummary,
  firstSeenAt: z.string(),
  firstSeenYear: z.number().int().nullable(),
  events: z.array(FollowUpEvent),
});
export type FollowUpRecord = z.infer<typeof FollowUpRecord>;

// Bodies of the state-changing routes. Strict: an unknown field is an error, never ignored.
const comment = editorText(MAX_COMMENT_LENGTH).optional().describe(`A comment for the thread (at most ${MAX_COMMENT_LENGTH} characters)`);
const reason = (what: string) => editorText(MAX_REASON_LENGTH).describe(`${what} (at most ${MAX_REASON_LENGTH} characters)`);

export const AcknowledgeBody = z
  .strictObject({ owner: OwnerInput, dueDate: IsoDate.describe('When the owner is to have acted; may be in the past (the answer warns)'), comment })
  .meta({ id: 'AcknowledgeBody' });
export const ResolveBody = z.strictObject({ reason: reason('Why the finding is resolved'), comment }).meta({ id: 'ResolveBody' });
export const AcceptRiskBody = z
  .strictObject({
    reason: reason('Why the risk is accepted'),
    reviewDate: IsoDate.describe('When to review the decision; may be in the past (the answer warns)'),
    comment,
  })
  .meta({ id: 'AcceptRiskBody' });
export const ReopenBody = z.strictObject({ comment }).meta({ id: 'ReopenBody' });
export const CommentBody = z.strictObject({ text: editorText(MAX_COMMENT_LENGTH).describe(`The comment (at most ${MAX_COMMENT_LENGTH} characters)`) }).meta({
  id: 'CommentBody',
});

/** What an editor asks for, after the body is validated and an agency owner is looked up in the graph. */
export type FollowUpCommand =
  | { type: 'acknowledge'; owner: Owner; dueDate: string; comment?: string }
  | { type: 'resolve'; reason: string; comment?: string }
  | { type: 'accept_risk'; reason: string; reviewDate: string; comment?: string }
  | { type: 'reopen'; comment?: string }
  | { type: 'comment'; text: string };

// The answers.
export const FollowUpStatus = z
  .object({
    state: FollowUpState,
    owner: Owner.nullable(),
    dueDate: z.string().nullable(),
    reason: z.string().nullable().describe('Why it was resolved or its risk accepted'),
    reviewDate: z.string().nullable().describe('When an accepted risk is to be reviewed'),
    overdue: z.boolean().describe('Acknowledged and past its due date, or an accepted risk past its review date (dates in Europe/Oslo)'),
    orphaned: z.boolean().describe('Its subject is no longer in the data; the thread is kept'),
    closedBy: ClosedByData.nullable(),
    firstSeenAt: z.string().describe('When the finding was first seen in the data (ISO 8601)'),
    firstSeenYear: z.number().int().nullable().describe('The first year of the data in which it was found'),
    updatedAt: z.string(),
    version: z.number().int().describe('The ETag of the record, without quotes'),
    comments: z.number().int().describe('Comments in the thread'),
  })
  .meta({ id: 'FollowUpStatus' });
export type FollowUpStatus = z.infer<typeof FollowUpStatus>;

export const FindingItem = FindingSummary.extend({
  id: z.string().describe('The stable finding id'),
  present: z.boolean().describe('Whether the finding is in the data of the year asked about'),
  followUp: FollowUpStatus.nullable().describe('null for a finding nobody has followed up (one that disappeared before follow-up began)'),
}).meta({ id: 'FindingItem' });
export type FindingItem = z.infer<typeof FindingItem>;

export const FindingDetail = FindingItem.extend({
  evidence: GapEvidence.nullable().describe('The evidence, when the finding is in the current data'),
  history: z.array(FollowUpEvent).describe('Every event but plain comments, oldest first: state changes, signed and dated'),
  thread: z.array(FollowUpEvent).describe('Every event with a comment, oldest first'),
  warnings: z.array(z.string()).optional().describe('After a change: what to double-check, e.g. a due date in the past'),
}).meta({ id: 'FindingDetail' });
export type FindingDetail = z.infer<typeof FindingDetail>;

/** One finding in the Skate report's follow-up section. */
export const DigestEntry = z
  .object({
    id: z.string(),
    finding: FindingSummary,
    state: FollowUpState,
    owner: Owner.nullable(),
    dueDate: z.string().nullable(),
    reviewDate: z.string().nullable(),
    reason: z.string().nullable(),
    closedBy: ClosedByData.nullable(),
    orphaned: z.boolean(),
    at: z.string().describe('When it came into its list: opened (detected, reappeared, reopened) or closed; ISO 8601'),
    by: Actor.nullable().describe('Who opened or closed it'),
    reopened: z.boolean().describe('Opened again rather than seen for the first time'),
  })
  .meta({ id: 'FollowUpDigestEntry' });
export type DigestEntry = z.infer<typeof DigestEntry>;

export const FollowUpDigest = z
  .object({
    since: z.string().describe('The date of the last meeting: what happened on or after it is news'),
    today: z.string().describe('The date overdue is judged by'),
    opened: z.array(DigestEntry).describe('New, reappeared or reopened since, still open or acknowledged; by severity'),
    overdue: z.array(DigestEntry).describe('Overdue today, earliest date first'),
    closed: z.array(DigestEntry).describe('Resolved, accepted as a risk or closed by the data since; by severity'),
  })
  .meta({ id: 'FollowUpDigest' });
export type FollowUpDigest = z.infer<typeof FollowUpDigest>;
