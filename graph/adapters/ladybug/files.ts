// The files beside a LadybugDB database: its write-ahead log, and a lock file naming the process that has it open.
// LadybugDB 0.19.1 locks the file while a process has it open (a second open fails with "Could not set lock on file"),
// but the engine's lock names nobody; the store records its process id, so errors can say who holds the file, and
// `strategigraf recover` and `compact` refuse to touch a file a live process holds.
import { link, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';

export const walPath = (db: string) => `${db}.wal`;
export const lockPath = (db: string) => `${db}.lock`;

/** What LadybugDB says when the log cannot be replayed (a record it cannot read, or a torn write). */
export function isWalReplayFailure(err: unknown): boolean {
  return /corrupted wal|wal record|wal file|replay/i.test(err instanceof Error ? err.message : String(err));
}

/** The one line an operator needs when the file will not open because of its log: what it means and what to do. */
export class UnreplayableWalError extends Error {
  constructor(
    readonly db: string,
    cause?: unknown,
  ) {
    super(
      `the database's write-ahead log at ${walPath(db)} cannot be replayed (an engine defect with long strings, or a torn write); ` +
        `the last checkpoint in ${db} is intact; stop the server and run \`strategigraf recover\` to move the log aside and reopen — writes after the last checkpoint will be lost`,
      { cause },
    );
    this.name = 'UnreplayableWalError';
  }
}

export async function fileSize(file: string): Promise<number | null> {
  return (await stat(file).catch(() => null))?.size ?? null;
}

export interface FileHolder {
  pid: number;
  since: string;
}

/** Records that this process has the database open. */
export async function claimFile(db: string): Promise<void> {
  const holder: FileHolder = { pid: process.pid, since: new Date().toISOString() };
  await writeFile(lockPath(db), `${JSON.stringify(holder)}\n`);
}

/** Removes the record, if it is this process's. */
export async function releaseFile(db: string): Promise<void> {
  const holder = await readHolder(db);
  if (holder?.pid === process.pid) await rm(lockPath(db), { force: true });
}

async function readHolder(db: string): Promise<FileHolder | null> {
  try {
    const parsed = JSON.parse(await readFile(lockPath(db), 'utf8')) as Partial<FileHolder>;
    return typeof parsed.pid === 'number' ? { pid: parsed.pid, since: String(parsed.since ?? '') } : null;
  } catch {
    return null;
  }
}

/** Another live process that has the database open, or null (a lock left by a killed process does not count). */
export async function fileHolder(db: string): Promise<FileHolder | null> {
  const holder = await readHolder(db);
  return holder && holder.pid !== process.pid && isAlive(holder.pid) ? holder : null;
}

/** A database file and every file the engine or this store keeps beside it (log, checkpoint scratch, lock record). */
export async function removeDatabaseFiles(db: string): Promise<void> {
  const dir = path.dirname(path.resolve(db));
  const base = path.basename(db);
  const names = await readdir(dir).catch(() => [] as string[]);
  for (const name of names) if (name === base || name.startsWith(`${base}.`)) await rm(path.join(dir, name), { force: true, recursive: true });
}

/** Scratch files of new databases whose building process is gone (killed while building, see LadybugStore.createFile). */
export async function removeAbandonedScratch(db: string): Promise<void> {
  const dir = path.dirname(path.resolve(db));
  const prefix = `${path.basename(db)}.creating-`;
  for (const name of await readdir(dir).catch(() => [] as string[])) {
    if (!name.startsWith(prefix)) continue;
    const pid = Number.parseInt(name.slice(prefix.length), 10);
    if (Number.isInteger(pid) && pid !== process.pid && !isAlive(pid)) await rm(path.join(dir, name), { force: true, recursive: true });
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: the process exists but belongs to someone else.
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Makes a new database file at `target` by building it aside and linking it into place only when complete. LadybugDB
 * 0.19 cannot reopen a new file killed during its first checkpoint ("Database ID for temporary file … does not match",
 * test/store/crash.test.ts); built aside, such a kill leaves only a scratch file, and the next open builds again.
 * `build` must leave a closed database at the path it is given (closing checkpoints it).
 */
export async function createAside(target: string, build: (scratch: string) => Promise<void>): Promise<void> {
  const scratch = `${target}.creating-${process.pid}`;
  await removeAbandonedScratch(target);
  await removeDatabaseFiles(scratch);
  await build(scratch);
  if (((await fileSize(walPath(scratch))) ?? 0) > 0) throw new Error(`the new database ${scratch} kept a write-ahead log after closing`);
  // link() fails when another process made the file first: theirs is as good as ours.
  await link(scratch, target).catch((err: NodeJS.ErrnoException) => {
    if (err.code !== 'EEXIST') throw err;
  });
  await removeDatabaseFiles(scratch);
}
