// The OpenID Connect relying party, on openid-client: the authorization-code flow with PKCE, state and nonce, and
// RP-initiated logout. Every check of the provider's answers (state, issuer, audience, nonce, expiry, PKCE) is
// openid-client's; this module only keeps what a sign-in in progress must remember and turns claims into an actor.
import * as client from 'openid-client';
import type { Actor, Role } from '../../graph/work/schema.js';
import type { OidcSettings } from './config.js';
import { claimValues, roleFromClaims } from './roles.js';

/** What the browser's session remembers between the redirect to the provider and the callback. */
export interface PendingLogin {
  state: string;
  nonce: string;
  codeVerifier: string;
  /** A same-origin path to return to after sign-in. */
  returnTo: string;
  /** Epoch ms after which the callback is refused. */
  expiresAt: number;
}

export interface SignedIn {
  actor: Actor;
  role: Role;
  /** Kept for RP-initiated logout (id_token_hint) when small enough for the cookie; otherwise the client id is sent. */
  idToken: string | undefined;
}

/** Longest a user may take at the provider before the callback is refused. */
export const LOGIN_TIMEOUT_MS = 10 * 60_000;
/** An ID token longer than this is not kept in the session cookie (browsers cap a cookie near 4 KiB). */
const MAX_KEPT_ID_TOKEN = 1500;
const DISCOVERY_TIMEOUT_SECONDS = 10;

/** Raised for any sign-in that fails; the message says why without anything secret in it. */
export class SignInError extends Error {
  override name = 'SignInError';
}

/** Issuer-qualified, so the same subject at two providers is two actors. */
export const actorId = (issuer: string, subject: string) => `${issuer}#${subject}`;

function displayName(claims: Record<string, unknown>, subject: string): string {
  for (const key of ['name', 'preferred_username', 'email']) {
    const value = claims[key];
    if (typeof value === 'string' && value.trim() !== '') return value.trim().slice(0, 200);
  }
  return subject;
}

/**
 * Only a path on this site: "/gaps?x=1" yes; "//evil.example", "https://evil.example", "/\evil", "javascript:" no.
 * Anything else becomes `fallback`, so the login route can never be used as an open redirect.
 */
export function safeReturnPath(value: unknown, fallback: string): string {
  if (typeof value !== 'string' || value.length > 500) return fallback;
  if (!value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return fallback;
  // Control characters and backslashes are read by some browsers as path separators or stripped before parsing.
  if (/[\u0000-\u001f\u007f\\]/.test(value)) return fallback;
  return value;
}

export class OidcRelyingParty {
  private config: Promise<client.Configuration> | null = null;

  constructor(readonly settings: OidcSettings) {}

  /** Discovers the provider on first use and keeps the result; a failed discovery is retried on the next sign-in. */
  private configuration(): Promise<client.Configuration> {
    if (!this.config) {
      const s = this.settings;
      const auth =
        s.clientAuth === 'none'
          ? client.None()
          : s.clientAuth === 'client_secret_post'
            ? client.ClientSecretPost(s.clientSecret)
            : client.ClientSecretBasic(s.clientSecret);
      this.config = client
        .discovery(s.issuer, s.clientId, { redirect_uris: [s.redirectUrl.href], response_types: ['code'] }, auth, {
          timeout: DISCOVERY_TIMEOUT_SECONDS,
          execute: s.allowInsecureIssuer ? [client.allowInsecureRequests] : [],
        })
        .catch((err: unknown) => {
          this.config = null;
          throw new SignInError(`the identity provider ${s.issuer.href} could not be reached or described itself wrongly: ${message(err)}`);
        });
    }
    return this.config;
  }

  /** The provider's authorization URL, and what the session must remember to check the answer. */
  async startLogin(returnTo: string, now: number): Promise<{ url: URL; pending: PendingLogin }> {
    const config = await this.configuration();
    const codeVerifier = client.randomPKCECodeVerifier();
    const pending: PendingLogin = {
      state: client.randomState(),
      nonce: client.randomNonce(),
      codeVerifier,
      returnTo,
      expiresAt: now + LOGIN_TIMEOUT_MS,
    };
    const url = client.buildAuthorizationUrl(config, {
      redirect_uri: this.settings.redirectUrl.href,
      scope: this.settings.scopes.join(' '),
      code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
      code_challenge_method: 'S256',
      state: pending.state,
      nonce: pending.nonce,
    });
    return { url, pending };
  }

  /** Checks the provider's answer and redeems the code; throws SignInError when anything is wrong. */
  async finishLogin(query: URLSearchParams, pending: PendingLogin): Promise<SignedIn> {
    const config = await this.configuration();
    const callback = new URL(this.settings.redirectUrl.href);
    callback.search = query.toString();
    let tokens: Awaited<ReturnType<typeof client.authorizationCodeGrant>>;
    try {
      tokens = await client.authorizationCodeGrant(config, callback, {
        pkceCodeVerifier: pending.codeVerifier,
        expectedState: pending.state,
        expectedNonce: pending.nonce,
        idTokenExpected: true,
      });
    } catch (err) {
      throw new SignInError(`the sign-in could not be completed: ${message(err)}`);
    }
    const idClaims = tokens.claims();
    if (!idClaims) throw new SignInError('the identity provider sent no ID token');
    let claims: Record<string, unknown> = { ...idClaims };
    const { roleClaim, roleMapping, defaultRole } = this.settings;
    // Providers often leave groups out of the ID token and give them only at the userinfo endpoint.
    if (claimValues(claims, roleClaim).length === 0 && config.serverMetadata().userinfo_endpoint) {
      try {
        const userinfo = await client.fetchUserInfo(config, tokens.access_token, idClaims.sub);
        claims = { ...userinfo, ...idClaims };
      } catch (err) {
        throw new SignInError(`the identity provider's userinfo could not be read: ${message(err)}`);
      }
    }
    const issuer = config.serverMetadata().issuer;
    const idToken = tokens.id_token && tokens.id_token.length <= MAX_KEPT_ID_TOKEN ? tokens.id_token : undefined;
    return {
      actor: { id: actorId(issuer, idClaims.sub), name: displayName(claims, idClaims.sub), via: 'oidc' },
      role: roleFromClaims(claims, roleClaim, roleMapping, defaultRole),
      idToken,
    };
  }

  /** The provider's end-session URL when it supports RP-initiated logout, or null. */
  async logoutUrl(idToken: string | undefined): Promise<URL | null> {
    let config: client.Configuration;
    try {
      config = await this.configuration();
    } catch {
      return null; // the local session is ended either way
    }
    if (!config.serverMetadata().end_session_endpoint) return null;
    const params: Record<string, string> = { post_logout_redirect_uri: this.settings.postLogoutRedirectUrl.href };
    if (idToken) params['id_token_hint'] = idToken;
    else params['client_id'] = this.settings.clientId;
    return client.buildEndSessionUrl(config, params);
  }
}

function message(err: unknown): string {
  if (err instanceof client.AuthorizationResponseError)
    return `the provider answered ${err.error}${err.error_description ? ` (${err.error_description})` : ''}`;
  if (err instanceof client.ResponseBodyError) return `the provider answered ${err.error}${err.error_description ? ` (${err.error_description})` : ''}`;
  if (!(err instanceof Error)) return String(err);
  // openid-client wraps oauth4webapi's precise reason (which claim, which parameter) in a general one; say both. Neither
  // holds a token or a secret: the claims and the response stay in the causes' own fields, which are not printed.
  const cause = err.cause instanceof Error && err.cause.message !== err.message ? `: ${err.cause.message}` : '';
  return `${err.message}${cause}`;
}
