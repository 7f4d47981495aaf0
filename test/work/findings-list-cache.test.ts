// The follow-up list keeps the records as it shows them per write mark (graph/work/followup/service.ts): a list with
// nothing written since reads the mark, not the records, and any write — by this process, by another one (seen in the
// audit trail), or a new dataset — makes the next list read them again. A failed read is not kept.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LadybugStore } from '../../graph/adapters/ladybug/store.js';
import { reconcileFollowUp } from '../../graph/work/followup/reconcile.js';
import { actOnFinding, listFindings, warmFindingList, type FindingQuery } from '../../graph/work/followup/service.js';
import type { WorkStore } from '../../graph/work/port.js';
import { KARI } from './followup-suite.js';
import { NOT_STARTED, recovered, SLIP, slipping } from './followup-data.js';

const NOW = new Date('2026-03-02T10:00:00Z');
const now = () => NOW;
const QUERY: FindingQuery = { limit: 100, offset: 0 };

/** The store's own work store, counting its full reads; `withWriteMark: false` hides the write mark, as another process's store would not have it. */
function counted(work: WorkStore, options: { withWriteMark: boolean; failNextRead?: boolean }) {
  const counts = { listRecords: 0 };
  let failNext = options.failNextRead ?? false;
  const wrapped = new Proxy(work, {
    get(target, key, receiver) {
      if (key === 'writeMark' && !options.withWriteMark) return undefined;
      if (key === 'listRecords')
        return async (...args: Parameters<WorkStore['listRecords']>) => {
          counts.listRecords++;
          if (failNext) {
            failNext = false;
            throw new Error('the store went away');
          }
          return target.listRecords(...args);
        };
      const value: unknown = Reflect.get(target, key, receiver);
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
  return { work: wrapped, counts };
}

describe('the follow-up list reads the records again only after a write', () => {
  let store: LadybugStore;
  beforeEach(async () => {
    store = new LadybugStore({ path: ':memory:' });
    await store.open();
    await store.replaceDataset(slipping());
    await reconcileFollowUp(store.work, await store.snapshot(), { now });
  });
  afterEach(async () => {
    await store.close();
  });

  it('is read ahead by the warm-up after a reconcile, so the first list reads no record', async () => {
    const snapshot = await store.snapshot();
    const { work, counts } = counted(store.work, { withWriteMark: true });
    await warmFindingList(work, snapshot);
    expect(counts.listRecords).toBe(1);
    const listed = await listFindings({ work, snapshot, now }, QUERY);
    expect(counts.listRecords).toBe(1);
    // The same list a store without the warm-up gives.
    const cold = counted(store.work, { withWriteMark: true });
    expect(await listFindings({ work: cold.work, snapshot, now }, QUERY)).toEqual(listed);
    expect(cold.counts.listRecords).toBe(1);
  });

  for (const withWriteMark of [true, false]) {
    it(`reads them once while nothing is written, and again after an edit (${withWriteMark ? 'the store’s write mark' : 'the audit trail’s newest entry'})`, async () => {
      const { work, counts } = counted(store.work, { withWriteMark });
      const snapshot = await store.snapshot();
      const first = await listFindings({ work, snapshot, now }, QUERY);
      const second = await listFindings({ work, snapshot, now }, QUERY);
      expect(second).toEqual(first);
      expect(counts.listRecords).toBe(1);
      expect(first.items.find((i) => i.id === SLIP)?.followUp?.state).toBe('open');

      // Written through the store itself, not the counted wrapper: as another process would.
      await actOnFinding(
        { work: store.work, snapshot, now },
        SLIP,
        { type: 'acknowledge', owner: { person: 'Kari' }, dueDate: '2026-01-31' },
        { actor: KARI, expectedVersion: 1 },
      );
      const third = await listFindings({ work, snapshot, now }, QUERY);
      expect(counts.listRecords).toBe(2);
      const slip = third.items.find((i) => i.id === SLIP)!;
      expect(slip.followUp).toMatchObject({ state: 'acknowledged', owner: { kind: 'person', name: 'Kari' }, dueDate: '2026-01-31', version: 2 });
      // Overdue is worked out for the day asked about, not kept with the record.
      expect(slip.followUp?.overdue).toBe(true);
      const later = await listFindings({ work, snapshot, now: () => new Date('2025-12-01T10:00:00Z') }, QUERY);
      expect(later.items.find((i) => i.id === SLIP)?.followUp?.overdue).toBe(false);
      expect(counts.listRecords).toBe(2);
    });
  }

  it('shows a record whose finding new data lacks with the summary the record kept, once the new data is loaded', async () => {
    const { work, counts } = counted(store.work, { withWriteMark: true });
    const before = await listFindings({ work, snapshot: await store.snapshot(), now }, QUERY);
    expect(before.items.find((i) => i.id === SLIP)?.present).toBe(true);
    await store.replaceDataset(recovered());
    const snapshot = await store.snapshot();
    // Nothing written to the work store yet, but the data changed: the list is read again for the new view.
    const after = await listFindings({ work, snapshot, now }, QUERY);
    expect(counts.listRecords).toBe(2);
    // The slip ends in 2023: the list shows it with the summary its record kept, the rest as the data gives them.
    expect(after.items.find((i) => i.id === SLIP)).toMatchObject({ present: false, rule: 'slipping-status', subject: { id: 'fa-data' } });
    expect(after.items.find((i) => i.id === NOT_STARTED)?.present).toBe(true);
  });

  it('does not keep a failed read', async () => {
    const { work, counts } = counted(store.work, { withWriteMark: true, failNextRead: true });
    const snapshot = await store.snapshot();
    await expect(listFindings({ work, snapshot, now }, QUERY)).rejects.toThrow('the store went away');
    const listed = await listFindings({ work, snapshot, now }, QUERY);
    expect(counts.listRecords).toBe(2);
    expect(listed.items.find((i) => i.id === SLIP)?.followUp?.state).toBe('open');
  });
});
