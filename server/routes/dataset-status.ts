// What the last PUT /api/dataset is doing: the state GET /api/dataset/status answers with, kept in this process (a load
// runs in the process that received it). A large load takes tens of seconds; this is how a client follows it.
import type { LoadProgress } from '../../graph/schema/load.js';
import type { DatasetStatus } from '../schemas/dataset.js';

export class LoadTracker {
  private status: Omit<DatasetStatus, 'elapsedMs'> = {
    state: 'idle',
    requestId: null,
    startedAt: null,
    finishedAt: null,
    progress: null,
    nodes: null,
    relationships: null,
    error: null,
  };
  private started = 0;
  private ended: number | null = null;

  constructor(private readonly now: () => number = Date.now) {}

  /** A new load: it replaces whatever the last one was. Returns its handle, so a load overtaken by a newer one stops reporting. */
  begin(requestId: string): LoadHandle {
    this.started = this.now();
    this.ended = null;
    const token = Symbol(requestId);
    this.current = token;
    this.status = {
      state: 'loading',
      requestId,
      startedAt: new Date(this.started).toISOString(),
      finishedAt: null,
      progress: { phase: 'validating', done: 0, total: 1 },
      nodes: null,
      relationships: null,
      error: null,
    };
    const mine = () => this.current === token;
    return {
      sized: (nodes, relationships) => mine() && Object.assign(this.status, { nodes, relationships }),
      progress: (progress) => mine() && (this.status.progress = progress),
      committed: () => mine() && (this.status.state = 'reconciling'),
      done: () => mine() && this.end('done', null),
      failed: (message) => mine() && this.end('failed', message),
    };
  }

  private current: symbol | null = null;

  private end(state: 'done' | 'failed', error: string | null): void {
    this.ended = this.now();
    Object.assign(this.status, { state, error, finishedAt: new Date(this.ended).toISOString() });
  }

  read(): DatasetStatus {
    const elapsedMs = this.status.startedAt === null ? null : (this.ended ?? this.now()) - this.started;
    return { ...this.status, progress: this.status.progress && { ...this.status.progress }, elapsedMs };
  }
}

export interface LoadHandle {
  sized(nodes: number, relationships: number): void;
  progress(progress: LoadProgress): void;
  /** The graph is replaced; the follow-up reconcile runs on. */
  committed(): void;
  done(): void;
  failed(message: string): void;
}
