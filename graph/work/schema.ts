// zod shapes of the programme office's own records, kept in the store beside the dataset but never in it: who did
// what (actors, roles), the audit trail, and the versioned records of follow-up, review and API tokens.
import { z } from 'zod';

/** reader: everything read-only; editor: follow-up and review; admin: dataset replacement, tokens, role mapping. */
export const ROLES = ['reader', 'editor', 'admin'] as const;
export const Role = z.enum(ROLES).meta({ id: 'Role' });
export type Role = z.infer<typeof Role>;

/** Whether `role` may do what `needed` may. */
export const roleAtLeast = (role: Role, needed: Role): boolean => ROLES.indexOf(role) >= ROLES.indexOf(needed);

/** How an actor proved who they are; 'system' is Strategigraf itself, for what the data changed (never a request). */
export const ACTOR_VIA = ['oidc', 'token', 'bootstrap', 'anonymous', 'system'] as const;

export const Actor = z
  .object({
    id: z.string().describe('Stable id: the OpenID subject (issuer-qualified), the API token id, or "bootstrap-admin"'),
    name: z.string().describe('What people see: the name or e-mail from the sign-in, or the token name'),
    via: z.enum(ACTOR_VIA),
  })
  .meta({ id: 'Actor' });
export type Actor = z.infer<typeof Actor>;

/** The kinds of versioned record the work store keeps. */
export const WORK_COLLECTIONS = ['followup', 'review', 'token'] as const;
export const WorkCollection = z.enum(WORK_COLLECTIONS);
export type WorkCollection = z.infer<typeof WorkCollection>;

/**
 * Records of a collection as stored, with their versions: what GET /api/records/:collection serves and the CLI reads
 * back when it goes through a running server (the follow-up and the review; tokens are never served).
 */
export const StoredRecords = z
  .object({
    items: z.array(
      z.object({
        id: z.string(),
        version: z.number().int().positive(),
        updatedAt: z.string(),
        body: z.unknown().describe('The record as its collection keeps it (graph/work/followup/schema.ts, graph/review)'),
      }),
    ),
  })
  .meta({ id: 'WorkRecords' });

/** A JSON value as stored (objects, arrays, strings, numbers, booleans, null). */
export type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

export const AuditEntry = z
  .object({
    seq: z.number().int().positive().describe('Position in the trail: strictly increasing, never reused'),
    at: z.string().describe('ISO 8601 time of the write'),
    actor: Actor,
    action: z.string().describe('What was done, e.g. "followup.acknowledge", "review.reject", "dataset.replace", "token.create"'),
    target: z.string().describe('What it was done to: "<collection>/<id>" for a record, "dataset" for the dataset'),
    before: z.unknown().describe('The record before the write; null when there was none'),
    after: z.unknown().describe('The record after the write; null when it failed or removed nothing'),
    requestId: z.string().optional(),
  })
  .meta({ id: 'AuditEntry' });
export type AuditEntry = Omit<z.infer<typeof AuditEntry>, 'before' | 'after'> & { before: Json; after: Json };
