// The follow-up of findings over HTTP: the findings with their follow-up, one finding with its thread and history (and
// its ETag), and the editors' changes, each needing the editor role and the ETag it read. The logic is graph/work/followup.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AcceptRiskBody, AcknowledgeBody, CommentBody, ReopenBody, ResolveBody } from '../../graph/work/followup/schema.js';
import { reviewedSnapshot } from '../../graph/review/read.js';
import { ensureReconciled } from '../../graph/work/followup/reconcile.js';
import { StoredRecords } from '../../graph/work/schema.js';
import { actOnFinding, getFinding, listFindings, type FollowUpRequest } from '../../graph/work/followup/service.js';
import { FollowUpError } from '../../graph/work/followup/state.js';
import type { GraphStore } from '../../graph/store/port.js';
import { requireRole } from '../plugins/access.js';
import { etagOf, expectedVersion, sendEtag } from '../plugins/preconditions.js';
import { ApiError, errorResponses, json } from '../schemas/common.js';
import { FindingDetail, FindingList, FindingParams, FindingsQuery, WRITE_ERRORS } from '../schemas/findings.js';
import type { ApiContext } from './context.js';
import { fullCollection } from '../memory.js';
import { checkYear } from './years.js';

/** Follow-up writes are light; a meeting may change many findings in a minute. Per client. */
export const FOLLOW_UP_WRITES_PER_MINUTE = 120;

const READ_HOW = 'the ETag header of GET /api/findings/{id}';

// Loose: the other headers pass through untouched. Documented here, checked in the handler (428 when missing).
const IfMatchHeader = z.looseObject({ 'if-match': z.string().optional().describe('The ETag read, e.g. "3"; required') });

/**
 * The graph as the gap analysis reads it (the review applied, rejected links left out), with the follow-up reconciled
 * with it first: once per graph and set of decisions, so a rejection that takes a finding away closes it here too
 * (see docs/follow-up.md).
 */
async function reconciledSnapshot(store: GraphStore, request: FastifyRequest) {
  const snapshot = await reviewedSnapshot(store);
  await ensureReconciled(store.work, snapshot, { requestId: request.id, afterBurst: fullCollection() ?? undefined });
  return snapshot;
}

function apiErrorOf(err: FollowUpError, reply: FastifyReply): ApiError {
  switch (err.code) {
    case 'not_found':
      return new ApiError(404, 'not_found', err.message);
    case 'invalid_transition':
      return new ApiError(409, 'invalid_transition', err.message);
    case 'thread_full':
      return new ApiError(409, 'thread_full', err.message);
    case 'invalid_owner':
      return new ApiError(422, 'invalid_owner', err.message, [{ field: 'owner.agency', in: 'body', message: err.message.replace(/^owner\.agency: /, '') }]);
    case 'precondition_failed':
      if (err.currentVersion !== undefined) void reply.header('etag', etagOf(err.currentVersion));
      return new ApiError(412, 'precondition_failed', err.message);
  }
}

interface Change<B extends z.ZodType> {
  path: string;
  summary: string;
  description: string;
  body: B;
  toRequest(body: z.infer<B>): FollowUpRequest;
}

const CHANGES = [
  {
    path: '/findings/:id/acknowledge',
    summary: 'Acknowledge a finding: give it an owner (an agency or a person) and a due date',
    description:
      'From open, acknowledged (to hand it to another owner or move the due date) or accepted_risk. A due date in the past is accepted, ' +
      'and the answer warns. An agency owner must be an Agency node of the graph (422 invalid_owner otherwise).',
    body: AcknowledgeBody,
    toRequest: (b) => ({ type: 'acknowledge', owner: b.owner, dueDate: b.dueDate, comment: b.comment }),
  } satisfies Change<typeof AcknowledgeBody>,
  {
    path: '/findings/:id/resolve',
    summary: 'Resolve a finding, with the reason',
    description: 'From open, acknowledged or accepted_risk; a resolved or closed finding is a 409 (reopen it first).',
    body: ResolveBody,
    toRequest: (b) => ({ type: 'resolve', reason: b.reason, comment: b.comment }),
  } satisfies Change<typeof ResolveBody>,
  {
    path: '/findings/:id/accept-risk',
    summary: 'Accept a finding as a risk, with the reason and a date to review the decision',
    description: 'From open, acknowledged or accepted_risk (to renew the decision). A review date in the past is accepted, and the answer warns.',
    body: AcceptRiskBody,
    toRequest: (b) => ({ type: 'accept_risk', reason: b.reason, reviewDate: b.reviewDate, comment: b.comment }),
  } satisfies Change<typeof AcceptRiskBody>,
  {
    path: '/findings/:id/reopen',
    summary: 'Reopen a resolved, accepted or closed finding',
    description: 'From resolved, accepted_risk or closed_by_data, to open; its history stays. An open or acknowledged finding is a 409.',
    // No body at all is fine: a reopen needs nothing but the ETag.
    body: ReopenBody.nullish(),
    toRequest: (b) => ({ type: 'reopen', comment: b?.comment }),
  } satisfies Change<ReturnType<typeof ReopenBody.nullish>>,
  {
    path: '/findings/:id/comments',
    summary: "Add a comment to a finding's thread",
    description: 'In any state, also on a closed or orphaned finding.',
    body: CommentBody,
    toRequest: (b) => ({ type: 'comment', text: b.text }),
  } satisfies Change<typeof CommentBody>,
];

const RecordsParams = z.strictObject({ collection: z.enum(['followup', 'review']).describe('The follow-up or the review; tokens are never served') });

export const findingRoutes: FastifyPluginAsyncZod<ApiContext> = async (app, { store, canAuthenticate }) => {
  app.get(
    '/records/:collection',
    {
      schema: {
        tags: ['findings'],
        summary: "The follow-up's or the review's records as stored, not reconciled with the data",
        description:
          "Every record of the collection in id order with its version: what the CLI reads to build the same output (the report's follow-up " +
          'section, the reviewed graph) when it reads through a running server. Readable by everyone, as the follow-up and the review are; ' +
          'API tokens are not a collection served here.',
        params: RecordsParams,
        response: { 200: json(StoredRecords, 'The records'), ...errorResponses(400, 500, 503) },
      },
    },
    async (request, reply) => {
      void reply.header('cache-control', 'no-store');
      const records = await store.work.listRecords(request.params.collection);
      return { items: records.map(({ id, version, updatedAt, body }) => ({ id, version, updatedAt, body })) };
    },
  );

  app.get(
    '/findings',
    {
      schema: {
        tags: ['findings'],
        summary: 'The gap findings with their follow-up: state, owner, due date, overdue',
        description:
          'The findings of a year (as GET /api/gaps gives them, without the evidence) merged with their follow-up; for the latest year (the ' +
          'default) also the followed-up findings no longer in the data. The follow-up is first reconciled with the data when the graph has ' +
          'changed since it last was: new findings get a record, those gone are closed by the data, those back reopen.',
        querystring: FindingsQuery,
        response: { 200: json(FindingList, 'The findings, filtered, sorted and paged'), ...errorResponses(400, 500, 503) },
      },
    },
    async (request, reply) => {
      const snapshot = await reconciledSnapshot(store, request);
      const { asOf, state, owner, rule, severity, kind, overdue, orphaned, dueBefore, sort, limit, offset } = request.query;
      if (asOf !== undefined) checkYear(snapshot, asOf, 'asOf');
      const query = {
        limit,
        offset,
        ...(asOf !== undefined ? { asOf } : {}),
        ...(state ? { state } : {}),
        ...(owner !== undefined ? { owner } : {}),
        ...(rule !== undefined ? { rule } : {}),
        ...(severity !== undefined ? { severity } : {}),
        ...(kind !== undefined ? { kind } : {}),
        ...(overdue !== undefined ? { overdue } : {}),
        ...(orphaned !== undefined ? { orphaned } : {}),
        ...(dueBefore !== undefined ? { dueBefore } : {}),
        ...(sort !== undefined ? { sort } : {}),
      };
      void reply.header('cache-control', 'no-store');
      return listFindings({ work: store.work, snapshot }, query);
    },
  );

  app.get(
    '/findings/:id',
    {
      schema: {
        tags: ['findings'],
        summary: 'One finding with its evidence, its thread and its history; the ETag header is what a change must send in If-Match',
        description:
          'A finding of the current data, or one followed up earlier that is no longer in it (present: false, evidence: null). ' +
          'The ETag is "0" for a finding without a record yet.',
        params: FindingParams,
        response: {
          200: json(FindingDetail, 'The finding; the ETag header holds the version of its follow-up'),
          ...errorResponses(400, 404, 500, 503),
        },
      },
    },
    async (request, reply) => {
      const snapshot = await reconciledSnapshot(store, request);
      const found = await getFinding({ work: store.work, snapshot }, request.params.id);
      if (!found) throw new ApiError(404, 'not_found', `no finding has the id "${request.params.id}", in the current data or in the follow-up`);
      sendEtag(reply, found.version);
      void reply.header('cache-control', 'no-store');
      return found.detail;
    },
  );

  for (const change of CHANGES) {
    const { path, summary, description, body, toRequest } = change as Change<z.ZodType>;
    app.post(
      path,
      {
        onRequest: requireRole('editor', canAuthenticate),
        config: { rateLimit: { max: FOLLOW_UP_WRITES_PER_MINUTE, timeWindow: '1 minute' } },
        schema: {
          tags: ['findings'],
          summary,
          description:
            `${description} Needs the editor role and If-Match with the ETag read from GET /api/findings/{id} ("0" when the finding has no ` +
            'record yet). The change and its audit entry (before and after) are written in one transaction; the answer carries the new ETag.',
          security: [{ adminToken: [] }],
          params: FindingParams,
          headers: IfMatchHeader,
          body,
          response: {
            200: json(FindingDetail, 'The finding after the change, with warnings; the ETag header holds the new version'),
            ...WRITE_ERRORS,
          },
        },
      },
      async (request, reply) => {
        const expected = expectedVersion(request, READ_HOW);
        const snapshot = await reconciledSnapshot(store, request);
        const { id } = request.params as z.infer<typeof FindingParams>;
        try {
          const done = await actOnFinding({ work: store.work, snapshot }, id, toRequest(request.body), {
            actor: request.principal.actor,
            expectedVersion: expected,
            requestId: request.id,
          });
          sendEtag(reply, done.version);
          void reply.header('cache-control', 'no-store');
          return { ...done.detail, warnings: done.warnings };
        } catch (err) {
          if (err instanceof FollowUpError) throw apiErrorOf(err, reply);
          throw err;
        }
      },
    );
  }
};
