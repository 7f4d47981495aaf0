// Maintenance of a LadybugDB file while no process has it open: `strategigraf recover` and `strategigraf compact`.
import { copyFile, link, readFile, rename, rm, stat } from 'node:fs/promises';
import lbug from '@ladybugdb/core';
import type { Dataset } from '../../schema/dataset.js';
import type { GraphStats } from '../../schema/graph.js';
import type { GraphSnapshot } from '../../store/port.js';
import { byId, toDatasetNode, toDatasetRelationship } from '../../schema/records.js';
import { fileHolder, fileSize, isWalReplayFailure, lockPath, walPath } from './files.js';
import { LadybugStore } from './store.js';

/** A maintenance step refused, with the reason an operator can act on. */
export class MaintenanceRefused extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MaintenanceRefused';
  }
}

export interface GraphSummary {
  meta: GraphSnapshot['meta'];
  references: number;
  stats: GraphStats;
}

export interface RecoverReport {
  /** Where the unreplayable log now is (never deleted). */
  movedTo: string;
  walBytes: number;
  /** When the database file was last written, i.e. the last checkpoint: every write after it is lost. */
  checkpointAt: Date;
  /** The dataset header of the last replacement found in the log, if one could be read from it. */
  lostDataset: { name: string; version: string } | null;
  now: GraphSummary;
}

export interface CompactReport {
  bytesBefore: number;
  bytesAfter: number;
  backup: string;
  now: GraphSummary;
}

async function refuseIfHeld(db: string): Promise<void> {
  if ((await fileSize(db)) === null) throw new MaintenanceRefused(`there is no database at ${db}`);
  const holder = await fileHolder(db);
  if (holder) {
    throw new MaintenanceRefused(
      `${db} is in use by process ${holder.pid} (open since ${holder.since}); stop the server (or the command using it) first. ` +
        `If no such process uses it, delete ${lockPath(db)}.`,
    );
  }
}

/** Opens the file with the engine alone: null if it opens (the log replays), else the engine's error. */
async function replayFailure(db: string): Promise<unknown> {
  const database = new lbug.Database(db);
  try {
    await database.init();
    return null;
  } catch (err) {
    return err;
  } finally {
    await database.close().catch(() => undefined);
  }
}

async function summarise(store: LadybugStore): Promise<GraphSummary> {
  const [stats, meta] = [await store.stats(), await store.datasetMeta()];
  return { meta: meta.meta, references: meta.references.length, stats };
}

/** Opens the file for one task and always closes it: maintenance and the tests that check its result open it alike. */
export async function withStore<T>(db: string, task: (store: LadybugStore) => Promise<T>): Promise<T> {
  const store = new LadybugStore({ path: db });
  try {
    await store.open();
    return await task(store);
  } finally {
    await store.close();
  }
}

/**
 * The dataset header of the last replacement in a log, read from its bytes (the meta JSON's first part starts with it).
 * Best effort: the record that cannot be replayed may be this very one, which is why the engine cannot give it to us.
 */
export function lostDatasetInLog(log: Buffer): { name: string; version: string } | null {
  const text = log.toString('utf8');
  const pattern = /\{"meta":\{"name":("(?:[^"\\]|\\.)*"),"version":("(?:[^"\\]|\\.)*")/g;
  let last: RegExpExecArray | null = null;
  for (let m = pattern.exec(text); m; m = pattern.exec(text)) last = m;
  if (!last) return null;
  try {
    return { name: JSON.parse(last[1]!) as string, version: JSON.parse(last[2]!) as string };
  } catch {
    return null;
  }
}

/**
 * Moves a write-ahead log the engine cannot replay aside (to <db>.wal.unreplayable-<timestamp>, never deleting it) and
 * reopens the database at its last checkpoint. Refuses when a process has the file open or there is nothing to recover.
 */
export async function recoverDatabase(db: string, now = new Date()): Promise<RecoverReport> {
  await refuseIfHeld(db);
  const wal = walPath(db);
  const walBytes = (await fileSize(wal)) ?? 0;
  if (walBytes === 0) throw new MaintenanceRefused(`nothing to recover: ${db} has no write-ahead log to replay; it opens as it is`);
  const failure = await replayFailure(db);
  if (failure === null) throw new MaintenanceRefused(`nothing to recover: the write-ahead log of ${db} replays and the database opens normally`);
  if (!isWalReplayFailure(failure)) {
    throw new MaintenanceRefused(
      `${db} does not open, but not because of its write-ahead log: ${failure instanceof Error ? failure.message : String(failure)}`,
    );
  }
  const checkpointAt = (await stat(db)).mtime;
  const lostDataset = lostDatasetInLog(await readFile(wal));
  const movedTo = `${wal}.unreplayable-${now.toISOString().replace(/[:.]/g, '-')}`;
  await rename(wal, movedTo);
  const summary = await withStore(db, summarise);
  return { movedTo, walBytes, checkpointAt, lostDataset, now: summary };
}

function sameGraph(a: GraphSnapshot, b: GraphSnapshot): boolean {
  const key = (s: GraphSnapshot) => JSON.stringify({ meta: s.meta, references: s.references, nodes: [...s.nodes].sort(byId), edges: [...s.edges].sort(byId) });
  return key(a) === key(b);
}

/**
 * Rewrites the database from its current graph into a fresh file, verifies the copy holds the same graph, keeps the old
 * file as <db>.bak and renames the copy over <db> (one atomic rename). LadybugDB never gives back the space a
 * replacement frees, so the file grows with every load of the same data; this is how to reclaim it.
 */
export async function compactDatabase(db: string): Promise<CompactReport> {
  await refuseIfHeld(db);
  const bytesBefore = (await fileSize(db))!;
  const fresh = `${db}.compact-${process.pid}`;
  const backup = `${db}.bak`;
  await rm(fresh, { force: true });
  await rm(walPath(fresh), { force: true });
  const source = new LadybugStore({ path: db });
  try {
    await source.open().catch((err: unknown) => {
      throw new MaintenanceRefused(`${db} cannot be opened, so it cannot be compacted: ${err instanceof Error ? err.message : String(err)}`);
    });
    const snapshot = await source.snapshot();
    const dataset: Dataset = {
      dataset: snapshot.meta,
      references: snapshot.references,
      nodes: snapshot.nodes.map(toDatasetNode),
      relationships: snapshot.edges.map(toDatasetRelationship),
    };
    const copied = await withStore(fresh, async (target) => {
      await target.replaceDataset(dataset);
      return target.snapshot();
    });
    if (!sameGraph(snapshot, copied)) throw new Error(`the compacted copy ${fresh} does not hold the same graph; ${db} is unchanged`);
  } catch (err) {
    await rm(fresh, { force: true });
    await rm(walPath(fresh), { force: true });
    throw err;
  } finally {
    await source.close();
  }
  // A clean close folds the log into the file; a log left beside the new file would be replayed onto it.
  if (((await fileSize(walPath(db))) ?? 0) > 0 || ((await fileSize(walPath(fresh))) ?? 0) > 0) {
    await rm(fresh, { force: true });
    throw new Error(`a write-ahead log is left after closing ${db}; not swapping files (${db} is unchanged)`);
  }
  await rm(walPath(db), { force: true });
  await rm(walPath(fresh), { force: true });
  await rm(backup, { force: true });
  await link(db, backup).catch(() => copyFile(db, backup));
  await rename(fresh, db);
  const now = await withStore(db, summarise);
  return { bytesBefore, bytesAfter: (await fileSize(db))!, backup, now };
}
