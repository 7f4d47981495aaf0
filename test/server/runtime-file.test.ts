// The runtime file a server writes beside its embedded database (server/runtime-file.ts), read as untrusted input:
// every way it can be broken, stale or misleading is a reason, never a crash, and only a live local server is followed.
import { spawn, type ChildProcess } from 'node:child_process';
import { chmod, chown, mkdir, mkdtemp, rm, stat, symlink, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  findRunningServer,
  isLoopbackUrl,
  reachableUrl,
  readRuntimeFile,
  removeRuntimeFile,
  runtimeFilePath,
  writeRuntimeFile,
  type RuntimeInfo,
} from '../../server/runtime-file.js';

let dir: string;
let db: string;
/** A process that is alive and is not this one. */
let other: ChildProcess;
/** Answers /api/health as a Strategigraf server does. */
let health: Server;
let healthUrl: string;
/** Answers everything with a page that is not a Strategigraf server's. */
let impostor: Server;
let impostorUrl: string;

const listen = async (server: Server) => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
};

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'strategigraf-runtime-'));
  db = path.join(dir, 'graph.lbug');
  await writeFile(db, '');
  other = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' });
  health = createServer((_req, res) =>
    res.writeHead(200, { 'content-type': 'application/json' }).end('{"status":"ok","backend":"ladybug","nodes":1,"relationships":0}'),
  );
  healthUrl = await listen(health);
  impostor = createServer((_req, res) => res.writeHead(200, { 'content-type': 'text/html' }).end('<p>hello</p>'));
  impostorUrl = await listen(impostor);
});

afterAll(async () => {
  other.kill('SIGKILL');
  await new Promise((resolve) => health.close(resolve));
  await new Promise((resolve) => impostor.close(resolve));
  await rm(dir, { recursive: true, force: true });
});

const info = (overrides: Partial<RuntimeInfo> = {}): RuntimeInfo => ({
  url: healthUrl,
  pid: other.pid!,
  startedAt: '2026-12-02T10:00:00.000Z',
  backend: 'ladybug',
  db: path.resolve(db),
  hostname: os.hostname(),
  ...overrides,
});

async function place(content: string | RuntimeInfo, mode = 0o600): Promise<void> {
  await rm(runtimeFilePath(db), { force: true, recursive: true });
  await writeFile(runtimeFilePath(db), typeof content === 'string' ? content : JSON.stringify(content), { mode });
  await chmod(runtimeFilePath(db), mode);
}

/** A pid that is not running: a process that has exited. */
async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ['-e', '0'], { stdio: 'ignore' });
  await new Promise((resolve) => child.on('exit', resolve));
  return child.pid!;
}

describe('reading the runtime file', () => {
  it('lives beside the database file, named after it', () => {
    expect(runtimeFilePath(db)).toBe(`${path.resolve(db)}.server.json`);
  });

  it('is absent when there is none', async () => {
    await rm(runtimeFilePath(db), { force: true });
    expect(await readRuntimeFile(db)).toEqual({ state: 'absent', file: runtimeFilePath(db) });
    expect(await findRunningServer(db)).toEqual({ state: 'none', file: runtimeFilePath(db) });
  });

  it.each([
    ['not JSON', '{"url": "http://127.0.0.1:3000", ', /^it is not valid JSON \(/],
    ['JSON of the wrong shape', '[1, 2, 3]', /^it is not a runtime file this version understands/],
    ['a pid that is not a number', JSON.stringify({ url: 'http://127.0.0.1:1', pid: 'me' }), /understands \(pid: /],
    [
      'another backend',
      JSON.stringify({ url: 'http://127.0.0.1:1', pid: 1, startedAt: '', backend: 'neo4j', db: '/x', hostname: 'h' }),
      /understands \(backend: /,
    ],
    ['huge', `{"url": "${'x'.repeat(20_000)}"}`, /^it is larger than 16384 bytes$/],
  ])('is a one-line reason, not a crash, when it is %s', async (_what, content, reason) => {
    await place(content);
    const read = await readRuntimeFile(db);
    expect(read.state).toBe('invalid');
    expect(read.state === 'invalid' && read.reason).toMatch(reason);
    expect(read.state === 'invalid' && read.reason).not.toContain('\n');
    const lookup = await findRunningServer(db);
    expect(lookup.state).toBe('ignored');
  });

  it('is not trusted when other users may write it (they could point the CLI and its token elsewhere)', async () => {
    await place(info(), 0o666);
    expect(await readRuntimeFile(db)).toMatchObject({ state: 'invalid', reason: 'other users may write it (mode 666)' });
    await place(info(), 0o620);
    expect(await readRuntimeFile(db)).toMatchObject({ state: 'invalid', reason: 'other users may write it (mode 620)' });
  });

  // Handing a file to another user takes root (the test machine runs as root; elsewhere this is skipped).
  it.runIf(process.getuid?.() === 0)('is trusted from this user or the database file owner only', async () => {
    await place(info());
    await chown(runtimeFilePath(db), 65534, 65534);
    expect(await readRuntimeFile(db)).toMatchObject({ state: 'invalid', reason: 'it belongs to user id 65534, neither you nor the owner of graph.lbug' });
    // A server running as a service user, read by an administrator: the file and the database belong to the same user.
    await chown(db, 65534, 65534);
    try {
      expect(await readRuntimeFile(db)).toMatchObject({ state: 'found' });
    } finally {
      await chown(db, 0, 0);
    }
  });

  it('is not read when it is a directory', async () => {
    await rm(runtimeFilePath(db), { force: true });
    await mkdir(runtimeFilePath(db));
    expect(await readRuntimeFile(db)).toMatchObject({ state: 'invalid', reason: 'it is not a regular file' });
    await rm(runtimeFilePath(db), { recursive: true });
  });
});

describe('finding the running server', () => {
  it('follows a file naming this database, a live process on this machine and a loopback server that answers', async () => {
    await place(info());
    expect(await findRunningServer(db)).toEqual({ state: 'live', file: runtimeFilePath(db), info: info() });
  });

  it('takes a file whose process is gone as stale (a killed server), saying which pid', async () => {
    const pid = await deadPid();
    await place(info({ pid }));
    expect(await findRunningServer(db)).toEqual({
      state: 'stale',
      file: runtimeFilePath(db),
      reason: `the server that wrote it (pid ${pid}) is no longer running`,
    });
  });

  it('takes a file whose server does not answer, or is not a Strategigraf server, as stale', async () => {
    const closed = createServer();
    const closedUrl = await listen(closed);
    await new Promise((resolve) => closed.close(resolve));
    await place(info({ url: closedUrl }));
    expect(await findRunningServer(db)).toMatchObject({ state: 'stale', reason: `no Strategigraf server answers at ${closedUrl}` });
    await place(info({ url: impostorUrl }));
    expect(await findRunningServer(db)).toMatchObject({ state: 'stale', reason: `no Strategigraf server answers at ${impostorUrl}` });
  });

  it('takes a file written on another machine as stale: its pid means nothing here', async () => {
    await place(info({ hostname: `not-${os.hostname()}` }));
    expect(await findRunningServer(db)).toMatchObject({ state: 'stale', reason: `it was written on another machine (not-${os.hostname()})` });
  });

  it('follows the file when the database is reached by another path to the same file (a symlinked directory)', async () => {
    await place(info());
    const link = path.join(os.tmpdir(), `strategigraf-runtime-link-${process.pid}`);
    await symlink(dir, link);
    try {
      expect(await findRunningServer(path.join(link, 'graph.lbug'))).toMatchObject({ state: 'live', info: { pid: other.pid } });
    } finally {
      await rm(link);
    }
  });

  it('ignores a file naming another database (a copied directory)', async () => {
    await place(info({ db: path.join(dir, 'elsewhere.lbug') }));
    expect(await findRunningServer(db)).toMatchObject({ state: 'ignored', reason: `it names another database file (${path.join(dir, 'elsewhere.lbug')})` });
  });

  it('never follows an address that is not loopback, and says how to use it anyway', async () => {
    for (const url of ['http://10.0.0.7:3000', 'http://localhost:3000', 'https://127.0.0.1:3000', 'http://user:pw@127.0.0.1:3000', 'file:///etc/passwd']) {
      await place(info({ url }));
      const lookup = await findRunningServer(db);
      expect(lookup, url).toMatchObject({ state: 'ignored' });
      expect(lookup.state === 'ignored' && lookup.reason).toContain(`its address ${url} is not a loopback address`);
      expect(lookup.state === 'ignored' && lookup.reason).toContain(`give --server ${url} to use it`);
    }
  });
});

describe('isLoopbackUrl and reachableUrl', () => {
  it('accepts http to 127.0.0.0/8 and ::1 literals only', () => {
    for (const url of ['http://127.0.0.1:3000', 'http://127.1.2.3:1', 'http://[::1]:3000', 'http://[::ffff:127.0.0.1]:3000'])
      expect(isLoopbackUrl(url), url).toBe(true);
    for (const url of [
      'http://128.0.0.1:3000',
      'http://localhost:3000',
      'http://[::2]:3000',
      'https://127.0.0.1',
      'http://0.0.0.0:3000',
      'not a url',
      'http://127.0.0.1.evil.example',
    ])
      expect(isLoopbackUrl(url), url).toBe(false);
  });

  it('names a wildcard bind by its loopback address, and keeps a specific one', () => {
    expect(reachableUrl({ address: '0.0.0.0', port: 3000, family: 'IPv4' })).toBe('http://127.0.0.1:3000');
    expect(reachableUrl({ address: '::', port: 3000, family: 'IPv6' })).toBe('http://[::1]:3000');
    expect(reachableUrl({ address: '127.0.0.1', port: 41000, family: 'IPv4' })).toBe('http://127.0.0.1:41000');
    expect(reachableUrl({ address: '::1', port: 41000, family: 'IPv6' })).toBe('http://[::1]:41000');
    expect(reachableUrl({ address: '192.168.1.5', port: 80, family: 'IPv4' })).toBe('http://192.168.1.5:80');
  });
});

describe('writing and removing the runtime file', () => {
  it('writes this process, mode 0600 whatever the umask, and removes only its own', async () => {
    await rm(runtimeFilePath(db), { force: true });
    const previous = process.umask(0o000);
    try {
      expect(await writeRuntimeFile(db, 'http://127.0.0.1:4321')).toEqual({ written: true, file: runtimeFilePath(db) });
    } finally {
      process.umask(previous);
    }
    expect((await stat(runtimeFilePath(db))).mode & 0o777).toBe(0o600);
    const read = await readRuntimeFile(db);
    expect(read).toMatchObject({
      state: 'found',
      info: { url: 'http://127.0.0.1:4321', pid: process.pid, backend: 'ladybug', db: path.resolve(db), hostname: os.hostname() },
    });
    expect(read.state === 'found' && Date.parse(read.info.startedAt)).toBeGreaterThan(Date.now() - 60_000);

    await place(info());
    await removeRuntimeFile(db);
    expect(await readRuntimeFile(db)).toMatchObject({ state: 'found', info: { pid: other.pid } });
    await rm(runtimeFilePath(db));
    await writeRuntimeFile(db, 'http://127.0.0.1:4321');
    await removeRuntimeFile(db);
    expect((await readRuntimeFile(db)).state).toBe('absent');
  });

  it('replaces a stale or broken file', async () => {
    await place(info({ pid: await deadPid() }));
    expect((await writeRuntimeFile(db, 'http://127.0.0.1:4321')).written).toBe(true);
    expect(await readRuntimeFile(db)).toMatchObject({ info: { pid: process.pid } });
    await place('garbage', 0o666);
    expect((await writeRuntimeFile(db, 'http://127.0.0.1:4321')).written).toBe(true);
    expect((await stat(runtimeFilePath(db))).mode & 0o777).toBe(0o600);
    await removeRuntimeFile(db);
  });

  it('leaves the file of another live server alone', async () => {
    await place(info());
    expect(await writeRuntimeFile(db, 'http://127.0.0.1:4321')).toEqual({
      written: false,
      file: runtimeFilePath(db),
      reason: `another server (pid ${other.pid}) at ${healthUrl} is recorded there and answers`,
    });
    expect(await readRuntimeFile(db)).toMatchObject({ info: { pid: other.pid, url: healthUrl } });
  });
});
