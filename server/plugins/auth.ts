// Bearer-token guard for the write routes. Without a configured token the write routes are disabled, never open.
import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyRequest, onRequestAsyncHookHandler } from 'fastify';
import { ApiError } from '../schemas/common.js';

const digest = (text: string) => createHash('sha256').update(text, 'utf8').digest();

/** Compares in constant time; hashing first makes the comparison independent of the lengths too. */
export function tokenMatches(given: string, expected: string): boolean {
  return timingSafeEqual(digest(given), digest(expected));
}

function bearerToken(request: FastifyRequest): string | null {
  const header = request.headers.authorization;
  if (typeof header !== 'string') return null;
  const match = /^Bearer[ \t]+(\S+)[ \t]*$/i.exec(header);
  return match ? match[1]! : null;
}

export function requireAdmin(adminToken: string | undefined): onRequestAsyncHookHandler {
  const expected = adminToken && adminToken.length > 0 ? adminToken : null;
  return async (request) => {
    if (expected === null) {
      throw new ApiError(403, 'writes_disabled', 'write routes are disabled on this server: set STRATEGIGRAF_ADMIN_TOKEN to enable them');
    }
    const token = bearerToken(request);
    if (token === null || !tokenMatches(token, expected)) {
      throw new ApiError(
        401,
        'unauthorized',
        token === null ? 'this route needs the header "Authorization: Bearer <admin token>"' : 'the bearer token is not valid',
        undefined,
        { 'www-authenticate': 'Bearer realm="strategigraf"' },
      );
    }
  };
}
