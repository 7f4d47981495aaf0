// Who is using the UI, as GET /api/session says: the actor, their role, the CSRF token every write sends back, and how
// to sign in. Loaded once at start; views ask `session.can('editor')` before they offer a write.
import { asFailure, get, request, type ApiFailure } from '../api/client.js';
import type { Role, SessionInfo } from '../api/types.js';

const ROLE_ORDER: readonly Role[] = ['reader', 'editor', 'admin'];

class Session {
  info = $state<SessionInfo | null>(null);
  failure = $state<ApiFailure | null>(null);

  /** The role of this browser; reader until the session is known. */
  readonly role: Role = $derived(this.info?.role ?? 'reader');
  /** Sent as X-CSRF-Token with every write made with the session cookie (web/src/api/write.ts does it). */
  readonly csrfToken: string | null = $derived(this.info?.csrfToken ?? null);
  /** Signed in with OpenID Connect in this browser (and so able to sign out here). */
  readonly signedIn: boolean = $derived(this.info?.via === 'oidc');

  /** Whether the current role may do what `needed` may. */
  can = (needed: Role): boolean => ROLE_ORDER.indexOf(this.role) >= ROLE_ORDER.indexOf(needed);

  load = async (): Promise<void> => {
    try {
      this.info = await get('/api/session', {});
      this.failure = null;
    } catch (err) {
      this.failure = asFailure(err);
    }
  };

  /** The sign-in link, coming back to the page the user is on. */
  loginHref = (here: string): string | null => {
    const loginUrl = this.info?.signIn.loginUrl;
    return loginUrl ? `${loginUrl}?${new URLSearchParams({ returnTo: here }).toString()}` : null;
  };

  /** Ends the session here and then, where the provider supports it, at the provider. */
  logout = async (): Promise<void> => {
    const { redirectTo } = await request<{ redirectTo: string }>(
      'POST',
      '/api/auth/logout',
      undefined,
      this.csrfToken ? { 'x-csrf-token': this.csrfToken } : {},
    );
    this.info = null;
    window.location.assign(redirectTo);
  };
}

export const session = new Session();
