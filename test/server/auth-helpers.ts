// Principals for tests: a browser that signs in at a real OpenID provider (test/server/oidc-provider.ts) and carries
// its session cookie and CSRF token, and API tokens of any role made with the bootstrap admin token. Other suites use
// these to act as an editor or an admin, e.g. `const editor = await apiToken(app, 'editor')`.
import type { FastifyInstance } from 'fastify';
import { authSettingsFromEnv, type AuthSettings } from '../../server/auth/config.js';
import type { ClientMetadata } from 'oidc-provider';
import { CookieJar, type TestProvider } from './oidc-provider.js';
import { ADMIN_TOKEN, body } from './helpers.js';
import type { Role } from '../../graph/work/schema.js';

/** Where the app under test "is": requests to this origin go to app.inject, everything else over HTTP. */
export const APP_ORIGIN = 'http://strategigraf.test';
export const REDIRECT_URI = `${APP_ORIGIN}/api/auth/callback`;
export const SESSION_SECRET = 'test-session-secret-0123456789-abcdefghij';
export const TEST_CLIENT = { client_id: 'strategigraf', client_secret: 'test-client-secret-0123456789' };
/** The groups claim values the tests map to roles. */
export const ROLE_GROUPS = 'sg-admin=admin,sg-editor=editor';

/** The client the provider must know for the app to sign in through it. */
export function testClient(overrides: Partial<ClientMetadata> = {}): ClientMetadata {
  return {
    ...TEST_CLIENT,
    redirect_uris: [REDIRECT_URI],
    post_logout_redirect_uris: [`${APP_ORIGIN}/`],
    grant_types: ['authorization_code'],
    response_types: ['code'],
    token_endpoint_auth_method: 'client_secret_basic',
    ...overrides,
  };
}

/** The environment an operator would set for this provider, read the way server/main.ts reads it. */
export function oidcEnv(provider: TestProvider, extra: Record<string, string> = {}): Record<string, string> {
  return {
    STRATEGIGRAF_OIDC_ISSUER: provider.issuer,
    STRATEGIGRAF_OIDC_CLIENT_ID: TEST_CLIENT.client_id,
    STRATEGIGRAF_OIDC_CLIENT_SECRET: TEST_CLIENT.client_secret,
    STRATEGIGRAF_PUBLIC_URL: APP_ORIGIN,
    STRATEGIGRAF_OIDC_ROLES: ROLE_GROUPS,
    STRATEGIGRAF_SESSION_SECRET: SESSION_SECRET,
    ...extra,
  };
}

export const oidcSettings = (provider: TestProvider, extra: Record<string, string> = {}): AuthSettings => authSettingsFromEnv(oidcEnv(provider, extra));

export interface Hop {
  url: string;
  status: number;
  location: string | null;
  headers: Record<string, string | string[] | number | undefined>;
  body: string;
}

/** One browser: a cookie jar, the app reached through inject and the provider over real HTTP; redirects by hand. */
export class TestBrowser {
  readonly jar = new CookieJar();

  constructor(readonly app: FastifyInstance) {}

  async send(url: string, init: { method?: string; headers?: Record<string, string>; payload?: string | object } = {}): Promise<Hop> {
    const target = new URL(url, APP_ORIGIN);
    const cookie = this.jar.header(target.href);
    const headers = { ...(cookie ? { cookie } : {}), ...init.headers };
    if (target.origin === APP_ORIGIN) {
      const res = await this.app.inject({
        method: (init.method ?? 'GET') as 'GET',
        url: `${target.pathname}${target.search}`,
        headers: { host: target.host, ...headers },
        ...(init.payload !== undefined ? { payload: init.payload } : {}),
      });
      this.jar.store(target.href, res.headers['set-cookie']);
      const location = typeof res.headers.location === 'string' ? res.headers.location : null;
      return { url: target.href, status: res.statusCode, location, headers: res.headers, body: res.body };
    }
    const res = await fetch(target, { method: init.method ?? 'GET', redirect: 'manual', headers });
    this.jar.store(target.href, res.headers.getSetCookie());
    return { url: target.href, status: res.status, location: res.headers.get('location'), headers: Object.fromEntries(res.headers), body: await res.text() };
  }

  /** Asks the app to start signing in; answers the provider's authorization URL. */
  async startSignIn(returnTo?: string): Promise<URL> {
    const hop = await this.send(`/api/auth/login${returnTo !== undefined ? `?returnTo=${encodeURIComponent(returnTo)}` : ''}`);
    if (hop.status !== 302 || !hop.location) throw new Error(`login did not redirect: ${hop.status} ${hop.body}`);
    return new URL(hop.location);
  }

  /**
   * Follows the provider's redirects, signing in as `account` (null: the user refuses), up to and including the app's
   * callback; answers that.
   */
  async finishSignIn(authorizeUrl: URL, account: string | null): Promise<Hop> {
    let url = authorizeUrl.href;
    for (let hop = 0; hop < 10; hop++) {
      const target = new URL(url);
      if (target.origin !== APP_ORIGIN && target.pathname.startsWith('/interaction/')) {
        if (account === null) target.searchParams.set('deny', '1');
        else target.searchParams.set('as', account);
      }
      const res = await this.send(target.href);
      if (target.origin === APP_ORIGIN) return res;
      if (!res.location) throw new Error(`the provider stopped at ${target.href} with ${res.status}: ${res.body.slice(0, 500)}`);
      url = new URL(res.location, target).href;
    }
    throw new Error('too many redirects');
  }

  /** Signs in as `account` and checks that the app accepted it. */
  async signIn(account: string, returnTo?: string): Promise<Hop> {
    const hop = await this.finishSignIn(await this.startSignIn(returnTo), account);
    if (hop.status !== 303) throw new Error(`sign-in as ${account} was refused: ${hop.status} ${hop.body}`);
    return hop;
  }

  /** GET /api/session as this browser. */
  async session(): Promise<SessionAnswer> {
    return body<SessionAnswer>(await this.send('/api/session'));
  }

  /** A write as the web UI makes it: the cookie, the CSRF token and this site's Origin. */
  async write(method: string, url: string, payload?: string | object, headers: Record<string, string> = {}): Promise<Hop> {
    const { csrfToken } = await this.session();
    return this.send(url, {
      method,
      headers: { origin: APP_ORIGIN, 'sec-fetch-site': 'same-origin', ...(csrfToken ? { 'x-csrf-token': csrfToken } : {}), ...headers },
      ...(payload !== undefined ? { payload } : {}),
    });
  }
}

/** The Set-Cookie lines of an answer. */
export const setCookies = (hop: Hop): string[] => ([] as (string | number)[]).concat(hop.headers['set-cookie'] ?? []).map(String);

export interface SessionAnswer {
  actor: { id: string; name: string; via: string } | null;
  role: Role;
  via: string;
  csrfToken: string | null;
  expiresAt: string | null;
  signIn: { available: boolean; loginUrl: string | null };
}

/** Bearer headers for an API token of `role`, created through the API with the bootstrap admin token. */
export async function apiToken(app: FastifyInstance, role: Role, name = `test ${role}`, adminToken = ADMIN_TOKEN): Promise<{ authorization: string }> {
  const res = await app.inject({
    method: 'POST',
    url: '/api/tokens',
    headers: { authorization: `Bearer ${adminToken}` },
    payload: { name, role, expiresInDays: 1 },
  });
  if (res.statusCode !== 201) throw new Error(`creating a ${role} token failed: ${res.statusCode} ${res.body}`);
  return { authorization: `Bearer ${body<{ secret: string }>(res).secret}` };
}
