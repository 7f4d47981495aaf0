// API tokens for scripts and CI. A secret is "sgt_" + a 16-hex-digit token id + "_" + 32 random bytes in base64url:
// the id inside it makes the lookup one record read, and only the SHA-256 of the whole secret is stored.
//
// Why a plain SHA-256 and not a password hash (scrypt, Argon2): those slow an attacker who guesses low-entropy
// passwords from a stolen hash. A 256-bit random secret cannot be guessed whatever the hash costs, so a fast hash
// loses nothing and keeps every API call cheap.
import { createHash, randomBytes } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import { StoredToken, TOKEN_HASH_PREFIX, tokenStatus } from '../../graph/work/token.js';
import type { WorkStore } from '../../graph/work/port.js';
import { bearerToken, unauthorized, type Authenticator } from '../plugins/access.js';
import { tokenMatches } from '../plugins/auth.js';

export const TOKEN_PREFIX = 'sgt_';
const SECRET = /^sgt_([0-9a-f]{16})_([A-Za-z0-9_-]{43})$/;

export interface NewTokenSecret {
  id: string;
  secret: string;
  hash: string;
}

export function newTokenSecret(): NewTokenSecret {
  const id = randomBytes(8).toString('hex');
  const secret = `${TOKEN_PREFIX}${id}_${randomBytes(32).toString('base64url')}`;
  return { id, secret, hash: hashSecret(secret) };
}

export const hashSecret = (secret: string) => `${TOKEN_HASH_PREFIX}${createHash('sha256').update(secret, 'utf8').digest('hex')}`;

/** The token id inside a well-formed secret, or null. */
export function tokenIdOf(secret: string): string | null {
  return SECRET.exec(secret)?.[1] ?? null;
}

/** Recognises "Authorization: Bearer sgt_…"; an unknown, expired, revoked or altered token is a 401. */
export function apiTokenAuthenticator(work: () => WorkStore, now: () => number = Date.now): Authenticator {
  return async (request: FastifyRequest) => {
    const secret = bearerToken(request);
    if (secret === null || !secret.startsWith(TOKEN_PREFIX)) return null;
    const id = tokenIdOf(secret);
    if (id === null) throw unauthorized('the API token is malformed');
    const record = await work().getRecord('token', id);
    const parsed = record ? StoredToken.safeParse(record.body) : null;
    // The same answer for "no such token" and "wrong secret", so the answer tells nobody which ids exist.
    if (!parsed?.success || !tokenMatches(hashSecret(secret), parsed.data.hash)) throw unauthorized('the API token is not valid');
    const status = tokenStatus(parsed.data, now());
    if (status !== 'active') throw unauthorized(`the API token has ${status === 'expired' ? 'expired' : 'been revoked'}`);
    return { actor: { id: `token:${id}`, name: parsed.data.name, via: 'token' }, role: parsed.data.role };
  };
}
