// The security probe's Neo4j reproducers, on a real Neo4j 5.26 behind the real API, plus the two layers behind
// the guard: the EXPLAIN-plan check in readQuery and the launcher's settings (checked with the guard bypassed).
import neo4j from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Neo4jStore, assertAnalystPlanAllowed } from '../../graph/adapters/neo4j/store.js';
import { StoreError } from '../../graph/store/errors.js';
import { body, build, type TestApp } from '../server/helpers.js';
import { fixtureDataset } from './contract.js';
import { neo4jTestConfig } from './neo4j-config.js';

const config = neo4jTestConfig();
const query = (t: TestApp, cypher: string) => t.app.inject({ method: 'POST', url: '/api/query', payload: { cypher } });

describe.runIf(config)('analyst guard on Neo4j', () => {
  let t: TestApp;
  let store: Neo4jStore;
  beforeAll(async () => {
    store = new Neo4jStore({ ...config!, log: () => undefined });
    await store.open();
    await store.replaceDataset(await fixtureDataset());
    t = await build({ store, limits: { timeoutMs: 5000, rowCap: 100 } });
  });
  afterAll(async () => {
    await t?.close();
  });

  it("refuses LOAD CSV hidden after a '//' string and reads no file", async () => {
    const res = await query(t, "WITH '//' AS s LOAD CSV FROM 'file:///etc/passwd' AS row RETURN row");
    expect(res.statusCode).toBe(400);
    expect(body(res).error).toEqual({ code: 'query_invalid', message: 'the clause LOAD at line 1, column 16 is not allowed in analyst queries' });
    expect(res.body).not.toMatch(/root:/);
  });

  it.each([
    ['3,000 nested parentheses', `RETURN ${'('.repeat(3000)}1${')'.repeat(3000)} AS x`],
    ['1,000 nested brackets', `RETURN ${'['.repeat(1000)}1${']'.repeat(1000)} AS x`],
  ])('refuses %s at once (not after a 30 s hang) with a 400', async (_name, cypher) => {
    const started = Date.now();
    const res = await query(t, cypher);
    expect(res.statusCode).toBe(400);
    expect(body(res).error.message).toMatch(/nests \( \[ \{ deeper than 64 levels/);
    expect(Date.now() - started).toBeLessThan(2000);
    expect((await query(t, 'RETURN 1 AS ok')).statusCode).toBe(200);
  });

  it.each([
    ['USE system MATCH (n) RETURN n', /the clause USE/],
    ['SHOW SETTINGS YIELD name, value RETURN name, value', /the clause SHOW/],
    ['CALL dbms.components() YIELD name RETURN name', /the procedure dbms.components/],
    ["CALL { LOAD CSV FROM 'file:///etc/passwd' AS row RETURN row } RETURN row", /the clause LOAD/],
    ['MATCH (n) CALL { WITH n RETURN 1 AS one } IN TRANSACTIONS RETURN one', /the clause TRANSACTIONS/],
  ])('refuses %j', async (cypher, message) => {
    const res = await query(t, cypher);
    expect(res.statusCode).toBe(400);
    expect(body(res).error.code).toBe('query_invalid');
    expect(body(res).error.message).toMatch(message);
  });

  it('allows the schema procedures, CALL subqueries and aliases named like clauses', async () => {
    for (const cypher of [
      'CALL db.labels() YIELD label RETURN label ORDER BY label',
      'CALL { MATCH (a:Agency) RETURN a.id AS use } RETURN use ORDER BY use',
      "RETURN 1 AS copy, '//' AS load // LOAD CSV FROM 'file:///etc/passwd'",
    ]) {
      const res = await query(t, cypher);
      expect(res.statusCode, `${cypher}: ${res.body}`).toBe(200);
    }
  });

  it('hides a path Neo4j echoes in an error and keeps its position', async () => {
    const res = await query(t, "RETURN 1 AS x LIMIT '/home/analyst/secret.txt'");
    expect(res.statusCode).toBe(400);
    expect(body(res).error.message).toMatch(/'<path>' is not a valid value\. .*\(line 1, column \d+/);
    expect(res.body).not.toContain('/home/analyst');
  });

  describe('with the guard bypassed', () => {
    const session = () => neo4j.driver(config!.uri, neo4j.auth.basic(config!.user, config!.password));

    it('the launcher forbids LOAD CSV from file URLs (dbms.security.allow_csv_import_from_file_urls=false)', async () => {
      const driver = session();
      const s = driver.session();
      try {
        const err = await s.run("LOAD CSV FROM 'file:///etc/passwd' AS row RETURN row").then(
          () => null,
          (e: Error & { code?: string }) => e,
        );
        expect(err, 'Neo4j read /etc/passwd').not.toBeNull();
        expect(err!.message).toMatch(/allow_csv_import_from_file_urls' is false/);
      } finally {
        await s.close();
        await driver.close();
      }
    });

    it('the launcher caps a transaction’s memory (db.memory.transaction.max = 256 MiB)', async () => {
      const driver = session();
      const s = driver.session();
      try {
        const err = await s.run('UNWIND range(1, 20000000) AS i RETURN collect(i) AS all').then(
          () => null,
          (e: Error & { code?: string }) => e,
        );
        expect(err, 'a 20-million-element list in one transaction was allowed').not.toBeNull();
        expect(err!.message).toMatch(/db\.memory\.transaction\.max/);
      } finally {
        await s.close();
        await driver.close();
      }
    });

    it('readQuery’s plan check refuses LOAD CSV, procedures off the allow-list and writes the guard did not see', async () => {
      // The plan check is the second layer: call readQuery's helper on real EXPLAIN plans.
      const driver = session();
      const s = driver.session();
      const verdict = async (cypher: string) => {
        const plan = (await s.run(`EXPLAIN ${cypher}`)).summary.plan;
        try {
          assertAnalystPlanAllowed(plan as unknown as Parameters<typeof assertAnalystPlanAllowed>[0]);
          return 'allowed';
        } catch (err) {
          return `${(err as StoreError).code}: ${(err as StoreError).message}`;
        }
      };
      try {
        expect(await verdict("LOAD CSV FROM 'https://example.invalid/x.csv' AS row RETURN row")).toMatch(/^query_invalid: the clause LOAD CSV/);
        expect(await verdict('CALL dbms.components() YIELD name RETURN name')).toMatch(/^query_invalid: the procedure dbms.components /);
        expect(await verdict('MATCH (n) SET n.x = 1')).toMatch(/^read_only/);
        expect(await verdict('CALL db.labels() YIELD label RETURN label')).toBe('allowed');
        expect(await verdict('MATCH (a:Agency) RETURN a.name AS name')).toBe('allowed');
      } finally {
        await s.close();
        await driver.close();
      }
    });
  });
});
