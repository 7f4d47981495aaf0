// The audit trail as people read it: what an entry's action and target are in words, and what changed between the
// record before and after, field by field in the language's labels, with what a write added to a thread. The API
// answers the records as stored (GET /api/audit); no internal field name or id reaches the reader from here.
import type { AuditEntry } from '../api/types.js';
import { formatDateTime, formatNumber, formatPartialDate } from '../i18n/format.js';
import { i18n } from '../i18n/i18n.svelte.js';
import type { MessageKey } from '../i18n/nb.js';

/** Every action the server writes, in the order the filter offers them. */
export const AUDIT_ACTIONS = [
  'review.accept',
  'review.reject',
  'review.comment',
  'followup.acknowledge',
  'followup.resolve',
  'followup.accept_risk',
  'followup.reopen',
  'followup.comment',
  'followup.detect',
  'followup.close_by_data',
  'followup.vanish',
  'followup.reappear',
  'followup.orphan',
  'followup.restore',
  'dataset.replace',
  'token.create',
  'token.revoke',
] as const;
/** Prefixes the API filters by ("review." is every review action). */
export const AUDIT_GROUPS = ['review', 'followup', 'token'] as const;

const has = <K extends string>(key: string, keys: readonly K[]): key is K => (keys as readonly string[]).includes(key);

/** An action in words; one this UI does not know yet is "another change", never its code. */
export function actionLabel(action: string): string {
  return has(action, AUDIT_ACTIONS) ? i18n.t(`audit.action.${action}`) : i18n.t('audit.action.other');
}

/** What an entry's target is, parsed from "<collection>/<id>" or "dataset". */
export type AuditTarget =
  | { kind: 'dataset' }
  | { kind: 'link'; id: string; from: string; type: string; to: string }
  | { kind: 'field'; id: string; node: string; field: string }
  | { kind: 'finding'; id: string }
  | { kind: 'token'; id: string }
  | { kind: 'other' };

/** A link's review target id is its edge id "<from>:<TYPE>:<to>"; a field's is "<node id>.<field>". */
const EDGE_ID = /^(.+?):([A-Z][A-Z_]*):(.+)$/;

export function parseTarget(target: string): AuditTarget {
  if (target === 'dataset') return { kind: 'dataset' };
  const slash = target.indexOf('/');
  if (slash < 0) return { kind: 'other' };
  const collection = target.slice(0, slash);
  const id = target.slice(slash + 1);
  if (collection === 'followup') return { kind: 'finding', id };
  if (collection === 'token') return { kind: 'token', id };
  if (collection === 'review') {
    const link = EDGE_ID.exec(id);
    if (link) return { kind: 'link', id, from: link[1]!, type: link[2]!, to: link[3]! };
    const dot = id.lastIndexOf('.');
    if (dot > 0) return { kind: 'field', id, node: id.slice(0, dot), field: id.slice(dot + 1) };
  }
  return { kind: 'other' };
}

/** One field that differs between before and after, both sides in words ('—' for none). */
export interface FieldChange {
  label: string;
  before: string;
  after: string;
}

/** Something a write appended (a thread entry, a comment): who did what, and the text. */
export interface Addition {
  label: string;
  text: string;
}

export interface EntryChanges {
  changes: FieldChange[];
  added: Addition[];
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/** The labels of the fields the trail's records hold; anything else is "another field". */
const FIELD_LABELS: Record<string, MessageKey> = {
  state: 'audit.field.state',
  owner: 'audit.field.owner',
  dueDate: 'audit.field.dueDate',
  reason: 'audit.field.reason',
  reviewDate: 'audit.field.reviewDate',
  closedBy: 'audit.field.closedBy',
  present: 'audit.field.present',
  orphaned: 'audit.field.orphaned',
  name: 'audit.field.name',
  version: 'audit.field.version',
  nodes: 'audit.field.nodes',
  relationships: 'audit.field.relationships',
  role: 'audit.field.role',
  expiresAt: 'audit.field.expiresAt',
  revokedAt: 'audit.field.revokedAt',
  status: 'audit.field.status',
};

/** Per kind of record, the fields worth comparing, in reading order; the rest (ids, hashes, counters) is left out. */
const COMPARED: Record<'followup' | 'dataset' | 'token', readonly string[]> = {
  followup: ['state', 'owner', 'dueDate', 'reason', 'reviewDate', 'closedBy', 'present', 'orphaned'],
  dataset: ['name', 'version', 'nodes', 'relationships'],
  token: ['name', 'role', 'expiresAt', 'status', 'revokedAt'],
};

const FOLLOW_UP_STATES = ['open', 'acknowledged', 'resolved', 'accepted_risk', 'closed_by_data'] as const;
const TOKEN_STATUSES = ['active', 'expired', 'revoked'] as const;
const ROLES = ['reader', 'editor', 'admin'] as const;

/** A field's value in words. */
export function valueText(field: string, value: unknown): string {
  if (value === null || value === undefined || value === '') return i18n.t('audit.none');
  if (typeof value === 'boolean') return i18n.t(value ? 'app.yes' : 'app.no');
  if (typeof value === 'number') return field === 'version' ? String(value) : formatNumber(value);
  if (field === 'state' && typeof value === 'string' && has(value, FOLLOW_UP_STATES)) return i18n.t(`audit.state.${value}`);
  if (field === 'status' && typeof value === 'string' && has(value, TOKEN_STATUSES)) return i18n.t(`audit.tokenStatus.${value}`);
  if (field === 'role' && typeof value === 'string' && has(value, ROLES)) return i18n.t(`session.role.${value}`);
  if ((field === 'dueDate' || field === 'reviewDate') && typeof value === 'string') return formatPartialDate(value);
  if ((field === 'expiresAt' || field === 'revokedAt') && typeof value === 'string') return formatDateTime(value);
  if (field === 'owner' && isObj(value) && typeof value['name'] === 'string') return value['name'];
  if (field === 'closedBy' && isObj(value)) {
    const source = isObj(value['source']) && typeof value['source']['name'] === 'string' ? value['source']['name'] : null;
    const year = typeof value['year'] === 'number' ? i18n.t('audit.closedInYear', { year: value['year'] }) : null;
    return [source, year].filter(Boolean).join(' ') || i18n.t('app.yes');
  }
  if (typeof value === 'string') return value;
  return i18n.t('audit.none');
}

function compareFields(before: unknown, after: unknown, fields: readonly string[]): FieldChange[] {
  const b = isObj(before) ? before : {};
  const a = isObj(after) ? after : {};
  return fields
    .filter((f) => !same(b[f], a[f]))
    .map((f) => ({ label: i18n.t(FIELD_LABELS[f] ?? 'audit.field.other'), before: valueText(f, b[f]), after: valueText(f, a[f]) }));
}

interface ThreadEvent {
  seq: number;
  action: string;
  at: string;
  by: { name: string };
  note?: string;
}
const eventsOf = (record: unknown): ThreadEvent[] =>
  isObj(record) && Array.isArray(record['events'])
    ? (record['events'] as unknown[]).filter((e): e is ThreadEvent => isObj(e) && typeof e['seq'] === 'number')
    : [];

/** The decision in force in a review thread: the last accept or reject, or none. */
function decisionOf(events: readonly ThreadEvent[]): 'accepted' | 'rejected' | 'unreviewed' {
  const last = events.filter((e) => e.action === 'accept' || e.action === 'reject').at(-1);
  return last ? (last.action === 'accept' ? 'accepted' : 'rejected') : 'unreviewed';
}

function reviewChanges(entry: AuditEntry): EntryChanges {
  const before = eventsOf(entry.before);
  const after = eventsOf(entry.after);
  const was = decisionOf(before);
  const now = decisionOf(after);
  const changes = was === now ? [] : [{ label: i18n.t('audit.field.decision'), before: i18n.value('review', was), after: i18n.value('review', now) }];
  const last = Math.max(0, ...before.map((e) => e.seq));
  const added = after
    .filter((e) => e.seq > last)
    .map((e) => ({
      label: `${has(e.action, ['accept', 'reject', 'comment'] as const) ? i18n.t(`review.event.${e.action}`) : i18n.t('audit.action.other')} – ${i18n.t(
        'review.eventBy',
        {
          name: e.by.name,
          date: formatDateTime(e.at),
        },
      )}`,
      text: e.note ?? '',
    }));
  return { changes, added };
}

/** What an entry changed, in words: the fields that differ and anything appended. */
export function entryChanges(entry: AuditEntry): EntryChanges {
  const target = parseTarget(entry.target);
  if (target.kind === 'link' || target.kind === 'field') return reviewChanges(entry);
  if (target.kind === 'finding') {
    const event = isObj(entry.after) && isObj(entry.after['event']) ? entry.after['event'] : null;
    const comment = event && typeof event['comment'] === 'string' ? event['comment'] : null;
    return {
      changes: compareFields(entry.before, entry.after, COMPARED.followup),
      added: comment ? [{ label: i18n.t('audit.field.comment'), text: comment }] : [],
    };
  }
  if (target.kind === 'dataset') {
    const changes = compareFields(entry.before, entry.after, COMPARED.dataset);
    // A failed replacement is audited with nothing after it: the graph stayed as it was.
    if (entry.after === null)
      return { changes: [{ label: i18n.t('audit.field.result'), before: i18n.t('audit.none'), after: i18n.t('audit.failedLoad') }], added: [] };
    return { changes, added: [] };
  }
  if (target.kind === 'token') return { changes: compareFields(entry.before, entry.after, COMPARED.token), added: [] };
  // A record this UI does not know: its top-level fields, labelled where known.
  const keys = [...new Set([...Object.keys(isObj(entry.before) ? entry.before : {}), ...Object.keys(isObj(entry.after) ? entry.after : {})])];
  return { changes: compareFields(entry.before, entry.after, keys), added: [] };
}

/** A token's name as the entry records it (a token is named in the trail, never shown by its id). */
export function tokenName(entry: Pick<AuditEntry, 'before' | 'after'>): string | null {
  for (const record of [entry.after, entry.before]) if (isObj(record) && typeof record['name'] === 'string') return record['name'];
  return null;
}

/** Who did it, in words: the name and how they were signed in. */
export function actorText(actor: AuditEntry['actor']): string {
  // The bootstrap token's name is the environment variable that holds it: said in words instead.
  if (actor.via === 'bootstrap') return i18n.t('audit.bootstrapActor');
  return i18n.t('audit.actorVia', { name: actor.name, via: i18n.t(`audit.via.${actor.via}`) });
}
