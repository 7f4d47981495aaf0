// The server process: configuration from the environment, seeding an empty store, listening, graceful shutdown.
import { spawnSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analystWorkerLimitsFromEnv } from '../../graph/store/config.js';
import { serverConfigFromEnv, startServer } from '../../server/main.js';
import { FIXTURE_DIR } from './helpers.js';

describe('serverConfigFromEnv', () => {
  it('binds 127.0.0.1:3000 with writes disabled and CORS off by default', () => {
    const config = serverConfigFromEnv({});
    expect(config).toMatchObject({ port: 3000, host: '127.0.0.1', adminToken: undefined, corsOrigin: [], limits: { timeoutMs: 5000, rowCap: 5000 }, requestTimeoutMs: 60_000 });
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
    expect(() => serverConfigFromEnv({ STRATEGIGRAF_QUERY_RESPONSE_BYTES: '4MB' })).toThrow(/STRATEGIGRAF_QUERY_RESPONSE_BYTES must be a positive whole number of bytes/);
    expect(() => analystWorkerLimitsFromEnv({ STRATEGIGRAF_QUERY_MEMORY_MB: '0' })).toThrow(/STRATEGIGRAF_QUERY_MEMORY_MB must be a positive whole number of megabytes/);
    expect(analystWorkerLimitsFromEnv({ STRATEGIGRAF_QUERY_MEMORY_MB: '256', STRATEGIGRAF_QUERY_WORKERS: '1' })).toMatchObject({ memoryMb: 256, workers: 1 });
    expect(() => serverConfigFromEnv({ STRATEGIGRAF_REQUEST_TIMEOUT_MS: '0' })).toThrow(/STRATEGIGRAF_REQUEST_TIMEOUT_MS must be a positive whole number of milliseconds/);
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
      expect((await fetch(`${server.url}/openapi.json`)).status).toBe(200);
      const root = await fetch(`${server.url}/`);
      expect(root.headers.get('content-security-policy')).toContain("script-src 'self'");
    } finally {
      await server.close();
    }
    await server.closed;
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
    } finally {
      await server.close();
    }
  });

  it('starts with an empty graph when there are no seeds', async () => {
    const server = await startServer(
      envFor('empty.lbug'),
      { handleSignals: false, config: { seedsDir: path.join(dir, 'no-such-seeds'), webRoot: null } },
    );
    try {
      expect((await (await fetch(`${server.url}/api/health`)).json()).nodes).toBe(0);
    } finally {
      await server.close();
    }
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
