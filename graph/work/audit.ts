// Reading the audit trail a page at a time, newest first, with filters the work-store port does not have: the trail is
// read back in store pages and filtered here, so both stores answer alike. A filter that matches little never scans
// the whole trail in one request: past MAX_SCANNED entries the page ends early and its cursor says where to go on.
import { MAX_AUDIT_PAGE } from './limits.js';
import type { WorkStore } from './port.js';
import type { AuditEntry } from './schema.js';

/** Most entries one request reads from the store, whatever it finds. */
export const MAX_SCANNED = 20_000;

export interface AuditFilter {
  /** Exactly this target, e.g. "followup/missing-status:x" or "dataset". */
  target?: string;
  /** Exactly this actor id. */
  actor?: string;
  /** Exactly this action, or every action under a prefix ending in a dot ("followup."). */
  action?: string;
}

export interface AuditPageQuery extends AuditFilter {
  limit: number;
  /** Only entries older than this seq: the cursor of the page before. */
  before?: number;
}

export interface AuditPage {
  items: AuditEntry[];
  /** Pass as `before` for the next (older) page; null when the trail has no older entries. */
  nextBefore: number | null;
}

export function matchesAudit(filter: AuditFilter, entry: AuditEntry): boolean {
  if (filter.target !== undefined && entry.target !== filter.target) return false;
  if (filter.actor !== undefined && entry.actor.id !== filter.actor) return false;
  if (filter.action !== undefined) {
    const prefix = filter.action.endsWith('.');
    if (prefix ? !entry.action.startsWith(filter.action) : entry.action !== filter.action) return false;
  }
  return true;
}

export async function auditPage(work: WorkStore, query: AuditPageQuery): Promise<AuditPage> {
  const items: AuditEntry[] = [];
  let cursor = query.before;
  let scanned = 0;
  for (;;) {
    const batch = await work.listAudit({ limit: MAX_AUDIT_PAGE, ...(cursor !== undefined ? { beforeSeq: cursor } : {}) });
    for (const entry of batch) {
      scanned++;
      cursor = entry.seq;
      if (!matchesAudit(query, entry)) continue;
      items.push(entry);
      // A full page: the next one starts below its last entry (it may be empty; only the store can tell).
      if (items.length === query.limit) return { items, nextBefore: entry.seq > 1 ? entry.seq : null };
    }
    if (batch.length < MAX_AUDIT_PAGE) return { items, nextBefore: null };
    if (scanned >= MAX_SCANNED) return { items, nextBefore: cursor ?? null };
  }
}
