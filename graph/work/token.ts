// An API token as the work store keeps it (collection 'token'): who made it, its role and expiry, and the hash of its
// secret, never the secret itself. Revoking writes a new version; a token record is never removed.
import { z } from 'zod';
import { Actor, Role } from './schema.js';

export const TOKEN_HASH_PREFIX = 'sha256:';

export const StoredToken = z.object({
  name: z.string(),
  role: Role,
  createdAt: z.string(),
  createdBy: Actor,
  expiresAt: z.string(),
  /** "sha256:" + hex of the whole secret. */
  hash: z.string().startsWith(TOKEN_HASH_PREFIX),
  revokedAt: z.string().nullable(),
  revokedBy: Actor.nullable(),
});
export type StoredToken = z.infer<typeof StoredToken>;

export type TokenStatus = 'active' | 'expired' | 'revoked';

export function tokenStatus(token: Pick<StoredToken, 'expiresAt' | 'revokedAt'>, now: number): TokenStatus {
  if (token.revokedAt !== null) return 'revoked';
  return Date.parse(token.expiresAt) <= now ? 'expired' : 'active';
}

/** The token as anyone may see it (the list, the audit trail): everything but the hash. */
export function publicToken(id: string, token: StoredToken, now: number) {
  const { hash: _hash, ...rest } = token;
  return { id, ...rest, status: tokenStatus(token, now) };
}
