// Kills the Neo4j process under a live adapter and starts it again: the adapter must report the outage clearly,
// fail fast meanwhile, and recover on its own without being recreated.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Neo4jStore } from '../../graph/adapters/neo4j/store.js';
import { StoreError } from '../../graph/store/errors.js';
import { startNeo4j, type Neo4jServer } from '../../scripts/neo4j-server.mjs';
import { fixtureDataset } from './contract.js';
import { neo4jTestConfig } from './neo4j-config.js';

// Needs a Neo4j process of its own to kill, so it runs where the runner could start Neo4j locally (always in CI).
describe.runIf(neo4jTestConfig())('Neo4j adapter recovery after the server dies', () => {
  let server: Neo4jServer;
  let dataDir: string;
  let sut: Neo4jStore;
  const logged: string[] = [];

  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'strategigraf-recovery-'));
    server = await startNeo4j({ port: 0, dataDir, log: () => undefined });
    sut = new Neo4jStore({
      uri: server.uri,
      user: 'neo4j',
      password: 'strategigraf-dev',
      connectionTimeoutMs: 2000,
      log: (level, message) => logged.push(`${level}: ${message}`),
    });
    await sut.open();
    await sut.replaceDataset(await fixtureDataset());
  }, 240_000);

  afterAll(async () => {
    await sut?.close();
    await server?.stop();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('reports unavailable and fails fast while the server is down, then recovers by itself', async () => {
    expect((await sut.stats()).nodes['Agency']).toBe(3);

    await server.kill();
    const health = await sut.health();
    expect(health.available).toBe(false);
    expect(health.error).toMatch(/unavailable/);

    const started = Date.now();
    const err = await sut.getNode('ks').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(StoreError);
    expect((err as StoreError).code).toBe('store_unavailable');
    // Fails within the connection timeout plus the driver's retry window, never hangs.
    expect(Date.now() - started).toBeLessThan(20_000);
    expect(logged.some((line) => line.startsWith('warn: Neo4j at') && line.includes('unavailable'))).toBe(true);

    await server.restart();
    let recovered = false;
    for (let i = 0; i < 60 && !recovered; i++) {
      recovered = (await sut.health()).available;
      if (!recovered) await new Promise((r) => setTimeout(r, 500));
    }
    expect(recovered).toBe(true);
    expect((await sut.getNode('ks'))?.name).toBe('KS');
    expect((await sut.stats()).nodes['Agency']).toBe(3);
    expect(logged.at(-1)).toMatch(/^info: Neo4j at .* is available$/);
  }, 240_000);
});
