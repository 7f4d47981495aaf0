// The UI's writes: apiWrite sends the session's CSRF token, and after a 403 about the token (the session was renewed
// in another tab) reloads the session once and tries again; any other failure is the caller's to show.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiFailure } from '../../web/src/api/client.js';
import { apiWrite } from '../../web/src/api/write.js';
import { session } from '../../web/src/lib/session.svelte.js';

const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
const sessionAnswer = (csrfToken: string | null, role = 'admin') => ({
  actor: csrfToken ? { id: 'x#alice', name: 'Alice', via: 'oidc' } : null,
  role,
  via: csrfToken ? 'oidc' : 'anonymous',
  csrfToken,
  expiresAt: null,
  signIn: { available: true, loginUrl: '/api/auth/login' },
});
const created = { id: '0123456789abcdef', secret: 'sgt_x' };

afterEach(() => vi.unstubAllGlobals());

/** fetch answering from a queue, recording each call's method, URL and CSRF header. */
function stubFetch(answers: Response[]) {
  const calls: { method: string; url: string; csrf: string | null }[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init: RequestInit = {}) => {
      calls.push({ method: init.method ?? 'GET', url, csrf: new Headers(init.headers).get('x-csrf-token') });
      const next = answers.shift();
      if (!next) throw new Error(`unexpected call ${url}`);
      return next;
    }),
  );
  return calls;
}

describe('apiWrite', () => {
  it('sends the session CSRF token with the write', async () => {
    const calls = stubFetch([json(200, sessionAnswer('token-A')), json(201, created)]);
    await session.load();
    expect(session).toMatchObject({ role: 'admin', signedIn: true, csrfToken: 'token-A' });
    expect(session.can('editor')).toBe(true);
    const answer = await apiWrite('post', '/api/tokens', { body: { name: 'ci', role: 'reader', expiresInDays: 1 } });
    expect(answer).toEqual(created);
    expect(calls[1]).toEqual({ method: 'POST', url: '/api/tokens', csrf: 'token-A' });
  });

  it('reloads the session once after a 403 about the token, and sends the new one', async () => {
    const calls = stubFetch([
      json(200, sessionAnswer('token-A')),
      json(403, { error: { code: 'forbidden', message: 'the X-CSRF-Token header does not match the session; …' } }),
      json(200, sessionAnswer('token-B')),
      json(200, { id: '0123456789abcdef', status: 'revoked' }),
    ]);
    await session.load();
    await apiWrite('delete', '/api/tokens/{id}', { path: { id: '0123456789abcdef' } });
    expect(calls.map((c) => `${c.method} ${c.url} ${c.csrf}`)).toEqual([
      'GET /api/session null',
      'DELETE /api/tokens/0123456789abcdef token-A',
      'GET /api/session null',
      'DELETE /api/tokens/0123456789abcdef token-B',
    ]);
  });

  it('does not retry a 403 for a role that is too low', async () => {
    const calls = stubFetch([
      json(200, sessionAnswer('token-A', 'editor')),
      json(403, { error: { code: 'forbidden', message: 'this route needs the admin role; Alice has the editor role' } }),
    ]);
    await session.load();
    expect(session.can('admin')).toBe(false);
    const failure = await apiWrite('put', '/api/dataset', { body: undefined as never }).catch((err: unknown) => err);
    expect(failure).toBeInstanceOf(ApiFailure);
    expect((failure as ApiFailure).status).toBe(403);
    expect(calls).toHaveLength(2);
  });

  it('sends no token for an anonymous browser, and builds the sign-in link back to the page', async () => {
    stubFetch([json(200, sessionAnswer(null, 'reader'))]);
    await session.load();
    expect(session).toMatchObject({ signedIn: false, csrfToken: null, role: 'reader' });
    expect(session.loginHref('/?view=gaps&lang=en')).toBe('/api/auth/login?returnTo=%2F%3Fview%3Dgaps%26lang%3Den');
  });
});
