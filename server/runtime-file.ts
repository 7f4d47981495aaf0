// The runtime file a server writes beside the embedded database it holds (`<db>.server.json`): where it listens, so
// that the CLI, which cannot open a file the server holds, can ask the server instead. Mode 0600, replaced atomically,
// removed on a clean shutdown. A file left by a killed server (dead pid), written on another machine or naming a
// server that does not answer is stale and ignored. Whoever reads it treats it as untrusted input: a bad file is a
// reason, never a crash, and only a loopback address is ever followed from it.
import { chmod, readFile, realpath, rename, rm, stat, writeFile } from 'node:fs/promises';
import { isIP } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { z } from 'zod';

export const runtimeFilePath = (db: string) => `${path.resolve(db)}.server.json`;

export const RuntimeInfo = z.object({
  url: z.string().min(1).max(2048),
  pid: z.number().int().positive(),
  startedAt: z.string().max(64),
  backend: z.literal('ladybug'),
  /** The database file, resolved: a file copied along with its database names the original and is ignored. */
  db: z.string().min(1).max(4096),
  hostname: z.string().max(255),
});
export type RuntimeInfo = z.infer<typeof RuntimeInfo>;

/** Larger than any file a server writes; a bigger one is not read. */
const MAX_RUNTIME_FILE_BYTES = 16 * 1024;
/** How long a server gets to answer its health check before it counts as not answering (it reads the store's counts). */
export const PROBE_TIMEOUT_MS = 5000;

export type RuntimeFileRead =
  | { state: 'absent'; file: string }
  /** There is a file, but it cannot be trusted or understood; `reason` says why, for a one-line message. */
  | { state: 'invalid'; file: string; reason: string }
  | { state: 'found'; file: string; info: RuntimeInfo };

/** The runtime file beside `db`, read and checked as untrusted input. */
export async function readRuntimeFile(db: string): Promise<RuntimeFileRead> {
  const file = runtimeFilePath(db);
  let info: Awaited<ReturnType<typeof stat>>;
  try {
    info = await stat(file);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return { state: 'absent', file };
    return { state: 'invalid', file, reason: `it cannot be read (${(err as NodeJS.ErrnoException).code ?? String(err)})` };
  }
  if (!info.isFile()) return { state: 'invalid', file, reason: 'it is not a regular file' };
  if (info.size > MAX_RUNTIME_FILE_BYTES) return { state: 'invalid', file, reason: `it is larger than ${MAX_RUNTIME_FILE_BYTES} bytes` };
  const untrusted = await untrustedOwnership(file, info, db);
  if (untrusted) return { state: 'invalid', file, reason: untrusted };
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    return { state: 'invalid', file, reason: `it cannot be read (${(err as NodeJS.ErrnoException).code ?? String(err)})` };
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    return { state: 'invalid', file, reason: `it is not valid JSON (${(err instanceof Error ? err.message : String(err)).replace(/\s+/g, ' ')})` };
  }
  const parsed = RuntimeInfo.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return { state: 'invalid', file, reason: `it is not a runtime file this version understands (${issue.path.join('.') || 'the file'}: ${issue.message})` };
  }
  return { state: 'found', file, info: parsed.data };
}

/**
 * Why a runtime file must not be trusted, or null. Anyone who can write it could point a CLI (and the admin token a
 * `load` sends) at a server of their own, so it must belong to this user or to whoever owns the database file, and no
 * one else may write it. Not checked where the platform has no user ids (Windows).
 */
async function untrustedOwnership(file: string, info: { uid: number; mode: number }, db: string): Promise<string | null> {
  const me = process.getuid?.();
  if (me === undefined) return null;
  if ((info.mode & 0o022) !== 0) return `other users may write it (mode ${(info.mode & 0o777).toString(8)})`;
  if (info.uid === me) return null;
  const dbOwner = (await stat(db).catch(() => null))?.uid;
  if (info.uid === dbOwner) return null;
  return `it belongs to user id ${info.uid}, neither you nor the owner of ${path.basename(db)}`;
}

/** The same file, however it is reached (a symlinked directory, a relative path). */
async function sameFile(a: string, b: string): Promise<boolean> {
  const real = (file: string) => realpath(file).catch(() => path.resolve(file));
  return (await real(a)) === (await real(b));
}

/** A process with this id exists on this machine (EPERM: it exists, but belongs to someone else). */
export function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The address a client on this machine reaches a server on: a wildcard bind (0.0.0.0, ::) is reached on loopback. */
export function reachableUrl(address: { address: string; port: number; family: string }): string {
  const wildcard = address.address === '0.0.0.0' || address.address === '::';
  const host = wildcard ? (address.family === 'IPv6' ? '::1' : '127.0.0.1') : address.address;
  return `http://${isIP(host) === 6 ? `[${host}]` : host}:${address.port}`;
}

/** Is this an http:// URL of a loopback address literal (127.0.0.0/8 or ::1)? Host names are not: they resolve elsewhere. */
export function isLoopbackUrl(raw: string): boolean {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return false;
  }
  if (url.protocol !== 'http:' || url.username || url.password) return false;
  const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
  if (isIP(host) === 4) return host.split('.')[0] === '127';
  return isIP(host) === 6 && (host === '::1' || /^::ffff:127\./i.test(host) || /^::ffff:7f/i.test(host));
}

/** Does a Strategigraf server answer at `url`? Its health route answers with a status and a backend, 200 or 503. */
export async function serverAnswers(url: string, timeoutMs = PROBE_TIMEOUT_MS): Promise<boolean> {
  try {
    const response = await fetch(new URL('/api/health', url), { signal: AbortSignal.timeout(timeoutMs), redirect: 'error' });
    const body = (await response.json()) as { status?: unknown; backend?: unknown } | null;
    return (response.status === 200 || response.status === 503) && typeof body?.status === 'string' && typeof body.backend === 'string';
  } catch {
    return false;
  }
}

export type RunningServerLookup =
  | { state: 'live'; file: string; info: RuntimeInfo }
  | { state: 'none'; file: string }
  /** A file left behind: `reason` is for a message, when one is wanted. */
  | { state: 'stale'; file: string; reason: string }
  /** A file that must not be followed; worth saying so. */
  | { state: 'ignored'; file: string; reason: string };

/**
 * The server recorded beside `db`, when it is running: the file names this database, was written on this machine by
 * a live process, points at a loopback address, and a Strategigraf server answers there.
 */
export async function findRunningServer(db: string, options: { timeoutMs?: number } = {}): Promise<RunningServerLookup> {
  const read = await readRuntimeFile(db);
  if (read.state === 'absent') return { state: 'none', file: read.file };
  if (read.state === 'invalid') return { state: 'ignored', file: read.file, reason: read.reason };
  const { file, info } = read;
  if (!(await sameFile(info.db, db))) return { state: 'ignored', file, reason: `it names another database file (${info.db})` };
  if (info.hostname !== os.hostname()) return { state: 'stale', file, reason: `it was written on another machine (${info.hostname})` };
  if (!isProcessAlive(info.pid)) return { state: 'stale', file, reason: `the server that wrote it (pid ${info.pid}) is no longer running` };
  if (!isLoopbackUrl(info.url)) {
    return {
      state: 'ignored',
      file,
      reason: `its address ${info.url} is not a loopback address, and only those are followed from the runtime file (give --server ${info.url} to use it)`,
    };
  }
  if (!(await serverAnswers(info.url, options.timeoutMs))) return { state: 'stale', file, reason: `no Strategigraf server answers at ${info.url}` };
  return { state: 'live', file, info };
}

/**
 * Records this server beside `db`, replacing a stale file; leaves the file of another live server alone (then a second
 * server on the same file, which could not open it, does not hide the one that did). Returns what it did, for the log.
 */
export async function writeRuntimeFile(db: string, url: string): Promise<{ written: true; file: string } | { written: false; file: string; reason: string }> {
  const file = runtimeFilePath(db);
  const existing = await findRunningServer(db);
  if (existing.state === 'live' && existing.info.pid !== process.pid) {
    return { written: false, file, reason: `another server (pid ${existing.info.pid}) at ${existing.info.url} is recorded there and answers` };
  }
  const info: RuntimeInfo = { url, pid: process.pid, startedAt: new Date().toISOString(), backend: 'ladybug', db: path.resolve(db), hostname: os.hostname() };
  // Written aside and renamed into place, so a reader never sees half a file; 0600 whatever the umask.
  const scratch = `${file}.${process.pid}.tmp`;
  await writeFile(scratch, `${JSON.stringify(info, null, 2)}\n`, { mode: 0o600 });
  try {
    await chmod(scratch, 0o600);
    await rename(scratch, file);
  } catch (err) {
    await rm(scratch, { force: true });
    throw err;
  }
  return { written: true, file };
}

/** Removes the runtime file beside `db` if this process wrote it. */
export async function removeRuntimeFile(db: string): Promise<void> {
  const read = await readRuntimeFile(db);
  if (read.state === 'found' && read.info.pid === process.pid) await rm(read.file, { force: true });
}
