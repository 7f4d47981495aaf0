// Sign-in with OpenID Connect (login, callback, logout) and the session as the web UI sees it.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { SignInError, safeReturnPath } from '../auth/oidc.js';
import { ApiError, ApiErrorBody, errorResponses, json } from '../schemas/common.js';
import { CallbackQuery, LoggedOut, LoginQuery, SessionInfo } from '../schemas/auth.js';
import type { ApiContext } from './context.js';

const redirect = (description: string) => ({ description, content: { 'text/plain': { schema: z.string().describe('Empty') } } });
const notConfigured = () => new ApiError(404, 'not_found', 'sign-in is not configured on this server (see STRATEGIGRAF_OIDC_ISSUER in the README)');
const signInFailed = (message: string) => new ApiError(401, 'unauthorized', message);

export const authRoutes: FastifyPluginAsyncZod<ApiContext> = async (app, { auth, rateLimits }) => {
  const { oidc, sessions, basePath, now } = auth;
  // Each sign-in step may reach the provider; a few times the write limit leaves room for a user's retries.
  const SIGN_IN_RATE = { max: rateLimits.write * 3, timeWindow: '1 minute' };

  app.get(
    '/session',
    {
      schema: {
        tags: ['auth'],
        summary: 'Who is asking, with which role, and how to sign in',
        description: 'For the web UI: the actor and role of this request, the CSRF token of a signed-in session, and the sign-in URL.',
        response: { 200: json(SessionInfo, 'The session of this request'), ...errorResponses(401, 500, 503) },
      },
    },
    async (request, reply) => {
      const { actor, role } = request.principal;
      const user = actor.via === 'oidc' ? (sessions?.user(request) ?? null) : null;
      reply.header('cache-control', 'no-store');
      return {
        actor: actor.via === 'anonymous' ? null : actor,
        role,
        via: actor.via,
        csrfToken: user?.csrf ?? null,
        expiresAt: user ? new Date(user.expiresAt).toISOString() : null,
        signIn: { available: oidc !== null, loginUrl: oidc ? `${basePath}api/auth/login` : null },
      };
    },
  );

  app.get(
    '/auth/login',
    {
      config: { rateLimit: SIGN_IN_RATE },
      schema: {
        tags: ['auth'],
        summary: 'Start signing in: redirects the browser to the identity provider',
        description: 'Authorization-code flow with PKCE, state and nonce. `returnTo` must be a path on this site; anything else is replaced by the start page.',
        querystring: LoginQuery,
        response: {
          302: redirect('To the identity provider'),
          ...errorResponses(400),
          404: json(ApiErrorBody, 'Sign-in is not configured on this server'),
          ...errorResponses(429, 500),
          503: json(ApiErrorBody, 'The identity provider cannot be reached'),
        },
      },
    },
    async (request, reply) => {
      if (!oidc || !sessions) throw notConfigured();
      const returnTo = safeReturnPath(request.query.returnTo, basePath);
      let started: Awaited<ReturnType<typeof oidc.startLogin>>;
      try {
        started = await oidc.startLogin(returnTo, now());
      } catch (err) {
        if (!(err instanceof SignInError)) throw err;
        request.log.error({ err }, 'sign-in could not start');
        throw new ApiError(503, 'sign_in_unavailable', `${err.message}; try again shortly`);
      }
      sessions.beginLogin(request, started.pending);
      return reply.header('cache-control', 'no-store').redirect(started.url.href, 302);
    },
  );

  app.get(
    '/auth/callback',
    {
      config: { rateLimit: SIGN_IN_RATE },
      schema: {
        tags: ['auth'],
        summary: 'Where the identity provider sends the browser back; starts the session and redirects to returnTo',
        description:
          'Register `<STRATEGIGRAF_PUBLIC_URL>/api/auth/callback` as the redirect URL at the provider. A state, nonce, issuer or audience ' +
          'that does not match, a sign-in started in another browser or more than 10 minutes ago, or an error from the provider is a 401.',
        querystring: CallbackQuery,
        response: {
          303: redirect('Signed in: back to returnTo'),
          ...errorResponses(400, 401),
          404: json(ApiErrorBody, 'Sign-in is not configured on this server'),
          ...errorResponses(429, 500),
        },
      },
    },
    async (request, reply) => {
      if (!oidc || !sessions) throw notConfigured();
      reply.header('cache-control', 'no-store');
      const pending = sessions.takeLogin(request);
      if (!pending) throw signInFailed('no sign-in was started in this browser, or it took more than 10 minutes: start again');
      const at = request.url.indexOf('?');
      const query = new URLSearchParams(at < 0 ? '' : request.url.slice(at + 1));
      try {
        const signedIn = await oidc.finishLogin(query, pending);
        sessions.signIn(request, signedIn);
        request.log.info({ actor: signedIn.actor.id, role: signedIn.role }, 'signed in');
        return reply.redirect(pending.returnTo, 303);
      } catch (err) {
        if (!(err instanceof SignInError)) throw err;
        request.log.warn({ err }, 'sign-in refused');
        throw signInFailed(err.message);
      }
    },
  );

  app.post(
    '/auth/logout',
    {
      config: { rateLimit: SIGN_IN_RATE },
      // Before the body is read: a cookie sent without the CSRF proof must not end the session (another site could sign
      // the user out), whatever it sent.
      onRequest: async (request) => {
        if (request.credentialProblem?.statusCode === 403) throw request.credentialProblem;
      },
      schema: {
        tags: ['auth'],
        summary: "End the session; answers where to send the browser (the provider's end-session page when it has one)",
        description: 'Needs the X-CSRF-Token header of the session, like every write made with the session cookie.',
        response: { 200: json(LoggedOut, 'The session cookie is cleared'), ...errorResponses(403, 429, 500) },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      const user = sessions?.user(request) ?? null;
      sessions?.signOut(request);
      const providerLogout = user && oidc ? await oidc.logoutUrl(user.idToken) : null;
      if (user) request.log.info({ actor: user.actor.id }, 'signed out');
      return { redirectTo: providerLogout?.href ?? basePath };
    },
  );
};
