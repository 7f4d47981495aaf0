// The review of inferred links and fields: the targets with where they stand, one target's thread, and the editor's
// accept, reject and comment. Decisions are versioned records in the work store (ETag "<version>", If-Match), each
// written with its audit entry; the logic is the domain's (graph/review/). docs/review.md.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actOnReview, getReviewTarget, ReviewError, type ReviewProblem } from '../../graph/review/actions.js';
import { reviewRecords } from '../../graph/review/read.js';
import { filterTargets, reviewCatalogue, summarizeTargets } from '../../graph/review/catalogue.js';
import { ReviewTargetDetail, type ReviewAction } from '../../graph/review/schema.js';
import { requireRole } from '../plugins/access.js';
import { ApiError, ApiErrorBody, errorResponses, json, type ErrorCode } from '../schemas/common.js';
import { AcceptBody, CommentBody, RejectBody, ReviewList, ReviewListQuery, ReviewTargetParams } from '../schemas/reviews.js';
import type { ApiContext } from './context.js';

/** Writes a minute per client: generous for an editor going through a list, a bound for a script gone wrong. */
export const REVIEW_WRITES_PER_MINUTE = 120;

const STRONG_TAG = /^"(\d{1,15})"$/;

/**
 * The version an If-Match header names: null when absent. Only one strong tag as this API sends it ("3") is
 * understood; `*` is 428 and anything else (a list, a weak tag) 400, refused by name rather than guessed at.
 */
export function ifMatchVersion(header: string | string[] | undefined): number | null {
  if (header === undefined) return null;
  const value = (Array.isArray(header) ? header.join(',') : header).trim();
  // "Whatever is there" is the blind overwrite If-Match is here to prevent.
  if (value === '*') throw new ApiError(428, 'precondition_required', 'If-Match: * would decide on whatever the thread has become; send the ETag you read');
  const match = STRONG_TAG.exec(value);
  if (!match) {
    throw new ApiError(
      400,
      'invalid_request',
      `If-Match must be the one ETag this API sent for the target, such as "3" (quotes included); got ${JSON.stringify(value)}`,
      [{ field: 'if-match', in: 'headers', message: 'must be one strong ETag such as "3"' }],
    );
  }
  return Number(match[1]);
}

const PROBLEM_STATUS: Record<ReviewProblem, { status: number; code: ErrorCode }> = {
  not_found: { status: 404, code: 'not_found' },
  orphaned: { status: 409, code: 'conflict' },
  precondition_required: { status: 428, code: 'precondition_required' },
  invalid: { status: 400, code: 'invalid_request' },
};

function asApiError(err: unknown): unknown {
  if (!(err instanceof ReviewError)) return err;
  const { status, code } = PROBLEM_STATUS[err.problem];
  return new ApiError(status, code, err.message);
}

const ETAG = { ETag: { type: 'string', description: 'The version of the target\'s review record, quoted: "0" before the first decision or comment' } };

const WRITE_ERRORS = {
  ...errorResponses(400),
  401: json(ApiErrorBody, 'Not signed in: no credential, or a bearer token that is not valid'),
  403: json(ApiErrorBody, 'Signed in without the editor role (forbidden), or the server has no way to sign in (writes_disabled)'),
  404: json(ApiErrorBody, 'No inferred link or inferred node field has this id (stated links are not reviewed), and no thread has it'),
  ...errorResponses(413),
  412: json(ApiErrorBody, 'version_conflict: If-Match names an older version than the thread has; read it again (GET) and decide on what it says now'),
  428: json(ApiErrorBody, 'precondition_required: the target has a thread, and a decision must send If-Match with the version it was made on'),
  ...errorResponses(429, 500, 503),
};

const ACTIONS: {
  action: ReviewAction;
  path: string;
  summary: string;
  body: typeof AcceptBody | typeof RejectBody | typeof CommentBody;
  description: string;
}[] = [
  {
    action: 'accept',
    path: '/reviews/:target/accept',
    summary: 'Accept an inferred link or field',
    body: AcceptBody,
    description: 'The editor vouches for the inference; it stays an inference (basis "inferred"), now marked accepted.',
  },
  {
    action: 'reject',
    path: '/reviews/:target/reject',
    summary: 'Reject an inferred link or field, saying why',
    body: RejectBody,
    description:
      "A rejected link is left out of the graph's reads (unless `includeRejected=true`) and out of gap analysis, coverage, the timeline and " +
      'the diff; it is never deleted, and a later accept brings it back. A rejected field stays on its node, marked, and holds no gap finding up.',
  },
  {
    action: 'comment',
    path: '/reviews/:target/comments',
    summary: 'Add a comment to the thread of an inferred link or field',
    body: CommentBody,
    description:
      'A comment decides nothing. It appends, so If-Match is optional: without it the comment is added to the thread as it stands; with it, ' +
      'a stale version is a 412 as for a decision. An orphaned target (no longer in the data) takes comments but no decisions.',
  },
];

export const reviewRoutes: FastifyPluginAsyncZod<ApiContext> = async (app, { store, canAuthenticate }) => {
  app.get(
    '/reviews',
    {
      schema: {
        tags: ['review'],
        summary: 'The inferred links and fields, each with where it stands in review',
        description:
          'Every inferred link and every field a node marks as inferred in the data (the whole data, every year), with the decision in force: the ' +
          'later of the last one made in the app and the one the seed files record. Threads whose target the data no longer holds are listed as ' +
          'orphaned. Ordered: links, then fields, each by id; then the orphaned ones. `summary` counts every target before filters.',
        querystring: ReviewListQuery,
        response: { 200: json(ReviewList, 'One page of review targets, the total that match, and counts over all'), ...errorResponses(400, 500, 503) },
      },
    },
    async (request) => {
      const { limit, offset, state, kind, node, orphaned, pendingExport } = request.query;
      const [snapshot, records] = await Promise.all([store.snapshot(), reviewRecords(store.work)]);
      const all = reviewCatalogue(snapshot, records);
      const matching = filterTargets(all, {
        ...(state ? { state } : {}),
        ...(kind ? { kind } : {}),
        ...(node ? { node } : {}),
        ...(orphaned !== undefined ? { orphaned } : {}),
        ...(pendingExport !== undefined ? { pendingExport } : {}),
      });
      // The list leaves the threads out; a target's page (GET /api/reviews/:target) has it.
      const items = matching.slice(offset, offset + limit).map(({ events: _events, ...target }) => target);
      return { items, total: matching.length, summary: summarizeTargets(all) };
    },
  );

  app.get(
    '/reviews/:target',
    {
      schema: {
        tags: ['review'],
        summary: 'One review target with its whole thread',
        description: 'Answers with ETag "<version>": send it back as If-Match with a decision.',
        params: ReviewTargetParams,
        response: {
          200: { ...json(ReviewTargetDetail, 'The target, where it stands, and its thread'), headers: ETAG },
          404: json(ApiErrorBody, 'No inferred link or inferred node field has this id (stated links are not reviewed), and no thread has it'),
          ...errorResponses(400, 500, 503),
        },
      },
    },
    async (request, reply) => {
      const found = await getReviewTarget(store.work, await store.snapshot(), request.params.target);
      if (!found)
        throw asApiError(
          new ReviewError(
            'not_found',
            `no inferred link or inferred node field has the review target id ${JSON.stringify(request.params.target)}; stated links are not reviewed`,
          ),
        );
      void reply.header('etag', `"${found.detail.version}"`).header('cache-control', 'no-store');
      return found.detail;
    },
  );

  for (const { action, path, summary, body, description } of ACTIONS) {
    app.post(
      path,
      {
        onRequest: requireRole('editor', canAuthenticate),
        config: { rateLimit: { max: REVIEW_WRITES_PER_MINUTE, timeWindow: '1 minute' } },
        schema: {
          tags: ['review'],
          summary,
          description: `${description} Needs the editor role. Dated and signed by the caller; audited (action "review.${action}").`,
          security: [{ adminToken: [] }],
          params: ReviewTargetParams,
          headers: z.looseObject({
            'if-match': z
              .string()
              .optional()
              .describe(
                action === 'comment'
                  ? 'The ETag of the thread this comment answers (optional)'
                  : 'The ETag of the thread the decision was made on; required once the target has a thread (428 without it, 412 when stale)',
              ),
          }),
          body,
          response: {
            200: { ...json(ReviewTargetDetail, 'The target as it now stands, with its thread'), headers: ETAG },
            ...WRITE_ERRORS,
            409: json(ApiErrorBody, 'conflict: the data no longer holds the target (orphaned); its thread takes comments only'),
          },
        },
      },
      async (request, reply) => {
        const expectedVersion = ifMatchVersion(request.headers['if-match']);

        const { note } = request.body as { note?: string };
        try {
          const detail = await actOnReview(store.work, await store.snapshot(), request.params.target, {
            action,
            ...(note !== undefined ? { note } : {}),
            actor: request.principal.actor,
            expectedVersion,
            requestId: request.id,
          });
          void reply.header('etag', `"${detail.version}"`).header('cache-control', 'no-store');
          return detail;
        } catch (err) {
          throw asApiError(err);
        }
      },
    );
  }
};
