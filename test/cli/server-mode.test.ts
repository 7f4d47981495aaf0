// The CLI while a server holds the embedded database file (issue 13): a real `strategigraf serve` process on a temporary
// file, and the real CLI against the same file. Every read command and `load` must go to the server, say so in one line,
// and print exactly what it printed from the file before the server started.
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { readFile, rename, rm, stat, writeFile, mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runtimeFilePath } from '../../server/runtime-file.js';

const execFileAsync = promisify(execFile);
const ROOT = path.resolve(import.meta.dirname, '../..');
const CLI = path.join(ROOT, 'bin/strategigraf.mjs');
const ADMIN_TOKEN = 'cli-server-test-admin-token';
const DATE = '2026-12-02';

interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

async function cli(env: NodeJS.ProcessEnv, ...args: string[]): Promise<CliRun> {
  try {
    const { stdout, stderr } = await execFileAsync(process.execPath, [CLI, ...args], { cwd: ROOT, env, maxBuffer: 64 * 1024 * 1024 });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as CliRun;
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

interface ServerProcess {
  child: ChildProcess;
  url: string;
  exited: Promise<void>;
}

const children = new Set<ChildProcess>();

/** `strategigraf serve` on a free port; resolves once it says where it listens (running, or listening without its store). */
function startServerProcess(env: NodeJS.ProcessEnv): Promise<ServerProcess> {
  const child = spawn(process.execPath, [CLI, 'serve', '--port', '0'], { cwd: ROOT, env: { ...env, LOG_LEVEL: 'warn' }, stdio: ['ignore', 'pipe', 'pipe'] });
  children.add(child);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  void exited.then(() => children.delete(child));
  let log = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the server did not listen within 90 s:\n${log}`)), 90_000);
    const onData = (chunk: Buffer) => {
      log += chunk.toString();
      const listening = /serve: Strategigraf is (?:running|listening) at (http:\/\/[\d.]+:\d+)/.exec(log);
      if (!listening) return;
      clearTimeout(timer);
      resolve({ child, url: listening[1]!, exited });
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    void exited.then(() => {
      clearTimeout(timer);
      reject(new Error(`the server exited before it listened:\n${log}`));
    });
  });
}

async function stopServerProcess(server: ServerProcess, signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
  if (server.child.exitCode === null && server.child.signalCode === null) server.child.kill(signal);
  await server.exited;
}

/** Every read command, with the options that change what it prints; dates fixed, so two runs can be compared. */
const READS: string[][] = [
  ['stats'],
  ['stats', '--json'],
  ['gaps'],
  ['gaps', '--json', '--lang', 'en'],
  ['gaps', '--severity', 'high', '--kind', 'Initiative'],
  ['report', '--date', DATE],
  ['report', '--format', 'html', '--lang', 'en', '--date', DATE],
  ['diff', '2020', '2022', '--date', DATE],
  ['diff', '2020', '2022', '--format', 'json', '--date', DATE],
  ['export', '--format', 'json'],
  ['export', '--format', 'graphml'],
  ['export', '--format', 'csv'],
  ['export', '--format', 'cypher'],
  ['export', '--format', 'json', '--focus', 'digdir', '--depth', '2'],
  ['export', '--format', 'csv', '--focus', 'no-such-node'],
  ['query', 'MATCH (a:Agency) RETURN a, a.id ORDER BY a.id LIMIT 5'],
  ['query', 'MATCH (a:Agency)-[r]->(b) RETURN a, r, b ORDER BY a.id, b.id LIMIT 5', '--json'],
  ['query', "CREATE (n:Agency {id: 'x'})"],
  ['diff', '1990', '2022'],
];

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

describe('the CLI while a server holds the embedded database file', () => {
  let dir: string;
  let db: string;
  /** The CLI's environment: the database file, no token. */
  let env: NodeJS.ProcessEnv;
  let server: ServerProcess;
  const direct = new Map<string, CliRun>();
  /** What `export --format json` prints for test/fixtures/small loaded straight into a file. */
  let smallExport: string;
  const key = (args: string[]) => args.join(' ');

  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'strategigraf-cli-server-'));
    db = path.join(dir, 'graph.lbug');
    env = { ...process.env, STRATEGIGRAF_DB: db };
    for (const name of ['NEO4J_URI', 'STRATEGIGRAF_TOKEN', 'STRATEGIGRAF_ADMIN_TOKEN']) delete env[name];

    const load = await cli(env, 'load');
    expect(load.code, load.stderr).toBe(0);
    // One process at a time: two processes cannot open the file at once either.
    for (const args of READS) direct.set(key(args), await cli(env, ...args));
    for (const [format, extension] of [
      ['graphml', 'graphml'],
      ['html', 'html'],
    ] as const) {
      const out = path.join(dir, `direct.${extension}`);
      const run =
        format === 'graphml'
          ? await cli(env, 'export', '--format', format, '--out', out)
          : await cli(env, 'report', '--format', format, '--date', DATE, '--out', out);
      expect(run.code, run.stderr).toBe(0);
    }
    const smallEnv = { ...env, STRATEGIGRAF_DB: path.join(dir, 'small.lbug') };
    expect((await cli(smallEnv, 'load', 'test/fixtures/small')).code).toBe(0);
    smallExport = (await cli(smallEnv, 'export', '--format', 'json')).stdout;

    server = await startServerProcess({ ...env, STRATEGIGRAF_ADMIN_TOKEN: ADMIN_TOKEN });
  }, 300_000);

  afterAll(async () => {
    for (const child of children) child.kill('SIGKILL');
    await new Promise((resolve) => setTimeout(resolve, 200));
    await rm(dir, { recursive: true, force: true });
  });

  const notice = () => `reading from the running server at ${server.url} (the database file is in use)\n`;

  it('the server records where it listens beside the file, readable by its user only', async () => {
    const record = JSON.parse(await readFile(runtimeFilePath(db), 'utf8'));
    expect(record).toMatchObject({ url: server.url, pid: server.child.pid, backend: 'ladybug', db });
    expect((await stat(runtimeFilePath(db))).mode & 0o777).toBe(0o600);
  });

  it.each(READS.map((args) => [key(args), args] as const))('%s prints what it printed from the file, saying once where it read', async (_name, args) => {
    const before = direct.get(key(args))!;
    const now = await cli(env, ...args);
    expect(now.code, now.stderr).toBe(before.code);
    expect(now.stdout).toBe(before.stdout);
    expect(now.stderr).toBe(notice() + before.stderr);
  });

  it('the outputs compared are the real thing: rich documents and the refusals as they are', () => {
    expect(direct.get('stats')!.stdout).toMatch(/^LadybugDB at .*graph\.lbug: \d{3} nodes, \d{3} relationships\n/);
    expect(direct.get(`report --date ${DATE}`)!.stdout.length).toBeGreaterThan(10_000);
    expect(direct.get('export --format csv --focus no-such-node')).toMatchObject({ code: 1, stderr: 'strategigraf export: no node with id "no-such-node"\n' });
    expect(direct.get("query CREATE (n:Agency {id: 'x'})")).toMatchObject({ code: 1, stderr: expect.stringMatching(/^query refused \(read_only\): /) });
    expect(direct.get('diff 1990 2022')).toMatchObject({ code: 2, stderr: expect.stringContaining('FROM 1990 is outside the years') });
  });

  it('--out writes the same file and says the same', async () => {
    const graphml = await cli(env, 'export', '--format', 'graphml', '--out', path.join(dir, 'server.graphml'));
    const html = await cli(env, 'report', '--format', 'html', '--date', DATE, '--out', path.join(dir, 'server.html'));
    for (const [run, extension] of [
      [graphml, 'graphml'],
      [html, 'html'],
    ] as const) {
      expect(run.code, run.stderr).toBe(0);
      expect(await readFile(path.join(dir, `server.${extension}`), 'utf8')).toBe(await readFile(path.join(dir, `direct.${extension}`), 'utf8'));
      expect(run.stderr).toMatch(new RegExp(`^${notice().replace(/[.()]/g, '\\$&')}wrote .*server\\.${extension} `));
    }
  });

  it('--server reads from the server named, whatever store the environment names, and opens none', async () => {
    const elsewhere = path.join(dir, 'elsewhere.lbug');
    const otherEnv = { ...env, STRATEGIGRAF_DB: elsewhere };
    for (const args of [
      ['report', '--date', DATE],
      ['gaps', '--json', '--lang', 'en'],
      ['export', '--format', 'cypher'],
    ]) {
      const run = await cli(otherEnv, ...args, '--server', `${server.url}/`);
      expect(run.code, run.stderr).toBe(0);
      expect(run.stdout).toBe(direct.get(key(args))!.stdout);
      expect(run.stderr).toBe(`reading from the server at ${server.url} (--server)\n`);
    }
    // Only the description changes: it names the server, since the environment's store is not the one read.
    const stats = await cli(otherEnv, 'stats', '--server', server.url);
    expect(stats.stdout).toBe(direct.get('stats')!.stdout.replace(/^LadybugDB at \S+:/, `the server at ${server.url}:`));
    await expect(stat(elsewhere)).rejects.toMatchObject({ code: 'ENOENT' });
    const bad = await cli(otherEnv, 'stats', '--server', 'ftp://127.0.0.1');
    expect(bad).toMatchObject({ code: 2, stderr: expect.stringContaining('--server must be an http:// or https:// URL') });
  });

  it('without a runtime file, a file in use is a clear error naming the process, not the engine lock message', async () => {
    await rename(runtimeFilePath(db), `${runtimeFilePath(db)}.aside`);
    try {
      const run = await cli(env, 'report');
      expect(run.code).toBe(3);
      expect(run.stderr).toBe(
        `strategigraf report: the database file ${db} is in use by process ${server.child.pid} (since ${JSON.parse(await readFile(`${db}.lock`, 'utf8')).since}), ` +
          `and no running server is recorded for it (no ${runtimeFilePath(db)}). If a server is starting, try again in a moment; ` +
          'otherwise wait for that process to finish or stop it, or give --server URL\n',
      );
      expect(run.stderr).not.toContain('Could not set lock');
    } finally {
      await rename(`${runtimeFilePath(db)}.aside`, runtimeFilePath(db));
    }
  });

  it('a runtime file that is not JSON, or names an address that is not loopback, is said in one line and not followed', async () => {
    const original = await readFile(runtimeFilePath(db), 'utf8');
    try {
      await writeFile(runtimeFilePath(db), '{"url": "http://127.0.0.1:1"', { mode: 0o600 });
      const broken = await cli(env, 'stats');
      expect(broken.code).toBe(3);
      const [first, second, ...rest] = broken.stderr.split('\n');
      expect(first).toMatch(new RegExp(`^strategigraf: ignoring ${runtimeFilePath(db)}: it is not valid JSON \\(`));
      expect(second).toMatch(/^strategigraf stats: the database file .* is in use by process \d+ .*\(.* was not followed: it is not valid JSON/);
      expect(rest).toEqual(['']);

      await writeFile(runtimeFilePath(db), original.replace(server.url, server.url.replace('127.0.0.1', '10.255.255.1')), { mode: 0o600 });
      const remote = await cli(env, 'stats');
      expect(remote.code).toBe(3);
      expect(remote.stderr.split('\n')[0]).toBe(
        `strategigraf: ignoring ${runtimeFilePath(db)}: its address ${server.url.replace('127.0.0.1', '10.255.255.1')} is not a loopback address, ` +
          `and only those are followed from the runtime file (give --server ${server.url.replace('127.0.0.1', '10.255.255.1')} to use it)`,
      );
    } finally {
      await writeFile(runtimeFilePath(db), original, { mode: 0o600 });
    }
  });

  it('a second server on the same file cannot open it, and leaves the record of the first alone', async () => {
    const second = await startServerProcess({ ...env, LOG_LEVEL: 'silent' });
    try {
      expect((await fetch(`${second.url}/api/health`)).status).toBe(503);
      expect(JSON.parse(await readFile(runtimeFilePath(db), 'utf8'))).toMatchObject({ url: server.url, pid: server.child.pid });
    } finally {
      await stopServerProcess(second);
    }
    expect(JSON.parse(await readFile(runtimeFilePath(db), 'utf8'))).toMatchObject({ url: server.url, pid: server.child.pid });
  });

  it('load without a token, or with a wrong one, is refused with the reason and how to give one, and changes nothing', async () => {
    const none = await cli(env, 'load', 'test/fixtures/small');
    expect(none.code).toBe(3);
    const [said, refused, ...rest] = none.stderr.split('\n');
    expect(said).toBe(`loading into the running server at ${server.url} (the database file is in use)`);
    expect(refused).toMatch(new RegExp(`^strategigraf load: the server at ${server.url.replace(/\./g, '\\.')} answered 401 \\(unauthorized\\): `));
    expect(refused).toMatch(/; loading needs an admin token: give --token, or set STRATEGIGRAF_TOKEN or STRATEGIGRAF_ADMIN_TOKEN$/);
    expect(rest).toEqual(['']);
    const wrong = await cli({ ...env, STRATEGIGRAF_TOKEN: 'not-the-token' }, 'load', 'test/fixtures/small');
    expect(wrong.code).toBe(3);
    expect(wrong.stderr).toContain('answered 401 (unauthorized): the bearer token is not valid; the token given was not accepted');
    // A read sends no token unless one is given for it, so the admin token in the environment stays put.
    expect((await cli(env, 'stats')).stdout).toBe(direct.get('stats')!.stdout);
  });

  it('load with the admin token replaces the graph the server serves, exactly as a load into the file would', async () => {
    const run = await cli({ ...env, STRATEGIGRAF_ADMIN_TOKEN: ADMIN_TOKEN }, 'load', 'test/fixtures/small');
    expect(run).toEqual({
      code: 0,
      // The time and the command's peak memory follow, as after a load into the file.
      stdout: expect.stringMatching(
        new RegExp(`^loaded 23 nodes and 23 relationships into LadybugDB at ${escapeRegExp(db)} in [\\d.]+ s, peak memory \\d+ MiB\n$`),
      ),
      stderr: `loading into the running server at ${server.url} (the database file is in use)\n`,
    });
    expect(await (await fetch(`${server.url}/api/health`)).json()).toMatchObject({ nodes: 23, relationships: 23 });
    const exported = await cli(env, 'export', '--format', 'json');
    expect(exported.stdout).toBe(smallExport);
    // An invalid dataset is refused before any request, as from the file.
    const broken = await cli({ ...env, STRATEGIGRAF_ADMIN_TOKEN: ADMIN_TOKEN }, 'load', 'test/fixtures/broken');
    expect(broken.code).toBe(1);
    expect(broken.stderr).toMatch(/^not loaded: 4 problems in the dataset:\n/);
  });

  it('a runtime file left by a killed server is ignored, and the next server replaces it and removes it when stopped', async () => {
    await stopServerProcess(server, 'SIGKILL');
    const left = JSON.parse(await readFile(runtimeFilePath(db), 'utf8'));
    expect(left.pid).toBe(server.child.pid);
    const stats = await cli(env, 'stats', '--json');
    expect(stats.stderr).toBe('');
    expect(stats.code).toBe(0);
    expect(JSON.parse(stats.stdout)).toMatchObject({ backend: 'ladybug', nodes: { Agency: expect.any(Number) } });

    server = await startServerProcess({ ...env, STRATEGIGRAF_ADMIN_TOKEN: ADMIN_TOKEN });
    expect(JSON.parse(await readFile(runtimeFilePath(db), 'utf8'))).toMatchObject({ url: server.url, pid: server.child.pid });
    const again = await cli(env, 'stats', '--json');
    expect(again.stderr).toBe(notice());
    expect(again.stdout).toBe(stats.stdout);
    await stopServerProcess(server);
    await expect(stat(runtimeFilePath(db))).rejects.toMatchObject({ code: 'ENOENT' });
  });
});
