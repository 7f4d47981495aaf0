// Who is asking, and may they: every request gets a principal (an actor and a role) before routing, and write routes
// name the role they need. Authenticators (the bootstrap admin token here; API tokens and the sign-in session are
// added beside it) each recognise their own credential; a request without any is anonymous.
import type { FastifyInstance, FastifyRequest, onRequestAsyncHookHandler } from 'fastify';
import { roleAtLeast, type Actor, type Role } from '../../graph/work/schema.js';
import { ApiError } from '../schemas/common.js';
import { tokenMatches } from './auth.js';

export interface Principal {
  actor: Actor;
  role: Role;
}

declare module 'fastify' {
  interface FastifyRequest {
    principal: Principal;
    /**
     * A credential the request carried but could not use (a session that ended, a cookie write without its CSRF
     * proof): the request went on as anonymous, and a route that needs a role answers with this instead of a plain 401.
     */
    credentialProblem: ApiError | null;
  }
}

export const ANONYMOUS: Actor = { id: 'anonymous', name: 'anonymous', via: 'anonymous' };
export const BOOTSTRAP_ADMIN: Actor = { id: 'bootstrap-admin', name: 'STRATEGIGRAF_ADMIN_TOKEN', via: 'bootstrap' };

/**
 * Recognises one kind of credential. Returns null when the request does not carry it, a principal when it is valid,
 * and throws ApiError 401 when it is carried but not valid (a wrong token is never read as "anonymous").
 */
export type Authenticator = (request: FastifyRequest) => Promise<Principal | null>;

export function bearerToken(request: FastifyRequest): string | null {
  const header = request.headers.authorization;
  if (typeof header !== 'string') return null;
  const match = /^Bearer[ \t]+(\S+)[ \t]*$/i.exec(header);
  return match ? match[1]! : null;
}

export const unauthorized = (message: string) => new ApiError(401, 'unauthorized', message, undefined, { 'www-authenticate': 'Bearer realm="strategigraf"' });

/** STRATEGIGRAF_ADMIN_TOKEN: an admin without any other setup, for the first token and for scripts on a laptop. */
export function bootstrapAdmin(adminToken: string | undefined): Authenticator {
  const expected = adminToken && adminToken.length > 0 ? adminToken : null;
  return async (request) => {
    const token = bearerToken(request);
    if (token === null || expected === null || !tokenMatches(token, expected)) return null;
    return { actor: BOOTSTRAP_ADMIN, role: 'admin' };
  };
}

export interface AccessOptions {
  /** Tried in order; the first that recognises its credential decides. */
  authenticators: Authenticator[];
  /** The role of a request without credentials. */
  anonymousRole: Role;
  /** Whether any way to sign in or present a token is configured; without one, write routes say how to enable them. */
  canAuthenticate: boolean;
}

export function registerAccess(app: FastifyInstance, options: AccessOptions): void {
  app.decorateRequest('principal', null as unknown as Principal);
  app.decorateRequest('credentialProblem', null);
  app.addHook('onRequest', async (request) => {
    for (const authenticate of options.authenticators) {
      const principal = await authenticate(request);
      if (principal) {
        request.principal = principal;
        return;
      }
    }
    // A bearer token nobody recognised is an error, not an anonymous request: the caller meant to be someone.
    if (options.canAuthenticate && bearerToken(request) !== null) throw unauthorized('the bearer token is not valid');
    request.principal = { actor: ANONYMOUS, role: options.anonymousRole };
  });
}

/** Refuses the request unless its principal has at least `needed`: 401 when anonymous, 403 when signed in. */
export function requireRole(needed: Role, canAuthenticate: boolean): onRequestAsyncHookHandler {
  return async (request) => {
    const { actor, role } = request.principal;
    if (roleAtLeast(role, needed)) return;
    if (actor.via === 'anonymous') {
      if (request.credentialProblem) throw request.credentialProblem;
      if (!canAuthenticate) {
        throw new ApiError(
          403,
          'writes_disabled',
          'write routes are disabled on this server: set STRATEGIGRAF_ADMIN_TOKEN (or configure sign-in) to enable them',
        );
      }
      throw unauthorized(`this route needs the ${needed} role: sign in, or send "Authorization: Bearer <token>"`);
    }
    throw new ApiError(403, 'forbidden', `this route needs the ${needed} role; ${actor.name} has the ${role} role`);
  };
}
