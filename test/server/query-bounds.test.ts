// POST /api/query under hostile or heavy use, on the real embedded engine and its real worker processes: a runaway
// query is stopped within its timeout plus grace and the server's memory stays put; results are capped in size; one
// client's backlog does not hold up another's query; a worker killed mid-query costs only that query; and memory stays
// flat over many requests (2,000 by default; STRATEGIGRAF_QUERY_SOAK=20000 for the long run).
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import v8 from 'node:v8';
import vm from 'node:vm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LadybugStore } from '../../graph/adapters/ladybug/store.js';
import { residentMb } from '../../graph/adapters/ladybug/analyst-pool.js';
import { DEFAULT_ANALYST_WORKER_LIMITS, type AnalystWorkerLimits, type QueryLimits } from '../../graph/adapters/index.js';
import { body, build, fixtureDataset, type TestApp } from './helpers.js';

v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc') as () => void;

const ownRssMb = () => process.memoryUsage().rss / 1024 / 1024;
/** Running, not exited (a zombie whose parent has not reaped it yet counts as exited). */
const alive = (pid: number) => {
  try {
    return !/^State:\s+Z/m.test(readFileSync(`/proc/${pid}/status`, 'utf8'));
  } catch {
    return false;
  }
};
const ROOT = path.resolve(import.meta.dirname, '../..');

interface Bounded extends TestApp {
  store: LadybugStore;
}

async function bounded(limits: QueryLimits, analyst: Partial<AnalystWorkerLimits> = {}): Promise<Bounded> {
  const store = new LadybugStore({ path: ':memory:', analyst: { ...DEFAULT_ANALYST_WORKER_LIMITS, ...analyst } });
  await store.open();
  await store.replaceDataset(await fixtureDataset());
  return (await build({ store, limits, rateLimits: { query: 1_000_000 } })) as Bounded;
}

const query = (t: TestApp, cypher: string, options: { params?: object; ip?: string } = {}) =>
  t.app.inject({ method: 'POST', url: '/api/query', payload: { cypher, params: options.params ?? {} }, remoteAddress: options.ip ?? '127.0.0.1' });

/**
 * Seven-way cross product of the fixture: billions of rows to count, minutes of CPU and almost no memory. Six ways (~3 s
 * of CPU) once finished inside a 2 s timeout on a quiet machine: a query meant to be stopped must not be able to finish.
 */
const SLOW = 'MATCH (a), (b), (c), (d), (e), (f), (g) WHERE a.name <> g.name RETURN count(*) AS c';
const GRACE_MS = DEFAULT_ANALYST_WORKER_LIMITS.graceMs;
/** Room for a loaded machine on top of timeout + grace: the answer itself, and the RSS poll's interval. */
const SLACK_MS = 1_500;

describe('a runaway query', () => {
  const TIMEOUT_MS = 2_000;
  let t: Bounded;
  beforeAll(async () => {
    t = await bounded({ timeoutMs: TIMEOUT_MS, rowCap: 5000 });
    expect((await query(t, 'RETURN 1')).statusCode).toBe(200);
  });
  afterAll(() => t.close());

  it('UNWIND range(1, 10000000) is stopped within timeout + grace, and the server keeps none of its memory', async () => {
    // Before the workers this ran 41 s past a 5 s timeout and the server kept 11 GB.
    gc();
    const before = ownRssMb();
    const started = Date.now();
    const res = await query(t, 'UNWIND range(1, 10000000) AS x RETURN count(x)');
    const elapsed = Date.now() - started;
    console.log(`range query stopped after ${elapsed} ms with ${body(res).error?.code}; server RSS ${before.toFixed(0)} → ${ownRssMb().toFixed(0)} MB`);
    expect(res.statusCode).toBe(400);
    // It needs gigabytes in the engine: the memory watch usually stops it first, else the deadline does.
    expect(['query_too_costly', 'query_timeout']).toContain(body(res).error.code);
    expect(elapsed).toBeLessThan(TIMEOUT_MS + GRACE_MS + SLACK_MS);
    gc();
    expect(ownRssMb() - before).toBeLessThan(50);
    // The next query runs, on a fresh worker well under its limit.
    expect(body(await query(t, 'RETURN 1 AS one')).rows).toEqual([[1]]);
    for (const pid of t.store.analystWorkerPids()) expect(await residentMb(pid)).toBeLessThan(DEFAULT_ANALYST_WORKER_LIMITS.memoryMb);
  });

  it('a CPU-bound query is stopped at its timeout with query_timeout', async () => {
    const started = Date.now();
    const res = await query(t, SLOW);
    expect(body(res).error).toEqual({ code: 'query_timeout', message: `the query ran longer than the limit of ${TIMEOUT_MS} ms and was stopped` });
    expect(Date.now() - started).toBeLessThan(TIMEOUT_MS + GRACE_MS + SLACK_MS);
  });
});

describe('the memory bound', () => {
  const MEMORY_MB = 512;
  let t: Bounded;
  beforeAll(async () => {
    // A timeout long enough that on a busy machine the memory bound, not the clock, is what stops the query.
    t = await bounded({ timeoutMs: 20_000, rowCap: 5000 }, { memoryMb: MEMORY_MB, workers: 1 });
  });
  afterAll(() => t.close());

  it('a query needing more memory than the limit is stopped with query_too_costly, and the next one works', async () => {
    // The engine builds the 2,000,000-item list in its own memory (~550 MB), outside V8 and its buffer pool.
    const started = Date.now();
    const res = await query(t, 'RETURN range(1, 2000000) AS r');
    console.log(`memory bound: stopped after ${Date.now() - started} ms with ${body(res).error?.code}`);
    expect(res.statusCode).toBe(400);
    expect(body(res).error).toEqual({
      code: 'query_too_costly',
      message: `the query needed more than the limit of ${MEMORY_MB} MB of memory and was stopped; narrow it (a smaller range, fewer hops, a LIMIT earlier)`,
    });
    expect((await query(t, 'RETURN 1')).statusCode).toBe(200);
  });
});

describe('the response-size cap', () => {
  let t: Bounded;
  beforeAll(async () => {
    // Memory enough for the engine's 2,000,000-item list (~1.7 GB), so that the cap, not the memory bound, answers.
    t = await bounded({ timeoutMs: 10_000, rowCap: 5000, responseBytes: 4 * 1024 * 1024 }, { memoryMb: 3072, workers: 1 });
  });
  afterAll(() => t.close());

  const expected = {
    code: 'response_too_large',
    message: `the query's result is larger than the limit of ${4 * 1024 * 1024} bytes of JSON; return fewer or smaller values (add a LIMIT, or return properties instead of whole nodes and paths)`,
  };

  it('RETURN range(1, 2000000) (about 16 MB of JSON) answers response_too_large', async () => {
    const res = await query(t, 'RETURN range(1, 2000000) AS r');
    expect(res.statusCode).toBe(400);
    expect(body(res).error).toEqual(expected);
  });

  it('many rows that add up past the cap answer response_too_large, and a smaller result passes', async () => {
    const params = { s: 'x'.repeat(2000) };
    const big = await query(t, 'UNWIND range(1, 3000) AS i RETURN i, $s AS s', { params });
    expect(body(big).error).toEqual(expected);
    const small = await query(t, 'UNWIND range(1, 1000) AS i RETURN i, $s AS s', { params });
    expect(small.statusCode).toBe(200);
    expect(body(small).rows).toHaveLength(1000);
  });
});

describe('fairness between clients', () => {
  const TIMEOUT_MS = 1_500;
  let t: Bounded;
  beforeAll(async () => {
    t = await bounded({ timeoutMs: TIMEOUT_MS, rowCap: 5000, concurrency: 2, queuePerClient: 5 }, { workers: 2 });
    // Both workers started and loaded, so that no start-up time is in the figures below.
    await Promise.all([query(t, 'RETURN 1', { ip: '10.0.0.8' }), query(t, 'RETURN 1', { ip: '10.0.0.9' })]);
    expect(t.store.analystWorkerPids()).toHaveLength(2);
  });
  afterAll(() => t.close());

  it("six slow queries from client A do not make client B's RETURN 1 wait for them", async () => {
    const started = Date.now();
    const finished: { who: string; at: number; code?: string; message?: string }[] = [];
    const track = (who: string, p: ReturnType<typeof query>) =>
      p.then((res) =>
        finished.push({ who, at: Date.now() - started, code: res.statusCode === 200 ? 'ok' : body(res).error.code, message: body(res).error?.message }),
      );
    const a = Array.from({ length: 6 }, (_, i) => track(`A${i + 1}`, query(t, SLOW, { ip: '10.0.0.1' })));
    await new Promise((r) => setTimeout(r, 100));
    await track('B', query(t, 'RETURN 1', { ip: '10.0.0.2' }));
    await Promise.all(a);
    console.log('fairness:', finished.map((f) => `${f.who}@${f.at}ms:${f.code}`).join(' '));
    const b = finished.find((f) => f.who === 'B')!;
    const a1 = finished.find((f) => f.who === 'A1')!;
    expect(b.code).toBe('ok');
    // B ran on the other worker at once: done before A's first query (let alone its third) and well within a timeout.
    expect(b.at).toBeLessThan(a1.at);
    expect(b.at).toBeLessThan(TIMEOUT_MS);
    expect(finished.indexOf(b)).toBe(0);
    // A's first query ran into its timeout; the rest waited for A's turn past their deadline and never ran.
    expect(a1.code).toBe('query_timeout');
    for (const f of finished.filter((f) => f.who !== 'B' && f.who !== 'A1')) {
      expect(f.code).toBe('query_timeout');
      expect(f.message).toMatch(/waited for its turn/);
    }
    expect(Math.max(...finished.map((f) => f.at))).toBeLessThan(TIMEOUT_MS + GRACE_MS + SLACK_MS);
  });

  it('answers 429 with Retry-After when a client already has its quota of queries waiting', async () => {
    const a = Array.from({ length: 6 }, () => query(t, SLOW, { ip: '10.0.0.3' }));
    // inject parses and routes each request asynchronously: let the six reach the queue first.
    await new Promise((r) => setTimeout(r, 100));
    const over = await query(t, 'RETURN 1', { ip: '10.0.0.3' });
    expect(over.statusCode).toBe(429);
    expect(body(over).error.code).toBe('too_many_queries');
    expect(over.headers['retry-after']).toBe('2');
    // Another client is served meanwhile.
    expect((await query(t, 'RETURN 1', { ip: '10.0.0.4' })).statusCode).toBe(200);
    await Promise.all(a);
  });
});

describe('a worker that dies', () => {
  let t: Bounded;
  beforeAll(async () => {
    t = await bounded({ timeoutMs: 10_000, rowCap: 5000 }, { workers: 1 });
    expect((await query(t, 'RETURN 1')).statusCode).toBe(200);
  });
  afterAll(() => t.close());

  it('killed with SIGKILL mid-query: that query gets a clear 503, the next one works', async () => {
    const [pid] = t.store.analystWorkerPids();
    const pending = query(t, SLOW);
    await new Promise((r) => setTimeout(r, 300));
    process.kill(pid!, 'SIGKILL');
    const res = await pending;
    expect(res.statusCode).toBe(503);
    expect(body(res).error.code).toBe('query_crashed');
    expect(body(res).error.message).toMatch(/the query engine stopped while running this query \(killed by SIGKILL\); it has been restarted/);
    expect(body(await query(t, 'MATCH (n:Agency) RETURN count(n) AS c')).rows).toEqual([[expect.any(Number)]]);
    expect(t.store.analystWorkerPids()).not.toContain(pid);
  });

  it('a worker does not outlive its server, even one killed with SIGKILL', async () => {
    const script = [
      "import { LadybugStore } from './graph/adapters/ladybug/store.ts';",
      "const store = new LadybugStore({ path: ':memory:' });",
      'await store.open();',
      "await store.readQuery('RETURN 1', {}, { timeoutMs: 5000, rowCap: 10 });",
      'console.log(store.analystWorkerPids()[0]);',
      'setInterval(() => {}, 1000);',
    ].join('\n');
    const server = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
    const pid = await new Promise<number>((resolve, reject) => {
      server.stdout.once('data', (chunk: Buffer) => resolve(Number(String(chunk).trim())));
      server.once('exit', (code) => reject(new Error(`the server script exited (${code}) before starting a worker`)));
    });
    expect(alive(pid)).toBe(true);
    server.kill('SIGKILL');
    const until = Date.now() + 5_000;
    while (alive(pid) && Date.now() < until) await new Promise((r) => setTimeout(r, 50));
    expect(alive(pid)).toBe(false);
  });

  it('closing the store kills its workers', async () => {
    const pids = t.store.analystWorkerPids();
    expect(pids.length).toBeGreaterThan(0);
    await t.store.close();
    await new Promise((r) => setTimeout(r, 200));
    for (const pid of pids) expect(alive(pid)).toBe(false);
  });
});

describe('the workers follow the graph', () => {
  it('after a new dataset is loaded, analyst queries see it (the worker reloads its copy)', async () => {
    const t = await bounded({ timeoutMs: 5_000, rowCap: 5000 }, { workers: 1 });
    try {
      const count = async () => body(await query(t, 'MATCH (a:Agency) RETURN count(a) AS c')).rows[0][0] as number;
      const before = await count();
      const dataset = await fixtureDataset();
      const [gone] = dataset.nodes.filter((n) => n.kind === 'Agency');
      await t.store.replaceDataset({
        ...dataset,
        nodes: dataset.nodes.filter((n) => n.id !== gone!.id),
        relationships: dataset.relationships.filter((r) => r.from !== gone!.id && r.to !== gone!.id),
      });
      expect(await count()).toBe(before - 1);
    } finally {
      await t.close();
    }
  });
});

describe('memory over many requests', () => {
  const COUNT = Number(process.env['STRATEGIGRAF_QUERY_SOAK'] ?? 2_000);
  const WARM_UP = 500;
  let t: Bounded;
  beforeAll(async () => {
    t = await bounded({ timeoutMs: 5_000, rowCap: 5000 }, { workers: 1 });
  });
  afterAll(() => t.close());

  const mix = [
    { cypher: 'RETURN 1' },
    { cypher: 'MATCH p = (a:Agency)-[*1..2]-(b) RETURN p LIMIT 20' },
    { cypher: 'MATCH (n) WHERE n.id = $id RETURN n', params: { id: 'digdir' } },
    {
      cypher: 'RETURN $xs AS xs',
      params: {
        xs: [
          [1, 2],
          [3, 4],
        ],
      },
    },
  ];
  const childRss = async () => Math.max(0, ...(await Promise.all(t.store.analystWorkerPids().map(residentMb))).map((mb) => mb ?? 0));

  it(`POST /api/query keeps the server's and the worker's memory flat over ${COUNT} requests`, async () => {
    const send = async (i: number) => {
      const { cypher, params } = mix[i % mix.length]!;
      const res = await query(t, cypher, { params });
      if (res.statusCode !== 200) throw new Error(`request ${i}: ${res.statusCode} ${res.body}`);
    };
    for (let i = 0; i < WARM_UP; i++) await send(i);
    gc();
    const parentBefore = ownRssMb();
    const childBefore = await childRss();
    let childMax = childBefore;
    const started = Date.now();
    for (let i = 0; i < COUNT; i++) {
      await send(i);
      if (i % 250 === 0) childMax = Math.max(childMax, await childRss());
    }
    gc();
    const parentAfter = ownRssMb();
    const childAfter = await childRss();
    console.log(
      `${COUNT} requests in ${((Date.now() - started) / 1000).toFixed(1)} s: server RSS ${parentBefore.toFixed(0)} → ${parentAfter.toFixed(0)} MB; ` +
        `worker RSS ${childBefore.toFixed(0)} → ${childAfter.toFixed(0)} MB (max ${childMax.toFixed(0)} MB)`,
    );
    expect(parentAfter - parentBefore).toBeLessThan(50);
    expect(childMax - childBefore).toBeLessThan(50);
  }, 600_000);
});
