// Sign-in settings from the environment: nothing set means no sign-in; anything set must be complete and sane, or the
// server refuses to start with a message naming the setting. And the mapping of claim values to roles.
import { describe, expect, it } from 'vitest';
import { authSettingsFromEnv } from '../../server/auth/config.js';
import { claimValues, parseRoleMapping, roleFromClaims } from '../../server/auth/roles.js';
import { safeReturnPath } from '../../server/auth/oidc.js';
import { serverConfigFromEnv } from '../../server/main.js';

const SECRET = 'x'.repeat(32);
const COMPLETE = {
  STRATEGIGRAF_OIDC_ISSUER: 'https://login.example.no/realms/sg',
  STRATEGIGRAF_OIDC_CLIENT_ID: 'strategigraf',
  STRATEGIGRAF_OIDC_CLIENT_SECRET: 'client-secret',
  STRATEGIGRAF_PUBLIC_URL: 'https://strategigraf.example.no',
  STRATEGIGRAF_SESSION_SECRET: SECRET,
};

describe('authSettingsFromEnv', () => {
  it('configures no sign-in without an issuer, and an anonymous reader', () => {
    expect(authSettingsFromEnv({})).toEqual({ oidc: null, session: null, anonymousRole: 'reader' });
    expect(serverConfigFromEnv({}).auth.oidc).toBeNull();
  });

  it('reads a complete configuration with its defaults', () => {
    const { oidc, session } = authSettingsFromEnv(COMPLETE);
    expect(oidc).toMatchObject({
      clientId: 'strategigraf',
      clientAuth: 'client_secret_basic',
      scopes: ['openid', 'profile', 'email'],
      roleClaim: 'groups',
      defaultRole: 'reader',
      allowInsecureIssuer: false,
    });
    expect(oidc!.redirectUrl.href).toBe('https://strategigraf.example.no/api/auth/callback');
    expect(oidc!.postLogoutRedirectUrl.href).toBe('https://strategigraf.example.no/');
    expect(session).toEqual({ secret: SECRET, maxAgeSeconds: 8 * 3600, secureCookie: true });
  });

  it('keeps a path in the public URL (served behind a proxy under /strategigraf)', () => {
    const { oidc } = authSettingsFromEnv({ ...COMPLETE, STRATEGIGRAF_PUBLIC_URL: 'https://www.example.no/strategigraf' });
    expect(oidc!.redirectUrl.href).toBe('https://www.example.no/strategigraf/api/auth/callback');
  });

  it('reads the role claim, the mapping, scopes, client auth and cookie settings', () => {
    const { oidc, session, anonymousRole } = authSettingsFromEnv({
      ...COMPLETE,
      STRATEGIGRAF_OIDC_ROLE_CLAIM: 'realm_access.roles',
      STRATEGIGRAF_OIDC_ROLES: 'sg-admin=admin, sg-editor=editor',
      STRATEGIGRAF_OIDC_SCOPES: 'profile groups',
      STRATEGIGRAF_OIDC_CLIENT_AUTH: 'client_secret_post',
      STRATEGIGRAF_COOKIE_SECURE: 'false',
      STRATEGIGRAF_SESSION_MAX_AGE_MINUTES: '60',
      STRATEGIGRAF_ANONYMOUS_ROLE: 'editor',
    });
    expect(oidc!.roleClaim).toBe('realm_access.roles');
    expect([...oidc!.roleMapping]).toEqual([
      ['sg-admin', 'admin'],
      ['sg-editor', 'editor'],
    ]);
    expect(oidc!.scopes).toEqual(['openid', 'profile', 'groups']);
    expect(oidc!.clientAuth).toBe('client_secret_post');
    expect(session).toMatchObject({ secureCookie: false, maxAgeSeconds: 3600 });
    expect(anonymousRole).toBe('editor');
  });

  it('takes a public client (no secret) with PKCE alone', () => {
    const { STRATEGIGRAF_OIDC_CLIENT_SECRET: _secret, ...publicClient } = COMPLETE;
    expect(authSettingsFromEnv(publicClient).oidc).toMatchObject({ clientAuth: 'none', clientSecret: undefined });
  });

  it('accepts plain HTTP only for a provider on this machine', () => {
    expect(authSettingsFromEnv({ ...COMPLETE, STRATEGIGRAF_OIDC_ISSUER: 'http://127.0.0.1:8080/realms/sg' }).oidc!.allowInsecureIssuer).toBe(true);
    expect(authSettingsFromEnv({ ...COMPLETE, STRATEGIGRAF_OIDC_ISSUER: 'http://localhost:8080' }).oidc!.allowInsecureIssuer).toBe(true);
    expect(() => authSettingsFromEnv({ ...COMPLETE, STRATEGIGRAF_OIDC_ISSUER: 'http://login.example.no' })).toThrow(/must be an https URL/);
  });

  it.each([
    ['no session secret', { STRATEGIGRAF_SESSION_SECRET: undefined }, /STRATEGIGRAF_SESSION_SECRET is required .*\(it is not set\).*openssl rand/],
    ['a short session secret', { STRATEGIGRAF_SESSION_SECRET: 'short' }, /at least 32 characters \(got 5\)/],
    ['no client id', { STRATEGIGRAF_OIDC_CLIENT_ID: undefined }, /STRATEGIGRAF_OIDC_CLIENT_ID is required/],
    ['no public URL', { STRATEGIGRAF_PUBLIC_URL: undefined }, /STRATEGIGRAF_PUBLIC_URL is required.*api\/auth\/callback/],
    ['a relative issuer', { STRATEGIGRAF_OIDC_ISSUER: 'login.example.no' }, /STRATEGIGRAF_OIDC_ISSUER must be an absolute URL/],
    ['a public URL with a query', { STRATEGIGRAF_PUBLIC_URL: 'https://x.example/?a=1' }, /must not have a query/],
    ['an unknown role in the mapping', { STRATEGIGRAF_OIDC_ROLES: 'sg-admin=root' }, /STRATEGIGRAF_OIDC_ROLES: the role for "sg-admin" must be one of/],
    ['a mapping entry without a role', { STRATEGIGRAF_OIDC_ROLES: 'sg-admin' }, /not of the form value=role/],
    ['an anonymous admin', { STRATEGIGRAF_ANONYMOUS_ROLE: 'admin' }, /STRATEGIGRAF_ANONYMOUS_ROLE must be one of reader, editor/],
    ['a session of two weeks', { STRATEGIGRAF_SESSION_MAX_AGE_MINUTES: '20160' }, /from 5 to 10080/],
    [
      'client_secret_post without a secret',
      { STRATEGIGRAF_OIDC_CLIENT_AUTH: 'client_secret_post', STRATEGIGRAF_OIDC_CLIENT_SECRET: undefined },
      /needs STRATEGIGRAF_OIDC_CLIENT_SECRET/,
    ],
    ['a cookie setting that is not a boolean', { STRATEGIGRAF_COOKIE_SECURE: 'yes' }, /auto, true or false/],
  ])('refuses to start with %s', (_what, change: Record<string, string | undefined>, message) => {
    expect(() => authSettingsFromEnv({ ...COMPLETE, ...change })).toThrow(message);
    expect(() => serverConfigFromEnv({ ...COMPLETE, ...change })).toThrow(message);
  });

  it('refuses client settings without an issuer rather than ignoring them', () => {
    expect(() => authSettingsFromEnv({ STRATEGIGRAF_OIDC_CLIENT_ID: 'x' })).toThrow(/without STRATEGIGRAF_OIDC_ISSUER/);
  });
});

describe('roles from claims', () => {
  const mapping = parseRoleMapping('sg-admin=admin,sg-editor=editor');

  it('gives the highest mapped role, and the default when none is mapped', () => {
    expect(roleFromClaims({ groups: ['sg-editor', 'sg-admin'] }, 'groups', mapping, 'reader')).toBe('admin');
    expect(roleFromClaims({ groups: ['sg-editor', 'other'] }, 'groups', mapping, 'reader')).toBe('editor');
    expect(roleFromClaims({ groups: ['other'] }, 'groups', mapping, 'reader')).toBe('reader');
    expect(roleFromClaims({}, 'groups', mapping, 'editor')).toBe('editor');
    // A mapped value never lowers the default.
    expect(roleFromClaims({ groups: ['sg-editor'] }, 'groups', mapping, 'admin')).toBe('admin');
  });

  it('finds nested claims, dotted claim names, and single strings; ignores values that are not strings', () => {
    expect(claimValues({ realm_access: { roles: ['a', 'b'] } }, 'realm_access.roles')).toEqual(['a', 'b']);
    expect(claimValues({ 'https://example.no/roles': ['a'] }, 'https://example.no/roles')).toEqual(['a']);
    expect(claimValues({ role: 'a' }, 'role')).toEqual(['a']);
    expect(claimValues({ groups: ['a', 1, null, { x: 1 }] }, 'groups')).toEqual(['a']);
    expect(claimValues({ groups: { a: 1 } }, 'groups')).toEqual([]);
    expect(claimValues({}, '__proto__.polluted')).toEqual([]);
  });

  it('reads a JSON mapping for values that hold commas or equals signs (LDAP names)', () => {
    const ldap = parseRoleMapping('{"cn=admins,ou=groups,dc=example": "admin"}');
    expect(roleFromClaims({ groups: ['cn=admins,ou=groups,dc=example'] }, 'groups', ldap, 'reader')).toBe('admin');
    expect(() => parseRoleMapping('{"a": "root"}')).toThrow(/must be one of/);
    expect(() => parseRoleMapping('{nope')).toThrow(/not valid JSON/);
    expect(() => parseRoleMapping('a=admin,a=reader')).toThrow(/mapped twice/);
  });
});

describe('safeReturnPath', () => {
  it.each([
    ['/gaps', '/gaps'],
    ['/gaps?rule=a#x', '/gaps?rule=a#x'],
    ['//evil.example', '/'],
    ['/\\evil.example', '/'],
    ['/ok\\..\\x', '/'],
    ['https://evil.example', '/'],
    ['gaps', '/'],
    ['/\tevil', '/'],
    ['', '/'],
  ])('%j → %j', (given, expected) => {
    expect(safeReturnPath(given, '/')).toBe(expected);
  });
});
