// The fair queue on its own, with plain tasks: who runs when, the per-client cap and the queue deadline.
import { describe, expect, it } from 'vitest';
import { FairQueue } from '../../server/analyst-queue.js';
import { StoreError } from '../../graph/store/errors.js';

const later = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('FairQueue', () => {
  it('serves waiting clients round-robin, not in arrival order', async () => {
    const queue = new FairQueue({ concurrency: 1, perClient: 10 });
    const order: string[] = [];
    const task = (name: string) => () => later(20).then(() => void order.push(name));
    const far = Date.now() + 10_000;
    const all = [
      ...['a1', 'a2', 'a3', 'a4'].map((n) => queue.run('A', far, 10_000, task(n))),
      ...['b1', 'b2'].map((n) => queue.run('B', far, 10_000, task(n))),
      queue.run('C', far, 10_000, task('c1')),
    ];
    await Promise.all(all);
    expect(order).toEqual(['a1', 'b1', 'c1', 'a2', 'b2', 'a3', 'a4']);
  });

  it('runs at most one query per client at a time, so another client gets a free slot at once', async () => {
    const queue = new FairQueue({ concurrency: 2, perClient: 10 });
    const far = Date.now() + 10_000;
    const started: string[] = [];
    const a = [1, 2, 3].map((i) => queue.run('A', far, 10_000, () => (started.push(`a${i}`), later(50))));
    const b = queue.run('B', far, 10_000, async () => void started.push('b1'));
    await b;
    expect(started).toEqual(['a1', 'b1']);
    await Promise.all(a);
  });

  it('refuses a client with too many queries waiting with too_many_queries and a Retry-After', async () => {
    const queue = new FairQueue({ concurrency: 1, perClient: 2 });
    const far = Date.now() + 10_000;
    const running = [1, 2, 3].map(() => queue.run('A', far, 3_000, () => later(30)));
    const err = await queue.run('A', far, 3_000, () => later(1)).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(StoreError);
    expect(err).toMatchObject({ code: 'too_many_queries', retryAfterSeconds: 3 });
    // Another client is not affected.
    await expect(queue.run('B', far, 3_000, async () => 'ok')).resolves.toBe('ok');
    await Promise.all(running);
  });

  it('fails a query still waiting at its deadline with query_timeout, and never runs it', async () => {
    const queue = new FairQueue({ concurrency: 1, perClient: 10 });
    let ran = false;
    const blocker = queue.run('A', Date.now() + 10_000, 10_000, () => later(200));
    const err = await queue.run('B', Date.now() + 50, 50, async () => void (ran = true)).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'query_timeout' });
    expect((err as Error).message).toMatch(/waited for its turn longer than the limit of 50 ms and was not run/);
    await blocker;
    await later(10);
    expect(ran).toBe(false);
    expect(queue.waitingFor('B')).toBe(0);
  });
});
