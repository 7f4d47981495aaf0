// What a refused follow-up change tells the editor, and whether the page reads the finding again: a 412 (someone else
// changed it) always reloads, and sign-in, role and the server without sign-in are told apart.
import { describe, expect, it } from 'vitest';
import { readProblem } from '../../web/src/lib/followup-problem.js';

describe('readProblem', () => {
  it.each([
    [412, 'precondition_failed', 'conflict', true],
    [412, 'version_conflict', 'conflict', true],
    [409, 'invalid_transition', 'transition', true],
    [409, 'thread_full', 'threadFull', false],
    [401, 'unauthorized', 'signIn', false],
    [403, 'forbidden', 'role', false],
    [403, 'writes_disabled', 'writesDisabled', false],
    [422, 'invalid_owner', 'owner', false],
    [404, 'not_found', 'gone', true],
    [429, 'rate_limited', 'rateLimited', false],
    [0, 'network', 'network', false],
    [500, 'internal_error', 'other', false],
    [400, 'invalid_request', 'other', false],
  ] as const)('%i %s → %s (reload: %s)', (status, code, problem, reload) => {
    expect(readProblem({ status, code })).toEqual({ problem, reload });
  });
});
