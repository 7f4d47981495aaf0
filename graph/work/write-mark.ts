// A mark that changes whenever the work store's records may have: what a cache of records read from it is keyed on.
import type { WorkStore } from './port.js';

/**
 * A record is only ever written together with an audit entry (the work-store port's promise), so while the newest
 * entry is the same, so are the records — whichever process wrote them. Where this process is the only writer, the
 * store's own write mark says the same without a query. Read the mark before the records: a write in between makes the
 * next reader read again.
 */
export async function workWriteMark(work: WorkStore): Promise<string> {
  if (work.writeMark) return `writes:${work.writeMark()}`;
  const newest = (await work.listAudit({ limit: 1 }))[0];
  return newest ? `${newest.seq}@${newest.at}` : 'none';
}
