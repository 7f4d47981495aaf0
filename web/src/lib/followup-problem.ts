// What a refused follow-up change means to the person who made it, and what the page does next. The server's own
// message is English and names fields; the editor gets a sentence in their language instead, and the finding is read
// again whenever what they saw is no longer what is there.
import type { ApiFailure } from '../api/client.js';

export type FollowUpProblem =
  /** 412: someone else changed the finding since it was read. The current version is loaded; nothing was overwritten. */
  | 'conflict'
  /** 409: the change does not fit the state the finding is in now (it changed, or the page is old). */
  | 'transition'
  | 'threadFull'
  /** 401: not signed in, or the session or token ended. */
  | 'signIn'
  /** 403: signed in, without the editor role. */
  | 'role'
  /** 403: the server offers no way to sign in, so nobody can change anything through the UI. */
  | 'writesDisabled'
  | 'owner'
  | 'gone'
  | 'rateLimited'
  | 'network'
  | 'other';

export interface ProblemReading {
  problem: FollowUpProblem;
  /** Whether the finding should be read again at once (what the editor saw is not what is there). */
  reload: boolean;
}

export function readProblem(failure: Pick<ApiFailure, 'status' | 'code'>): ProblemReading {
  switch (failure.status) {
    case 412:
      return { problem: 'conflict', reload: true };
    case 409:
      return failure.code === 'thread_full' ? { problem: 'threadFull', reload: false } : { problem: 'transition', reload: true };
    case 401:
      return { problem: 'signIn', reload: false };
    case 403:
      return { problem: failure.code === 'writes_disabled' ? 'writesDisabled' : 'role', reload: false };
    case 422:
      return { problem: failure.code === 'invalid_owner' ? 'owner' : 'other', reload: false };
    case 404:
      return { problem: 'gone', reload: true };
    case 429:
      return { problem: 'rateLimited', reload: false };
    case 0:
      return { problem: failure.code === 'network' ? 'network' : 'other', reload: false };
    default:
      return { problem: 'other', reload: false };
  }
}
