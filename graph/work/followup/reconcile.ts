// Bringing the follow-up records in line with the data: every current finding gets a record, a finding that disappeared
// is closed by the data (with the source that closed it), one that came back reopens, one whose subject left the data is
// marked orphaned. Run after a dataset is loaded, at server start, and before any follow-up read or write of a graph not
// reconciled yet (see docs/follow-up.md for why all three). Idempotent: a second run over the same data writes nothing.
// Safe beside editors and other servers: its changes are batches of compare-and-sets (WorkStore.writeRecords), each
// committed together with its audit entries or not at all; on a conflict nothing of that batch is written, the records
// that conflicted are read again and what is left worked out anew, so an editor's write is never overwritten and a
// change another server made is not repeated. Batches of RECONCILE_BATCH, not one: the first reconcile of a
// 100,000-node graph writes about 49,000 records, which as one transaction overflowed the embedded work store's buffer
// pool and failed every time. A run stopped between batches (a crash, the server closing) leaves every record either
// reconciled or as it was, each with its audit entry, and the next run finishes the rest.
import { StoreError } from '../../store/errors.js';
import type { OnLoadProgress } from '../../schema/load.js';
import type { GraphSnapshot } from '../../store/port.js';
import type { AuditDraft, RecordWrite, WorkRecord, WorkStore } from '../port.js';
import type { Json } from '../schema.js';
import { dataViewOf, preparedDataView, type DataView } from './data-view.js';
import { FollowUpRecord } from './schema.js';
import { reconcileRecord, SYSTEM_ACTOR, type DataAction } from './state.js';

export const COLLECTION = 'followup' as const;
const MAX_ATTEMPTS = 5;
/** Records written per transaction (see the top). */
export const RECONCILE_BATCH = 2000;
/** Records read at a time. */
const RECORD_PAGE = 2000;

export type ReconcileSummary = Record<DataAction, number> & { unchanged: number; conflicts: number; invalid: number };

/** A value as the store keeps it: plain JSON, without undefined fields. */
export const toJson = (value: unknown): Json => JSON.parse(JSON.stringify(value)) as Json;

/** The record a store holds, or null when its body is not a follow-up record (it is then left alone). */
export function parseRecord(stored: WorkRecord): FollowUpRecord | null {
  const parsed = FollowUpRecord.safeParse(stored.body);
  return parsed.success ? parsed.data : null;
}

/** What the audit trail keeps of a record: its state and terms, not its whole thread (the trail would grow with its square). */
export function auditView(record: FollowUpRecord | null, withLastEvent = false): Json {
  if (record === null) return null;
  const { state, owner, dueDate, reason, reviewDate, closedBy, present, orphaned } = record;
  const view = { state, owner, dueDate, reason, reviewDate, closedBy, present, orphaned, events: record.events.length };
  return toJson(withLastEvent ? { ...view, event: record.events.at(-1) ?? null } : view);
}

function emptySummary(): ReconcileSummary {
  return {
    'followup.detect': 0,
    'followup.close_by_data': 0,
    'followup.vanish': 0,
    'followup.reappear': 0,
    'followup.orphan': 0,
    'followup.restore': 0,
    unchanged: 0,
    conflicts: 0,
    invalid: 0,
  };
}

/** The ids a reconcile looks at: every current finding and every record. */
function idsToLookAt(view: DataView, records: readonly WorkRecord[]): string[] {
  return [...new Set([...view.current.map((f) => f.id), ...records.map((r) => r.id)])];
}

/** The change the data makes to one record (null: none), skipping the work for a finding that is simply still there. */
function changeFor(view: DataView, id: string, record: FollowUpRecord | null, at: string) {
  const now = view.currentById.get(id);
  if (record?.present && now) return null;
  const subjectId = record?.finding.subject.id ?? now?.subject.id;
  if (subjectId === undefined) return null;
  return reconcileRecord(record, id, view.observe(id, subjectId), at);
}

/**
 * The records as a reconcile would leave them, without writing anything: for readers that may not write (the report
 * command) but must show the follow-up as the data now stands.
 */
export function reconciledInMemory(snapshot: GraphSnapshot, records: readonly WorkRecord[], at: string): FollowUpRecord[] {
  const view = dataViewOf(snapshot);
  const byId = new Map(records.map((r) => [r.id, r]));
  const out: FollowUpRecord[] = [];
  for (const id of idsToLookAt(view, records)) {
    const stored = byId.get(id);
    const record = stored ? parseRecord(stored) : null;
    if (stored && !record) continue;
    const change = changeFor(view, id, record, at);
    const result = change?.record ?? record;
    if (result) out.push(result);
  }
  return out;
}

export interface ReconcileOptions {
  now?: () => Date;
  requestId?: string;
  /** Stops the run between two writes (the server closing): it then rejects, and the next caller starts afresh. */
  signal?: AbortSignal;
  /** Hears of the writes: how many there are before they are written, and how many are after each batch (GET /api/dataset/status shows it). */
  onProgress?: OnLoadProgress;
  /** Records per transaction; RECONCILE_BATCH unless a test asks for smaller batches. */
  batchSize?: number;
  /** Records read at a time; RECORD_PAGE unless a test asks for smaller pages. */
  pageSize?: number;
  /**
   * Called after each year's findings are worked out and after each batch written ('burst'), and once the run is done
   * ('end'), when what that work made is garbage: the server passes a full collection (server/memory.ts), so that the
   * memory comes back then and not when V8 next decides to collect.
   */
  afterBurst?: (moment: 'burst' | 'end') => void;
}

/** Reconciles every record with the snapshot through the work store, in audited batch writes. */
export async function reconcileFollowUp(work: WorkStore, snapshot: GraphSnapshot, options: ReconcileOptions = {}): Promise<ReconcileSummary> {
  // Every year's findings before the loop below, which would otherwise work them out in one synchronous stretch.
  const view = await preparedDataView(snapshot, options.signal, () => options.afterBurst?.('burst'));
  const at = (options.now ?? (() => new Date()))().toISOString();
  const size = Math.max(1, options.batchSize ?? RECONCILE_BATCH);
  const summary = emptySummary();
  // Written by this run: a later attempt (after a conflict in a later batch) does not look at them again.
  const written = new Set<string>();
  for (let attempt = 1; ; attempt++) {
    const round = emptySummary();
    try {
      await reconcileRound(work, view, at, size, written, round, summary, options);
      // This round looked at every record not written before it, so its counts of the rest are the run's.
      summary.unchanged += round.unchanged;
      summary.invalid += round.invalid;
      options.afterBurst?.('end');
      return summary;
    } catch (err) {
      const conflicts = err instanceof StoreError && err.code === 'version_conflict' ? err.conflicts : undefined;
      if (!conflicts || attempt >= MAX_ATTEMPTS) throw err;
      // Someone wrote some of these records meanwhile (an editor, or another server reconciling): nothing of that batch
      // was written. The next round reads every record again (whoever wrote these may have written later ones too)
      // and works out anew what this run has not written; the records nobody touched come out the same.
      summary.conflicts += conflicts.length;
    }
  }
}

/**
 * One pass over the records, a page at a time, then over the current findings without a record, writing the changes
 * in batches of `size` as they come. Only a page of records and a batch of writes are held at once: the first reconcile
 * of a 100,000-node graph holding its 49,000 records and their writes together took the server past 3 GiB.
 */
async function reconcileRound(
  work: WorkStore,
  view: DataView,
  at: string,
  size: number,
  written: Set<string>,
  round: ReconcileSummary,
  summary: ReconcileSummary,
  options: ReconcileOptions,
): Promise<void> {
  const pageSize = Math.max(1, options.pageSize ?? RECORD_PAGE);
  const withRecord = new Set<string>();
  let writes: (RecordWrite & { action: DataAction })[] = [];
  let batches = 0;
  // Progress counts the ids looked at; the total grows by each record that is not a current finding as pages come in.
  let lookedAt = 0;
  let total = view.current.length;
  const report = () => options.onProgress?.({ phase: 'reconciling', done: lookedAt, total });
  const flush = async () => {
    if (writes.length === 0) return;
    if (batches++ > 0) options.signal?.throwIfAborted();
    const batch = writes;
    writes = [];
    await work.writeRecords(batch.map(({ action: _action, ...write }) => write));
    for (const w of batch) {
      written.add(w.id);
      summary[w.action]++;
    }
    report();
    // A first reconcile at 100,000 nodes writes 25 batches; their bodies and audit entries are garbage once written.
    options.afterBurst?.('burst');
  };
  const lookAt = async (id: string, current: WorkRecord | null) => {
    lookedAt++;
    if (written.has(id)) return;
    const record = current ? parseRecord(current) : null;
    if (current && !record) {
      round.invalid++;
      return;
    }
    const change = changeFor(view, id, record, at);
    if (!change) {
      round.unchanged++;
      return;
    }
    const audit: AuditDraft = {
      at,
      actor: SYSTEM_ACTOR,
      action: change.action,
      target: `${COLLECTION}/${id}`,
      before: auditView(record),
      after: auditView(change.record, true),
      ...(options.requestId ? { requestId: options.requestId } : {}),
    };
    writes.push({ collection: COLLECTION, id, body: toJson(change.record), expectedVersion: current?.version ?? 0, audit, action: change.action });
    if (writes.length >= size) await flush();
  };

  options.signal?.throwIfAborted();
  report();
  for (let afterId: string | undefined; ;) {
    // Between pages too: a second start reads every record and may write none, and the server's close waits for it.
    if (afterId !== undefined) options.signal?.throwIfAborted();
    const page = await work.listRecordsPage(COLLECTION, { limit: pageSize, ...(afterId === undefined ? {} : { afterId }) });
    for (const stored of page) if (!view.currentById.has(stored.id)) total++;
    for (const stored of page) {
      withRecord.add(stored.id);
      await lookAt(stored.id, stored);
    }
    report();
    if (page.length < pageSize) break;
    afterId = page.at(-1)!.id;
  }
  for (const finding of view.current) if (!withRecord.has(finding.id)) await lookAt(finding.id, null);
  await flush();
  report();
}

const reconciled = new WeakMap<WorkStore, WeakMap<GraphSnapshot, Promise<ReconcileSummary>>>();

/**
 * Reconciles once per graph: the store gives one snapshot object per committed graph, so a graph already reconciled
 * (by this process) is not looked at again, and concurrent callers share one run. A failed run is forgotten, so the next
 * caller tries again.
 */
export function ensureReconciled(work: WorkStore, snapshot: GraphSnapshot, options: ReconcileOptions = {}): Promise<ReconcileSummary> {
  let runs = reconciled.get(work);
  if (!runs) reconciled.set(work, (runs = new WeakMap()));
  const running = runs.get(snapshot);
  if (running) return running;
  const run = reconcileFollowUp(work, snapshot, options);
  runs.set(snapshot, run);
  run.catch(() => runs.delete(snapshot));
  return run;
}
