// Crash safety of the embedded store: a child process writes, acknowledges, and is killed with SIGKILL (as kill -9, the
// OOM killer or a power cut would); the file must then open with exactly the acknowledged graph. Before the fix, every
// file failed to open after such a kill: the store wrote a 6.8 KB schema fingerprint, which LadybugDB cannot replay.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withStore } from '../../graph/adapters/ladybug/maintenance.js';
import { Child } from './crash/harness.js';
import { crashDataset, describeDataset, describeGraph, type GraphDescription } from './crash/datasets.js';

const EMPTY: GraphDescription = { name: 'empty', version: '0', references: 0, nodeIds: [], edgeIds: [] };

describe('the LadybugDB file store after SIGKILL', () => {
  let dir: string;
  const expected: Record<string, GraphDescription> = {};
  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'strategigraf-crash-'));
    for (const which of ['A', 'B', 'seed']) expected[which] = describeDataset(await crashDataset(which));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  /** Opens the file in this process, as the server would after the crash, and describes what it holds. */
  const reopen = (db: string): Promise<GraphDescription> => withStore(db, describeGraph);

  it('keeps the schema created on first open', async () => {
    const db = path.join(dir, 'schema.lbug');
    const child = Child.store(db, 'none');
    expect(JSON.parse(await child.waitFor('found'))).toEqual(EMPTY);
    await child.kill();
    expect(await reopen(db)).toEqual(EMPTY);
  });

  it('opens after being killed while creating the schema', async () => {
    // Every 10 ms through the first open: LadybugDB cannot reopen a new file killed in its first checkpoint (about
    // 130–140 ms in here), which the store avoids by building a new file aside and linking it into place when complete.
    for (const delayMs of [0, 40, 80, 100, 110, 120, 130, 135, 140, 145, 150, 160, 180, 220]) {
      const db = path.join(dir, `schema-mid-${delayMs}.lbug`);
      const child = Child.store(db, 'none');
      await child.waitFor('opening');
      await new Promise((r) => setTimeout(r, delayMs));
      await child.kill();
      expect(await reopen(db), `killed ${delayMs} ms into opening`).toEqual(EMPTY);
    }
  });

  it('keeps an acknowledged replacement, with text of the longest allowed length', async () => {
    const db = path.join(dir, 'replace.lbug');
    const child = Child.store(db, 'B');
    expect(await child.waitFor('ack')).toBe('B');
    await child.kill();
    expect(await reopen(db)).toEqual(expected['B']);
  });

  it('keeps either the previous graph or the new one, whole, when killed during a replacement', async () => {
    const db = path.join(dir, 'mid-write.lbug');
    const first = Child.store(db, 'A');
    await first.waitFor('ack');
    await first.kill();
    let last = expected['A']!;
    let killedMidWrite = 0;
    for (const delayMs of [0, 25, 60, 120, 250]) {
      const child = Child.store(db, 'seed');
      expect(JSON.parse(await child.waitFor('found'))).toEqual(last);
      await child.waitFor('writing');
      await new Promise((r) => setTimeout(r, delayMs));
      await child.kill();
      const found = await reopen(db);
      if (child.has('ack')) expect(found, `acknowledged, killed ${delayMs} ms after starting`).toEqual(expected['seed']);
      else {
        killedMidWrite++;
        expect([expected['A'], expected['seed']], `killed ${delayMs} ms into the write`).toContainEqual(found);
      }
      last = found;
      if (found.name !== 'A') {
        // Back to A so the next round has something to replace.
        const reset = Child.store(db, 'A');
        await reset.waitFor('ack');
        await reset.kill();
        last = expected['A']!;
      }
    }
    expect(killedMidWrite, 'at least one kill must land before the acknowledgement, or this test tests nothing').toBeGreaterThan(0);
  }, 120_000);

  it('survives 20 rounds of kill -9 after committed writes, each reopening with the last acknowledged dataset', async () => {
    const db = path.join(dir, 'rounds.lbug');
    let acknowledged = EMPTY;
    for (let round = 0; round < 20; round++) {
      const which = round % 2 === 0 ? 'A' : 'B';
      const child = Child.store(db, which);
      expect(JSON.parse(await child.waitFor('found')), `round ${round} opened with the last acknowledged graph`).toEqual(acknowledged);
      expect(await child.waitFor('ack')).toBe(which);
      await child.kill();
      acknowledged = expected[which]!;
    }
    expect(await reopen(db)).toEqual(acknowledged);
  }, 180_000);
});
