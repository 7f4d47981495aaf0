// What the routes need to know about sign-in: the relying party and the sessions (both null without OIDC), and a clock.
import { baseOf, type AuthSettings } from './config.js';
import { OidcRelyingParty } from './oidc.js';
import { Sessions } from './session.js';

export interface AuthRuntime {
  oidc: OidcRelyingParty | null;
  sessions: Sessions | null;
  /** The path this site lives under ("/" unless STRATEGIGRAF_PUBLIC_URL has a path): login and logout return there. */
  basePath: string;
  now: () => number;
}

export function authRuntime(settings: AuthSettings | undefined, now: () => number = Date.now): AuthRuntime {
  const oidc = settings?.oidc ?? null;
  const session = settings?.session ?? null;
  if (oidc && !session) throw new Error('sign-in needs session settings (STRATEGIGRAF_SESSION_SECRET)');
  return {
    oidc: oidc ? new OidcRelyingParty(oidc) : null,
    sessions: oidc && session ? new Sessions(session, oidc, now) : null,
    basePath: oidc ? baseOf(oidc.publicUrl).pathname : '/',
    now,
  };
}
