// Raw @ladybugdb/core, no adapter: commits a row and checkpoints, over and over, printing `ack <n>` after each commit,
// until killed. Used by test/store/engine-defects.test.ts. Usage: node checkpoint-child.mjs <db>
import lbug from '@ladybugdb/core';

const [dbPath] = process.argv.slice(2);
const db = new lbug.Database(dbPath);
const conn = new lbug.Connection(db);
const run = async (statement) => {
  const result = await conn.query(statement);
  for (const r of Array.isArray(result) ? result : [result]) r.close();
};
await run('CREATE NODE TABLE IF NOT EXISTS T(id INT64 PRIMARY KEY, s STRING)');
await run('CHECKPOINT');
const insert = await conn.prepare('CREATE (:T {id: $id, s: $s})');
process.stdout.write('start\n');
for (let i = 0; ; i++) {
  (await conn.execute(insert, { id: i, s: 'x'.repeat(2000) })).close();
  process.stdout.write(`ack ${i}\n`);
  await run('CHECKPOINT');
}
