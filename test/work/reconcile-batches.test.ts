// The follow-up reconcile writes in batches of bounded size (graph/work/followup/reconcile.ts): as one transaction, the
// first reconcile of a 100,000-node graph (about 49,000 records) overflowed the embedded work store's buffer pool and
// failed at every start. Each batch commits with its audit entries or not at all; a conflict or a stop between batches
// leaves every record reconciled or as it was, and the next attempt or run finishes the rest without writing anything
// twice. On a real embedded store; a wrapper only watches the batches and plays an editor or a stop between them.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LadybugStore } from '../../graph/adapters/ladybug/store.js';
import { loadDatasetDir } from '../../graph/dataset/load.js';
import { dataViewOf } from '../../graph/work/followup/data-view.js';
import { reconcileFollowUp } from '../../graph/work/followup/reconcile.js';
import type { WorkStore } from '../../graph/work/port.js';
import type { AuditEntry } from '../../graph/work/schema.js';

const NOW = new Date('2026-03-02T10:00:00Z');
const now = () => NOW;

async function allAudit(work: WorkStore): Promise<AuditEntry[]> {
  return work.listAudit({ limit: 1000 });
}

/** The work store, with each batch seen by `onBatch` before it is written. */
function watched(
  work: WorkStore,
  onBatch: (ids: string[], index: number) => Promise<void> | void,
): { work: WorkStore; batches: string[][]; pages: number[]; wholeLists: number } {
  const batches: string[][] = [];
  const pages: number[] = [];
  let wholeLists = 0;
  const wrapper = Object.create(work) as WorkStore;
  wrapper.writeRecords = async (writes) => {
    const ids = writes.map((w) => w.id);
    batches.push(ids);
    await onBatch(ids, batches.length - 1);
    return work.writeRecords(writes);
  };
  wrapper.getRecord = (...args) => work.getRecord(...args);
  wrapper.listRecords = (...args) => {
    wholeLists++;
    return work.listRecords(...args);
  };
  wrapper.listRecordsPage = async (...args) => {
    const page = await work.listRecordsPage(...args);
    pages.push(page.length);
    return page;
  };
  return {
    work: wrapper,
    batches,
    pages,
    get wholeLists() {
      return wholeLists;
    },
  };
}

describe('the follow-up reconcile in batches', () => {
  let store: LadybugStore;
  let findings: string[];
  beforeEach(async () => {
    store = new LadybugStore({ path: ':memory:' });
    await store.open();
    const seeds = await loadDatasetDir('seeds');
    if (!seeds.ok) throw new Error('the seed dataset is invalid');
    await store.replaceDataset(seeds.dataset);
    findings = dataViewOf(await store.snapshot()).current.map((f) => f.id);
    expect(findings.length).toBeGreaterThan(20);
  });
  afterEach(async () => {
    await store.close();
  });

  it('writes every finding once, in batches of the size asked, with one audit entry each', async () => {
    const { work, batches } = watched(store.work, () => undefined);
    const summary = await reconcileFollowUp(work, await store.snapshot(), { now, batchSize: 7 });
    expect(summary['followup.detect']).toBe(findings.length);
    expect(batches.length).toBe(Math.ceil(findings.length / 7));
    expect(batches.every((b) => b.length <= 7)).toBe(true);
    expect(batches.flat().sort()).toEqual([...findings].sort());
    expect(await allAudit(store.work)).toHaveLength(findings.length);
    // Nothing left to do: a second run writes nothing.
    const again = await reconcileFollowUp(work, await store.snapshot(), { now, batchSize: 7 });
    expect(again.unchanged).toBe(findings.length);
    expect(batches.length).toBe(Math.ceil(findings.length / 7));
  });

  it('keeps the batches written before a stop, and the next run finishes the rest without writing any twice', async () => {
    const stop = new AbortController();
    const { work, batches } = watched(store.work, (_ids, index) => {
      if (index === 1) stop.abort(new Error('the server is closing'));
    });
    await expect(reconcileFollowUp(work, await store.snapshot(), { now, batchSize: 10, signal: stop.signal })).rejects.toThrow('closing');
    // The second batch was under way when the stop came: it commits, and nothing after it starts.
    expect(batches).toHaveLength(2);
    expect((await store.work.listRecords('followup')).length).toBe(20);

    const rest = await reconcileFollowUp(store.work, await store.snapshot(), { now, batchSize: 10 });
    expect(rest['followup.detect']).toBe(findings.length - 20);
    expect(rest.unchanged).toBe(20);
    expect((await store.work.listRecords('followup')).length).toBe(findings.length);
    const trail = await allAudit(store.work);
    expect(trail).toHaveLength(findings.length);
    expect(new Set(trail.map((e) => e.target)).size).toBe(findings.length);
  });

  it('after a conflict in a later batch, keeps the earlier batches and works out only what is left', async () => {
    let other: Awaited<ReturnType<typeof reconcileFollowUp>> | undefined;
    const { work, batches } = watched(store.work, async (_ids, index) => {
      // Another server reconciles the same graph while this one is between its second and third batch.
      if (index === 2) other = await reconcileFollowUp(store.work, await store.snapshot(), { now });
    });
    const summary = await reconcileFollowUp(work, await store.snapshot(), { now, batchSize: 10 });
    expect(other!['followup.detect']).toBe(findings.length - 20);
    // Ours wrote its first two batches and, after the conflicts, nothing more: the other server had written the rest.
    expect(summary['followup.detect']).toBe(20);
    expect(summary.conflicts).toBeGreaterThan(0);
    expect(summary.unchanged).toBe(findings.length - 20);
    expect(batches.slice(0, 2).flat()).toEqual(findings.slice(0, 20));
    expect(batches.length).toBeGreaterThan(2); // the third was refused whole
    const records = await store.work.listRecords('followup');
    expect(records).toHaveLength(findings.length);
    expect(records.every((r) => r.version === 1)).toBe(true);
    const trail = await allAudit(store.work);
    expect(trail).toHaveLength(findings.length);
    expect(new Set(trail.map((e) => e.target)).size).toBe(findings.length);
  });

  it('reads the records a page at a time, never all at once, and looks at each once', async () => {
    await reconcileFollowUp(store.work, await store.snapshot(), { now });
    // A record the data gives no finding for, among the others (its id sorts next to a real one's): the data closes it,
    // wherever its page falls.
    const copied = (await store.work.getRecord('followup', findings[0]!))!;
    const gone = `${findings[0]!}~gone`;
    await store.work.writeRecord('followup', gone, copied.body, 0, {
      at: NOW.toISOString(),
      actor: { id: 'test', name: 'test', via: 'system' },
      action: 'followup.detect',
      target: `followup/${gone}`,
      before: null,
      after: null,
    });
    const { work, pages, batches, ...counts } = watched(store.work, () => undefined);
    const summary = await reconcileFollowUp(work, await store.snapshot(), { now, pageSize: 4, batchSize: 3 });
    expect(counts.wholeLists).toBe(0);
    expect(pages.every((n) => n <= 4)).toBe(true);
    expect(pages.reduce((a, b) => a + b, 0)).toBe(findings.length + 1);
    expect(pages.length).toBe(Math.floor((findings.length + 1) / 4) + 1);
    expect(summary.unchanged).toBe(findings.length);
    expect(batches).toEqual([[gone]]);
    expect((await store.work.getRecord('followup', gone))!.version).toBe(2);
  });

  it('stops between two pages of records when the server closes, before reading the rest', async () => {
    await reconcileFollowUp(store.work, await store.snapshot(), { now });
    const stop = new AbortController();
    let pagesRead = 0;
    const wrapper = Object.create(store.work) as WorkStore;
    wrapper.listRecordsPage = async (...args) => {
      if (++pagesRead === 2) stop.abort(new Error('the server is closing'));
      return store.work.listRecordsPage(...args);
    };
    await expect(reconcileFollowUp(wrapper, await store.snapshot(), { now, pageSize: 4, signal: stop.signal })).rejects.toThrow('closing');
    expect(pagesRead).toBe(2);
  });
});
