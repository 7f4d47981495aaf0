// Sign-in and session settings from the environment. Without STRATEGIGRAF_OIDC_ISSUER there is no sign-in at all and
// the server behaves as it always did; with it, everything sign-in needs must be there, or the server refuses to start
// and says which setting is missing or wrong.
import { ROLES, type Role } from '../../graph/work/schema.js';
import { parseRoleMapping, type RoleMapping } from './roles.js';

type Env = Record<string, string | undefined>;

export type ClientAuthMethod = 'client_secret_basic' | 'client_secret_post' | 'none';

export interface OidcSettings {
  /** The provider's issuer identifier; its metadata is discovered from /.well-known/openid-configuration. */
  issuer: URL;
  clientId: string;
  /** Undefined for a public client (PKCE alone). */
  clientSecret: string | undefined;
  clientAuth: ClientAuthMethod;
  /** Where browsers reach this server, e.g. https://strategigraf.example.no; the redirect URL is derived from it. */
  publicUrl: URL;
  /** `<public URL>/api/auth/callback`: register this at the provider. */
  redirectUrl: URL;
  /** Where the provider sends the browser back after signing out: the public URL itself. */
  postLogoutRedirectUrl: URL;
  scopes: string[];
  /** The claim that carries the role values, as a dotted path for nested claims (e.g. "realm_access.roles"). */
  roleClaim: string;
  roleMapping: RoleMapping;
  /** The role of a signed-in user none of whose claim values is mapped. */
  defaultRole: Role;
  /** Plain-HTTP issuers are accepted only on the loopback interface (a provider started on the same machine). */
  allowInsecureIssuer: boolean;
}

export interface SessionSettings {
  /** At least 32 characters; the cookie's encryption key is derived from it. */
  secret: string;
  /** Absolute lifetime of a signed-in session, from sign-in; it is not extended by use. */
  maxAgeSeconds: number;
  /** Secure cookie (sent over HTTPS only). */
  secureCookie: boolean;
}

export interface AuthSettings {
  oidc: OidcSettings | null;
  session: SessionSettings | null;
  /** The role of a request without any credential. */
  anonymousRole: Role;
}

export const DEFAULT_SCOPES = ['openid', 'profile', 'email'];
export const DEFAULT_ROLE_CLAIM = 'groups';
export const DEFAULT_SESSION_MAX_AGE_MINUTES = 8 * 60;
const MIN_SESSION_MINUTES = 5;
const MAX_SESSION_MINUTES = 7 * 24 * 60;
export const MIN_SESSION_SECRET_LENGTH = 32;
export const CALLBACK_PATH = 'api/auth/callback';

const LOOPBACK = /^(localhost|127(\.\d{1,3}){3}|\[::1\])$/;

function text(env: Env, name: string): string | undefined {
  const value = env[name]?.trim();
  return value ? value : undefined;
}

function url(env: Env, name: string, value: string): URL {
  let parsed: URL;
  try {
    parsed = new URL(value);
  } catch {
    throw new Error(`${name} must be an absolute URL such as https://login.example.no (got "${value}")`);
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') throw new Error(`${name} must be an http(s) URL (got "${value}")`);
  if (parsed.search || parsed.hash) throw new Error(`${name} must not have a query or a fragment (got "${value}")`);
  return parsed;
}

function role(env: Env, name: string, fallback: Role, allowed: readonly Role[] = ROLES): Role {
  const value = text(env, name);
  if (value === undefined) return fallback;
  if (!(allowed as readonly string[]).includes(value)) throw new Error(`${name} must be one of ${allowed.join(', ')} (got "${value}")`);
  return value as Role;
}

function minutes(env: Env, name: string, fallback: number): number {
  const value = text(env, name);
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!/^\d+$/.test(value) || n < MIN_SESSION_MINUTES || n > MAX_SESSION_MINUTES) {
    throw new Error(`${name} must be a whole number of minutes from ${MIN_SESSION_MINUTES} to ${MAX_SESSION_MINUTES} (got "${value}")`);
  }
  return n;
}

function secureCookie(env: Env, publicUrl: URL): boolean {
  const value = text(env, 'STRATEGIGRAF_COOKIE_SECURE') ?? 'auto';
  if (value === 'auto') return publicUrl.protocol === 'https:';
  if (value === 'true') return true;
  if (value === 'false') return false;
  throw new Error(`STRATEGIGRAF_COOKIE_SECURE must be auto, true or false (got "${value}")`);
}

/** The public URL as a base that relative paths resolve under (a trailing slash keeps its path). */
export function baseOf(publicUrl: URL): URL {
  const base = new URL(publicUrl.href);
  if (!base.pathname.endsWith('/')) base.pathname += '/';
  return base;
}

function oidcFromEnv(env: Env): OidcSettings | null {
  const issuerText = text(env, 'STRATEGIGRAF_OIDC_ISSUER');
  const named = ['STRATEGIGRAF_OIDC_CLIENT_ID', 'STRATEGIGRAF_OIDC_CLIENT_SECRET', 'STRATEGIGRAF_OIDC_ROLES'].filter((n) => text(env, n));
  if (!issuerText) {
    if (named.length > 0) throw new Error(`${named.join(', ')} set without STRATEGIGRAF_OIDC_ISSUER: set the issuer URL to enable sign-in`);
    return null;
  }
  const issuer = url(env, 'STRATEGIGRAF_OIDC_ISSUER', issuerText);
  const clientId = text(env, 'STRATEGIGRAF_OIDC_CLIENT_ID');
  if (!clientId) throw new Error('STRATEGIGRAF_OIDC_CLIENT_ID is required when STRATEGIGRAF_OIDC_ISSUER is set: the client id registered at the provider');
  const publicText = text(env, 'STRATEGIGRAF_PUBLIC_URL');
  if (!publicText) {
    throw new Error(
      'STRATEGIGRAF_PUBLIC_URL is required when STRATEGIGRAF_OIDC_ISSUER is set: the URL browsers use to reach this server ' +
        `(its /${CALLBACK_PATH} is the redirect URL to register at the provider)`,
    );
  }
  const publicUrl = url(env, 'STRATEGIGRAF_PUBLIC_URL', publicText);
  const allowInsecureIssuer = issuer.protocol === 'http:';
  if (allowInsecureIssuer && !LOOPBACK.test(issuer.hostname)) {
    throw new Error(`STRATEGIGRAF_OIDC_ISSUER must be an https URL (plain http is accepted only for a provider on this machine; got "${issuerText}")`);
  }
  const clientSecret = text(env, 'STRATEGIGRAF_OIDC_CLIENT_SECRET');
  const authText = text(env, 'STRATEGIGRAF_OIDC_CLIENT_AUTH') ?? (clientSecret ? 'client_secret_basic' : 'none');
  if (!['client_secret_basic', 'client_secret_post', 'none'].includes(authText)) {
    throw new Error(`STRATEGIGRAF_OIDC_CLIENT_AUTH must be client_secret_basic, client_secret_post or none (got "${authText}")`);
  }
  const clientAuth = authText as ClientAuthMethod;
  if (clientAuth !== 'none' && !clientSecret) throw new Error(`STRATEGIGRAF_OIDC_CLIENT_AUTH=${clientAuth} needs STRATEGIGRAF_OIDC_CLIENT_SECRET`);
  const scopes = (text(env, 'STRATEGIGRAF_OIDC_SCOPES') ?? DEFAULT_SCOPES.join(' ')).split(/[\s,]+/).filter((s) => s.length > 0);
  if (!scopes.includes('openid')) scopes.unshift('openid');
  const base = baseOf(publicUrl);
  return {
    issuer,
    clientId,
    clientSecret,
    clientAuth,
    publicUrl,
    redirectUrl: new URL(CALLBACK_PATH, base),
    postLogoutRedirectUrl: base,
    scopes,
    roleClaim: text(env, 'STRATEGIGRAF_OIDC_ROLE_CLAIM') ?? DEFAULT_ROLE_CLAIM,
    roleMapping: parseRoleMapping(text(env, 'STRATEGIGRAF_OIDC_ROLES') ?? '', 'STRATEGIGRAF_OIDC_ROLES'),
    defaultRole: role(env, 'STRATEGIGRAF_OIDC_DEFAULT_ROLE', 'reader'),
    allowInsecureIssuer,
  };
}

export function authSettingsFromEnv(env: Env = process.env): AuthSettings {
  const oidc = oidcFromEnv(env);
  // An anonymous admin would let anyone on the network replace the dataset; the bootstrap token is the way to that.
  const anonymousRole = role(env, 'STRATEGIGRAF_ANONYMOUS_ROLE', 'reader', ['reader', 'editor']);
  if (!oidc) return { oidc: null, session: null, anonymousRole };
  const secret = text(env, 'STRATEGIGRAF_SESSION_SECRET');
  if (!secret || secret.length < MIN_SESSION_SECRET_LENGTH) {
    throw new Error(
      `STRATEGIGRAF_SESSION_SECRET is required when sign-in is configured and must be at least ${MIN_SESSION_SECRET_LENGTH} characters ` +
        `(${secret ? `got ${secret.length}` : 'it is not set'}); make one with: openssl rand -base64 32`,
    );
  }
  return {
    oidc,
    session: {
      secret,
      maxAgeSeconds: minutes(env, 'STRATEGIGRAF_SESSION_MAX_AGE_MINUTES', DEFAULT_SESSION_MAX_AGE_MINUTES) * 60,
      secureCookie: secureCookie(env, oidc.publicUrl),
    },
    anonymousRole,
  };
}
