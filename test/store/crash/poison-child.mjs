// Leaves a store file with a write-ahead log LadybugDB 0.19.1 cannot replay, as the store did before it kept strings
// short: with raw @ladybugdb/core it overwrites the first dataset-meta part with a 4 KB string naming a dataset, says
// "ack" and waits for SIGKILL. Used by test/store/maintenance.test.ts. Usage: node poison-child.mjs <db> <dataset name>
import lbug from '@ladybugdb/core';

const [dbPath, name] = process.argv.slice(2);
const db = new lbug.Database(dbPath);
const conn = new lbug.Connection(db);
const set = await conn.prepare("MATCH (m:DatasetMeta {key: 'dataset:0'}) SET m.json = $json");
const json = `{"meta":{"name":${JSON.stringify(name)},"version":"9"},"references":[],"padding":"${'x'.repeat(4100)}"}`;
(await conn.execute(set, { json })).close();
process.stdout.write('ack\n');
setInterval(() => undefined, 60_000);
