// PUT /api/dataset leaves an entry on the audit trail: who replaced which dataset with which, in summary (never the
// data itself), and a load that failed too.
import { afterEach, describe, expect, it } from 'vitest';
import { loadFailed } from '../../graph/store/errors.js';
import type { GraphStore } from '../../graph/store/port.js';
import { ADMIN_TOKEN, auth, body, build, fixtureStore, type TestApp } from './helpers.js';

const DATASET = `dataset: { name: Replacement, version: "2" }
references: [{ id: ref-a, title: A reference }]
nodes:
  - { kind: Agency, id: nav, name: Arbeids- og velferdsetaten, shortName: NAV, sector: state, source: ref-a }
  - { kind: Initiative, id: ny-losning, name: Ny løsning, category: supporting, status: planned, source: ref-a }
relationships:
  - { type: LEADS, from: nav, to: ny-losning, source: ref-a, page: null, quote: null, basis: stated }
`;

const put = (t: TestApp, payload: string) =>
  t.app.inject({ method: 'PUT', url: '/api/dataset', headers: { 'content-type': 'application/yaml', ...auth() }, payload });

const FIXTURE_SUMMARY = { name: 'Strategigraf test fixture', version: 'fixture-1', nodes: 23 };

/** The real store, whose loads fail as a full disk would make them. */
function failingLoads(store: GraphStore): GraphStore {
  return new Proxy(store, {
    get(target, prop) {
      if (prop === 'replaceDataset') return async () => Promise.reject(loadFailed(new Error('no space left on device')));
      const value = Reflect.get(target, prop, target) as unknown;
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
}

describe('the audit trail of dataset replacements', () => {
  let t: TestApp;
  afterEach(() => t.close());

  it('records who replaced the dataset, with the name, version and size before and after', async () => {
    t = await build({ adminToken: ADMIN_TOKEN });
    const res = await put(t, DATASET);
    expect(res.statusCode).toBe(200);
    const [entry, ...rest] = await t.store.work.listAudit({ limit: 10 });
    expect(rest).toEqual([]);
    expect(entry).toMatchObject({
      action: 'dataset.replace',
      target: 'dataset',
      actor: { id: 'bootstrap-admin', via: 'bootstrap' },
      before: FIXTURE_SUMMARY,
      after: { name: 'Replacement', version: '2', nodes: 2, relationships: 1 },
      requestId: res.headers['x-request-id'],
    });
    expect(JSON.stringify(entry)).not.toMatch(/Arbeids- og velferdsetaten|ny-losning/);
  });

  it('records a load that failed, with no after, and leaves the graph as it was', async () => {
    const store = await fixtureStore();
    t = await build({ adminToken: ADMIN_TOKEN, store: failingLoads(store) });
    const res = await put(t, DATASET);
    expect(res.statusCode).toBe(500);
    expect(body(res).error.code).toBe('load_failed');
    const [entry] = await store.work.listAudit({ limit: 10 });
    expect(entry).toMatchObject({ action: 'dataset.replace', target: 'dataset', before: FIXTURE_SUMMARY, after: null });
    expect(body(await t.app.inject({ url: '/api/health' })).nodes).toBe(23);
  });

  it('records nothing for a dataset refused by validation (it never reached the store)', async () => {
    t = await build({ adminToken: ADMIN_TOKEN });
    expect((await put(t, 'dataset: { name: x }\nnodes: [1]\n')).statusCode).toBe(422);
    expect(await t.store.work.listAudit({ limit: 10 })).toEqual([]);
  });
});
