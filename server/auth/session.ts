// The browser's session: one cookie, encrypted and authenticated by @fastify/secure-session (libsodium secretbox), that
// holds either a sign-in in progress (state, nonce, PKCE verifier) or the signed-in user with their role and CSRF token.
// Nothing is kept on the server, so a restart keeps everyone signed in and several processes can share the secret.
import { hkdfSync, randomBytes } from 'node:crypto';
import secureSession from '@fastify/secure-session';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { Actor, Role } from '../../graph/work/schema.js';
import { ApiError } from '../schemas/common.js';
import { type Authenticator, type Principal, unauthorized } from '../plugins/access.js';
import { tokenMatches } from '../plugins/auth.js';
import type { OidcSettings, SessionSettings } from './config.js';
import type { PendingLogin, SignedIn } from './oidc.js';
import { LOGIN_TIMEOUT_MS } from './oidc.js';
import { mappingFingerprint } from './roles.js';

export const CSRF_HEADER = 'x-csrf-token';
/** Methods that change nothing; every other method must prove it comes from this site's own pages. */
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

const SessionUser = z.object({
  actor: Actor,
  role: Role,
  /** The synchronizer token the page sends back in X-CSRF-Token with every write. */
  csrf: z.string().min(32),
  /** Epoch ms: the session's absolute end, fixed at sign-in. */
  expiresAt: z.number(),
  /** mappingFingerprint at sign-in; a different mapping now ends the session. */
  mapping: z.string(),
  idToken: z.string().optional(),
});
export type SessionUser = z.infer<typeof SessionUser>;

const PendingLoginShape = z.object({
  state: z.string(),
  nonce: z.string(),
  codeVerifier: z.string(),
  returnTo: z.string(),
  expiresAt: z.number(),
});

/** The session as a bag of keys (the plugin types its keys through an interface that cannot be extended from here). */
interface SessionBag {
  get(key: 'user' | 'login'): unknown;
  set(key: 'user' | 'login', value: unknown): void;
  regenerate(): void;
  delete(): void;
}
/** Null when sessions are not configured (no plugin, no request.session). */
const bagOf = (request: FastifyRequest): SessionBag | null => (request.session as unknown as SessionBag | undefined) ?? null;

/** A session cookie named with the __Host- prefix is refused by browsers unless Secure, Path=/ and without Domain. */
export const sessionCookieName = (secure: boolean) => (secure ? '__Host-strategigraf-session' : 'strategigraf-session');

export class Sessions {
  private readonly fingerprint: string;
  /** The only origin a cookie-authenticated write may come from. */
  private readonly origin: string;

  constructor(
    readonly settings: SessionSettings,
    oidc: OidcSettings,
    private readonly now: () => number,
  ) {
    this.fingerprint = mappingFingerprint(oidc.roleClaim, oidc.roleMapping, oidc.defaultRole);
    this.origin = oidc.publicUrl.origin;
  }

  async register(app: FastifyInstance): Promise<void> {
    // HKDF rather than the plugin's own password hashing (Argon2 at 256 MiB per start): the secret is required to be
    // long and random, so stretching it adds nothing, and a cheap derivation keeps start-up and tests fast.
    const key = Buffer.from(hkdfSync('sha256', this.settings.secret, 'strategigraf', 'session cookie encryption key v1', 32));
    await app.register(secureSession, {
      key,
      cookieName: sessionCookieName(this.settings.secureCookie),
      // The library's own cap (from the last write); the absolute end of a signed-in session is checked below.
      expiry: this.settings.maxAgeSeconds,
      cookie: { path: '/', httpOnly: true, sameSite: 'lax', secure: this.settings.secureCookie, maxAge: this.settings.maxAgeSeconds },
    });
  }

  /** The signed-in user of this request, or null (no session, a session that does not decrypt, or one that ended). */
  user(request: FastifyRequest): SessionUser | null {
    const bag = bagOf(request);
    const raw = bag?.get('user');
    if (!bag || raw === undefined) return null;
    const parsed = SessionUser.safeParse(raw);
    if (parsed.success && parsed.data.expiresAt > this.now() && parsed.data.mapping === this.fingerprint) return parsed.data;
    // Forget it, so the browser stops sending it; anything else in the cookie (a sign-in in progress) stays.
    bag.set('user', undefined);
    return null;
  }

  /**
   * The session as an authenticator. A session that ended, or a write without the CSRF proof, does not authenticate:
   * the request goes on as anonymous (reads still work) and remembers why, so a write route answers with the reason.
   */
  authenticator(): Authenticator {
    return async (request): Promise<Principal | null> => {
      const hadUser = bagOf(request)?.get('user') !== undefined;
      const user = this.user(request);
      if (!user) {
        if (hadUser) request.credentialProblem = unauthorized('your session has ended: sign in again');
        return null;
      }
      if (!SAFE_METHODS.has(request.method)) {
        const problem = this.csrfProblem(request, user);
        if (problem) {
          request.credentialProblem = new ApiError(403, 'forbidden', `${problem}; a write with the session cookie must come from Strategigraf's own pages`);
          return null;
        }
      }
      return { actor: user.actor, role: user.role };
    };
  }

  /** Why this state-changing request may not use the session, or null when it may. */
  private csrfProblem(request: FastifyRequest, user: SessionUser): string | null {
    const fetchSite = request.headers['sec-fetch-site'];
    if (typeof fetchSite === 'string' && fetchSite !== 'same-origin') return `the request came from another site (Sec-Fetch-Site: ${fetchSite})`;
    const origin = request.headers.origin;
    if (typeof origin === 'string' && origin !== this.origin) return `the request came from another origin (${origin.slice(0, 100)})`;
    const token = request.headers[CSRF_HEADER];
    if (typeof token !== 'string' || token === '') return 'the X-CSRF-Token header is missing';
    if (!tokenMatches(token, user.csrf)) return 'the X-CSRF-Token header does not match the session';
    return null;
  }

  beginLogin(request: FastifyRequest, pending: PendingLogin): void {
    bagOf(request)?.set('login', pending);
  }

  /** The sign-in in progress, used once: it is removed whatever the callback's outcome. */
  takeLogin(request: FastifyRequest): PendingLogin | null {
    const bag = bagOf(request);
    const raw = bag?.get('login');
    if (!bag || raw === undefined) return null;
    bag.set('login', undefined);
    const parsed = PendingLoginShape.safeParse(raw);
    if (!parsed.success || parsed.data.expiresAt <= this.now() || parsed.data.expiresAt > this.now() + LOGIN_TIMEOUT_MS) return null;
    return parsed.data;
  }

  /** Starts a fresh session for the user (nothing of the one before it survives) with a new CSRF token. */
  signIn(request: FastifyRequest, signedIn: SignedIn): SessionUser {
    const user: SessionUser = {
      actor: signedIn.actor,
      role: signedIn.role,
      csrf: randomBytes(32).toString('base64url'),
      expiresAt: this.now() + this.settings.maxAgeSeconds * 1000,
      mapping: this.fingerprint,
      ...(signedIn.idToken ? { idToken: signedIn.idToken } : {}),
    };
    const bag = bagOf(request);
    if (!bag) throw new Error('sessions are not registered on this app');
    bag.regenerate();
    bag.set('user', user);
    return user;
  }

  signOut(request: FastifyRequest): void {
    bagOf(request)?.delete();
  }
}
