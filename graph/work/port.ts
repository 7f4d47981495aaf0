// The work-store port: the programme office's records (follow-up, review, tokens) and the audit trail, kept by each
// store beside the dataset. Replacing the dataset never touches them, and analysts' Cypher can never read them.
import type { Actor, AuditEntry, Json, WorkCollection } from './schema.js';

export interface WorkRecord {
  collection: WorkCollection;
  id: string;
  /** 1 for the first write, one more for each write after it: the ETag of the record. */
  version: number;
  body: Json;
  /** ISO 8601 time of the last write. */
  updatedAt: string;
}

/** One compare-and-set of a batch (WorkStore.writeRecords). */
export interface RecordWrite {
  collection: WorkCollection;
  id: string;
  body: Json;
  /** As writeRecord's: 0 when there is no record yet. */
  expectedVersion: number;
  audit: AuditDraft;
}

/** An audit entry before the store gives it its place in the trail. */
export type AuditDraft = Omit<AuditEntry, 'seq'>;

/** A page of a collection's records (WorkStore.listRecordsPage). */
export interface RecordPage {
  /** At most this many, 1 to MAX_RECORD_PAGE. */
  limit: number;
  /** Only records after this id in the store's order of ids (page on with the last id seen); from the first when absent. */
  afterId?: string;
}

export interface AuditQuery {
  /** Newest first, at most this many. */
  limit: number;
  /** Only entries older than this seq (for paging back). */
  beforeSeq?: number;
}

/**
 * Consistency: every write is one transaction. A record write and its audit entry commit together or not at all, and
 * two writers of the same record are serialised by the version check: the second one fails, it never overwrites.
 *
 * Limits (graph/work/limits.ts, the same on every store): a body, and each of an audit entry's `before` and `after`,
 * is at most MAX_WORK_JSON_BYTES (256 KiB) of JSON and nests at most 64 deep; past that the call throws StoreError
 * 'payload_too_large' (HTTP 413) and writes nothing. Values must be JSON that comes back as it went in (finite
 * numbers, plain objects, no undefined). A record id is 1 to 512 bytes. A caller's mistake — an unknown collection, a
 * version that is not a whole number >= 0, an audit entry that does not match AuditEntry, a listAudit limit outside
 * 1..1000 — throws RangeError before anything is written.
 *
 * Audit seqs are handed out in commit order, strictly increasing, and never reused (a rolled-back write takes none).
 */
export interface WorkStore {
  getRecord(collection: WorkCollection, id: string): Promise<WorkRecord | null>;
  /** Every record of a collection, in id order (by UTF-16 code unit, as JavaScript compares strings). */
  listRecords(collection: WorkCollection): Promise<WorkRecord[]>;
  /**
   * A page of a collection's records in the store's own order of ids (which may differ from listRecords' order for
   * ids outside ASCII), for readers of many records that need not hold them all at once: the follow-up reconcile of a
   * 100,000-node graph reads about 49,000 records, which all at once took the server past 3 GiB. Paging on with the
   * last id of each page until a page comes back shorter than `limit` gives every record once; one written meanwhile
   * may come in its old or its new version, or, if it is new, not at all.
   */
  listRecordsPage(collection: WorkCollection, page: RecordPage): Promise<WorkRecord[]>;
  /**
   * Compare-and-set: stores `body` as version `expectedVersion + 1` when the record's version is `expectedVersion` (0:
   * there is no record yet) and appends `audit` (its `before` and `after` as given) in the same transaction. Otherwise
   * throws StoreError 'version_conflict' and changes nothing.
   */
  writeRecord(collection: WorkCollection, id: string, body: Json, expectedVersion: number, audit: AuditDraft): Promise<WorkRecord>;
  /**
   * Many compare-and-sets in one transaction, for writers of many records at once (the follow-up reconcile): every
   * record is stored as its `expectedVersion + 1` and every audit entry appended (seqs in the order of `writes`), or
   * nothing is. A conflict fails the whole batch: when any record's version is not the one expected, it throws
   * StoreError 'version_conflict' with `conflicts` naming every such record, and writes nothing, so the caller reads
   * those again, works their changes out anew and retries; a batch never overwrites a write that came first, and never
   * commits part of itself. Each write is checked as writeRecord checks it (a RangeError or 'payload_too_large' for
   * one refuses the batch before anything is written); a record may appear once per batch, and a batch holds at most
   * MAX_RECORD_BATCH writes (graph/work/limits.ts). An empty batch writes nothing and returns [].
   */
  writeRecords(writes: readonly RecordWrite[]): Promise<WorkRecord[]>;
  /** Appends an entry for a write that is not a record (a dataset replacement); returns it with its seq. */
  appendAudit(entry: AuditDraft): Promise<AuditEntry>;
  /** Newest first: at most `limit` entries, older than `beforeSeq` when given (page back with the last seq seen). */
  listAudit(query: AuditQuery): Promise<AuditEntry[]>;
  /**
   * Only where this process is the only writer (the embedded store, whose files one process holds): a mark that changes
   * with every write and every reopening, read without asking the database, so a reader that caches what it read can
   * tell it is still current for free. Absent where other processes write too (Neo4j): ask for the newest audit entry.
   */
  writeMark?(): string;
}

export type { Actor, AuditEntry, Json, WorkCollection };
