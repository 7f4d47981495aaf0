// The embedded store's work records and audit trail (the WorkStore port), in a LadybugDB database of their own beside
// the dataset's: the directory data/strategigraf.work next to data/strategigraf.lbug, in memory beside an in-memory
// dataset. Why a database of its own:
// - Analysts' Cypher cannot reach it. Their queries run in worker processes on an in-memory copy of the dataset
//   (analyst-pool.ts); this database is opened by the server's process alone and never copied anywhere.
// - Nothing that rebuilds the dataset touches it: a replace deletes every node of the dataset's database, a schema
//   change drops its tables, `strategigraf compact` rewrites it from the snapshot and `recover` resets it to its last
//   checkpoint. The work database has none of that: its tables are never dropped and nothing rewrites it.
// How, given LadybugDB 0.19.1's defects:
// - No string of 4 KB may reach the write-ahead log, or the file will not open after a crash
//   (test/store/engine-defects.test.ts): every stored JSON text is split into parts of at most PART_BYTES in rows of
//   their own (WorkPart), written in the same transaction.
// - A checkpoint killed part-way leaves a file that never opens again, so the live file is never checkpointed: its
//   log only grows, and is folded into a new file aside (generations.ts) when the store opens, closes, or the log
//   passes FOLD_AT_BYTES.
import lbug from '@ladybugdb/core';
import type { Connection, Database, PreparedStatement, QueryResult } from '@ladybugdb/core';
import { batchVersionConflict, queryInvalid, storeUnavailable, versionConflict, type VersionConflict } from '../../store/errors.js';
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
import { splitUtf8 } from '../shared/records.js';
import { claimFile, fileHolder, isWalReplayFailure, releaseFile } from './files.js';
import { currentGeneration, foldInto, hasPendingWrites, pendingBytes, removeOtherGenerations, writeGeneration, type Generation } from './generations.js';
import { SerialQueue } from './serial-queue.js';
import { fromLadybugValue } from './values.js';

/**
 * The engine's buffer pool for the work database. It keeps the pages it read, so it is resident memory for the server's
 * life: record bodies are read in statements of BATCH_ROWS parts (readTexts), and the follow-up reconcile's largest write,
 * 49,000 records at 100,000 nodes, fits in 32 MB. At 128 MB the server kept 90 MiB more after listing those records.
 */
const WORK_BUFFER_BYTES = 32 * 1024 * 1024;

type Params = Record<string, unknown>;
type Row = Record<string, unknown>;

/** Below LadybugDB's log-replay limit (about 4 KB), as the dataset meta parts are. */
export const PART_BYTES = 3000;
/** A live log this long is folded into a new generation after the write that grew it past this (a few thousand writes). */
export const FOLD_AT_BYTES = 8 * 1024 * 1024;
/** What the file's WorkMeta row says; a file with another value was written by another version and is not touched. */
export const WORK_SCHEMA_VERSION = 'work-1';
/** Rows per statement of a batch write: one statement's parameters stay a few MB however large the batch. */
const BATCH_ROWS = 1000;

/**
 * The directory of the work database beside a dataset database: `<name>.work` for `<name>.lbug`, `<path>-work` for any
 * other name (so that nothing that clears `<path>.*`, as removeDatabaseFiles does, can take it), ":memory:" for ":memory:".
 */
export function workDatabasePath(datasetPath: string): string {
  if (datasetPath === ':memory:') return ':memory:';
  return datasetPath.endsWith('.lbug') ? `${datasetPath.slice(0, -'.lbug'.length)}.work` : `${datasetPath}-work`;
}

const SCHEMA = [
  'CREATE NODE TABLE IF NOT EXISTS WorkMeta(key STRING PRIMARY KEY, value STRING)',
  'CREATE NODE TABLE IF NOT EXISTS WorkCounter(key STRING PRIMARY KEY, value INT64)',
  'CREATE NODE TABLE IF NOT EXISTS WorkRecord(key STRING PRIMARY KEY, collection STRING, rid STRING, version INT64, updatedAt STRING, parts INT64)',
  'CREATE NODE TABLE IF NOT EXISTS WorkAudit(seq INT64 PRIMARY KEY, parts INT64)',
  'CREATE NODE TABLE IF NOT EXISTS WorkPart(key STRING PRIMARY KEY, text STRING)',
];

const Q = {
  schemaVersion: "MATCH (m:WorkMeta {key: 'schema'}) RETURN m.value AS value",
  writeSchemaVersion: "CREATE (:WorkMeta {key: 'schema', value: $value})",
  createCounter: "CREATE (:WorkCounter {key: 'audit', value: CAST(0 AS INT64)})",
  nextSeq: "MATCH (c:WorkCounter {key: 'audit'}) SET c.value = c.value + 1 RETURN c.value AS seq",
  record: 'MATCH (r:WorkRecord {key: $key}) RETURN r.version AS version, r.updatedAt AS updatedAt, r.parts AS parts',
  records: 'MATCH (r:WorkRecord) WHERE r.collection = $collection RETURN r.rid AS id, r.version AS version, r.updatedAt AS updatedAt, r.parts AS parts',
  // Every id is at least one byte, so after '' is from the first.
  recordsPage:
    'MATCH (r:WorkRecord) WHERE r.collection = $collection AND r.rid > $after RETURN r.rid AS id, r.version AS version, r.updatedAt AS updatedAt, r.parts AS parts ORDER BY r.rid LIMIT $limit',
  createRecord:
    'CREATE (:WorkRecord {key: $key, collection: $collection, rid: $id, version: CAST($version AS INT64), updatedAt: $updatedAt, parts: CAST($parts AS INT64)})',
  updateRecord: 'MATCH (r:WorkRecord {key: $key}) SET r.version = CAST($version AS INT64), r.updatedAt = $updatedAt, r.parts = CAST($parts AS INT64)',
  createAudit: 'CREATE (:WorkAudit {seq: CAST($seq AS INT64), parts: CAST($parts AS INT64)})',
  audit: 'MATCH (a:WorkAudit) WHERE a.seq < CAST($before AS INT64) RETURN a.seq AS seq, a.parts AS parts ORDER BY a.seq DESC LIMIT $limit',
  createParts: 'UNWIND $rows AS p CREATE (:WorkPart {key: p.key, text: p.text})',
  recordsByKey: 'UNWIND $keys AS k MATCH (r:WorkRecord {key: k}) RETURN r.key AS key, r.version AS version, r.parts AS parts',
  createRecords:
    'UNWIND $rows AS w CREATE (:WorkRecord {key: w.key, collection: w.collection, rid: w.id, version: CAST(w.version AS INT64), updatedAt: w.updatedAt, parts: CAST(w.parts AS INT64)})',
  updateRecords:
    'UNWIND $rows AS w MATCH (r:WorkRecord {key: w.key}) SET r.version = CAST(w.version AS INT64), r.updatedAt = w.updatedAt, r.parts = CAST(w.parts AS INT64)',
  takeSeqs: "MATCH (c:WorkCounter {key: 'audit'}) SET c.value = c.value + CAST($n AS INT64) RETURN c.value AS seq",
  createAudits: 'UNWIND $rows AS a CREATE (:WorkAudit {seq: CAST(a.seq AS INT64), parts: CAST(a.parts AS INT64)})',
  readParts: 'UNWIND $keys AS k MATCH (p:WorkPart {key: k}) RETURN p.key AS key, p.text AS text',
  deleteParts: 'UNWIND $keys AS k MATCH (p:WorkPart {key: k}) DELETE p',
};

/** The parts of one stored JSON text: `<owner>#0`, `<owner>#1`, … A record's owner names its version, so a new version never reuses a key. */
const partKeys = (owner: string, parts: number) => Array.from({ length: parts }, (_, i) => `${owner}#${i}`);
const recordOwner = (key: string, version: number) => `record:${key}@${version}`;
const auditOwner = (seq: number) => `audit:${seq}`;

export class LadybugWorkStore implements WorkStore {
  private db: Database | null = null;
  private conn: Connection | null = null;
  private prepared = new Map<string, PreparedStatement>();
  /** The generation open now (a file store only). */
  private live: Generation | null = null;
  /** One connection, one statement at a time: reads and writes of the work file are few and short. */
  private readonly queue = new SerialQueue();
  private opening: Promise<void> | null = null;
  /** Bumped by every reopening and every write transaction: what writeMark() answers. */
  private changes = 0;
  private everOpened = false;

  constructor(
    readonly path: string,
    private readonly options: { foldAtBytes?: number; bufferBytes?: number } = {},
  ) {}

  /** Opened on first use, so that a command that never reads work records never creates the file. */
  private open(): Promise<void> {
    this.opening ??= this.doOpen().catch(async (err: unknown) => {
      this.opening = null;
      await this.closeEngine();
      throw storeUnavailable('ladybug', err);
    });
    return this.opening;
  }

  /** This process alone writes the file (claimFile), so counting its own writes and openings is a complete mark. */
  writeMark(): string {
    return String(this.changes);
  }

  private async doOpen(): Promise<void> {
    // Another process may have written the file while this one had it closed; nothing was read before the first opening.
    if (this.everOpened) this.changes++;
    this.everOpened = true;
    if (this.path === ':memory:') {
      await this.openEngine(':memory:');
      await initialiseWorkSchema(this.conn!);
      return;
    }
    // Two processes writing one LadybugDB file corrupt it (the engine takes no lock of its own), and this database holds
    // what cannot be rebuilt from the YAML: refuse rather than share it.
    const holder = await fileHolder(this.path);
    if (holder) throw new Error(`the work records in ${this.path} are in use by process ${holder.pid} (since ${holder.since})`);
    let generation = await currentGeneration(this.path);
    if (!generation) generation = await writeGeneration(this.path, 1, buildWorkFile);
    else if (await hasPendingWrites(generation.file)) generation = await foldInto(this.path, generation, replayAside);
    await removeOtherGenerations(this.path, generation);
    await this.openEngine(generation.file);
    this.live = generation;
    await claimFile(this.path);
    const version = (await this.exec(Q.schemaVersion))[0]?.['value'];
    if (version !== WORK_SCHEMA_VERSION) {
      throw new Error(
        `the work records in ${this.path} have the format ${JSON.stringify(version ?? null)}, not ${WORK_SCHEMA_VERSION}; they are left untouched`,
      );
    }
  }

  /** The live database, with automatic checkpoints off: its file is only ever read, its log only appended to. */
  private async openEngine(file: string): Promise<void> {
    // A bounded buffer pool: the records are small, and the engine's default is a large share of the machine's RAM.
    const pool = this.options.bufferBytes ?? WORK_BUFFER_BYTES;
    const db = file === ':memory:' ? new lbug.Database(':memory:', pool) : new lbug.Database(file, pool, true, false, 0, false);
    try {
      await db.init();
    } catch (err) {
      await db.close().catch(() => undefined);
      throw err;
    }
    this.db = db;
    this.conn = new lbug.Connection(db);
    await this.conn.init();
  }

  async close(): Promise<void> {
    const opened = this.opening;
    this.opening = null;
    if (!opened) return;
    await opened.catch(() => undefined);
    // Behind whatever is queued: a write in flight finishes before the database closes.
    await this.queue.run(async () => {
      // Closing checkpoints in place, so the log is folded aside first and the closing file is no longer current.
      if (this.live && (await hasPendingWrites(this.live.file))) await this.fold().catch(() => undefined);
      await this.closeEngine();
      if (this.live) await removeOtherGenerations(this.path, this.live).catch(() => undefined);
      this.live = null;
    });
  }

  /** Makes the next generation from the live one, aside, and switches to it (generations.ts). */
  private async fold(): Promise<void> {
    const next = await foldInto(this.path, this.live!, replayAside);
    this.live = next;
  }

  private async closeEngine(): Promise<void> {
    this.prepared.clear();
    await this.conn?.close();
    await this.db?.close();
    if (this.db && this.path !== ':memory:') await releaseFile(this.path);
    this.conn = null;
    this.db = null;
  }

  /** Runs `task` alone on the connection, once the file is open. */
  private async serial<T>(task: () => Promise<T>): Promise<T> {
    await this.open();
    return this.queue.run(task);
  }

  async getRecord(collection: WorkCollection, id: string): Promise<WorkRecord | null> {
    assertRecordKey(collection, id);
    return this.serial(() => this.readRecord(collection, id));
  }

  async listRecords(collection: WorkCollection): Promise<WorkRecord[]> {
    assertRecordKey(collection, 'x');
    return this.serial(async () => (await this.recordsOf(collection, await this.exec(Q.records, { collection }))).sort((a, b) => compareIds(a.id, b.id)));
  }

  async listRecordsPage(collection: WorkCollection, page: RecordPage): Promise<WorkRecord[]> {
    assertRecordPage(collection, page);
    return this.serial(async () => this.recordsOf(collection, await this.exec(Q.recordsPage, { collection, after: page.afterId ?? '', limit: page.limit })));
  }

  /** The records of rows naming them, with their bodies read from their parts. */
  private async recordsOf(collection: WorkCollection, rows: Record<string, unknown>[]): Promise<WorkRecord[]> {
    const owners = rows.map((r) => recordOwner(recordTarget(collection, String(r['id'])), Number(r['version'])));
    const texts = await this.readTexts(owners.map((owner, i) => ({ owner, parts: Number(rows[i]!['parts']) })));
    return rows.map((r, i) => toRecord(collection, String(r['id']), r, texts[i]!));
  }

  async writeRecord(collection: WorkCollection, id: string, body: Json, expectedVersion: number, audit: AuditDraft): Promise<WorkRecord> {
    assertRecordKey(collection, id);
    assertExpectedVersion(expectedVersion);
    const bodyJson = encodeJson('the record', body);
    const auditJson = encodeAuditDraft(audit);
    const key = recordTarget(collection, id);
    return this.serial(() =>
      this.transaction(async () => {
        const current = (await this.exec(Q.record, { key }))[0];
        const actual = current ? Number(current['version']) : 0;
        if (actual !== expectedVersion) throw versionConflict(key, expectedVersion, actual);
        const version = expectedVersion + 1;
        const parts = splitUtf8(bodyJson, PART_BYTES);
        if (current) await this.exec(Q.deleteParts, { keys: partKeys(recordOwner(key, actual), Number(current['parts'])) });
        await this.writeParts(recordOwner(key, version), parts);
        const row = { key, collection, id, version, updatedAt: audit.at, parts: parts.length };
        await this.exec(current ? Q.updateRecord : Q.createRecord, row);
        await this.writeAudit(auditJson);
        return { collection, id, version, body: JSON.parse(bodyJson) as Json, updatedAt: audit.at };
      }),
    );
  }

  async writeRecords(writes: readonly RecordWrite[]): Promise<WorkRecord[]> {
    const encoded = encodeRecordWrites(writes);
    if (encoded.length === 0) return [];
    return this.serial(() =>
      this.transaction(async () => {
        // Every version is checked before anything is written, so a conflict names all the records that conflict.
        const stored = new Map<string, { version: number; parts: number }>();
        for (const keys of chunks(encoded.map((w) => w.key))) {
          for (const row of await this.exec(Q.recordsByKey, { keys })) {
            stored.set(String(row['key']), { version: Number(row['version']), parts: Number(row['parts']) });
          }
        }
        const conflicts: VersionConflict[] = [];
        for (const w of encoded) {
          const actual = stored.get(w.key)?.version ?? 0;
          if (actual !== w.expectedVersion) conflicts.push({ target: w.key, expected: w.expectedVersion, actual });
        }
        if (conflicts.length > 0) throw batchVersionConflict(conflicts);

        const oldParts = encoded.flatMap((w) => {
          const old = stored.get(w.key);
          return old ? partKeys(recordOwner(w.key, old.version), old.parts) : [];
        });
        for (const keys of chunks(oldParts)) await this.exec(Q.deleteParts, { keys });
        const rows = encoded.map((w) => {
          const version = w.expectedVersion + 1;
          const parts = splitUtf8(w.bodyJson, PART_BYTES);
          return { key: w.key, collection: w.collection, id: w.id, version, updatedAt: w.at, parts: parts.length, texts: parts };
        });
        await this.writeManyParts(rows.map((r) => ({ owner: recordOwner(r.key, r.version), parts: r.texts })));
        const toRow = ({ texts: _texts, ...row }: (typeof rows)[number]) => row;
        for (const chunk of chunks(rows.filter((r) => stored.has(r.key)).map(toRow))) await this.exec(Q.updateRecords, { rows: chunk });
        for (const chunk of chunks(rows.filter((r) => !stored.has(r.key)).map(toRow))) await this.exec(Q.createRecords, { rows: chunk });

        // Seqs for the whole batch at once, in the order of the writes.
        const last = Number((await this.exec(Q.takeSeqs, { n: encoded.length }))[0]?.['seq']);
        if (!Number.isSafeInteger(last) || last < encoded.length) throw new Error('the work file has no audit counter');
        const audits = encoded.map((w, i) => ({ seq: last - encoded.length + 1 + i, parts: splitUtf8(w.auditJson, PART_BYTES) }));
        await this.writeManyParts(audits.map((a) => ({ owner: auditOwner(a.seq), parts: a.parts })));
        for (const chunk of chunks(audits.map((a) => ({ seq: a.seq, parts: a.parts.length })))) await this.exec(Q.createAudits, { rows: chunk });

        return rows.map((r, i) => ({
          collection: r.collection,
          id: r.id,
          version: r.version,
          body: JSON.parse(encoded[i]!.bodyJson) as Json,
          updatedAt: r.updatedAt,
        }));
      }),
    );
  }

  async appendAudit(entry: AuditDraft): Promise<AuditEntry> {
    const json = encodeAuditDraft(entry);
    return this.serial(() => this.transaction(async () => decodeAudit(await this.writeAudit(json), json)));
  }

  async listAudit(query: AuditQuery): Promise<AuditEntry[]> {
    assertAuditQuery(query);
    return this.serial(async () => {
      const rows = await this.exec(Q.audit, { before: query.beforeSeq ?? Number.MAX_SAFE_INTEGER, limit: query.limit });
      const texts = await this.readTexts(rows.map((r) => ({ owner: auditOwner(Number(r['seq'])), parts: Number(r['parts']) })));
      return rows.map((r, i) => decodeAudit(Number(r['seq']), texts[i]!));
    });
  }

  private async readRecord(collection: WorkCollection, id: string): Promise<WorkRecord | null> {
    const key = recordTarget(collection, id);
    const row = (await this.exec(Q.record, { key }))[0];
    if (!row) return null;
    const [text] = await this.readTexts([{ owner: recordOwner(key, Number(row['version'])), parts: Number(row['parts']) }]);
    return toRecord(collection, id, row, text!);
  }

  /** Takes the next seq (the counter never goes back, so no seq is used twice) and stores the entry's JSON under it. */
  private async writeAudit(json: string): Promise<number> {
    const seq = Number((await this.exec(Q.nextSeq))[0]?.['seq']);
    if (!Number.isSafeInteger(seq) || seq < 1) throw new Error('the work file has no audit counter');
    const parts = splitUtf8(json, PART_BYTES);
    await this.writeParts(auditOwner(seq), parts);
    await this.exec(Q.createAudit, { seq, parts: parts.length });
    return seq;
  }

  private async writeParts(owner: string, parts: string[]): Promise<void> {
    const keys = partKeys(owner, parts.length);
    await this.exec(Q.createParts, { rows: parts.map((text, i) => ({ key: keys[i]!, text })) });
  }

  /** The parts of many owners, a statement per BATCH_ROWS parts. */
  private async writeManyParts(owners: { owner: string; parts: string[] }[]): Promise<void> {
    const rows = owners.flatMap(({ owner, parts }) => partKeys(owner, parts.length).map((key, i) => ({ key, text: parts[i]! })));
    for (const chunk of chunks(rows)) await this.exec(Q.createParts, { rows: chunk });
  }

  /**
   * The JSON texts of several owners, each reassembled from its parts; a missing part is an error, never a short text.
   * A statement per BATCH_ROWS parts: one statement over every part of a large list (49,000 records, 73 MB at 100,000
   * nodes) needs the engine's buffer pool to hold its whole result: with 32 MB it failed with "buffer pool is full".
   */
  private async readTexts(owners: { owner: string; parts: number }[]): Promise<string[]> {
    const found = new Map<string, string>();
    for (const keys of chunks(owners.flatMap(({ owner, parts }) => partKeys(owner, parts))))
      for (const row of await this.exec(Q.readParts, { keys })) found.set(String(row['key']), String(row['text']));
    return owners.map(({ owner, parts }) =>
      partKeys(owner, parts)
        .map((k) => {
          const text = found.get(k);
          if (text === undefined) throw new Error(`the work file ${this.path} is missing part ${k}`);
          return text;
        })
        .join(''),
    );
  }

  /**
   * One write transaction. No checkpoint follows (a killed checkpoint ruins the file, see generations.ts): the commit
   * is in the log, which the next open folds into a new generation. A long log is folded now, aside.
   */
  private async transaction<T>(work: () => Promise<T>): Promise<T> {
    await this.raw('BEGIN TRANSACTION');
    let result: T;
    try {
      result = await work();
      await this.raw('COMMIT');
    } catch (err) {
      await this.raw('ROLLBACK').catch(() => undefined);
      throw err;
    } finally {
      // Even after a rollback: a needless re-read by a cache costs less than a missed write.
      this.changes++;
    }
    if (this.live && (await pendingBytes(this.live.file)) > (this.options.foldAtBytes ?? FOLD_AT_BYTES)) {
      // The write is committed whatever happens here; a failed switch leaves the store to open afresh on next use.
      await this.switchGeneration().catch(async () => {
        this.opening = null;
        await this.closeEngine().catch(() => undefined);
      });
    }
    return result;
  }

  /** Folds the live log into a new generation and continues on it; on failure the live one stays as it was. */
  private async switchGeneration(): Promise<void> {
    await this.fold();
    await this.closeEngine();
    await this.openEngine(this.live!.file);
    await claimFile(this.path);
    await removeOtherGenerations(this.path, this.live!).catch(() => undefined);
  }

  private async exec(statement: string, params: Params = {}): Promise<Row[]> {
    const conn = this.conn!;
    let prepared = this.prepared.get(statement);
    if (!prepared) {
      prepared = await conn.prepare(statement);
      if (!prepared.isSuccess()) throw queryInvalid(prepared.getErrorMessage());
      this.prepared.set(statement, prepared);
    }
    const result = lastResult(await conn.execute(prepared, params as never));
    try {
      return (await result.getAll()).map((row) => fromLadybugValue(row) as Row);
    } finally {
      // An unclosed result keeps the log in use: reopening the file in the same process then finds it corrupt.
      result.close();
    }
  }

  private async raw(statement: string): Promise<void> {
    lastResult(await this.conn!.query(statement)).close();
  }
}

/** The first generation: the schema, the format and the audit counter, checkpointed by closing. */
async function buildWorkFile(file: string): Promise<void> {
  const db = new lbug.Database(file);
  await db.init();
  const conn = new lbug.Connection(db);
  await conn.init();
  try {
    await initialiseWorkSchema(conn);
  } finally {
    await conn.close();
    await db.close();
  }
}

/** Opens a copy of a generation, which replays its log into it, and closes it, which checkpoints it (generations.ts). */
async function replayAside(file: string): Promise<void> {
  const db = new lbug.Database(file);
  try {
    await db.init();
  } catch (err) {
    await db.close().catch(() => undefined);
    if (isWalReplayFailure(err))
      throw new Error(`the work records' write-ahead log cannot be replayed (in a copy at ${file}; the original is untouched)`, { cause: err });
    throw err;
  }
  await db.close();
}

async function initialiseWorkSchema(conn: Connection): Promise<void> {
  for (const statement of SCHEMA) lastResult(await conn.query(statement)).close();
  const version = await conn.prepare(Q.writeSchemaVersion);
  lastResult(await conn.execute(version, { value: WORK_SCHEMA_VERSION } as never)).close();
  lastResult(await conn.query(Q.createCounter)).close();
}

function chunks<T>(items: T[], size = BATCH_ROWS): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

function toRecord(collection: WorkCollection, id: string, row: Row, bodyJson: string): WorkRecord {
  return { collection, id, version: Number(row['version']), body: JSON.parse(bodyJson) as Json, updatedAt: String(row['updatedAt']) };
}

function decodeAudit(seq: number, json: string): AuditEntry {
  return { seq, ...(JSON.parse(json) as Omit<AuditEntry, 'seq'>) };
}

function lastResult(result: QueryResult | QueryResult[]): QueryResult {
  if (!Array.isArray(result)) return result;
  for (const r of result.slice(0, -1)) r.close();
  return result[result.length - 1]!;
}
