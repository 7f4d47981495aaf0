// Neo4j's work records and audit trail (the WorkStore port). Neo4j Community has one user database and no access
// control per label, so they live beside the graph under reserved labels (schema.ts RESERVED_LABELS), never joined to
// it by a relationship: replaces delete only the graph's and its meta's labels (dialect.ts deleteOld*), dataset reads match
// only the graph's labels, and analysts' plans may not reach them (assertAnalystPlanAllowed in store.ts).
import type { ManagedTransaction, Session } from 'neo4j-driver';
import { batchVersionConflict, versionConflict, type VersionConflict } from '../../store/errors.js';
import type { AuditDraft, AuditEntry, AuditQuery, Json, RecordPage, RecordWrite, WorkCollection, WorkRecord, WorkStore } from '../../work/port.js';
import {
  assertAuditQuery,
  assertExpectedVersion,
  assertRecordKey,
  assertRecordPage,
  compareIds,
  encodeAuditDraft,
  encodeJson,
  encodeRecordWrites,
  recordTarget,
} from '../../work/limits.js';
import { AUDIT_LABEL, AUDIT_SEQ_LABEL, WORK_LABEL } from './schema.js';
import { fromNeo4jValue, toNeo4jParams } from './values.js';

type Row = Record<string, unknown>;

const Q = {
  // Taking the write lock first (SET, as Neo4j's manual advises against lost updates) makes every writer of one record
  // wait for the one before it, so the version read next is the committed one. A record created here has version 0
  // until the write sets it; a conflict rolls the creation back with everything else.
  lockRecord: `MERGE (r:${WORK_LABEL} {key: $key}) ON CREATE SET r.collection = $collection, r.id = $id, r.version = 0 SET r._lock = true`,
  recordVersion: `MATCH (r:${WORK_LABEL} {key: $key}) RETURN r.version AS version`,
  writeRecord: `MATCH (r:${WORK_LABEL} {key: $key}) SET r.version = $version, r.updatedAt = $updatedAt, r.body = $body REMOVE r._lock`,
  record: `MATCH (r:${WORK_LABEL} {key: $key}) WHERE r.version > 0 RETURN r.id AS id, r.version AS version, r.updatedAt AS updatedAt, r.body AS body`,
  records: `MATCH (r:${WORK_LABEL}) WHERE r.collection = $collection AND r.version > 0 RETURN r.id AS id, r.version AS version, r.updatedAt AS updatedAt, r.body AS body`,
  // Every id is at least one character, so after '' is from the first.
  recordsPage: `MATCH (r:${WORK_LABEL}) WHERE r.collection = $collection AND r.version > 0 AND r.id > $after RETURN r.id AS id, r.version AS version, r.updatedAt AS updatedAt, r.body AS body ORDER BY r.id LIMIT $limit`,
  // The counter is locked the same way: seqs are handed out one writer at a time, and a rolled-back write gives its
  // seq back with everything else, so the trail has no gaps that a reader could take for a lost entry.
  lockCounter: `MERGE (c:${AUDIT_SEQ_LABEL} {key: 'audit'}) ON CREATE SET c.value = 0 SET c._lock = true`,
  nextSeq: `MATCH (c:${AUDIT_SEQ_LABEL} {key: 'audit'}) SET c.value = c.value + 1 REMOVE c._lock RETURN c.value AS seq`,
  createAudit: `CREATE (:${AUDIT_LABEL} {seq: $seq, json: $json})`,
  // A batch locks its records one by one in key order, so two batches (two servers reconciling) never wait on each
  // other in a cycle, and any writer takes the records before the audit counter.
  lockRecords: `UNWIND $rows AS w MERGE (r:${WORK_LABEL} {key: w.key}) ON CREATE SET r.collection = w.collection, r.id = w.id, r.version = 0 SET r._lock = true`,
  recordVersions: `UNWIND $keys AS k MATCH (r:${WORK_LABEL} {key: k}) RETURN r.key AS key, r.version AS version`,
  writeRecords: `UNWIND $rows AS w MATCH (r:${WORK_LABEL} {key: w.key}) SET r.version = w.version, r.updatedAt = w.updatedAt, r.body = w.body REMOVE r._lock`,
  takeSeqs: `MATCH (c:${AUDIT_SEQ_LABEL} {key: 'audit'}) SET c.value = c.value + $n REMOVE c._lock RETURN c.value AS seq`,
  createAudits: `UNWIND $rows AS a CREATE (:${AUDIT_LABEL} {seq: a.seq, json: a.json})`,
  audit: `MATCH (a:${AUDIT_LABEL}) WHERE a.seq < $before RETURN a.seq AS seq, a.json AS json ORDER BY a.seq DESC LIMIT $limit`,
};

/** What the work store needs of its Neo4jStore: sessions on the configured database, the schema, error translation. */
export interface Neo4jWorkContext {
  session(mode: 'READ' | 'WRITE'): Session;
  ensureSchema(): Promise<void>;
  translate(err: unknown): unknown;
}

export class Neo4jWorkStore implements WorkStore {
  constructor(private readonly context: Neo4jWorkContext) {}

  async getRecord(collection: WorkCollection, id: string): Promise<WorkRecord | null> {
    assertRecordKey(collection, id);
    const row = (await this.read(Q.record, { key: recordTarget(collection, id) }))[0];
    return row ? toRecord(collection, row) : null;
  }

  async listRecords(collection: WorkCollection): Promise<WorkRecord[]> {
    assertRecordKey(collection, 'x');
    const rows = await this.read(Q.records, { collection });
    return rows.map((row) => toRecord(collection, row)).sort((a, b) => compareIds(a.id, b.id));
  }

  async listRecordsPage(collection: WorkCollection, page: RecordPage): Promise<WorkRecord[]> {
    assertRecordPage(collection, page);
    const rows = await this.read(Q.recordsPage, { collection, after: page.afterId ?? '', limit: page.limit });
    return rows.map((row) => toRecord(collection, row));
  }

  async writeRecord(collection: WorkCollection, id: string, body: Json, expectedVersion: number, audit: AuditDraft): Promise<WorkRecord> {
    assertRecordKey(collection, id);
    assertExpectedVersion(expectedVersion);
    const bodyJson = encodeJson('the record', body);
    const auditJson = encodeAuditDraft(audit);
    const key = recordTarget(collection, id);
    const version = expectedVersion + 1;
    await this.write(async (tx) => {
      await run(tx, Q.lockRecord, { key, collection, id });
      const actual = Number((await run(tx, Q.recordVersion, { key }))[0]?.['version'] ?? 0);
      if (actual !== expectedVersion) throw versionConflict(key, expectedVersion, actual);
      await run(tx, Q.writeRecord, { key, version, updatedAt: audit.at, body: bodyJson });
      await appendIn(tx, auditJson);
    });
    return { collection, id, version, body: JSON.parse(bodyJson) as Json, updatedAt: audit.at };
  }

  async writeRecords(writes: readonly RecordWrite[]): Promise<WorkRecord[]> {
    const encoded = encodeRecordWrites(writes);
    if (encoded.length === 0) return [];
    const locking = [...encoded].sort((a, b) => compareIds(a.key, b.key));
    await this.write(async (tx) => {
      for (const rows of chunks(locking.map((w) => ({ key: w.key, collection: w.collection, id: w.id })))) await run(tx, Q.lockRecords, { rows });
      const actual = new Map<string, number>();
      for (const keys of chunks(encoded.map((w) => w.key))) {
        for (const row of await run(tx, Q.recordVersions, { keys })) actual.set(String(row['key']), Number(row['version'] ?? 0));
      }
      const conflicts: VersionConflict[] = encoded
        .filter((w) => (actual.get(w.key) ?? 0) !== w.expectedVersion)
        .map((w) => ({ target: w.key, expected: w.expectedVersion, actual: actual.get(w.key) ?? 0 }));
      if (conflicts.length > 0) throw batchVersionConflict(conflicts);
      const rows = encoded.map((w) => ({ key: w.key, version: w.expectedVersion + 1, updatedAt: w.at, body: w.bodyJson }));
      for (const chunk of chunks(rows)) await run(tx, Q.writeRecords, { rows: chunk });
      await run(tx, Q.lockCounter);
      const last = Number((await run(tx, Q.takeSeqs, { n: encoded.length }))[0]?.['seq']);
      const audits = encoded.map((w, i) => ({ seq: last - encoded.length + 1 + i, json: w.auditJson }));
      for (const chunk of chunks(audits)) await run(tx, Q.createAudits, { rows: chunk });
    });
    return encoded.map((w) => ({ collection: w.collection, id: w.id, version: w.expectedVersion + 1, body: JSON.parse(w.bodyJson) as Json, updatedAt: w.at }));
  }

  async appendAudit(entry: AuditDraft): Promise<AuditEntry> {
    const json = encodeAuditDraft(entry);
    const seq = await this.write((tx) => appendIn(tx, json));
    return { seq, ...(JSON.parse(json) as Omit<AuditEntry, 'seq'>) };
  }

  async listAudit(query: AuditQuery): Promise<AuditEntry[]> {
    assertAuditQuery(query);
    const rows = await this.read(Q.audit, { before: query.beforeSeq ?? Number.MAX_SAFE_INTEGER, limit: query.limit });
    return rows.map((row) => ({ seq: Number(row['seq']), ...(JSON.parse(String(row['json'])) as Omit<AuditEntry, 'seq'>) }));
  }

  private async read(statement: string, params: Record<string, unknown>): Promise<Row[]> {
    await this.context.ensureSchema();
    const session = this.context.session('READ');
    try {
      return await session.executeRead((tx) => run(tx, statement, params));
    } catch (err) {
      throw this.context.translate(err);
    } finally {
      await session.close();
    }
  }

  /** One write transaction; the driver runs it again after a deadlock or another transient failure, from the start. */
  private async write<T>(work: (tx: ManagedTransaction) => Promise<T>): Promise<T> {
    await this.context.ensureSchema();
    const session = this.context.session('WRITE');
    try {
      return await session.executeWrite(work);
    } catch (err) {
      throw this.context.translate(err);
    } finally {
      await session.close();
    }
  }
}

/** Rows per statement of a batch write: one statement's parameters stay a few MB however large the batch. */
function chunks<T>(items: T[], size = 1000): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

async function appendIn(tx: ManagedTransaction, json: string): Promise<number> {
  await run(tx, Q.lockCounter);
  const seq = Number((await run(tx, Q.nextSeq))[0]?.['seq']);
  await run(tx, Q.createAudit, { seq, json });
  return seq;
}

async function run(tx: ManagedTransaction, statement: string, params: Record<string, unknown> = {}): Promise<Row[]> {
  const result = await tx.run(statement, toNeo4jParams(params));
  return result.records.map((record) => Object.fromEntries(record.keys.map((k) => [String(k), fromNeo4jValue(record.get(k))])));
}

function toRecord(collection: WorkCollection, row: Row): WorkRecord {
  return {
    collection,
    id: String(row['id']),
    version: Number(row['version']),
    body: JSON.parse(String(row['body'])) as Json,
    updatedAt: String(row['updatedAt']),
  };
}
