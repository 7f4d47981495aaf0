// The follow-up and audit routes' query strings, parameters and answers, built from the zod shapes in graph/work.
import { z } from 'zod';
import { GAP_RULES } from '../../graph/analysis/gaps.js';
import { NODE_KINDS } from '../../graph/ontology.js';
import { GAP_SEVERITIES } from '../../graph/schema/analysis.js';
import { FindingDetail, FindingIdText, FindingItem, FOLLOW_UP_STATES, IsoDate } from '../../graph/work/followup/schema.js';
import { FINDING_SORTS } from '../../graph/work/followup/service.js';
import { AuditEntry } from '../../graph/work/schema.js';
import { ApiErrorBody, json, queryInt, queryList, queryWholeNumber } from './common.js';
import { asOfParam } from './time.js';

const GAP_RULE_IDS = GAP_RULES.map((r) => r.id) as [string, ...string[]];

/** `true` or `false`, or left out for "either". */
const queryFlag = (description: string) =>
  z
    .enum(['true', 'false'], { error: 'must be "true" or "false"' })
    .transform((v) => v === 'true')
    .optional()
    .describe(description);

export const FindingsQuery = z.strictObject({
  state: queryList(FOLLOW_UP_STATES, 'state', 'Only findings in these follow-up states (findings nobody followed up have none and are left out)'),
  owner: z.string().min(1).max(200).optional().describe('Only findings owned by this agency (its id or name) or person (the name); case does not matter'),
  rule: z
    .enum(GAP_RULE_IDS, { error: (issue) => `unknown gap rule ${JSON.stringify(issue.input)} (expected one of ${GAP_RULE_IDS.join(', ')})` })
    .optional()
    .describe('Only findings of this rule'),
  severity: z
    .enum(GAP_SEVERITIES, { error: (issue) => `must be one of ${GAP_SEVERITIES.join(', ')} (got ${JSON.stringify(issue.input)})` })
    .optional()
    .describe('Only findings of this severity'),
  kind: z
    .enum(NODE_KINDS, { error: (issue) => `unknown node kind ${JSON.stringify(issue.input)} (expected one of ${NODE_KINDS.join(', ')})` })
    .optional()
    .describe('Only findings about nodes of this kind'),
  overdue: queryFlag('true: only overdue findings (acknowledged past the due date, or an accepted risk past its review date); false: none of them'),
  orphaned: queryFlag('true: only findings whose subject is no longer in the data; false: none of them'),
  dueBefore: IsoDate.optional().describe('Only findings due on or before this date (YYYY-MM-DD)'),
  sort: z
    .enum(FINDING_SORTS, { error: `must be one of ${FINDING_SORTS.join(', ')}` })
    .optional()
    .describe(
      'severity (default: high first, then rule and subject), due (earliest due date first), owner (by name), or state (open, acknowledged, ' +
        'accepted_risk, resolved, closed_by_data); findings without the value last',
    ),
  limit: queryInt(1, 5000, 1000, 'Most findings in the answer'),
  offset: queryInt(0, 10_000_000, 0, 'Findings to skip'),
  asOf: asOfParam,
});

export const FindingParams = z.strictObject({ id: FindingIdText.describe('The stable finding id, e.g. "focus-area-not-started:okt-deling-av-data"') });

export const FindingList = z
  .object({
    asOf: z.number().int().nullable().describe('The year of the data the findings are of; null when no source has a year'),
    today: z.string().describe('The date in Oslo that "overdue" was judged by'),
    total: z.number().int().describe('Findings that match the filters'),
    truncated: z.boolean(),
    summary: z
      .object({
        byState: z.record(z.string(), z.number().int()).describe('Per follow-up state, and "untracked" for findings without follow-up'),
        overdue: z.number().int(),
        orphaned: z.number().int(),
      })
      .describe('Over every finding of the year, whatever the filters'),
    items: z
      .array(FindingItem)
      .describe(
        'The findings of the year with their follow-up; for the latest year (the default) also the followed-up findings that are no longer in ' +
          'the data (closed by the data, resolved and gone, orphaned), with present: false',
      ),
  })
  .meta({ id: 'FindingList' });

export { FindingDetail };

export const AuditQuery = z.strictObject({
  limit: queryInt(1, 1000, 100, 'Most entries in the answer'),
  before: queryWholeNumber(1, Number.MAX_SAFE_INTEGER).optional().describe('Only entries older than this seq: the nextBefore of the page before'),
  target: z.string().min(1).max(600).optional().describe('Only entries about this target, e.g. "followup/<finding id>" or "dataset"'),
  actor: z.string().min(1).max(600).optional().describe('Only entries by this actor id'),
  action: z
    .string()
    .min(1)
    .max(100)
    .optional()
    .describe('Only this action, e.g. "followup.resolve", or every action under a prefix ending in a dot, e.g. "followup."'),
  format: z.enum(['json', 'csv'], { error: 'must be json or csv' }).default('json').describe('csv: a UTF-8 file with a byte order mark, for spreadsheets'),
});

export const AuditList = z
  .object({
    items: z.array(AuditEntry).describe('Newest first'),
    nextBefore: z.number().int().nullable().describe('Pass as `before` for the next, older page; null at the start of the trail'),
  })
  .meta({ id: 'AuditList' });

// Error answers with the meaning they have on these routes.
const error = (description: string) => json(ApiErrorBody, description);
export const WRITE_ERRORS = {
  400: error('The body, the id or the If-Match header is not valid; details name the field'),
  401: error('Not signed in, or the bearer token is wrong'),
  403: error('Signed in without the editor role (forbidden), or no way to sign in is configured (writes_disabled)'),
  404: error('No finding has this id, now or in the follow-up'),
  409: error('The request does not fit the follow-up state (invalid_transition), or the thread is full (thread_full)'),
  412: error(
    'If-Match is not the current ETag (precondition_failed), or another write came first (version_conflict): read it again; the ETag header holds the current one',
  ),
  413: error('The record would be larger than the store keeps'),
  422: error('The owner agency is not an agency of the graph (invalid_owner)'),
  428: error('If-Match is missing (or *): send the ETag from GET /api/findings/{id}'),
  429: error('Too many requests; see the Retry-After header'),
  500: error('A fault on the server'),
  503: error('The store is unavailable'),
};
