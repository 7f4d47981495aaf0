// The follow-up as a report shows it: the stored records reconciled in memory with the graph the analysis reads (the
// reviewed one, as the stored follow-up is), writing nothing. One function for the CLI's report and GET /api/report.
import type { GraphSnapshot } from '../../store/port.js';
import type { WorkStore } from '../port.js';
import { followUpDigest } from './digest.js';
import { COLLECTION, reconciledInMemory } from './reconcile.js';
import type { FollowUpDigest } from './schema.js';

export async function followUpForReport(
  work: Pick<WorkStore, 'listRecords'>,
  reviewed: GraphSnapshot,
  dates: { since: string; today: string },
  at: Date,
): Promise<FollowUpDigest> {
  const records = await work.listRecords(COLLECTION);
  return followUpDigest(reconciledInMemory(reviewed, records, at.toISOString()), dates);
}
