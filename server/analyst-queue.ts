// A fair queue for analyst queries, in front of either store. Queries used to share one serial connection in arrival
// order, so six 5-second queries from one client made another client's `RETURN 1` wait 30 s. Here:
// - at most `concurrency` queries run at once, and at most one per client, so one client never holds every slot;
// - waiting clients are served round-robin, one query each per turn, not in arrival order;
// - a client may have at most `perClient` queries waiting; the next is refused at once (429 with Retry-After);
// - every query has a deadline from its arrival; one still waiting at its deadline fails with query_timeout and never runs.
import { queueTimeout, tooManyQueries } from '../graph/store/errors.js';

const MAX_REMEMBERED_CLIENTS = 10_000;

export interface FairQueueOptions {
  concurrency: number;
  perClient: number;
}

interface Waiting {
  start: () => void;
  timer: NodeJS.Timeout;
}

export class FairQueue {
  /** Waiting queries per client, in the order the clients arrived. */
  private readonly waiting = new Map<string, Waiting[]>();
  private readonly active = new Map<string, number>();
  /**
   * The turn at which each client was last served. The next query is taken from the waiting client served longest
   * ago (never served counts as longest): a client that just ran goes behind everyone waiting, even one that finished
   * and sent its next query at once. Kept after a client's queue empties, so that coming back does not jump the line.
   */
  private readonly lastServed = new Map<string, number>();
  private turn = 0;
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
        timer: setTimeout(
          () => {
            const list = this.waiting.get(client);
            const at = list?.indexOf(entry) ?? -1;
            if (list && at >= 0) {
              list.splice(at, 1);
              if (list.length === 0) this.waiting.delete(client);
            }
            reject(queueTimeout(timeoutMs));
          },
          Math.max(0, deadline - Date.now()),
        ),
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
      let next: string | undefined;
      for (const client of this.waiting.keys()) {
        if (this.active.has(client)) continue;
        if (next === undefined || (this.lastServed.get(client) ?? 0) < (this.lastServed.get(next) ?? 0)) next = client;
      }
      if (next === undefined) return;
      const list = this.waiting.get(next)!;
      const entry = list.shift()!;
      if (list.length === 0) this.waiting.delete(next);
      this.lastServed.delete(next);
      this.lastServed.set(next, ++this.turn);
      // Bounded memory: forget the clients served longest ago (a Map iterates in insertion order, oldest first).
      if (this.lastServed.size > MAX_REMEMBERED_CLIENTS) this.lastServed.delete(this.lastServed.keys().next().value!);
      entry.start();
    }
  }
}
