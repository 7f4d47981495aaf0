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

/** An audit entry before the store gives it its place in the trail. */
export type AuditDraft = Omit<AuditEntry, 'seq'>;

export interface AuditQuery {
  /** Newest first, at most this many. */
  limit: number;
  /** Only entries older than this seq (for paging back). */
  beforeSeq?: number;
}

/**
 * Consistency: every write is one transaction. A record write and its audit entry commit together or not at all, and
 * two writers of the same record are serialised by the version check: the second one fails, it never overwrites.
 */
export interface WorkStore {
  getRecord(collection: WorkCollection, id: string): Promise<WorkRecord | null>;
  /** Every record of a collection, in id order. */
  listRecords(collection: WorkCollection): Promise<WorkRecord[]>;
  /**
   * Compare-and-set: stores `body` as version `expectedVersion + 1` when the record's version is `expectedVersion` (0:
   * there is no record yet) and appends `audit` (its `before` and `after` as given) in the same transaction. Otherwise
   * throws StoreError 'version_conflict' and changes nothing.
   */
  writeRecord(collection: WorkCollection, id: string, body: Json, expectedVersion: number, audit: AuditDraft): Promise<WorkRecord>;
  /** Appends an entry for a write that is not a record (a dataset replacement); returns it with its seq. */
  appendAudit(entry: AuditDraft): Promise<AuditEntry>;
  listAudit(query: AuditQuery): Promise<AuditEntry[]>;
}

export type { Actor, AuditEntry, Json, WorkCollection };
