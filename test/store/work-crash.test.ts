// Crash safety of the embedded store's work file: a child process writes records and audit entries in a loop and is
// killed with SIGKILL (as kill -9, the OOM killer or a power cut would) at many points; the file must then open with
// every write it acknowledged, whole — no torn body, no record without its audit entry or entry without its record.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Child } from './crash/harness.js';
import { inspectWorkFile } from './crash/inspect.js';
import { CRASH_IDS, workBody } from './crash/work-bodies.js';

const CHILD = 'test/store/crash/work-child.ts';
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('the LadybugDB work file after SIGKILL', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'strategigraf-work-crash-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('fails with the round and the signal when the process opening a file dies, not with the test runner', async () => {
    const db = path.join(dir, 'inspector-dies.lbug');
    // The child aborts once it has the file open, as a native fault in the engine would.
    await expect(inspectWorkFile(db, 'round 7, killed 90 ms after "writing"', 'crash')).rejects.toThrow(
      /^round 7, killed 90 ms after "writing": the child opening .*inspector-dies\.lbug was killed by SIGABRT; its stderr: /,
    );
    // The same file opens in the next child: the test goes on after such a round.
    expect(await inspectWorkFile(db, 'after the abort')).toEqual({ audit: [], records: Object.fromEntries(CRASH_IDS.map((id) => [id, null])) });
  });

  it('opens, empty, after being killed while creating the work file', async () => {
    for (const delayMs of [0, 20, 40, 60, 80, 100, 120, 140, 170, 200, 260, 350]) {
      const db = path.join(dir, `create-${delayMs}.lbug`);
      const child = new Child(CHILD, [db, 'none']);
      await child.waitFor('opening');
      await sleep(delayMs);
      await child.kill();
      const found = await inspectWorkFile(db, `killed ${delayMs} ms into creating the work file`);
      expect(found, `killed ${delayMs} ms into creating the work file`).toEqual({ audit: [], records: Object.fromEntries(CRASH_IDS.map((id) => [id, null])) });
    }
  }, 180_000);

  // Kills timed from `writing` land in writes, audit appends and the folds of closing; kills timed from `opening` land
  // in the fold of the log the previous kill left, which every open after a kill does first.
  const KILLS: { from: 'opening' | 'writing'; delayMs: number }[] = [
    ...[0, 15, 30, 45, 60, 90, 120, 150, 180, 200, 250, 300, 350, 400, 450, 500, 550, 600, 700, 800, 900, 1000, 1200, 1500].map((delayMs) => ({
      from: 'writing' as const,
      delayMs,
    })),
    ...[0, 20, 40, 60, 80, 100, 120, 140, 160, 180, 200, 240, 280, 320, 400, 500].map((delayMs) => ({ from: 'opening' as const, delayMs })),
  ].sort((a, b) => ((a.delayMs * 7 + (a.from === 'opening' ? 1 : 0)) % 11) - ((b.delayMs * 7 + (b.from === 'opening' ? 1 : 0)) % 11));

  it(`keeps every acknowledged write and audit entry, whole and in agreement, through ${KILLS.length} kills`, async () => {
    const db = path.join(dir, 'loop.lbug');
    const durable: Record<string, number> = Object.fromEntries(CRASH_IDS.map((id) => [id, 0]));
    const acknowledgedSeqs: number[] = [];
    let acknowledgedWrites = 0;
    let committedUnacknowledged = 0;
    let foundByChild = 0;
    for (const [round, { from, delayMs }] of KILLS.entries()) {
      const child = new Child(CHILD, [db, 'write']);
      if (from === 'writing') {
        expect(JSON.parse(await child.waitFor('found')), `round ${round} opened with what the last reopen found`).toEqual(durable);
        await child.waitFor('writing');
      } else {
        await child.waitFor('opening');
      }
      await sleep(delayMs);
      await child.kill();
      if (child.has('found')) foundByChild++;
      const acked = { ...durable };
      for (const line of child.linesStartingWith('ack ')) {
        const [id, version] = line.split(' ');
        acked[id!] = Math.max(acked[id!]!, Number(version));
        acknowledgedWrites++;
      }
      acknowledgedSeqs.push(...child.linesStartingWith('ack-audit ').map(Number));

      {
        const { audit, records } = await inspectWorkFile(db, `round ${round}, killed ${delayMs} ms after "${from}"`);
        const seqs = audit.map((e) => e.seq);
        expect(seqs, 'seqs newest first, each once').toEqual([...new Set(seqs)].sort((a, b) => b - a));
        for (const seq of acknowledgedSeqs) expect(seqs, `acknowledged audit entry ${seq}`).toContain(seq);
        for (const id of CRASH_IDS) {
          const record = records[id] ?? null;
          const version = record?.version ?? 0;
          // The write in flight at the kill may have committed without its acknowledgement: one more, never fewer.
          expect(version, `${id} after round ${round}`).toBeGreaterThanOrEqual(acked[id]!);
          expect(version, `${id} after round ${round}`).toBeLessThanOrEqual(acked[id]! + 1);
          if (version > acked[id]!) committedUnacknowledged++;
          if (record) expect(record.body, `${id} v${version} is whole`).toEqual(workBody(id, version));
          // One audit entry per version, each with the body it wrote.
          const entries = audit.filter((e) => e.target === `followup/${id}`);
          expect(entries.map((e) => e.after)).toEqual(Array.from({ length: version }, (_, i) => workBody(id, version - i)));
          durable[id] = version;
        }
      }
    }
    expect(acknowledgedWrites, 'the loop must have written, or this test tests nothing').toBeGreaterThan(40);
    expect(foundByChild, 'some kills must land before the child had opened, in the fold of the previous log').toBeLessThan(KILLS.length);
    // Informative: how often the kill fell between a commit and its acknowledgement.
    console.info(
      `work crash loop: ${acknowledgedWrites} acknowledged writes, ${committedUnacknowledged} committed but unacknowledged at the kill, ${KILLS.length - foundByChild} kills before the child had opened`,
    );
  }, 600_000);

  it('keeps each batch write whole or not at all: every record at the same version, with an entry for each', async () => {
    const db = path.join(dir, 'batch.lbug');
    let acked = 0;
    let batches = 0;
    for (const delayMs of [0, 40, 90, 150, 220, 300, 400, 520, 650, 800, 1000, 1300]) {
      const child = new Child(CHILD, [db, 'batch']);
      await child.waitFor('writing');
      await sleep(delayMs);
      await child.kill();
      const lines = child.linesStartingWith('ack-batch ').map(Number);
      batches += lines.length;
      acked = Math.max(acked, ...lines);
      {
        const { audit, records } = await inspectWorkFile(db, `a batch killed ${delayMs} ms in`);
        const versions = CRASH_IDS.map((id) => records[id]?.version ?? 0);
        // All or none of the batch in flight at the kill: one version for every record, never a mix.
        expect(new Set(versions).size, `versions after a kill ${delayMs} ms in: ${versions.join(', ')}`).toBe(1);
        const version = versions[0]!;
        expect(version).toBeGreaterThanOrEqual(acked);
        expect(version).toBeLessThanOrEqual(acked + 1);
        acked = version;
        for (const id of CRASH_IDS) {
          expect(records[id]?.body ?? null).toEqual(version === 0 ? null : workBody(id, version));
          expect(audit.filter((e) => e.target === `followup/${id}`).map((e) => e.after)).toEqual(
            Array.from({ length: version }, (_, i) => workBody(id, version - i)),
          );
        }
      }
    }
    expect(batches, 'the loop must have written batches, or this test tests nothing').toBeGreaterThan(5);
  }, 600_000);
});
