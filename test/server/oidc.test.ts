// Sign-in against a real OpenID provider (node-oidc-provider on a loopback port): the whole authorization-code flow,
// roles from a claim, logout, session expiry, and the attacks the relying party must refuse.
import type { ClientMetadata } from 'oidc-provider';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { APP_ORIGIN, oidcSettings, setCookies, REDIRECT_URI, SESSION_SECRET, TEST_CLIENT, testClient, TestBrowser } from './auth-helpers.js';
import { body, build, type TestApp } from './helpers.js';
import { obtainIdToken, startTestProvider, type TestProvider } from './oidc-provider.js';

const ACCOUNTS = {
  alice: { name: 'Alice Admin', email: 'alice@example.no', groups: ['sg-admin'] },
  erik: { name: 'Erik Editor', groups: ['sg-editor', 'everyone'] },
  rita: { name: 'Rita Reader', groups: ['everyone'] },
  both: { preferred_username: 'both', groups: ['sg-editor', 'sg-admin'] },
  kari: { name: 'Kari', realm_access: { roles: ['sg-editor'] } },
  single: { name: 'Single', groups: 'sg-editor' },
};

const DATASET = `dataset:
  name: Replacement
  version: "2"
references:
  - id: ref-a
    title: A reference
nodes:
  - { kind: Agency, id: nav, name: Arbeids- og velferdsetaten, shortName: NAV, sector: state, source: ref-a }
relationships: []
`;

const putDataset = (b: TestBrowser, headers: Record<string, string> = {}) =>
  b.send('/api/dataset', { method: 'PUT', headers: { 'content-type': 'application/yaml', ...headers }, payload: DATASET });

const OTHER_CLIENT: ClientMetadata & { client_secret: string; redirect_uris: string[] } = {
  client_id: 'other-app',
  client_secret: 'other-app-secret-0123456789',
  redirect_uris: ['http://other.test/callback'],
  grant_types: ['authorization_code'],
  response_types: ['code'],
};

let provider: TestProvider;
let t: TestApp;

beforeAll(async () => {
  provider = await startTestProvider({ clients: [testClient(), OTHER_CLIENT], accounts: ACCOUNTS });
});
afterAll(() => provider?.close());
afterEach(async () => {
  provider.setTokenResponseFilter(null);
  const closing = t as TestApp | undefined;
  t = undefined as unknown as TestApp;
  await closing?.close();
});

describe('signing in', () => {
  it.each([
    ['alice', 'admin', 'Alice Admin'],
    ['erik', 'editor', 'Erik Editor'],
    ['rita', 'reader', 'Rita Reader'],
    ['both', 'admin', 'both'],
    ['single', 'editor', 'Single'],
  ])('gives %s the %s role from the groups claim', async (account, role, name) => {
    t = await build({ auth: oidcSettings(provider) });
    const browser = new TestBrowser(t.app);
    expect((await browser.session()).actor).toBeNull();
    await browser.signIn(account);
    const session = await browser.session();
    expect(session).toMatchObject({ actor: { id: `${provider.issuer}#${account}`, name, via: 'oidc' }, role, via: 'oidc' });
    expect(session.csrfToken).toMatch(/^[\w-]{43}$/);
  });

  it('reads a nested claim (Keycloak realm roles) and the default role for signed-in users', async () => {
    t = await build({ auth: oidcSettings(provider, { STRATEGIGRAF_OIDC_ROLE_CLAIM: 'realm_access.roles', STRATEGIGRAF_OIDC_DEFAULT_ROLE: 'editor' }) });
    const kari = new TestBrowser(t.app);
    await kari.signIn('kari');
    expect((await kari.session()).role).toBe('editor');
    const alice = new TestBrowser(t.app);
    await alice.signIn('alice'); // her groups claim is not the configured one: the default role
    expect((await alice.session()).role).toBe('editor');
  });

  it('takes the role claim from userinfo when the provider leaves it out of the ID token', async () => {
    const strict = await startTestProvider({ clients: [testClient()], accounts: ACCOUNTS, claimsInIdToken: false });
    try {
      t = await build({ auth: oidcSettings(strict) });
      const browser = new TestBrowser(t.app);
      await browser.signIn('erik');
      expect(await browser.session()).toMatchObject({ role: 'editor', actor: { name: 'Erik Editor' } });
    } finally {
      await strict.close();
    }
  });

  it('sends PKCE (S256), state and nonce, and sets an HttpOnly SameSite=Lax cookie with a bounded lifetime', async () => {
    t = await build({ auth: oidcSettings(provider, { STRATEGIGRAF_SESSION_MAX_AGE_MINUTES: '60' }) });
    const browser = new TestBrowser(t.app);
    const authorize = await browser.startSignIn();
    expect(authorize.origin).toBe(provider.issuer);
    const params = authorize.searchParams;
    expect(params.get('code_challenge_method')).toBe('S256');
    expect(params.get('code_challenge')).toMatch(/^[\w-]{43}$/);
    expect(params.get('state')).toMatch(/^[\w-]{20,}$/);
    expect(params.get('nonce')).toMatch(/^[\w-]{20,}$/);
    expect(params.get('redirect_uri')).toBe(REDIRECT_URI);
    expect(params.get('scope')).toBe('openid profile email');
    const callback = await browser.finishSignIn(authorize, 'rita');
    const cookie = String(setCookies(callback)[0]);
    expect(cookie).toMatch(/^strategigraf-session=/);
    expect(cookie).toMatch(/; HttpOnly/);
    expect(cookie).toMatch(/; SameSite=Lax/);
    expect(cookie).toMatch(/; Max-Age=3600/);
    expect(cookie).not.toMatch(/; Secure/);
  });

  it('names the cookie __Host- and marks it Secure when served over HTTPS', async () => {
    t = await build({ auth: oidcSettings(provider, { STRATEGIGRAF_COOKIE_SECURE: 'true' }) });
    const res = await new TestBrowser(t.app).send('/api/auth/login');
    expect(res.status).toBe(302);
    const cookie = String(setCookies(res)[0]);
    expect(cookie).toMatch(/^__Host-strategigraf-session=.*; Path=\/; HttpOnly; Secure; SameSite=Lax/);
  });

  it.each([
    ['/gaps?rule=x', '/gaps?rule=x'],
    ['//evil.example/x', '/'],
    ['https://evil.example/', '/'],
    ['/\\evil.example', '/'],
    ['javascript:alert(1)', '/'],
  ])('returns to %s only when it is a path on this site (%s)', async (returnTo, expected) => {
    t = await build({ auth: oidcSettings(provider) });
    const hop = await new TestBrowser(t.app).signIn('rita', returnTo);
    expect(hop.location).toBe(expected);
  });

  it('answers a refusal at the provider with a 401 that says so, and no session', async () => {
    t = await build({ auth: oidcSettings(provider) });
    const browser = new TestBrowser(t.app);
    const hop = await browser.finishSignIn(await browser.startSignIn(), null);
    expect(hop.status).toBe(401);
    expect(body(hop).error.message).toMatch(/access_denied/);
    expect((await browser.session()).actor).toBeNull();
  });
});

describe('signing out', () => {
  it('clears the session and sends the browser to the provider to end its session there too', async () => {
    t = await build({ auth: oidcSettings(provider) });
    const browser = new TestBrowser(t.app);
    await browser.signIn('alice');
    const res = await browser.write('POST', '/api/auth/logout');
    expect(res.status).toBe(200);
    const redirectTo = new URL(body(res).redirectTo);
    expect(`${redirectTo.origin}${redirectTo.pathname}`).toBe(`${provider.issuer}/session/end`);
    expect(redirectTo.searchParams.get('post_logout_redirect_uri')).toBe(`${APP_ORIGIN}/`);
    expect(redirectTo.searchParams.get('id_token_hint')).toMatch(/^ey/);
    expect((await browser.session()).actor).toBeNull();
    // The provider accepts the request (it asks the user to confirm).
    const atProvider = await browser.send(redirectTo.href);
    expect(atProvider.status).toBe(200);
    expect(atProvider.body).toMatch(/logoutForm/);
  });

  it('refuses a logout without the CSRF token (another site could sign the user out) and keeps the session', async () => {
    t = await build({ auth: oidcSettings(provider) });
    const browser = new TestBrowser(t.app);
    await browser.signIn('alice');
    const res = await browser.send('/api/auth/logout', { method: 'POST' });
    expect(res.status).toBe(403);
    expect((await browser.session()).role).toBe('admin');
  });

  it('answers an anonymous logout with the start page', async () => {
    t = await build({ auth: oidcSettings(provider) });
    const res = await new TestBrowser(t.app).send('/api/auth/logout', { method: 'POST' });
    expect(res.status).toBe(200);
    expect(body(res)).toEqual({ redirectTo: '/' });
  });
});

describe('sessions that must not work', () => {
  it('ends a session at its maximum age: reads go on as anonymous, writes are told to sign in again', async () => {
    let clock = Date.now();
    t = await build({ auth: oidcSettings(provider, { STRATEGIGRAF_SESSION_MAX_AGE_MINUTES: '30' }), now: () => clock });
    const browser = new TestBrowser(t.app);
    await browser.signIn('alice');
    const { csrfToken } = await browser.session();
    clock += 29 * 60_000;
    expect((await browser.session()).role).toBe('admin');
    clock += 2 * 60_000;
    const res = await putDataset(browser, { 'x-csrf-token': csrfToken!, origin: APP_ORIGIN });
    expect(res.status).toBe(401);
    expect(body(res).error.message).toMatch(/session has ended/);
    expect(await browser.session()).toMatchObject({ actor: null, role: 'reader', csrfToken: null });
  });

  it('refuses a tampered cookie, and a cookie made with another secret', async () => {
    t = await build({ auth: oidcSettings(provider) });
    const browser = new TestBrowser(t.app);
    await browser.signIn('alice');
    const { csrfToken } = await browser.session();
    const cookie = browser.jar.get(APP_ORIGIN, 'strategigraf-session')!;
    const raw = decodeURIComponent(cookie);
    const flipped = raw.slice(0, 10) + (raw[10] === 'A' ? 'B' : 'A') + raw.slice(11);
    browser.jar.set(APP_ORIGIN, 'strategigraf-session', encodeURIComponent(flipped));
    expect((await browser.session()).actor).toBeNull();
    expect((await putDataset(browser, { 'x-csrf-token': csrfToken! })).status).toBe(401);

    const other = await build({ auth: oidcSettings(provider, { STRATEGIGRAF_SESSION_SECRET: `${SESSION_SECRET}-other` }) });
    try {
      const elsewhere = new TestBrowser(other.app);
      elsewhere.jar.set(APP_ORIGIN, 'strategigraf-session', cookie);
      expect((await elsewhere.session()).actor).toBeNull();
    } finally {
      await other.close();
    }
  });

  it('ends the sessions made under another role mapping (a group lost its admin role)', async () => {
    t = await build({ auth: oidcSettings(provider) });
    const browser = new TestBrowser(t.app);
    await browser.signIn('alice');
    const cookie = browser.jar.get(APP_ORIGIN, 'strategigraf-session')!;
    const remapped = await build({ auth: oidcSettings(provider, { STRATEGIGRAF_OIDC_ROLES: 'sg-editor=editor' }) });
    try {
      const later = new TestBrowser(remapped.app);
      later.jar.set(APP_ORIGIN, 'strategigraf-session', cookie);
      expect((await later.session()).actor).toBeNull();
    } finally {
      await remapped.close();
    }
  });
});

describe('answers the relying party must refuse', () => {
  it('refuses an ID token issued to another client of the same provider (wrong audience)', async () => {
    t = await build({ auth: oidcSettings(provider) });
    const browser = new TestBrowser(t.app);
    const authorize = await browser.startSignIn();
    const nonce = authorize.searchParams.get('nonce')!;
    const foreign = await obtainIdToken(
      provider,
      { clientId: OTHER_CLIENT.client_id, clientSecret: OTHER_CLIENT.client_secret, redirectUri: OTHER_CLIENT.redirect_uris[0]! },
      'alice',
      nonce,
    );
    provider.setTokenResponseFilter((answer) => ({ ...answer, id_token: foreign }));
    const hop = await browser.finishSignIn(authorize, 'alice');
    expect(hop.status).toBe(401);
    expect(body(hop).error.message).toMatch(/"aud"/);
    expect((await browser.session()).actor).toBeNull();
  });

  it('refuses an ID token from another issuer, even one signed with the same keys', async () => {
    const impostor = await startTestProvider({ clients: [testClient()], accounts: ACCOUNTS, jwks: provider.jwks });
    try {
      t = await build({ auth: oidcSettings(provider) });
      const browser = new TestBrowser(t.app);
      const authorize = await browser.startSignIn();
      const foreign = await obtainIdToken(
        impostor,
        { clientId: TEST_CLIENT.client_id, clientSecret: TEST_CLIENT.client_secret, redirectUri: REDIRECT_URI },
        'alice',
        authorize.searchParams.get('nonce')!,
      );
      provider.setTokenResponseFilter((answer) => ({ ...answer, id_token: foreign }));
      const hop = await browser.finishSignIn(authorize, 'alice');
      expect(hop.status).toBe(401);
      expect(body(hop).error.message).toMatch(/"iss"/);
      expect((await browser.session()).actor).toBeNull();
    } finally {
      await impostor.close();
    }
  });

  it('refuses an ID token whose nonce is not the one this browser sent (a replayed token)', async () => {
    t = await build({ auth: oidcSettings(provider) });
    const browser = new TestBrowser(t.app);
    const authorize = await browser.startSignIn();
    const replayed = await obtainIdToken(
      provider,
      { clientId: TEST_CLIENT.client_id, clientSecret: TEST_CLIENT.client_secret, redirectUri: REDIRECT_URI },
      'alice',
      'some-other-nonce-0123456789',
    );
    provider.setTokenResponseFilter((answer) => ({ ...answer, id_token: replayed }));
    const hop = await browser.finishSignIn(authorize, 'alice');
    expect(hop.status).toBe(401);
    expect(body(hop).error.message).toMatch(/nonce/);
  });

  it('refuses a callback whose state is not the one this browser sent', async () => {
    t = await build({ auth: oidcSettings(provider) });
    const victim = new TestBrowser(t.app);
    const attacker = new TestBrowser(t.app);
    // Login CSRF: the attacker's own authorization response, delivered to the victim's browser.
    const attackerAuthorize = await attacker.startSignIn();
    await victim.startSignIn();
    const hop = await victim.finishSignIn(attackerAuthorize, 'alice');
    expect(hop.status).toBe(401);
    expect(body(hop).error.message).toMatch(/"state"/);
    expect((await victim.session()).actor).toBeNull();
  });

  it('refuses a callback in a browser that started no sign-in, and the same callback twice', async () => {
    t = await build({ auth: oidcSettings(provider) });
    const browser = new TestBrowser(t.app);
    const authorize = await browser.startSignIn();
    let callbackUrl = '';
    const original = browser.send.bind(browser);
    browser.send = async (url, init) => {
      if (url.startsWith(REDIRECT_URI)) callbackUrl = url;
      return original(url, init);
    };
    expect((await browser.finishSignIn(authorize, 'rita')).status).toBe(303);
    const again = await browser.send(callbackUrl);
    expect(again.status).toBe(401);
    const stranger = await new TestBrowser(t.app).send(callbackUrl);
    expect(stranger.status).toBe(401);
    expect(body(stranger).error.message).toMatch(/no sign-in was started/);
  });

  it('refuses a callback after the sign-in took more than 10 minutes', async () => {
    let clock = Date.now();
    t = await build({ auth: oidcSettings(provider), now: () => clock });
    const browser = new TestBrowser(t.app);
    const authorize = await browser.startSignIn();
    clock += 11 * 60_000;
    const hop = await browser.finishSignIn(authorize, 'rita');
    expect(hop.status).toBe(401);
  });
});

describe('CSRF on state-changing routes', () => {
  let app: TestApp;
  let browser: TestBrowser;
  let csrf: string;
  beforeAll(async () => {
    app = await build({ auth: oidcSettings(provider) });
    browser = new TestBrowser(app.app);
    await browser.signIn('alice');
    csrf = (await browser.session()).csrfToken!;
  });
  afterAll(() => app.close());

  it('refuses a cross-site form post that carries only the cookie', async () => {
    const form = await browser.send('/api/auth/logout', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' },
      payload: 'a=1',
    });
    expect(form.status).toBe(403);
    const put = await putDataset(browser, { origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' });
    expect(put.status).toBe(403);
    expect(body(put).error.code).toBe('forbidden');
    expect((await browser.session()).role).toBe('admin');
    expect(body(await app.app.inject({ url: '/api/health' })).nodes).toBe(23);
  });

  it.each([
    ['no CSRF header', {}],
    ['a wrong CSRF header', { 'x-csrf-token': 'A'.repeat(43) }],
    ['the right header from another origin', { 'x-csrf-token': 'RIGHT', origin: 'https://evil.example' }],
    ['the right header from a sibling site', { 'x-csrf-token': 'RIGHT', 'sec-fetch-site': 'same-site' }],
  ])('refuses a cookie write with %s', async (_what, headers: Record<string, string>) => {
    const res = await putDataset(browser, Object.fromEntries(Object.entries(headers).map(([k, v]) => [k, v === 'RIGHT' ? csrf : v])));
    expect(res.status).toBe(403);
    expect(body(res).error.message).toMatch(/X-CSRF-Token|another (site|origin)/);
  });

  it('lets the read-only POST /api/query through as anonymous without the header', async () => {
    const res = await browser.send('/api/query', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      payload: { cypher: 'MATCH (n) RETURN count(n) AS n' },
    });
    expect(res.status).toBe(200);
  });

  it('accepts the write with the header from this site', async () => {
    const res = await browser.write('PUT', '/api/dataset', DATASET, { 'content-type': 'application/yaml' });
    expect(res.status).toBe(200);
  });
});

describe('roles of signed-in users on the write routes', () => {
  it.each([
    ['rita', 403],
    ['erik', 403],
    ['alice', 200],
  ])('%s: PUT /api/dataset answers %i', async (account, status) => {
    t = await build({ auth: oidcSettings(provider) });
    const browser = new TestBrowser(t.app);
    await browser.signIn(account);
    const res = await browser.write('PUT', '/api/dataset', DATASET, { 'content-type': 'application/yaml' });
    expect(res.status).toBe(status);
    if (status === 403) expect(body(res).error.message).toMatch(/needs the admin role/);
  });

  it('lets a signed-in admin create an API token, audited under their own name', async () => {
    t = await build({ auth: oidcSettings(provider) });
    const browser = new TestBrowser(t.app);
    await browser.signIn('alice');
    const res = await browser.write('POST', '/api/tokens', { name: 'ci', role: 'editor', expiresInDays: 7 });
    expect(res.status).toBe(201);
    const [entry] = await t.store.work.listAudit({ limit: 1 });
    expect(entry).toMatchObject({ action: 'token.create', actor: { id: `${provider.issuer}#alice`, name: 'Alice Admin', via: 'oidc' } });
    expect((await new TestBrowser(t.app).send('/api/tokens', { method: 'POST', payload: { name: 'x', role: 'reader', expiresInDays: 1 } })).status).toBe(401);
  });
});

describe('without sign-in configured', () => {
  it('has no session, no cookie and no login', async () => {
    t = await build({});
    const browser = new TestBrowser(t.app);
    const res = await browser.send('/api/session');
    expect(res.headers['set-cookie']).toBeUndefined();
    expect(body(res)).toEqual({
      actor: null,
      role: 'reader',
      via: 'anonymous',
      csrfToken: null,
      expiresAt: null,
      signIn: { available: false, loginUrl: null },
    });
    expect((await browser.send('/api/auth/login')).status).toBe(404);
    expect((await browser.send('/api/auth/callback?code=x&state=y')).status).toBe(404);
  });

  it('shows the bootstrap admin as such', async () => {
    t = await build({ adminToken: 'bootstrap-0123456789' });
    const res = await t.app.inject({ url: '/api/session', headers: { authorization: 'Bearer bootstrap-0123456789' } });
    expect(body(res)).toMatchObject({ actor: { id: 'bootstrap-admin', via: 'bootstrap' }, role: 'admin', csrfToken: null });
  });

  it('gives anonymous requests the configured anonymous role', async () => {
    t = await build({ auth: { oidc: null, session: null, anonymousRole: 'editor' } });
    expect(body(await t.app.inject({ url: '/api/session' })).role).toBe('editor');
  });
});
