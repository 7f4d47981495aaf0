// A LadybugDB database kept as numbered generations in a directory, so that the engine never checkpoints the file that
// holds the only copy of acknowledged writes.
//
// Why: LadybugDB 0.19.1 cannot reopen a file whose checkpoint was killed (SIGKILL) part-way. The write-ahead log is
// rotated to `<db>.wal.checkpoint` and a `<db>.shadow` file started; killed then, every later open fails with "Database
// ID for temporary file '<db>.shadow' does not match the current database" (in a loop of a write and a CHECKPOINT, 53 of
// 120 kills left such a file), and a kill while an open replays the log lost acknowledged writes. Appending to the log
// itself (a commit) is safe: a kill between commits leaves a log that replays.
//
// So the live generation only ever grows its log: it is opened with automatic checkpoints off and never checkpointed.
// Folding its log into a checkpointed file happens aside, on a copy: the file and its log are copied to the next
// generation's name, that copy is opened (the engine replays the log into it) and closed (it checkpoints), and only
// then does the pointer file CURRENT (replaced by rename, which is atomic) name the new generation. A kill at any point
// leaves CURRENT naming a generation that is whole: the old one with its log, or the new one without. Older
// generations are deleted once CURRENT no longer names them.
import { copyFile, mkdir, open, readdir, readFile, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { fileSize, removeDatabaseFiles, walPath } from './files.js';

const POINTER = 'CURRENT';
const GENERATION = /^gen-(\d{6,})\.lbug$/;
const generationName = (n: number) => `gen-${String(n).padStart(6, '0')}.lbug`;

/** The engine's files beside a database that hold writes not yet in the database file itself. */
const pendingFiles = (db: string) => [walPath(db), `${db}.wal.checkpoint`, `${db}.shadow`];

export interface Generation {
  n: number;
  /** The database file of this generation. */
  file: string;
}

/** The generation CURRENT names, or null when there is none yet (a new directory). */
export async function currentGeneration(dir: string): Promise<Generation | null> {
  let text: string;
  try {
    text = (await readFile(path.join(dir, POINTER), 'utf8')).trim();
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw err;
  }
  const match = GENERATION.exec(text);
  if (!match) throw new Error(`${path.join(dir, POINTER)} does not name a generation (it holds ${JSON.stringify(text.slice(0, 80))})`);
  const file = path.join(dir, text);
  if ((await fileSize(file)) === null) throw new Error(`${path.join(dir, POINTER)} names ${text}, which is missing`);
  return { n: Number(match[1]), file };
}

/** Whether a generation has writes in its log that its database file does not hold yet. */
export async function hasPendingWrites(file: string): Promise<boolean> {
  for (const f of pendingFiles(file)) if (((await fileSize(f)) ?? 0) > 0) return true;
  return false;
}

/** Bytes of log a generation has gathered since it was last folded. */
export async function pendingBytes(file: string): Promise<number> {
  let total = 0;
  for (const f of pendingFiles(file)) total += (await fileSize(f)) ?? 0;
  return total;
}

/**
 * Makes generation n (after `previous`, or the first) with `build`, which must leave a closed database at the path it
 * is given, and makes it current. Whatever a killed earlier attempt left under that name is cleared first.
 */
export async function writeGeneration(dir: string, n: number, build: (file: string) => Promise<void>): Promise<Generation> {
  await mkdir(dir, { recursive: true });
  const file = path.join(dir, generationName(n));
  await removeDatabaseFiles(file);
  await build(file);
  if (await hasPendingWrites(file)) throw new Error(`the new generation ${file} kept a write-ahead log after closing`);
  await syncFile(file);
  const pointer = path.join(dir, POINTER);
  const scratch = `${pointer}.${process.pid}.tmp`;
  const handle = await open(scratch, 'w');
  try {
    await handle.writeFile(`${generationName(n)}\n`);
    await handle.sync();
  } finally {
    await handle.close();
  }
  await rename(scratch, pointer);
  await syncFile(dir);
  return { n, file };
}

/**
 * The next generation made from `from`: its file and log copied, replayed and checkpointed aside. `from` stays as it
 * is (it may be open: its log is complete up to its last commit, and its file is not written while checkpoints are off).
 */
export async function foldInto(dir: string, from: Generation, replay: (file: string) => Promise<void>): Promise<Generation> {
  return writeGeneration(dir, from.n + 1, async (file) => {
    await copyFile(from.file, file);
    for (const [source, target] of pendingFiles(from.file).map((f, i) => [f, pendingFiles(file)[i]!] as const)) {
      if ((await fileSize(source)) !== null) await copyFile(source, target);
    }
    await replay(file);
  });
}

/** Deletes every generation but `keep`, and scratch files a killed process left. */
export async function removeOtherGenerations(dir: string, keep: Generation): Promise<void> {
  const keepName = path.basename(keep.file);
  for (const name of await readdir(dir).catch(() => [] as string[])) {
    if (name === POINTER || name === keepName || name.startsWith(`${keepName}.`)) continue;
    const match = /^(gen-\d{6,}\.lbug)/.exec(name);
    if (match || (name.startsWith(`${POINTER}.`) && name.endsWith('.tmp'))) await rm(path.join(dir, name), { force: true, recursive: true });
  }
}

async function syncFile(file: string): Promise<void> {
  const handle = await open(file, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}
