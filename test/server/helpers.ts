// Builds the app on a real in-memory LadybugDB store loaded with the small fixture; routes are called through app.inject.
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { LadybugStore } from '../../graph/adapters/ladybug/store.js';
import { loadDatasetDir } from '../../graph/dataset/load.js';
import type { Dataset } from '../../graph/schema/dataset.js';
import type { GraphStore } from '../../graph/store/port.js';
import { buildApp, type AppOptions } from '../../server/app.js';

export const FIXTURE_DIR = path.resolve(import.meta.dirname, '../fixtures/small');
export const ADMIN_TOKEN = 'test-admin-token-0123456789';

let fixture: Dataset | null = null;

export async function fixtureDataset(): Promise<Dataset> {
  if (!fixture) {
    const result = await loadDatasetDir(FIXTURE_DIR);
    if (!result.ok) throw new Error(`the test fixture is invalid: ${JSON.stringify(result.problems)}`);
    fixture = result.dataset;
  }
  return fixture;
}

export async function fixtureStore(): Promise<LadybugStore> {
  const store = new LadybugStore({ path: ':memory:' });
  await store.open();
  await store.replaceDataset(await fixtureDataset());
  return store;
}

export interface TestApp {
  app: FastifyInstance;
  store: GraphStore;
  close(): Promise<void>;
}

/** A fresh app and store per call; pass options to override limits, token, CORS and so on. */
export async function build(options: Partial<AppOptions> = {}): Promise<TestApp> {
  const store = options.store ?? (await fixtureStore());
  // Every response is checked against zod's encoding of it (server/serialize.ts): a serialiser that drops or changes a field fails the test.
  const app = await buildApp({ webRoot: null, verifyResponses: true, ...options, store });
  await app.ready();
  return {
    app,
    store,
    async close() {
      await app.close();
      await store.close();
    },
  };
}

/** The parsed JSON body of an inject response. */
export function body<T = any>(res: { body: string }): T {
  return JSON.parse(res.body) as T;
}

export const auth = (token = ADMIN_TOKEN) => ({ authorization: `Bearer ${token}` });
