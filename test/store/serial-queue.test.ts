// The queue each Ladybug connection runs its statements through (graph/adapters/ladybug/serial-queue.ts).
import { setImmediate as nextTurn } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { SerialQueue } from '../../graph/adapters/ladybug/serial-queue.js';
import { fullCollection } from '../../server/memory.js';

describe('the serial queue of a connection', () => {
  it('runs tasks one at a time, in order, a failed one not stopping the next', async () => {
    const queue = new SerialQueue();
    const log: string[] = [];
    const task =
      (name: string, fail = false) =>
      async () => {
        log.push(`${name} start`);
        await nextTurn();
        log.push(`${name} end`);
        if (fail) throw new Error(name);
        return name;
      };
    const results = await Promise.allSettled([queue.run(task('a')), queue.run(task('b', true)), queue.run(task('c'))]);
    expect(log).toEqual(['a start', 'a end', 'b start', 'b end', 'c start', 'c end']);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
  });

  it('does not keep the value of the last task once its caller let go of it', async () => {
    // The follow-up list read every record through this queue, and its tail kept the 73 MiB answer until the next query.
    const queue = new SerialQueue();
    const collect = fullCollection()!;
    let ref: WeakRef<object> | undefined;
    await (async () => {
      const value = await queue.run(async () => ({ rows: new Array(10_000).fill('row') }));
      ref = new WeakRef(value);
    })();
    await nextTurn();
    await nextTurn();
    collect();
    expect(ref!.deref()).toBeUndefined();
  });
});
