// Which role a signed-in user gets: the values of one claim (e.g. groups) looked up in a configured mapping; the
// highest mapped role wins, and a user with no mapped value gets the default role.
import { createHash } from 'node:crypto';
import { ROLES, roleAtLeast, type Role } from '../../graph/work/schema.js';

/** Claim value → role, e.g. "sg-admin" → admin. */
export type RoleMapping = ReadonlyMap<string, Role>;

/**
 * Reads `value=role` entries separated by commas (`sg-admin=admin,sg-editor=editor`), or a JSON object
 * (`{"cn=admins,ou=groups": "admin"}`) for values that themselves hold commas. The role is what follows the last "=".
 */
export function parseRoleMapping(text: string, name = 'the role mapping'): RoleMapping {
  const trimmed = text.trim();
  const mapping = new Map<string, Role>();
  if (trimmed === '') return mapping;
  let entries: [string, unknown][];
  if (trimmed.startsWith('{')) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(trimmed);
    } catch (err) {
      throw new Error(`${name} is not valid JSON: ${err instanceof Error ? err.message : String(err)}`, { cause: err });
    }
    if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) throw new Error(`${name} must be a JSON object of claim value → role`);
    entries = Object.entries(parsed);
  } else {
    entries = trimmed
      .split(',')
      .map((e) => e.trim())
      .filter((e) => e.length > 0)
      .map((entry) => {
        const at = entry.lastIndexOf('=');
        if (at <= 0) throw new Error(`${name}: "${entry}" is not of the form value=role (e.g. sg-admin=admin)`);
        return [entry.slice(0, at).trim(), entry.slice(at + 1).trim()];
      });
  }
  for (const [value, role] of entries) {
    if (typeof role !== 'string' || !(ROLES as readonly string[]).includes(role)) {
      throw new Error(`${name}: the role for "${value}" must be one of ${ROLES.join(', ')} (got ${JSON.stringify(role)})`);
    }
    if (mapping.has(value) && mapping.get(value) !== role) throw new Error(`${name}: "${value}" is mapped twice`);
    mapping.set(value, role as Role);
  }
  return mapping;
}

/** The string values of a claim, found by a dotted path (`realm_access.roles`); a single string counts as one value. */
export function claimValues(claims: Record<string, unknown>, path: string): string[] {
  // A claim whose own name holds dots (some providers use URLs as claim names) is found before a nested one.
  let value: unknown = Object.hasOwn(claims, path) ? claims[path] : undefined;
  if (value === undefined) {
    value = claims;
    for (const part of path.split('.')) {
      value = value && typeof value === 'object' && !Array.isArray(value) && Object.hasOwn(value, part) ? (value as Record<string, unknown>)[part] : undefined;
    }
  }
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === 'string');
  return [];
}

export function roleFromClaims(claims: Record<string, unknown>, claim: string, mapping: RoleMapping, defaultRole: Role): Role {
  let role = defaultRole;
  for (const value of claimValues(claims, claim)) {
    const mapped = mapping.get(value);
    if (mapped && roleAtLeast(mapped, role)) role = mapped;
  }
  return role;
}

/**
 * A short fingerprint of how roles are given. A session remembers the one it was signed in under, so a change of
 * mapping (someone's group lost its admin role) takes effect at once rather than when old sessions expire.
 */
export function mappingFingerprint(claim: string, mapping: RoleMapping, defaultRole: Role): string {
  const entries = [...mapping.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return createHash('sha256')
    .update(JSON.stringify([claim, defaultRole, entries]))
    .digest('base64url')
    .slice(0, 16);
}
