// The server process: configuration from the environment, seeding an empty store, listening, graceful shutdown.
import { spawnSync } from 'node:child_process';
import net from 'node:net';
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analystWorkerLimitsFromEnv } from '../../graph/adapters/index.js';
import { rootWarning, serverConfigFromEnv, startMessage, startServer } from '../../server/main.js';
import { runtimeFilePath } from '../../server/runtime-file.js';
import { FIXTURE_DIR } from './helpers.js';

describe('serverConfigFromEnv', () => {
  it('binds 127.0.0.1:3000 with writes disabled and CORS off by default', () => {
    const config = serverConfigFromEnv({});
    expect(config).toMatchObject({
      port: 3000,
      host: '127.0.0.1',
      adminToken: undefined,
      corsOrigin: [],
      limits: { timeoutMs: 5000, rowCap: 5000 },
      requestTimeoutMs: 60_000,
    });
  });

  it('takes PORT, HOST, the admin token, CORS origins and query limits from the environment', () => {
    const config = serverConfigFromEnv({
      PORT: '8080',
      HOST: '0.0.0.0',
      STRATEGIGRAF_ADMIN_TOKEN: 'secret',
      STRATEGIGRAF_CORS_ORIGIN: 'https://a.example, https://b.example',
      STRATEGIGRAF_QUERY_TIMEOUT_MS: '250',
      STRATEGIGRAF_QUERY_ROW_CAP: '10',
      STRATEGIGRAF_QUERY_RESPONSE_BYTES: '1000',
      STRATEGIGRAF_QUERY_WORKERS: '3',
      STRATEGIGRAF_QUERY_QUEUE_PER_CLIENT: '7',
      STRATEGIGRAF_QUERY_RATE_LIMIT: '600',
      STRATEGIGRAF_WRITE_RATE_LIMIT: '2',
      STRATEGIGRAF_REQUEST_TIMEOUT_MS: '1500',
    });
    expect(config).toMatchObject({
      port: 8080,
      host: '0.0.0.0',
      adminToken: 'secret',
      corsOrigin: ['https://a.example', 'https://b.example'],
      limits: { timeoutMs: 250, rowCap: 10, responseBytes: 1000, concurrency: 3, queuePerClient: 7 },
      rateLimits: { query: 600, write: 2 },
      requestTimeoutMs: 1500,
    });
  });

  it('refuses a bad PORT or limit', () => {
    expect(() => serverConfigFromEnv({ PORT: 'http' })).toThrow(/PORT/);
    expect(() => serverConfigFromEnv({ PORT: '70000' })).toThrow(/PORT/);
    expect(() => serverConfigFromEnv({ STRATEGIGRAF_QUERY_ROW_CAP: '-1' })).toThrow(/STRATEGIGRAF_QUERY_ROW_CAP/);
    expect(() => serverConfigFromEnv({ STRATEGIGRAF_QUERY_RATE_LIMIT: 'lots' })).toThrow(/STRATEGIGRAF_QUERY_RATE_LIMIT/);
    expect(() => serverConfigFromEnv({ STRATEGIGRAF_QUERY_RESPONSE_BYTES: '4MB' })).toThrow(
      /STRATEGIGRAF_QUERY_RESPONSE_BYTES must be a positive whole number of bytes/,
    );
    expect(() => analystWorkerLimitsFromEnv({ STRATEGIGRAF_QUERY_MEMORY_MB: '0' })).toThrow(
      /STRATEGIGRAF_QUERY_MEMORY_MB must be a positive whole number of megabytes/,
    );
    expect(analystWorkerLimitsFromEnv({ STRATEGIGRAF_QUERY_MEMORY_MB: '256', STRATEGIGRAF_QUERY_WORKERS: '1' })).toMatchObject({ memoryMb: 256, workers: 1 });
    expect(() => serverConfigFromEnv({ STRATEGIGRAF_REQUEST_TIMEOUT_MS: '0' })).toThrow(
      /STRATEGIGRAF_REQUEST_TIMEOUT_MS must be a positive whole number of milliseconds/,
    );
  });
});

/** A log stream that keeps the lines, parsed. */
function captureLog() {
  const lines: { level: number; msg: string; [key: string]: unknown }[] = [];
  return { lines, stream: { write: (line: string) => void lines.push(JSON.parse(line)) } };
}

describe('startMessage and rootWarning', () => {
  it('says running when the store opened, and otherwise that it is unavailable, why, and that requests answer 503', () => {
    expect(startMessage('http://127.0.0.1:3000', 'LadybugDB at x', null)).toBe(
      'Strategigraf is running at http://127.0.0.1:3000 (API docs at http://127.0.0.1:3000/docs)',
    );
    const down = startMessage('http://127.0.0.1:3000', 'Neo4j at bolt://db:7687', 'connection refused');
    expect(down).toMatch(
      /^Strategigraf is listening at http:\/\/127\.0\.0\.1:3000, but its store \(Neo4j at bolt:\/\/db:7687\) is unavailable: connection refused\./,
    );
    expect(down).toContain('answer 503 until it is fixed');
    expect(down).not.toMatch(/is running/);
  });

  it('warns about root only', () => {
    expect(rootWarning(0)).toMatch(/^running as root \(uid 0\).*unprivileged user/);
    expect(rootWarning(1000)).toBeNull();
    expect(rootWarning(undefined)).toBeNull();
  });
});

describe('startServer', () => {
  // Each test opens its own database file once: LadybugDB files are not reopened within one process here
  // (see the note in the report on LadybugStore.close and unclosed query results).
  let dir: string;
  const envFor = (file: string) => ({ STRATEGIGRAF_DB: path.join(dir, file), PORT: '0', LOG_LEVEL: 'silent' });
  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'strategigraf-server-'));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('seeds an empty store, serves over HTTP on 127.0.0.1, and stops on close()', async () => {
    const server = await startServer(envFor('seeded.lbug'), { handleSignals: false, config: { seedsDir: FIXTURE_DIR, webRoot: null } });
    try {
      expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      const health = await fetch(`${server.url}/api/health`);
      expect(health.status).toBe(200);
      expect(await health.json()).toEqual({ status: 'ok', backend: 'ladybug', nodes: 23, relationships: 23 });
      const openapi = await fetch(`${server.url}/openapi.json`);
      expect(openapi.status).toBe(200);
      // Read every body: an unread one keeps its connection busy, which close() then waits for (see the next test).
      await openapi.arrayBuffer();
      const root = await fetch(`${server.url}/`);
      expect(root.headers.get('content-security-policy')).toContain("script-src 'self'");
      await root.arrayBuffer();
    } finally {
      await server.close();
    }
    await server.closed;
    expect(server.app.server.listening).toBe(false);
  });

  it('closes the store cleanly even while a client holds a request open (announced body never sent)', async () => {
    const logged: string[] = [];
    const server = await startServer(envFor('held.lbug'), {
      handleSignals: false,
      shutdownDrainMs: 300,
      logStream: { write: (line) => void logged.push(line) },
      config: { seedsDir: FIXTURE_DIR, webRoot: null, logLevel: 'info' },
    });
    const { hostname, port } = new URL(server.url);
    const socket = net.connect(Number(port), hostname);
    const cut = new Promise<void>((resolve) => socket.once('close', () => resolve()));
    socket.on('error', () => undefined);
    await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
    // A slow client: the headers promise 100,000 bytes, one arrives. The request is running, so the connection is not idle.
    socket.write(`POST /api/query HTTP/1.1\r\nHost: ${hostname}\r\nContent-Type: application/json\r\nContent-Length: 100000\r\n\r\n{`);
    await expect.poll(() => logged.some((line) => line.includes('"url":"/api/query"')), { timeout: 5_000 }).toBe(true);
    // Without the drain this waits for the request timeout (60 s), and the 10 s force exit ends the process first.
    await server.close();
    await cut;
    expect(logged.some((line) => line.includes('closing their connections'))).toBe(true);
    expect(logged.some((line) => line.includes('"msg":"stopped"'))).toBe(true);
    expect(server.app.server.listening).toBe(false);
  });

  it('does not reseed a store that already holds a graph', async () => {
    // Fill the file from another process, as `strategigraf load` would.
    const cli = path.resolve(import.meta.dirname, '../../bin/strategigraf.mjs');
    const loaded = spawnSync(process.execPath, [cli, 'load', FIXTURE_DIR], { env: { ...process.env, ...envFor('loaded.lbug') }, encoding: 'utf8' });
    expect(loaded.status, loaded.stderr).toBe(0);
    const server = await startServer(envFor('loaded.lbug'), { handleSignals: false, config: { seedsDir: path.join(dir, 'no-such-seeds'), webRoot: null } });
    try {
      const health = await (await fetch(`${server.url}/api/health`)).json();
      expect(health.nodes).toBe(23);
      // The follow-up is reconciled with the data loaded while no server ran, at start, without any follow-up request.
      await expect.poll(async () => (await server.store.work.listRecords('followup')).length, { timeout: 30_000, interval: 200 }).toBeGreaterThan(0);
      expect((await server.store.work.listAudit({ limit: 1000 })).every((e) => e.actor.via === 'system' && e.action === 'followup.detect')).toBe(true);
    } finally {
      await server.close();
    }
  });

  it('records where it listens beside the database file while it runs (mode 0600), and removes the record on close', async () => {
    const db = path.join(dir, 'runtime.lbug');
    const server = await startServer(envFor('runtime.lbug'), { handleSignals: false, config: { seedsDir: FIXTURE_DIR, webRoot: null } });
    try {
      const record = JSON.parse(await readFile(runtimeFilePath(db), 'utf8'));
      expect(record).toEqual({ url: server.url, pid: process.pid, startedAt: expect.any(String), backend: 'ladybug', db, hostname: os.hostname() });
      expect((await stat(runtimeFilePath(db))).mode & 0o777).toBe(0o600);
    } finally {
      await server.close();
    }
    await expect(stat(runtimeFilePath(db))).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('starts with an empty graph when there are no seeds', async () => {
    const server = await startServer(envFor('empty.lbug'), { handleSignals: false, config: { seedsDir: path.join(dir, 'no-such-seeds'), webRoot: null } });
    try {
      expect((await (await fetch(`${server.url}/api/health`)).json()).nodes).toBe(0);
    } finally {
      await server.close();
    }
  });

  it('still starts when the store cannot be opened, but says so instead of running, and health answers 503', async () => {
    // A database path below a regular file can never be opened.
    await writeFile(path.join(dir, 'not-a-dir'), '');
    const log = captureLog();
    const server = await startServer(
      { STRATEGIGRAF_DB: path.join(dir, 'not-a-dir', 'db.lbug'), PORT: '0', LOG_LEVEL: 'info' },
      { handleSignals: false, logStream: log.stream, config: { seedsDir: FIXTURE_DIR, webRoot: null } },
    );
    try {
      expect(server.storeProblem).toBeTruthy();
      const last = log.lines.at(-1)!;
      expect(last.level).toBe(50);
      expect(last.msg).toContain(
        `Strategigraf is listening at ${server.url}, but its store (LadybugDB at ${path.join(dir, 'not-a-dir', 'db.lbug')}) is unavailable: `,
      );
      expect(last.msg).toContain('answer 503 until it is fixed');
      expect(log.lines.some((l) => /Strategigraf is (running|ready)/.test(l.msg))).toBe(false);
      const health = await fetch(`${server.url}/api/health`);
      expect(health.status).toBe(503);
      expect((await fetch(`${server.url}/api/nodes`)).status).toBe(503);
    } finally {
      await server.close();
    }
  });

  it('logs that it is running once the store is open, and warns when started as root', async () => {
    const log = captureLog();
    const server = await startServer(
      { ...envFor('root.lbug'), LOG_LEVEL: 'info' },
      { handleSignals: false, uid: 0, logStream: log.stream, config: { seedsDir: FIXTURE_DIR, webRoot: null } },
    );
    try {
      expect(server.storeProblem).toBeNull();
      expect(log.lines.find((l) => l.level === 40 && /running as root \(uid 0\)/.test(l.msg))).toBeDefined();
      expect(log.lines.at(-1)).toMatchObject({ level: 30, msg: `Strategigraf is running at ${server.url} (API docs at ${server.url}/docs)` });
    } finally {
      await server.close();
    }
    const quiet = captureLog();
    const other = await startServer(
      { ...envFor('user.lbug'), LOG_LEVEL: 'info' },
      { handleSignals: false, uid: 1000, logStream: quiet.stream, config: { seedsDir: FIXTURE_DIR, webRoot: null } },
    );
    await other.close();
    expect(quiet.lines.length).toBeGreaterThan(0);
    expect(quiet.lines.filter((l) => /root/.test(l.msg))).toEqual([]);
  });

  it('shuts down gracefully on SIGTERM', async () => {
    const before = new Set(process.listeners('SIGTERM'));
    const sigintBefore = process.listeners('SIGINT').length;
    const server = await startServer(envFor('signal.lbug'), { config: { seedsDir: FIXTURE_DIR, webRoot: null } });
    const handler = process.listeners('SIGTERM').find((l) => !before.has(l));
    expect(handler).toBeDefined();
    (handler as (signal: string) => void)('SIGTERM');
    await server.closed;
    expect(server.app.server.listening).toBe(false);
    expect(process.listeners('SIGTERM')).not.toContain(handler);
    expect(process.listeners('SIGINT')).toHaveLength(sigintBefore);
  });
});
