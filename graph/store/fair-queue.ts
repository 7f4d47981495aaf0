// A fair queue for analyst queries, in front of either store. Queries used to share one serial connection in arrival
// order, so six 5-second queries from one client made another client's `RETURN 1` wait 30 s. Here:
// - at most `concurrency` queries run at once, and at most one per client, so one client never holds every slot;
// - waiting clients are served round-robin, one query each per turn, not in arrival order;
// - a client may have at most `perClient` queries waiting; the next is refused at once (429 with Retry-After);
// - every query has a deadline from its arrival; one still waiting at its deadline fails with query_timeout and never runs.
import { queueTimeout, tooManyQueries } from './errors.js';

export interface FairQueueOptions {
  concurrency: number;
  perClient: number;
}

interface Waiting {
  start: () => void;
  timer: NodeJS.Timeout;
}

export class FairQueue {
  /** Waiting queries per client; a Map keeps insertion order, and a served client goes to the back. */
  private readonly waiting = new Map<string, Waiting[]>();
  private readonly active = new Map<string, number>();
  private running = 0;

  constructor(private readonly options: FairQueueOptions) {}

  /** Runs `task` when its turn comes; rejects with query_timeout if `deadline` passes first, too_many_queries if the client's queue is full. */
  run<T>(client: string, deadline: number, timeoutMs: number, task: () => Promise<T>): Promise<T> {
    const mine = this.waiting.get(client) ?? [];
    if (mine.length >= this.options.perClient) {
      return Promise.reject(tooManyQueries(mine.length, Math.max(1, Math.ceil(timeoutMs / 1000))));
    }
    return new Promise<T>((resolve, reject) => {
      const entry: Waiting = {
        start: () => {
          clearTimeout(entry.timer);
          this.running++;
          this.active.set(client, (this.active.get(client) ?? 0) + 1);
          task()
            .then(resolve, reject)
            .finally(() => {
              this.running--;
              const n = (this.active.get(client) ?? 1) - 1;
              if (n === 0) this.active.delete(client);
              else this.active.set(client, n);
              this.dispatch();
            });
        },
        timer: setTimeout(() => {
          const list = this.waiting.get(client);
          const at = list?.indexOf(entry) ?? -1;
          if (list && at >= 0) {
            list.splice(at, 1);
            if (list.length === 0) this.waiting.delete(client);
          }
          reject(queueTimeout(timeoutMs));
        }, Math.max(0, deadline - Date.now())),
      };
      entry.timer.unref?.();
      mine.push(entry);
      this.waiting.set(client, mine);
      this.dispatch();
    });
  }

  /** Queries waiting, per client; for tests and diagnostics. */
  waitingFor(client: string): number {
    return this.waiting.get(client)?.length ?? 0;
  }

  private dispatch(): void {
    while (this.running < this.options.concurrency) {
      const next = [...this.waiting.keys()].find((c) => !this.active.has(c));
      if (next === undefined) return;
      const list = this.waiting.get(next)!;
      const entry = list.shift()!;
      // To the back of the line: the other waiting clients each get a turn before this one's next query.
      this.waiting.delete(next);
      if (list.length > 0) this.waiting.set(next, list);
      entry.start();
    }
  }
}
