// The follow-up as the API serves it: findings merged with their records (list, one finding with its thread and
// history) and editors' requests carried out as one audited compare-and-set write each. Pure TypeScript over the
// WorkStore port and a graph snapshot; the routes only translate HTTP to these calls.
import { GAP_RULES } from '../../analysis/gaps.js';
import { compareIds } from '../../analysis/text.js';
import type { NodeKind } from '../../ontology.js';
import { GAP_SEVERITIES, type GapFinding, type GapSeverity } from '../../schema/analysis.js';
import type { GraphSnapshot } from '../../store/port.js';
import type { WorkRecord, WorkStore } from '../port.js';
import type { Actor } from '../schema.js';
import { workWriteMark } from '../write-mark.js';
import { dataViewOf, summaryOf, type DataView } from './data-view.js';
import { auditView, COLLECTION, ensureReconciled, parseRecord, toJson, type ReconcileOptions, type ReconcileSummary } from './reconcile.js';
import {
  FOLLOW_UP_STATES,
  type FindingDetail,
  type FindingItem,
  type FindingSummary,
  type FollowUpCommand,
  type FollowUpRecord,
  type FollowUpState,
  type FollowUpStatus,
  type OwnerInput,
} from './schema.js';
import { applyCommand, commandWarnings, FollowUpError, isOverdue, osloDate, reconcileRecord } from './state.js';

export interface FollowUpContext {
  work: WorkStore;
  /** The whole graph as the store gives it. */
  snapshot: GraphSnapshot;
  now?: () => Date;
}

export const FINDING_SORTS = ['severity', 'due', 'owner', 'state'] as const;
export type FindingSort = (typeof FINDING_SORTS)[number];

export interface FindingQuery {
  /** The year of the data; the latest when left out. The caller checks that the data covers it. */
  asOf?: number;
  state?: FollowUpState[];
  /** An agency id, or an agency's or a person's name (case does not matter). */
  owner?: string;
  rule?: string;
  severity?: GapSeverity;
  kind?: NodeKind;
  overdue?: boolean;
  orphaned?: boolean;
  /** Only findings due on or before this date (YYYY-MM-DD). */
  dueBefore?: string;
  sort?: FindingSort;
  limit: number;
  offset: number;
}

export interface FindingList {
  asOf: number | null;
  today: string;
  /** Findings that match the filters. */
  total: number;
  truncated: boolean;
  /** Over every finding of the year, filters aside: per state (untracked: no record), overdue, orphaned. */
  summary: { byState: Record<FollowUpState | 'untracked', number>; overdue: number; orphaned: number };
  items: FindingItem[];
}

/** A record's status but for the day's overdue flag, which depends on the day the list is asked for. */
type StoredStatus = Omit<FollowUpStatus, 'overdue'>;

function statusOf(stored: WorkRecord, record: FollowUpRecord): StoredStatus {
  return {
    state: record.state,
    owner: record.owner,
    dueDate: record.dueDate,
    reason: record.reason,
    reviewDate: record.reviewDate,
    orphaned: record.orphaned,
    closedBy: record.closedBy,
    firstSeenAt: record.firstSeenAt,
    firstSeenYear: record.firstSeenYear,
    updatedAt: stored.updatedAt,
    version: stored.version,
    comments: record.events.filter((e) => e.comment !== undefined).length,
  };
}

/** What a list shows of one follow-up record. */
interface Listed {
  status: StoredStatus;
  /** The finding as the record last saw it: kept only where the data lacks the finding, the one case a list shows it. */
  finding: FindingSummary | null;
}

function item(id: string, finding: GapFinding | null, listed: Listed | null, today: string): FindingItem {
  const summary = finding ? summaryOf(finding) : listed!.finding!;
  const followUp = listed ? { ...listed.status, overdue: isOverdue(listed.status, today) } : null;
  return { id, ...summary, present: finding !== null, followUp };
}

/**
 * Per work store, the records as a list shows them, for one view of the data and one write mark
 * (graph/work/write-mark.ts). At 100,000 nodes reading and parsing the 48,934 records took 4.7-5.1 s, on every list
 * request; with nothing written since, a request now reads the mark alone. Only what a list shows is kept, not the
 * records' threads and bodies.
 */
const listedByStore = new WeakMap<WorkStore, { mark: string; view: DataView; listed: Promise<Map<string, Listed>> }>();

async function listedRecords(work: WorkStore, view: DataView): Promise<Map<string, Listed>> {
  const mark = await workWriteMark(work);
  const hit = listedByStore.get(work);
  if (hit && hit.mark === mark && hit.view === view) return hit.listed;
  const listed = readListed(work, view);
  listedByStore.set(work, { mark, view, listed });
  // A failed read is not kept.
  listed.catch(() => {
    if (listedByStore.get(work)?.listed === listed) listedByStore.delete(work);
  });
  return listed;
}

/**
 * Reads the records a list shows ahead of the first list, after a reconcile: at 100,000 nodes the first GET
 * /api/findings after a start or a load otherwise read all 48,934 records itself (4-8 s).
 */
export async function warmFindingList(work: WorkStore, snapshot: GraphSnapshot): Promise<void> {
  await listedRecords(work, dataViewOf(snapshot));
}

/** What a start, a load and the server's watch of its graph each do: the follow-up reconciled with `snapshot`, then its list read ahead. */
export async function reconcileAndReadAhead(work: WorkStore, snapshot: GraphSnapshot, options: ReconcileOptions = {}): Promise<ReconcileSummary> {
  const summary = await ensureReconciled(work, snapshot, options);
  await warmFindingList(work, snapshot);
  return summary;
}

async function readListed(work: WorkStore, view: DataView): Promise<Map<string, Listed>> {
  const listed = new Map<string, Listed>();
  for (const stored of await work.listRecords(COLLECTION)) {
    const record = parseRecord(stored);
    if (record) listed.set(stored.id, { status: statusOf(stored, record), finding: view.currentById.has(stored.id) ? null : record.finding });
  }
  return listed;
}

const ruleOrder = new Map(GAP_RULES.map((r, i) => [r.id, i]));
const byDefault = (a: FindingItem, b: FindingItem) =>
  GAP_SEVERITIES.indexOf(a.severity) - GAP_SEVERITIES.indexOf(b.severity) ||
  (ruleOrder.get(a.rule) ?? 99) - (ruleOrder.get(b.rule) ?? 99) ||
  compareIds(a.subject.id, b.subject.id) ||
  compareIds(a.id, b.id);
/** Nulls last, whatever the order of the rest. */
const nullsLast = <T>(a: T | null, b: T | null, compare: (x: T, y: T) => number) => (a === null ? (b === null ? 0 : 1) : b === null ? -1 : compare(a, b));
const ownerName = (i: FindingItem) => i.followUp?.owner?.name ?? null;
const SORTS: Record<FindingSort, (a: FindingItem, b: FindingItem) => number> = {
  severity: byDefault,
  due: (a, b) => nullsLast(a.followUp?.dueDate ?? null, b.followUp?.dueDate ?? null, compareIds) || byDefault(a, b),
  owner: (a, b) => nullsLast(ownerName(a), ownerName(b), (x, y) => x.localeCompare(y, 'nb')) || byDefault(a, b),
  state: (a, b) =>
    nullsLast(a.followUp?.state ?? null, b.followUp?.state ?? null, (x, y) => FOLLOW_UP_STATES.indexOf(x) - FOLLOW_UP_STATES.indexOf(y)) || byDefault(a, b),
};

function matches(query: FindingQuery, i: FindingItem): boolean {
  const f = i.followUp;
  if (query.rule !== undefined && i.rule !== query.rule) return false;
  if (query.severity !== undefined && i.severity !== query.severity) return false;
  if (query.kind !== undefined && i.subject.kind !== query.kind) return false;
  if (query.state !== undefined && (f === null || !query.state.includes(f.state))) return false;
  if (query.overdue !== undefined && (f?.overdue ?? false) !== query.overdue) return false;
  if (query.orphaned !== undefined && (f?.orphaned ?? false) !== query.orphaned) return false;
  if (query.dueBefore !== undefined && (f?.dueDate == null || f.dueDate > query.dueBefore)) return false;
  if (query.owner !== undefined) {
    const owner = f?.owner;
    const wanted = query.owner.toLowerCase();
    if (!owner || !(owner.name.toLowerCase() === wanted || (owner.kind === 'agency' && owner.id === query.owner))) return false;
  }
  return true;
}

/**
 * The findings of a year with their follow-up. For the latest year (the default) the records whose finding is not in
 * the data any more — closed by the data, resolved and gone, orphaned — are listed too, after being reconciled.
 */
export async function listFindings(ctx: FollowUpContext, query: FindingQuery): Promise<FindingList> {
  const view = dataViewOf(ctx.snapshot);
  const today = osloDate((ctx.now ?? (() => new Date()))());
  const latest = view.years.latest;
  const year = query.asOf ?? latest;
  const findings = year === null || year === latest ? view.current : view.findingsOf(year);
  const tracked = await listedRecords(ctx.work, view);
  const items = findings.map((f) => item(f.id, f, tracked.get(f.id) ?? null, today));
  if (year === latest) {
    const shown = new Set(items.map((i) => i.id));
    for (const [id, t] of tracked) if (!shown.has(id)) items.push(item(id, null, t, today));
  }
  const summary: FindingList['summary'] = {
    byState: Object.fromEntries([...FOLLOW_UP_STATES, 'untracked'].map((s) => [s, 0])) as FindingList['summary']['byState'],
    overdue: 0,
    orphaned: 0,
  };
  for (const i of items) {
    summary.byState[i.followUp?.state ?? 'untracked'] += 1;
    if (i.followUp?.overdue) summary.overdue += 1;
    if (i.followUp?.orphaned) summary.orphaned += 1;
  }
  const matching = items.filter((i) => matches(query, i)).sort(SORTS[query.sort ?? 'severity']);
  return {
    asOf: year,
    today,
    total: matching.length,
    truncated: query.offset + query.limit < matching.length,
    summary,
    items: matching.slice(query.offset, query.offset + query.limit),
  };
}

function detail(id: string, finding: GapFinding | null, tracked: { stored: WorkRecord; record: FollowUpRecord } | null, today: string): FindingDetail {
  const events = tracked?.record.events ?? [];
  const listed = tracked ? { status: statusOf(tracked.stored, tracked.record), finding: tracked.record.finding } : null;
  return {
    ...item(id, finding, listed, today),
    evidence: finding?.evidence ?? null,
    history: events.filter((e) => e.type !== 'commented'),
    thread: events.filter((e) => e.comment !== undefined),
  };
}

/** One finding of the current data, or one followed up earlier, with its thread and history; null when neither. */
export async function getFinding(ctx: FollowUpContext, id: string): Promise<{ detail: FindingDetail; version: number } | null> {
  const view = dataViewOf(ctx.snapshot);
  const today = osloDate((ctx.now ?? (() => new Date()))());
  const stored = await ctx.work.getRecord(COLLECTION, id);
  const record = stored ? parseRecord(stored) : null;
  const finding = view.currentById.get(id) ?? null;
  if (!finding && !record) return null;
  const tracked = stored && record ? { stored, record } : null;
  return { detail: detail(id, finding, tracked, today), version: stored?.version ?? 0 };
}

/** What an editor sends, before an agency owner is looked up. */
export type FollowUpRequest =
  | { type: 'acknowledge'; owner: OwnerInput; dueDate: string; comment?: string | undefined }
  | { type: 'resolve'; reason: string; comment?: string | undefined }
  | { type: 'accept_risk'; reason: string; reviewDate: string; comment?: string | undefined }
  | { type: 'reopen'; comment?: string | undefined }
  | { type: 'comment'; text: string };

const AUDIT_ACTIONS: Record<FollowUpRequest['type'], string> = {
  acknowledge: 'followup.acknowledge',
  resolve: 'followup.resolve',
  accept_risk: 'followup.accept_risk',
  reopen: 'followup.reopen',
  comment: 'followup.comment',
};

function commandOf(request: FollowUpRequest, snapshot: GraphSnapshot): FollowUpCommand {
  const comment = 'comment' in request && request.comment !== undefined ? { comment: request.comment } : {};
  switch (request.type) {
    case 'acknowledge': {
      if ('person' in request.owner)
        return { type: 'acknowledge', owner: { kind: 'person', name: request.owner.person }, dueDate: request.dueDate, ...comment };
      const agencyId = request.owner.agency;
      const agency = snapshot.nodes.find((n) => n.id === agencyId);
      if (!agency || agency.kind !== 'Agency') {
        throw new FollowUpError(
          'invalid_owner',
          agency ? `owner.agency: "${agencyId}" is a ${agency.kind}, not an agency` : `owner.agency: no agency in the graph has the id "${agencyId}"`,
        );
      }
      return { type: 'acknowledge', owner: { kind: 'agency', id: agency.id, name: agency.name }, dueDate: request.dueDate, ...comment };
    }
    case 'resolve':
      return { type: 'resolve', reason: request.reason, ...comment };
    case 'accept_risk':
      return { type: 'accept_risk', reason: request.reason, reviewDate: request.reviewDate, ...comment };
    case 'reopen':
      return { type: 'reopen', ...comment };
    case 'comment':
      return { type: 'comment', text: request.text };
  }
}

export interface ActOptions {
  actor: Actor;
  /** The version the editor read (the ETag): the write happens only if the record is still at it; 0 for no record yet. */
  expectedVersion: number;
  requestId?: string;
}

/**
 * Carries out an editor's request as one compare-and-set write with its audit entry. Throws FollowUpError when the
 * finding is unknown (not_found), the request does not fit its state (invalid_transition), the owner is no agency
 * (invalid_owner), or the editor read an older version (precondition_failed); the store's version_conflict when
 * another write slipped in between the read and the write.
 */
export async function actOnFinding(
  ctx: FollowUpContext,
  id: string,
  request: FollowUpRequest,
  options: ActOptions,
): Promise<{ detail: FindingDetail; version: number; warnings: string[] }> {
  const view = dataViewOf(ctx.snapshot);
  const now = (ctx.now ?? (() => new Date()))();
  const at = now.toISOString();
  const today = osloDate(now);
  const stored = await ctx.work.getRecord(COLLECTION, id);
  const finding = view.currentById.get(id) ?? null;
  let record: FollowUpRecord;
  if (stored) {
    const parsed = parseRecord(stored);
    if (!parsed) throw new Error(`the follow-up record ${id} in the store is not a valid record`);
    record = parsed;
  } else {
    if (!finding) throw new FollowUpError('not_found', `no finding has the id "${id}" in the current data, and none was followed up under it`);
    // A finding no reconcile has recorded yet: its record begins with its detection, in the same write.
    record = reconcileRecord(null, id, view.observe(id, finding.subject.id), at)!.record;
  }
  const version = stored?.version ?? 0;
  if (options.expectedVersion !== version) {
    throw new FollowUpError(
      'precondition_failed',
      `finding ${id} has changed since version ${options.expectedVersion} (it is now version ${version}); read it again and reapply the change`,
      version,
    );
  }
  const command = commandOf(request, ctx.snapshot);
  const next = applyCommand(record, command, options.actor, at);
  const written = await ctx.work.writeRecord(COLLECTION, id, toJson(next), version, {
    at,
    actor: options.actor,
    action: AUDIT_ACTIONS[request.type],
    target: `${COLLECTION}/${id}`,
    before: stored ? auditView(record) : null,
    after: auditView(next, true),
    ...(options.requestId ? { requestId: options.requestId } : {}),
  });
  return { detail: detail(id, finding, { stored: written, record: next }, today), version: written.version, warnings: commandWarnings(command, today) };
}
