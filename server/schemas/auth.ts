// Sign-in, the session as the web UI sees it, and API tokens.
import { z } from 'zod';
import { Actor, ACTOR_VIA, Role } from '../../graph/work/schema.js';

export const SessionInfo = z
  .object({
    actor: Actor.nullable().describe('Who is asking; null for an anonymous request'),
    role: Role.describe('What the request may do: the signed-in role, the token role, or the anonymous role'),
    via: z.enum(ACTOR_VIA),
    csrfToken: z
      .string()
      .nullable()
      .describe('For a signed-in browser session: send it back as X-CSRF-Token with every POST, PUT, PATCH and DELETE. Null otherwise'),
    expiresAt: z.string().nullable().describe('When a signed-in session ends (ISO 8601); null otherwise'),
    signIn: z.object({
      available: z.boolean().describe('Whether this server offers sign-in with OpenID Connect'),
      loginUrl: z.string().nullable().describe('Where to send the browser to sign in (add ?returnTo=/path); null without sign-in'),
    }),
  })
  .meta({ id: 'SessionInfo' });

export const LoginQuery = z
  .object({
    returnTo: z.string().max(500).optional().describe('A path on this site to come back to after signing in (default: the start page)'),
  })
  .strict();

// The provider's parameters are checked by openid-client, not here: the whole query string is passed on to it, and
// providers add their own parameters (session_state, scope, …), so unknown ones are let through.
export const CallbackQuery = z.looseObject({
  code: z.string().optional().describe('The authorization code'),
  state: z.string().optional().describe('Must be the state this browser sent'),
  iss: z.string().optional().describe('The issuer (RFC 9207), checked when the provider sends it'),
  error: z.string().optional().describe('The provider refused, e.g. access_denied'),
  error_description: z.string().optional(),
});

export const LoggedOut = z
  .object({
    redirectTo: z.string().describe("Where to send the browser next: the provider's end-session page, or this site's start page"),
  })
  .meta({ id: 'LoggedOut' });

export const TOKEN_MAX_DAYS = 365;

export const TokenCreate = z
  .object({
    name: z.string().trim().min(1).max(100).describe('What the token is for, e.g. "nightly CI load"; shown in the audit trail'),
    role: Role,
    expiresInDays: z.number().int().min(1).max(TOKEN_MAX_DAYS).describe(`Days until the token stops working (1–${TOKEN_MAX_DAYS})`),
  })
  .strict()
  .meta({ id: 'TokenCreate' });

export const TokenInfo = z
  .object({
    id: z.string(),
    name: z.string(),
    role: Role,
    createdAt: z.string(),
    createdBy: Actor,
    expiresAt: z.string(),
    revokedAt: z.string().nullable(),
    revokedBy: Actor.nullable(),
    status: z.enum(['active', 'expired', 'revoked']),
  })
  .meta({ id: 'TokenInfo', description: 'An API token without its secret' });

export const TokenCreated = TokenInfo.extend({
  secret: z.string().describe('The token itself, shown this once and never again: send it as "Authorization: Bearer <secret>"'),
}).meta({ id: 'TokenCreated' });

export const TokenList = z.object({ items: z.array(TokenInfo) }).meta({ id: 'TokenList' });

export const TokenParams = z.object({ id: z.string().regex(/^[0-9a-f]{16}$/, 'must be a token id (16 hexadecimal digits)') });
