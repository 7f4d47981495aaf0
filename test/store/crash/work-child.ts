// A store process for the work-store crash test (test/store/work-crash.test.ts), killed with SIGKILL by the parent.
// Usage: node bin/run-ts.mjs test/store/crash/work-child.ts <db> <write|batch|none>
// With "batch", every record is written at once in one writeRecords batch per round, printing `ack-batch <version>`.
// Prints `opening`, opens the work file (creating it on first use), prints `found {...}` (the versions it holds), then
// (with "write") prints `writing` and writes records in a loop — each write's body follows from its record and version
// (workBody), so a torn or mixed-up record shows — printing `ack <id> <version>` after each, and now and then an audit
// entry of its own, printing `ack-audit <seq>`; every ninth write it closes the work store, which folds its log aside.
import { LadybugStore } from '../../../graph/adapters/ladybug/store.js';
import { CRASH_IDS, workBody } from './work-bodies.js';

const [dbPath, mode = 'none'] = process.argv.slice(2);
if (!dbPath) throw new Error('usage: work-child.ts <db> <write|none>');
const say = (line: string) => process.stdout.write(`${line}\n`);
const store = new LadybugStore({ path: dbPath });
say('opening');
const versions: Record<string, number> = {};
try {
  for (const id of CRASH_IDS) versions[id] = (await store.work.getRecord('followup', id))?.version ?? 0;
} catch (err) {
  say(`open-failed ${JSON.stringify(err instanceof Error ? err.message : String(err))}`);
  process.exit(3);
}
say(`found ${JSON.stringify(versions)}`);
if (mode === 'write') {
  say('writing');
  for (let i = 0; ; i++) {
    const id = CRASH_IDS[i % CRASH_IDS.length]!;
    const version = versions[id]! + 1;
    const body = workBody(id, version);
    await store.work.writeRecord('followup', id, body, version - 1, {
      at: new Date().toISOString(),
      actor: { id: 'crash', name: 'crash test', via: 'token' },
      action: 'followup.comment',
      target: `followup/${id}`,
      before: version > 1 ? workBody(id, version - 1) : null,
      after: body,
    });
    versions[id] = version;
    say(`ack ${id} ${version}`);
    // Closing folds the log into a new generation aside (generations.ts); the next write opens the store again.
    if (i % 9 === 8) {
      await store.work.close();
      say('closed');
    }
    if (i % 7 === 3) {
      const entry = await store.work.appendAudit({
        at: new Date().toISOString(),
        actor: { id: 'crash', name: 'crash test', via: 'token' },
        action: 'dataset.replace',
        target: 'dataset',
        before: null,
        after: { i },
      });
      say(`ack-audit ${entry.seq}`);
    }
  }
}
if (mode === 'batch') {
  say('writing');
  for (;;) {
    const version = Math.max(...Object.values(versions)) + 1;
    await store.work.writeRecords(
      CRASH_IDS.map((id) => ({
        collection: 'followup',
        id,
        body: workBody(id, version),
        expectedVersion: versions[id]!,
        audit: {
          at: new Date().toISOString(),
          actor: { id: 'crash', name: 'crash test', via: 'token' },
          action: 'followup.detect',
          target: `followup/${id}`,
          before: null,
          after: workBody(id, version),
        },
      })),
    );
    for (const id of CRASH_IDS) versions[id] = version;
    say(`ack-batch ${version}`);
    if (version % 5 === 0) {
      await store.work.close();
      say('closed');
    }
  }
}
say('idle');
setInterval(() => undefined, 60_000);
