// Raw @ladybugdb/core, no adapter: creates a table, inserts one string given as a parameter, says "ack", waits to be
// killed. Used by test/store/engine-defects.test.ts. Usage: node engine-child.mjs <db> <char> <count> [suffix]
import lbug from '@ladybugdb/core';

const [dbPath, char, count, suffix = ''] = process.argv.slice(2);
const db = new lbug.Database(dbPath);
const conn = new lbug.Connection(db);
(await conn.query('CREATE NODE TABLE T(id STRING PRIMARY KEY, s STRING)')).close();
(await conn.query('CHECKPOINT')).close();
const insert = await conn.prepare('CREATE (:T {id: $id, s: $s})');
(await conn.execute(insert, { id: 'a', s: char.repeat(Number(count)) + suffix })).close();
process.stdout.write('ack\n');
setInterval(() => undefined, 60_000);
