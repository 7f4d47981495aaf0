// A real OpenID provider for tests: the certified node-oidc-provider on a free loopback port, with the clients and
// accounts a suite gives it. Its own sign-in page is replaced by one that signs in the account named in the
// interaction URL (`?as=<account>`; `?deny` refuses instead), so a test drives the whole authorization-code flow over HTTP without a browser.
import { createHash, generateKeyPairSync, randomBytes } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider, { type ClientMetadata, type JWKS, type KoaContextWithOIDC } from 'oidc-provider';

export interface TestProviderOptions {
  clients: ClientMetadata[];
  /** Account id → its claims (besides sub), e.g. { alice: { name: 'Alice', groups: ['sg-admin'] } }. */
  accounts: Record<string, Record<string, unknown>>;
  /** Signing keys; pass another provider's `jwks` to make two issuers that sign alike. */
  jwks?: JWKS;
  /** The account a sign-in without `?as=` signs in (a real browser cannot add it); without it such a sign-in is refused. */
  defaultAccount?: string;
  /** Put the profile claims in the ID token (default) or only at the userinfo endpoint, as many providers do. */
  claimsInIdToken?: boolean;
}

export interface TestProvider {
  issuer: string;
  jwks: JWKS;
  provider: Provider;
  /** Rewrites the token endpoint's JSON answer (e.g. swaps the ID token) until set back to null. */
  setTokenResponseFilter(filter: ((body: Record<string, unknown>) => Record<string, unknown>) | null): void;
  close(): Promise<void>;
}

export function signingKeys(): JWKS {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const jwk = privateKey.export({ format: 'jwk' });
  return { keys: [{ ...jwk, kid: randomBytes(6).toString('hex'), alg: 'RS256', use: 'sig' }] } as JWKS;
}

export async function startTestProvider(options: TestProviderOptions): Promise<TestProvider> {
  let handler: http.RequestListener = (_req, res) => res.writeHead(503).end();
  const server = http.createServer((req, res) => handler(req, res));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const issuer = `http://127.0.0.1:${port}`;
  const jwks = options.jwks ?? signingKeys();
  const scopes = 'openid profile email';

  const provider = new Provider(issuer, {
    clients: options.clients,
    jwks,
    cookies: { keys: [randomBytes(16).toString('hex')] },
    claims: { openid: ['sub'], profile: ['name', 'preferred_username', 'groups', 'realm_access'], email: ['email'] },
    ttl: { AccessToken: 600, AuthorizationCode: 60, IdToken: 600, Interaction: 600, Session: 3600, Grant: 3600 },
    conformIdTokenClaims: options.claimsInIdToken === false,
    features: { devInteractions: { enabled: false }, rpInitiatedLogout: { enabled: true } },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    async findAccount(_ctx, id) {
      const claims = options.accounts[id];
      if (!claims) return undefined;
      return { accountId: id, claims: async () => ({ sub: id, ...claims }) };
    },
    // First-party clients: consent is given on the user's behalf, so the flow is login and nothing else.
    async loadExistingGrant(ctx: KoaContextWithOIDC) {
      const client = ctx.oidc.client!;
      const session = ctx.oidc.session!;
      const grantId = ctx.oidc.result?.['consent']?.grantId || session.grantIdFor(client.clientId);
      if (grantId) return ctx.oidc.provider.Grant.find(grantId);
      const grant = new ctx.oidc.provider.Grant({ clientId: client.clientId, accountId: session.accountId! });
      grant.addOIDCScope(scopes);
      await grant.save();
      return grant;
    },
  });

  let filter: ((body: Record<string, unknown>) => Record<string, unknown>) | null = null;
  provider.use(async (ctx, next) => {
    await next();
    if (filter && ctx.path === '/token' && ctx.status === 200 && ctx.body && typeof ctx.body === 'object') {
      ctx.body = filter(ctx.body as Record<string, unknown>);
    }
  });

  const callback = provider.callback();
  handler = (req, res) => {
    const url = new URL(req.url ?? '/', issuer);
    if (!url.pathname.startsWith('/interaction/')) return void callback(req, res);
    void (async () => {
      const details = await provider.interactionDetails(req, res);
      if (details.prompt.name !== 'login') return void res.writeHead(501).end(`no interaction for prompt ${details.prompt.name}`);
      if (url.searchParams.has('deny')) {
        const denied = { error: 'access_denied', error_description: 'the user said no' };
        return void (await provider.interactionFinished(req, res, denied, { mergeWithLastSubmission: false }));
      }
      const account = url.searchParams.get('as') ?? options.defaultAccount;
      if (!account || !options.accounts[account]) return void res.writeHead(400).end('add ?as=<account> naming a known account');
      await provider.interactionFinished(req, res, { login: { accountId: account } }, { mergeWithLastSubmission: false });
    })().catch((err: unknown) => {
      res.writeHead(500).end(String(err));
    });
  };

  return {
    issuer,
    jwks,
    provider,
    setTokenResponseFilter(next) {
      filter = next;
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((err) => (err ? reject(err) : resolve()));
      }),
  };
}

/** A cookie jar for one test browser: cookies per origin, by name (path and domain attributes are not needed here). */
export class CookieJar {
  private readonly byOrigin = new Map<string, Map<string, string>>();

  store(url: string, setCookie: string[] | string | undefined): void {
    const origin = new URL(url).origin;
    const jar = this.byOrigin.get(origin) ?? new Map<string, string>();
    this.byOrigin.set(origin, jar);
    for (const line of ([] as string[]).concat(setCookie ?? [])) {
      const [pair = '', ...attributes] = line.split(';');
      const at = pair.indexOf('=');
      const name = pair.slice(0, at).trim();
      const value = pair.slice(at + 1).trim();
      const expired = attributes.some((a) => {
        const [key = '', val = ''] = a.trim().split('=');
        return (key.toLowerCase() === 'max-age' && Number(val) <= 0) || (key.toLowerCase() === 'expires' && Date.parse(val) <= Date.now());
      });
      if (expired || value === '') jar.delete(name);
      else jar.set(name, value);
    }
  }

  header(url: string): string {
    const jar = this.byOrigin.get(new URL(url).origin);
    return jar ? [...jar.entries()].map(([k, v]) => `${k}=${v}`).join('; ') : '';
  }

  get(url: string, name: string): string | undefined {
    return this.byOrigin.get(new URL(url).origin)?.get(name);
  }

  set(url: string, name: string, value: string): void {
    const origin = new URL(url).origin;
    const jar = this.byOrigin.get(origin) ?? new Map<string, string>();
    this.byOrigin.set(origin, jar);
    jar.set(name, value);
  }
}

/**
 * A real ID token from `provider` for any of its clients, by running the code flow for it directly (PKCE, a fresh
 * provider session): what another application of the same provider, or another provider, would hold.
 */
export async function obtainIdToken(
  provider: TestProvider,
  client: { clientId: string; clientSecret: string; redirectUri: string },
  account: string,
  nonce: string,
): Promise<string> {
  const jar = new CookieJar();
  const verifier = randomBytes(32).toString('base64url');
  const authorize = new URL('/auth', provider.issuer);
  authorize.search = new URLSearchParams({
    client_id: client.clientId,
    response_type: 'code',
    scope: 'openid profile email',
    redirect_uri: client.redirectUri,
    nonce,
    state: randomBytes(8).toString('hex'),
    code_challenge: createHash('sha256').update(verifier).digest('base64url'),
    code_challenge_method: 'S256',
  }).toString();
  let url = authorize.href;
  for (let hop = 0; hop < 10; hop++) {
    if (url.startsWith(client.redirectUri)) {
      const code = new URL(url).searchParams.get('code');
      if (!code) throw new Error(`no code in ${url}`);
      const res = await fetch(new URL('/token', provider.issuer), {
        method: 'POST',
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          authorization: `Basic ${Buffer.from(`${encodeURIComponent(client.clientId)}:${encodeURIComponent(client.clientSecret)}`).toString('base64')}`,
        },
        body: new URLSearchParams({ grant_type: 'authorization_code', code, redirect_uri: client.redirectUri, code_verifier: verifier }),
      });
      const body = (await res.json()) as { id_token?: string };
      if (!body.id_token) throw new Error(`no ID token: ${JSON.stringify(body)}`);
      return body.id_token;
    }
    const target = new URL(url);
    if (target.pathname.startsWith('/interaction/')) target.searchParams.set('as', account);
    const res = await fetch(target, { redirect: 'manual', headers: { cookie: jar.header(target.href) } });
    jar.store(target.href, res.headers.getSetCookie());
    const location = res.headers.get('location');
    if (!location) throw new Error(`the flow stopped at ${target.href} with ${res.status}: ${await res.text()}`);
    url = new URL(location, target).href;
  }
  throw new Error('too many redirects');
}
