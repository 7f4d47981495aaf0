// Every write the UI makes goes through apiWrite: it adds the session's CSRF token (X-CSRF-Token), without which the
// server refuses a write made with the session cookie. A 403 about the token (the session was renewed in another tab)
// reloads the session and tries once more. `headers` carries what a route asks for besides (If-Match with the ETag read).
import { session } from '../lib/session.svelte.js';
import { ApiFailure, request, routeUrl, type Answer, type Args, type Operation, type RouteOf, type WriteMethod } from './client.js';

export async function apiWrite<M extends WriteMethod, P extends RouteOf<M>>(
  method: M,
  route: P,
  args: Args<Operation<P, M>>,
  headers: Record<string, string> = {},
): Promise<Answer<P, M>> {
  const url = routeUrl(route, args as Parameters<typeof routeUrl>[1]);
  const body = (args as { body?: unknown }).body;
  const verb = method.toUpperCase() as 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  const send = () => request<Answer<P, M>>(verb, url, body, { ...headers, ...(session.csrfToken ? { 'x-csrf-token': session.csrfToken } : {}) });
  try {
    return await send();
  } catch (err) {
    if (!(err instanceof ApiFailure && err.status === 403 && /X-CSRF-Token/.test(err.message))) throw err;
    await session.load();
    return send();
  }
}
