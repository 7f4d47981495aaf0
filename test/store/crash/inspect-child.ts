// Opens a work file a killed writer left, in a process of its own, and prints what the crash test checks of it: its
// audit trail and the crash records. A native crash while opening or reading the file then ends this process, and the
// test fails with its signal and output, instead of taking the test runner's worker down with no cause given.
// Usage: node bin/run-ts.mjs test/store/crash/inspect-child.ts <db> [crash]
// With "crash" it aborts after opening, as a native fault would: the test of the test uses it.
import { withStore } from '../../../graph/adapters/ladybug/maintenance.js';
import type { AuditEntry } from '../../../graph/work/schema.js';
import { CRASH_IDS } from './work-bodies.js';

const [dbPath, mode] = process.argv.slice(2);
if (!dbPath) throw new Error('usage: inspect-child.ts <db> [crash]');
const found = await withStore(dbPath, async (store) => {
  if (mode === 'crash') process.abort();
  const audit: AuditEntry[] = [];
  for (let before: number | undefined; ;) {
    const page = await store.work.listAudit({ limit: 100, ...(before === undefined ? {} : { beforeSeq: before }) });
    audit.push(...page);
    if (page.length < 100) break;
    before = page.at(-1)!.seq;
  }
  const records = Object.fromEntries(await Promise.all(CRASH_IDS.map(async (id) => [id, await store.work.getRecord('followup', id)] as const)));
  return { audit, records };
});
process.stdout.write(`inspected ${JSON.stringify(found)}\n`);
