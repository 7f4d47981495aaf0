// Optimistic concurrency over HTTP: a versioned record is served with `ETag: "<version>"`, and a request that changes it
// must send that ETag back in If-Match. No If-Match is 428 (a client that forgets it would overwrite blindly); a stale
// one is 412. `If-Match: *` is refused too: it means "whatever is there", the blind overwrite this is here to prevent.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ApiError } from '../schemas/common.js';

/** The ETag of a record version: a strong validator, the version in quotes. */
export const etagOf = (version: number): string => `"${version}"`;

const STRONG_ETAG = /^"(\d{1,15})"$/;

/**
 * The version the client read, from its If-Match header: `"0"` for a record that does not exist yet. Throws 428 when the
 * header is missing or `*`, and 400 when it is not one strong ETag (a weak `W/"3"` never matches a write).
 */
export function expectedVersion(request: FastifyRequest, readHow: string): number {
  const header = request.headers['if-match'];
  if (header === undefined || header.trim() === '') {
    throw new ApiError(
      428,
      'precondition_required',
      `this change needs an If-Match header with the ETag you read (${readHow}); send If-Match: "0" when there is no record yet`,
    );
  }
  const value = header.trim();
  if (value === '*') {
    throw new ApiError(428, 'precondition_required', `If-Match: * would overwrite whatever is there; send the ETag you read (${readHow})`);
  }
  const match = STRONG_ETAG.exec(value);
  if (!match) {
    const message = `must be one strong ETag such as "3", as ${readHow} gives it (got ${JSON.stringify(value.slice(0, 40))})`;
    throw new ApiError(400, 'invalid_request', `If-Match ${message}`, [{ field: 'if-match', in: 'headers', message }]);
  }
  return Number(match[1]);
}

export function sendEtag(reply: FastifyReply, version: number): void {
  void reply.header('etag', etagOf(version));
}
