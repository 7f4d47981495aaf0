// The server keeps its analysis ahead of readers (server/main.ts, watchGraph): a graph loaded behind its back (as another
// process loads a shared Neo4j database) is reconciled and its findings listed before any request asks.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reviewedSnapshot } from '../../graph/review/read.js';
import { existingDataView } from '../../graph/work/followup/data-view.js';
import { startServer } from '../../server/main.js';
import { recovered, slipping } from '../work/followup-data.js';

describe('the server watching its graph', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'strategigraf-watch-'));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('reconciles a graph replaced without a request before any request asks, and says so in its log', async () => {
    const lines: string[] = [];
    const server = await startServer(
      { STRATEGIGRAF_DB: path.join(dir, 'watched.lbug'), LOG_LEVEL: 'info' },
      { handleSignals: false, graphWatchMs: 50, config: { webRoot: null, port: 0 }, logStream: { write: (l: string) => lines.push(l) } },
    );
    try {
      await server.store.replaceDataset(slipping());
      const waitFor = async (done: () => Promise<boolean>) => {
        for (let i = 0; i < 200 && !(await done()); i++) await new Promise((r) => setTimeout(r, 50));
        expect(await done()).toBe(true);
      };
      const first = await reviewedSnapshot(server.store);
      await waitFor(async () => existingDataView(first) !== undefined);
      // Another graph, loaded behind the server's back: no request is made, yet the follow-up is reconciled with it.
      await server.store.replaceDataset(recovered());
      const second = await reviewedSnapshot(server.store);
      expect(second).not.toBe(first);
      await waitFor(async () => existingDataView(second) !== undefined && lines.some((l) => l.includes('the graph changed')));
    } finally {
      await server.close();
    }
  });
});
