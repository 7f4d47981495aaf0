// Neo4j not running yet when the app starts: the adapter (and GET /api/health) must say so clearly, fail fast
// instead of hanging, and start working by itself once a server appears on that port, without being recreated.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Neo4jStore } from '../../graph/adapters/neo4j/store.js';
import { StoreError } from '../../graph/store/errors.js';
import { buildApp } from '../../server/app.js';
import { freePort, startNeo4j, type Neo4jServer } from '../../scripts/neo4j-server.mjs';
import { fixtureDataset } from './contract.js';
import { neo4jTestConfig } from './neo4j-config.js';

// No connection retry loop may run on ECONNREFUSED: well under the driver's 5 s transaction retry window.
const FAIL_FAST_MS = 4000;

async function rejection(promise: Promise<unknown>): Promise<{ err: unknown; ms: number }> {
  const started = Date.now();
  const err = await promise.then(
    () => new Error('expected a rejection, but it resolved'),
    (e: unknown) => e,
  );
  return { err, ms: Date.now() - started };
}

function expectUnavailable({ err, ms }: { err: unknown; ms: number }, port: number): void {
  expect(err).toBeInstanceOf(StoreError);
  expect((err as StoreError).code).toBe('store_unavailable');
  // Clear enough to act on: which store, and the driver's reason naming the address.
  expect((err as StoreError).message).toMatch(/^the neo4j store is unavailable: /);
  expect((err as StoreError).message).toContain(`ECONNREFUSED 127.0.0.1:${port}`);
  expect(ms).toBeLessThan(FAIL_FAST_MS);
}

// Starts a Neo4j of its own on a fixed port, so it runs where the runner could start Neo4j locally (always in CI).
describe.runIf(neo4jTestConfig())('Neo4j adapter when the server is unreachable at start', () => {
  let port: number;
  let dataDir: string;
  let server: Neo4jServer | undefined;
  let sut: Neo4jStore;
  let app: FastifyInstance;
  const logged: string[] = [];

  beforeAll(async () => {
    port = await freePort(); // nothing listens here until the test starts Neo4j on it
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'strategigraf-unreachable-'));
    sut = new Neo4jStore({
      uri: `bolt://127.0.0.1:${port}`,
      user: 'neo4j',
      password: 'strategigraf-dev',
      connectionTimeoutMs: 2000,
      log: (level, message) => logged.push(`${level}: ${message}`),
    });
    app = await buildApp({ store: sut, webRoot: null });
    await app.ready();
  });

  afterAll(async () => {
    await app?.close();
    await sut?.close();
    await server?.stop();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  it('reports unavailable and fails fast, then the same instance recovers once Neo4j listens on the port', async () => {
    expectUnavailable(await rejection(sut.open()), port);
    expect(logged).toHaveLength(1);
    expect(logged[0]).toMatch(new RegExp(`^warn: Neo4j at bolt://127\\.0\\.0\\.1:${port} is unavailable: .*requests fail until it is back$`));

    const health = await sut.health();
    expect(health).toMatchObject({ available: false, backend: 'neo4j' });
    expect(health.error).toMatch(/^the neo4j store is unavailable: .*ECONNREFUSED/);

    // Every kind of call fails the same way, each one quickly.
    expectUnavailable(await rejection(sut.getNode('ks')), port);
    expectUnavailable(await rejection(sut.stats()), port);
    expectUnavailable(await rejection(sut.readQuery('MATCH (n) RETURN count(n) AS c', {}, { timeoutMs: 5000, rowCap: 10 })), port);
    expectUnavailable(await rejection(sut.replaceDataset(await fixtureDataset())), port);

    // And over HTTP: 503 with the health shape, and the error envelope on a data route.
    const down = await app.inject({ method: 'GET', url: '/api/health' });
    expect(down.statusCode).toBe(503);
    expect(down.json()).toEqual({ status: 'unavailable', backend: 'neo4j', nodes: null, relationships: null });
    const nodeDown = await app.inject({ method: 'GET', url: '/api/nodes/ks' });
    expect(nodeDown.statusCode).toBe(503);
    expect(nodeDown.json()).toMatchObject({ error: { code: 'store_unavailable' } });

    server = await startNeo4j({ port, dataDir, heap: '256m', log: () => undefined });
    expect(server.uri).toBe(`bolt://127.0.0.1:${port}`);

    let recovered = false;
    for (let i = 0; i < 60 && !recovered; i++) {
      recovered = (await sut.health()).available;
      if (!recovered) await new Promise((r) => setTimeout(r, 500));
    }
    expect(recovered).toBe(true);
    expect(logged.at(-1)).toBe(`info: Neo4j at bolt://127.0.0.1:${port} is available`);

    // The schema step that failed at start is retried, and writes and reads work on the same instance.
    await sut.open();
    const fixture = await fixtureDataset();
    await sut.replaceDataset(fixture);
    expect((await sut.getNode('ks'))?.name).toBe('KS');
    expect((await sut.stats()).nodes['Agency']).toBe(3);

    const up = await app.inject({ method: 'GET', url: '/api/health' });
    expect(up.statusCode).toBe(200);
    expect(up.json()).toEqual({ status: 'ok', backend: 'neo4j', nodes: fixture.nodes.length, relationships: fixture.relationships.length });
    const nodeUp = await app.inject({ method: 'GET', url: '/api/nodes/ks' });
    expect(nodeUp.statusCode).toBe(200);
  }, 240_000);
});
