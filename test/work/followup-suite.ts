// The follow-up of findings on a real store, the same on both: reconcile records every finding once, closes the ones new
// data makes disappear with the source that closed them, reopens them when they come back, marks orphans, and writes
// nothing the second time; editors' changes are compare-and-set writes with their audit entry; and replacing the dataset
// never loses a thread.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { GraphStore } from '../../graph/store/port.js';
import { StoreError } from '../../graph/store/errors.js';
import { reconcileFollowUp } from '../../graph/work/followup/reconcile.js';
import { FollowUpRecord } from '../../graph/work/followup/schema.js';
import { actOnFinding, getFinding, listFindings, type FollowUpRequest } from '../../graph/work/followup/service.js';
import { FollowUpError, SYSTEM_ACTOR } from '../../graph/work/followup/state.js';
import type { WorkStore } from '../../graph/work/port.js';
import type { Actor, AuditEntry } from '../../graph/work/schema.js';
import { NOT_STARTED, recovered, SLIP, slipping, withoutFocusArea } from './followup-data.js';

export const KARI: Actor = { id: 'oidc:kari', name: 'Kari Nordmann', via: 'oidc' };
export const OLA: Actor = { id: 'oidc:ola', name: 'Ola Nordmann', via: 'oidc' };

const NOW = new Date('2026-03-02T10:00:00Z');
const now = () => NOW;

async function allAudit(work: WorkStore): Promise<AuditEntry[]> {
  const out: AuditEntry[] = [];
  for (let before: number | undefined; ;) {
    const page = await work.listAudit({ limit: 1000, ...(before ? { beforeSeq: before } : {}) });
    out.push(...page);
    if (page.length < 1000) return out;
    before = page.at(-1)!.seq;
  }
}

const record = async (store: GraphStore, id: string) => {
  const stored = await store.work.getRecord('followup', id);
  return stored ? { version: stored.version, body: FollowUpRecord.parse(stored.body) } : null;
};

/** `reset` empties the work store before each test, for a store whose work data outlives the store object (Neo4j). */
export function defineFollowUpSuite(label: string, makeStore: () => Promise<GraphStore>, reset?: () => Promise<void>): void {
  describe(`follow-up of findings on ${label}`, () => {
    let store: GraphStore;
    const reconcile = async () => reconcileFollowUp(store.work, await store.snapshot(), { now });
    const act = async (id: string, request: FollowUpRequest, actor: Actor, expectedVersion: number) =>
      actOnFinding({ work: store.work, snapshot: await store.snapshot(), now }, id, request, { actor, expectedVersion });

    beforeEach(async () => {
      await reset?.();
      store = await makeStore();
      await store.open();
      await store.replaceDataset(slipping());
    });
    afterEach(async () => {
      await store?.close();
    });

    it('records every current finding once, signed by the system, and writes nothing when nothing changed', async () => {
      const first = await reconcile();
      const current = (await listFindings({ work: store.work, snapshot: await store.snapshot(), now }, { limit: 1000, offset: 0 })).items;
      expect(first['followup.detect']).toBe(current.length);
      expect(current.map((i) => i.id)).toEqual(expect.arrayContaining([SLIP, NOT_STARTED]));
      const slip = await record(store, SLIP);
      expect(slip?.version).toBe(1);
      expect(slip?.body).toMatchObject({ state: 'open', present: true, orphaned: false, firstSeenYear: 2022, firstSeenAt: NOW.toISOString() });
      expect(slip?.body.events).toEqual([{ at: NOW.toISOString(), actor: SYSTEM_ACTOR, type: 'detected', to: 'open', year: 2022 }]);

      const trail = await allAudit(store.work);
      expect(trail).toHaveLength(current.length);
      expect(trail.every((e) => e.actor.via === 'system' && e.action === 'followup.detect' && e.before === null)).toBe(true);

      const second = await reconcile();
      expect(second['followup.detect']).toBe(0);
      expect(second.unchanged).toBe(current.length);
      expect(await allAudit(store.work)).toHaveLength(current.length);
      expect((await record(store, SLIP))?.version).toBe(1);
    });

    it('closes a finding new data makes disappear with the latest source of that year, keeps its thread, and reopens it when it comes back', async () => {
      await reconcile();
      await act(SLIP, { type: 'acknowledge', owner: { agency: 'digdir' }, dueDate: '2026-06-30', comment: 'Digdir ser på det' }, KARI, 1);
      await act(SLIP, { type: 'comment', text: 'Møte avtalt' }, OLA, 2);

      await store.replaceDataset(recovered());
      const closing = await reconcile();
      expect(closing['followup.close_by_data']).toBe(1);
      const closed = (await record(store, SLIP))!;
      expect(closed.body.state).toBe('closed_by_data');
      expect(closed.body.present).toBe(false);
      expect(closed.body.closedBy).toEqual({
        source: { id: 'r2023-host', name: 'Statusrapport høsten 2023', nameEn: 'Status report autumn 2023', year: 2023 },
        year: 2023,
        at: NOW.toISOString(),
      });
      // The thread and the owner are all still there.
      expect(closed.body.events.map((e) => e.type)).toEqual(['detected', 'acknowledged', 'commented', 'closed_by_data']);
      expect(closed.body.owner).toEqual({ kind: 'agency', id: 'digdir', name: 'Digitaliseringsdirektoratet' });
      const detail = (await getFinding({ work: store.work, snapshot: await store.snapshot(), now }, SLIP))!;
      expect(detail.detail.present).toBe(false);
      expect(detail.detail.evidence).toBeNull();
      expect(detail.detail.thread.map((e) => e.comment)).toEqual(['Digdir ser på det', 'Møte avtalt']);
      expect(detail.detail.message.nb).toContain('Mindre forsinkelser');

      await store.replaceDataset(slipping());
      const back = await reconcile();
      expect(back['followup.reappear']).toBe(1);
      const reopened = (await record(store, SLIP))!;
      expect(reopened.body).toMatchObject({ state: 'open', present: true, closedBy: null, dueDate: null });
      expect(reopened.body.events.map((e) => e.type)).toEqual(['detected', 'acknowledged', 'commented', 'closed_by_data', 'reappeared']);
      expect(reopened.body.events.at(-1)).toMatchObject({ from: 'closed_by_data', to: 'open', actor: SYSTEM_ACTOR });

      const trail = await allAudit(store.work);
      const actions = trail.filter((e) => e.target === `followup/${SLIP}`).map((e) => `${e.action} ${e.actor.id}`);
      expect(actions).toEqual([
        'followup.reappear system:reconcile',
        'followup.close_by_data system:reconcile',
        'followup.comment oidc:ola',
        'followup.acknowledge oidc:kari',
        'followup.detect system:reconcile',
      ]);
    });

    it('keeps a person’s resolution when the data agrees, and reopens it when the finding comes back', async () => {
      await reconcile();
      await act(SLIP, { type: 'resolve', reason: 'Tiltak satt inn' }, KARI, 1);
      await store.replaceDataset(recovered());
      await reconcile();
      expect((await record(store, SLIP))!.body).toMatchObject({ state: 'resolved', present: false, reason: 'Tiltak satt inn' });
      expect((await record(store, SLIP))!.body.events.at(-1)).toMatchObject({ type: 'vanished', source: { id: 'r2023-host' } });
      await store.replaceDataset(slipping());
      await reconcile();
      expect((await record(store, SLIP))!.body).toMatchObject({ state: 'open', present: true, reason: null });
    });

    it('marks a finding whose subject left the data orphaned, with its state and thread, and restores it when the subject is back', async () => {
      await reconcile();
      await act(SLIP, { type: 'acknowledge', owner: { person: 'Per Hansen' }, dueDate: '2026-01-31' }, KARI, 1);
      await store.replaceDataset(withoutFocusArea());
      const gone = await reconcile();
      // Every finding about the focus area is orphaned (the slip, and others such as its missing SDG effect).
      expect(gone['followup.orphan']).toBeGreaterThanOrEqual(1);
      const orphan = (await record(store, SLIP))!.body;
      expect(orphan).toMatchObject({ state: 'acknowledged', orphaned: true, present: false, owner: { kind: 'person', name: 'Per Hansen' } });
      const listed = await listFindings({ work: store.work, snapshot: await store.snapshot(), now }, { limit: 1000, offset: 0, orphaned: true });
      expect(listed.items.every((i) => i.subject.id === 'fa-data' && !i.present && i.followUp?.orphaned)).toBe(true);
      expect(listed.items.find((i) => i.id === SLIP)?.followUp).toMatchObject({ orphaned: true, overdue: true, state: 'acknowledged' });
      // An orphan takes comments and changes like any other finding.
      await act(SLIP, { type: 'comment', text: 'Innsatsområdet er slått sammen med et annet' }, OLA, 3);
      expect((await reconcile())['followup.orphan']).toBe(0);

      await store.replaceDataset(slipping());
      const restored = await reconcile();
      expect(restored['followup.restore']).toBe(gone['followup.orphan']);
      expect((await record(store, SLIP))!.body).toMatchObject({ state: 'acknowledged', orphaned: false, present: true });
    });

    it('keeps every thread when the same dataset or another one is loaded again', async () => {
      await reconcile();
      await act(NOT_STARTED, { type: 'acknowledge', owner: { agency: 'digdir' }, dueDate: '2026-09-01', comment: 'Første kommentar' }, KARI, 1);
      await act(NOT_STARTED, { type: 'comment', text: 'Andre kommentar' }, OLA, 2);
      const before = await record(store, NOT_STARTED);
      for (const data of [slipping(), recovered(), withoutFocusArea(), slipping()]) {
        await store.replaceDataset(data);
        await reconcile();
      }
      const after = (await record(store, NOT_STARTED))!;
      // fa-start is in every one of those datasets: nothing happened to it but the loads.
      expect(after).toEqual(before);
    });

    it('refuses a change made on an old version, and never overwrites the change that came first', async () => {
      await reconcile();
      await act(SLIP, { type: 'acknowledge', owner: { person: 'Kari' }, dueDate: '2026-06-30' }, KARI, 1);
      const stale = act(SLIP, { type: 'resolve', reason: 'Ferdig' }, OLA, 1);
      await expect(stale).rejects.toBeInstanceOf(FollowUpError);
      await expect(stale).rejects.toMatchObject({ code: 'precondition_failed', currentVersion: 2 });
      expect((await record(store, SLIP))!.body.state).toBe('acknowledged');

      // Two editors at once with the same version: exactly one write wins, the other is told.
      const results = await Promise.allSettled([
        act(SLIP, { type: 'resolve', reason: 'Kari lukker' }, KARI, 2),
        act(SLIP, { type: 'accept_risk', reason: 'Ola aksepterer', reviewDate: '2027-01-01' }, OLA, 2),
      ]);
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
      const failure = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
      const reason = failure.reason as FollowUpError | StoreError;
      expect(['precondition_failed', 'version_conflict']).toContain(reason.code);
      const final = (await record(store, SLIP))!;
      expect(final.version).toBe(3);
      expect(final.body.events).toHaveLength(3);
    });

    it('reconciles beside an editor without losing either write', async () => {
      await reconcile();
      await store.replaceDataset(recovered());
      // An editor writes the record between the reconcile's read of every record and its batch write.
      const editorFirst: WorkStore = Object.create(store.work) as WorkStore;
      let raced = false;
      const batches: string[][] = [];
      editorFirst.writeRecords = async (writes) => {
        batches.push(writes.map((w) => w.id));
        if (!raced && writes.some((w) => w.id === SLIP)) {
          raced = true;
          await act(SLIP, { type: 'comment', text: 'Skrevet samtidig' }, KARI, 1);
        }
        return store.work.writeRecords(writes);
      };
      editorFirst.writeRecord = () => Promise.reject(new Error('a reconcile writes in batches'));
      editorFirst.getRecord = (...args) => store.work.getRecord(...args);
      editorFirst.listRecords = (...args) => store.work.listRecords(...args);
      const seqBefore = (await store.work.listAudit({ limit: 1 }))[0]!.seq;
      const summary = await reconcileFollowUp(editorFirst, await store.snapshot(), { now });
      expect(summary.conflicts).toBe(1);
      expect(summary['followup.close_by_data']).toBe(1);
      // The conflicting batch wrote nothing; the second, worked out from the editor's record, wrote the same changes.
      expect(batches).toHaveLength(2);
      expect(batches[1]).toEqual(batches[0]);
      const final = (await record(store, SLIP))!;
      expect(final.version).toBe(3);
      expect(final.body.events.map((e) => e.type)).toEqual(['detected', 'commented', 'closed_by_data']);
      // The editor's comment, then the batch's entries: none from the failed attempt.
      const trail = (await allAudit(store.work)).filter((e) => e.seq > seqBefore);
      expect(trail.map((e) => e.action).reverse()).toEqual(['followup.comment', ...batches[1]!.map(() => expect.stringMatching(/^followup\./))]);
      expect(trail.filter((e) => e.target === `followup/${SLIP}`).map((e) => e.action)).toEqual(['followup.close_by_data', 'followup.comment']);
    });
  });
}
