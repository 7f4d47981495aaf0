// API tokens for scripts and CI: created by an admin (the secret is shown once), listed without secrets, revoked.
// Every token is a versioned record in the work store; creating and revoking each append an audit entry in the same
// transaction, and neither the entry nor any answer but the creation's holds the secret or its hash.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Json } from '../../graph/work/schema.js';
import { publicToken, StoredToken } from '../../graph/work/token.js';
import { newTokenSecret } from '../auth/tokens.js';
import { requireRole } from '../plugins/access.js';
import { TokenCreate, TokenCreated, TokenInfo, TokenList, TokenParams, TOKEN_MAX_DAYS } from '../schemas/auth.js';
import { ApiError, ApiErrorBody, errorResponses, json } from '../schemas/common.js';
import type { ApiContext } from './context.js';

const DAY_MS = 24 * 60 * 60_000;
const SECURITY: Record<string, string[]>[] = [{ adminToken: [] }, { session: [] }];

export const tokenRoutes: FastifyPluginAsyncZod<ApiContext> = async (app, { store, canAuthenticate, rateLimits, auth }) => {
  const admin = requireRole('admin', canAuthenticate);
  const writeRate = { rateLimit: { max: rateLimits.write, timeWindow: '1 minute' } };

  app.post(
    '/tokens',
    {
      onRequest: admin,
      config: writeRate,
      schema: {
        tags: ['tokens'],
        summary: 'Create an API token (admin); its secret is in this answer and nowhere else',
        description: `A token has a name, a role and an expiry of 1 to ${TOKEN_MAX_DAYS} days. Only a SHA-256 hash of the secret is stored.`,
        security: SECURITY,
        body: TokenCreate,
        response: { 201: json(TokenCreated, 'The token, with its secret'), ...errorResponses(400, 401, 403, 429, 500, 503) },
      },
    },
    async (request, reply) => {
      const now = auth.now();
      const { id, secret, hash } = newTokenSecret();
      const token: StoredToken = {
        name: request.body.name,
        role: request.body.role,
        createdAt: new Date(now).toISOString(),
        createdBy: request.principal.actor,
        expiresAt: new Date(now + request.body.expiresInDays * DAY_MS).toISOString(),
        hash,
        revokedAt: null,
        revokedBy: null,
      };
      const shown = publicToken(id, token, now);
      await store.work.writeRecord('token', id, token, 0, {
        at: token.createdAt,
        actor: request.principal.actor,
        action: 'token.create',
        target: `token/${id}`,
        before: null,
        after: shown as unknown as Json,
        requestId: request.id,
      });
      request.log.info({ token: id, role: token.role, actor: request.principal.actor.id }, 'API token created');
      return reply
        .code(201)
        .header('cache-control', 'no-store')
        .send({ ...shown, secret });
    },
  );

  app.get(
    '/tokens',
    {
      onRequest: admin,
      schema: {
        tags: ['tokens'],
        summary: 'List the API tokens (admin), newest first, without their secrets',
        security: SECURITY,
        response: { 200: json(TokenList, 'Every token, revoked and expired ones too'), ...errorResponses(401, 403, 500, 503) },
      },
    },
    async () => {
      const now = auth.now();
      const items = (await store.work.listRecords('token'))
        .map((record) => publicToken(record.id, StoredToken.parse(record.body), now))
        .sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : 0));
      return { items };
    },
  );

  app.delete(
    '/tokens/:id',
    {
      onRequest: admin,
      config: writeRate,
      schema: {
        tags: ['tokens'],
        summary: 'Revoke an API token (admin); it stops working at once, and its record stays for the audit trail',
        description: 'Revoking a token that is already revoked changes nothing and answers it as it is.',
        security: SECURITY,
        params: TokenParams,
        response: { 200: json(TokenInfo, 'The token, revoked'), ...errorResponses(400, 401, 403, 429, 500, 503), 404: json(ApiErrorBody, 'No such token') },
      },
    },
    async (request) => {
      const { id } = request.params;
      const now = auth.now();
      const record = await store.work.getRecord('token', id);
      if (!record) throw new ApiError(404, 'not_found', `there is no API token ${id}`);
      const token = StoredToken.parse(record.body);
      if (token.revokedAt !== null) return publicToken(id, token, now);
      const revoked: StoredToken = { ...token, revokedAt: new Date(now).toISOString(), revokedBy: request.principal.actor };
      const after = publicToken(id, revoked, now);
      await store.work.writeRecord('token', id, revoked, record.version, {
        at: revoked.revokedAt!,
        actor: request.principal.actor,
        action: 'token.revoke',
        target: `token/${id}`,
        before: publicToken(id, token, now) as unknown as Json,
        after: after as unknown as Json,
        requestId: request.id,
      });
      request.log.info({ token: id, actor: request.principal.actor.id }, 'API token revoked');
      return after;
    },
  );
};
