// What every work store checks before it writes, alike on both engines: the shapes the port takes, and the sizes it
// keeps. A caller's mistake (an unknown collection, a negative version) is a programming error (RangeError); a value
// that is too large can come from a user (a long comment) and is a StoreError the API answers with 413.
import { workValueTooLarge } from '../store/errors.js';
import { AuditEntry, WORK_COLLECTIONS, type Json, type WorkCollection } from './schema.js';
import type { AuditDraft, AuditQuery, RecordPage, RecordWrite } from './port.js';

/** Largest JSON (UTF-8 bytes) of a record's body, and of each of an audit entry's `before` and `after`. */
export const MAX_WORK_JSON_BYTES = 256 * 1024;
/** Deepest nesting of arrays and objects in a stored value. */
export const MAX_WORK_JSON_DEPTH = 64;
/** Longest record id (UTF-8 bytes). */
export const MAX_RECORD_ID_BYTES = 512;
/** Largest audit entry without its `before` and `after` (actor, action, target, request id). */
export const MAX_AUDIT_HEADER_BYTES = 16 * 1024;
/**
 * Most writes in one writeRecords batch: a reconcile of a 100,000-node graph writes tens of thousands of records, and
 * one transaction holds them all (a few hundred MB of log at most); more is a caller's mistake.
 */
export const MAX_RECORD_BATCH = 200_000;
/** Most records one listRecordsPage call returns. */
export const MAX_RECORD_PAGE = 10_000;
/** Most audit entries one listAudit call returns. */
export const MAX_AUDIT_PAGE = 1000;

export function assertRecordKey(collection: WorkCollection, id: string): void {
  if (!(WORK_COLLECTIONS as readonly string[]).includes(collection)) {
    throw new RangeError(`unknown work collection ${JSON.stringify(collection)} (known: ${WORK_COLLECTIONS.join(', ')})`);
  }
  if (typeof id !== 'string' || id.length === 0) throw new RangeError('a work record id must be a non-empty string');
  if (Buffer.byteLength(id) > MAX_RECORD_ID_BYTES) throw new RangeError(`a work record id must be at most ${MAX_RECORD_ID_BYTES} bytes`);
}

export function assertExpectedVersion(version: number): void {
  if (!Number.isSafeInteger(version) || version < 0) throw new RangeError(`expectedVersion must be a whole number >= 0, not ${String(version)}`);
}

/** Checks that `value` is JSON that comes back as it went in (finite numbers, plain objects, no undefined). */
function assertJson(what: string, value: unknown, depth = 0, at = ''): void {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new RangeError(`${what}${at} is ${String(value)}, which JSON cannot hold`);
    return;
  }
  if (typeof value !== 'object') throw new RangeError(`${what}${at} is a ${typeof value}, which JSON cannot hold`);
  if (depth >= MAX_WORK_JSON_DEPTH) throw new RangeError(`${what} nests deeper than ${MAX_WORK_JSON_DEPTH} levels`);
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) assertJson(what, value[i], depth + 1, `${at}[${i}]`);
    return;
  }
  const proto = Object.getPrototypeOf(value) as unknown;
  if (proto !== Object.prototype && proto !== null) throw new RangeError(`${what}${at} is not a plain object`);
  for (const [key, v] of Object.entries(value)) assertJson(what, v, depth + 1, `${at}.${key}`);
}

/** The JSON text of a stored value, after checking it is JSON and within MAX_WORK_JSON_BYTES. */
export function encodeJson(what: string, value: Json): string {
  assertJson(what, value);
  const json = JSON.stringify(value);
  const bytes = Buffer.byteLength(json);
  if (bytes > MAX_WORK_JSON_BYTES) throw workValueTooLarge(what, bytes, MAX_WORK_JSON_BYTES);
  return json;
}

const AuditDraftShape = AuditEntry.omit({ seq: true });

/** An audit draft as stored: its JSON, after the same checks as a body for `before` and `after`. */
export function encodeAuditDraft(draft: AuditDraft): string {
  const parsed = AuditDraftShape.safeParse(draft);
  if (!parsed.success) throw new RangeError(`invalid audit entry: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  if (Number.isNaN(Date.parse(draft.at))) throw new RangeError(`invalid audit entry: at ${JSON.stringify(draft.at)} is not an ISO 8601 time`);
  const before = encodeJson('the audit entry\'s "before"', draft.before);
  const after = encodeJson('the audit entry\'s "after"', draft.after);
  const { before: _b, after: _a, ...header } = parsed.data;
  const headerJson = JSON.stringify(header);
  const headerBytes = Buffer.byteLength(headerJson);
  if (headerBytes > MAX_AUDIT_HEADER_BYTES) throw workValueTooLarge('the audit entry without before and after', headerBytes, MAX_AUDIT_HEADER_BYTES);
  // Written by hand so that before and after are the checked texts, and key order is the same on every engine.
  return `${headerJson.slice(0, -1)}${headerJson.length > 2 ? ',' : ''}"before":${before},"after":${after}}`;
}

export function assertRecordPage(collection: WorkCollection, page: RecordPage): void {
  assertRecordKey(collection, 'x');
  if (!Number.isSafeInteger(page.limit) || page.limit < 1 || page.limit > MAX_RECORD_PAGE) {
    throw new RangeError(`limit must be a whole number from 1 to ${MAX_RECORD_PAGE}, not ${String(page.limit)}`);
  }
  if (page.afterId !== undefined) assertRecordKey(collection, page.afterId);
}

export function assertAuditQuery(query: AuditQuery): void {
  if (!Number.isSafeInteger(query.limit) || query.limit < 1 || query.limit > MAX_AUDIT_PAGE) {
    throw new RangeError(`limit must be a whole number from 1 to ${MAX_AUDIT_PAGE}, not ${String(query.limit)}`);
  }
  if (query.beforeSeq !== undefined && (!Number.isSafeInteger(query.beforeSeq) || query.beforeSeq < 1)) {
    throw new RangeError(`beforeSeq must be a whole number >= 1, not ${String(query.beforeSeq)}`);
  }
}

/** Record ids in the order listRecords gives them on every engine: by UTF-16 code unit, as JavaScript compares strings. */
export const compareIds = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** `<collection>/<id>`: the audit target of a record, and its key in the stores. */
export const recordTarget = (collection: WorkCollection, id: string): string => `${collection}/${id}`;

/** A batch write as stored: each write checked and encoded as writeRecord does it, the batch as writeRecords takes it. */
export interface EncodedWrite {
  collection: WorkCollection;
  id: string;
  key: string;
  expectedVersion: number;
  bodyJson: string;
  auditJson: string;
  at: string;
}

export function encodeRecordWrites(writes: readonly RecordWrite[]): EncodedWrite[] {
  if (!Array.isArray(writes)) throw new RangeError('writeRecords takes an array of writes');
  if (writes.length > MAX_RECORD_BATCH) throw new RangeError(`a batch holds at most ${MAX_RECORD_BATCH} writes, not ${writes.length}`);
  const seen = new Set<string>();
  return writes.map((w) => {
    assertRecordKey(w.collection, w.id);
    assertExpectedVersion(w.expectedVersion);
    const key = recordTarget(w.collection, w.id);
    if (seen.has(key)) throw new RangeError(`${key} appears twice in one batch; a batch writes each record once`);
    seen.add(key);
    return {
      collection: w.collection,
      id: w.id,
      key,
      expectedVersion: w.expectedVersion,
      bodyJson: encodeJson('the record', w.body),
      auditJson: encodeAuditDraft(w.audit),
      at: w.audit.at,
    };
  });
}
