// The security probe's reproducers against the analyst guard, on the real embedded LadybugDB behind the real API.
// Each query below got past the old regex guard (or crashed the process); each must now be a 400 query_invalid
// that reads and writes nothing.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import lbug from '@ladybugdb/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ANALYST_QUERY_LIMITS, assertAnalystQueryAllowed, engineMessageForAnalyst } from '../../graph/adapters/shared/analyst-query.js';
import { StoreError } from '../../graph/store/errors.js';
import { body, build, type TestApp } from '../server/helpers.js';

const query = (t: TestApp, cypher: string) => t.app.inject({ method: 'POST', url: '/api/query', payload: { cypher } });

let t: TestApp;
let sandbox: string;
beforeAll(async () => {
  t = await build({ limits: { timeoutMs: 5000, rowCap: 100 } });
  sandbox = mkdtempSync(path.join(os.tmpdir(), 'strategigraf-guard-'));
});
afterAll(async () => {
  await t.close();
  rmSync(sandbox, { recursive: true, force: true });
});

async function expectRefused(cypher: string, message: RegExp) {
  const res = await query(t, cypher);
  expect(res.statusCode, res.body).toBe(400);
  expect(body(res).error.code).toBe('query_invalid');
  expect(body(res).error.message).toMatch(message);
  return res;
}

describe('the probe’s file access through strings and comments is refused', () => {
  it("LOAD FROM hidden after a '//' string does not return /etc/passwd", async () => {
    const res = await expectRefused(
      "UNWIND ['//'] AS s LOAD FROM '/etc/passwd' (header=false, file_format='csv') RETURN *",
      /^the clause LOAD at line 1, column 20 is not allowed in analyst queries$/,
    );
    expect(res.body).not.toMatch(/root:|\/etc\/passwd/);
  });

  it("COPY … TO hidden by '/*' inside a '//' comment writes no file", async () => {
    const target = path.join(sandbox, 'copy.csv');
    await expectRefused(`// /*\nCOPY (MATCH (n:Agency) RETURN n.id AS id, '*/' AS x\n) TO '${target}'`, /^the clause COPY at line 2, column 1 /);
    expect(existsSync(target)).toBe(false);
  });

  it('EXPORT DATABASE by the same pattern dumps nothing', async () => {
    const target = path.join(sandbox, 'dump');
    await expectRefused(`// /*\nEXPORT DATABASE '${target}' (format='csv') // '*/'`, /^the clause EXPORT at line 2, column 1 /);
    expect(existsSync(target)).toBe(false);
  });

  it.each([
    ["RETURN '/*' AS a LOAD FROM '/etc/passwd' RETURN *", /clause LOAD/],
    ['RETURN "a\\"//" AS a LOAD FROM "/etc/passwd" RETURN *', /clause LOAD/],
    ["RETURN `x``//` AS a COPY (RETURN 1) TO '/tmp/x.csv'", /clause COPY/],
    ["RETURN 1 AS x /* '*/ ATTACH '/tmp/other.lbug' AS other (dbtype lbug)", /clause ATTACH/],
    ['RETURN 1 AS load UNION ALL LOAD FROM "/etc/passwd" RETURN *', /clause LOAD/],
    ['INSTALL json', /clause INSTALL/],
    ['LOAD EXTENSION json', /clause LOAD/],
    ['CHECKPOINT', /clause CHECKPOINT/],
    ['PROFILE MATCH (n) RETURN n', /clause PROFILE/],
    ['BEGIN TRANSACTION', /clause BEGIN/],
    ['DETACH other', /clause DETACH/],
    ['USE other MATCH (n) RETURN n', /clause USE/],
    ['MATCH (n) RETURN n; RETURN 1', /only one statement per query is allowed; another one starts at line 1, column 21/],
  ])('refuses %j', async (cypher, message) => {
    await expectRefused(cypher, message);
  });
});

describe('database settings and server facts', () => {
  it.each(['CALL threads=1', 'CALL auto_checkpoint=false', 'CALL checkpoint_threshold=1', 'CALL spill_to_disk=false', 'CALL var_length_extend_max_depth=1000'])(
    'refuses the setting change %j',
    async (cypher) => {
      const name = /CALL (\w+)/.exec(cypher)![1]!;
      await expectRefused(cypher, new RegExp(`^changing the database setting ${name} \\(CALL ${name} = …\\) at line 1, column 1 is not allowed`));
    },
  );

  it.each([
    ["RETURN current_setting('home_directory') AS h", /the function current_setting at line 1, column 8/],
    ["CALL current_setting('home_directory') RETURN *", /the procedure current_setting at line 1, column 6 is not allowed .*allowed: show_tables/],
    ['CALL db_version() RETURN *', /the procedure db_version/],
    ["CALL file_info('/etc/passwd') RETURN *", /the procedure file_info/],
    ["UNWIND [1] AS x CALL storage_info('Agency') RETURN *", /the procedure storage_info/],
  ])('refuses %j, which discloses server facts', async (cypher, message) => {
    const res = await expectRefused(cypher, message);
    expect(res.body).not.toMatch(/\/root|home_directory"/);
  });

  it('still allows the schema listings show_tables and table_info', async () => {
    const tables = await query(t, 'CALL show_tables() RETURN name ORDER BY name');
    expect(tables.statusCode, tables.body).toBe(200);
    expect(body(tables).rows.flat()).toContain('Agency');
    expect((await query(t, "CALL table_info('Agency') RETURN *")).statusCode).toBe(200);
  });
});

describe('words that are names, not clauses', () => {
  it.each([
    'RETURN 1 AS use',
    'RETURN 1 AS copy',
    'WITH 1 AS copy RETURN copy + 1 AS load ORDER BY load',
    "MATCH (use:Agency {id: 'digdir'}) RETURN use.id AS export",
    "RETURN {copy: 1, load: 'x'} AS m",
    "RETURN '//' AS a, '/*' AS b, \"*/\" AS c, 'LOAD FROM x' AS d // LOAD FROM '/etc/passwd'",
    "/* COPY (RETURN 1) TO '/tmp/x' */ WITH 1 AS `LOAD` RETURN `LOAD` AS `COPY`",
  ])('allows %j', async (cypher) => {
    const res = await query(t, cypher);
    expect(res.statusCode, res.body).toBe(200);
  });
});

describe('caps before the engine sees the query', () => {
  // Unguarded, these crash the engine's parser (stack exhaustion, SIGSEGV): the server process would die.
  it.each([
    ['3,000 nested parentheses', `RETURN ${'('.repeat(3000)}1${')'.repeat(3000)} AS x`, /nests \( \[ \{ deeper than 64 levels \(\( at line 1, column 72\)/],
    ['1,000 nested brackets', `RETURN ${'['.repeat(1000)}1${']'.repeat(1000)} AS x`, /nests \( \[ \{ deeper than 64 levels \(\[ at line 1, column 72\)/],
    ['800 nested CASE', `RETURN ${'CASE WHEN true THEN '.repeat(800)}1${' END'.repeat(800)} AS x`, /nests CASE deeper than 10 levels/],
  ])('refuses %s with a 400 and the process stays alive', async (_name, cypher, message) => {
    const res = await expectRefused(cypher, message);
    expect(res.body.length).toBeLessThan(500);
    // Still alive and serving: the engine never saw the query.
    const after = await query(t, 'RETURN 1 AS ok');
    expect(after.statusCode).toBe(200);
    expect(body(after).rows).toEqual([[1]]);
  });

  it('allows nesting up to the cap', async () => {
    const res = await query(t, `RETURN ${'('.repeat(32)}${'['.repeat(32)}1${']'.repeat(32)}${')'.repeat(32)} AS x`);
    expect(res.statusCode, res.body).toBe(200);
  });

  it('refuses more tokens than the cap, naming the limit', async () => {
    await expectRefused(`RETURN 1${' + 1'.repeat(2500)} AS x`, /more than 5000 tokens, the limit for analyst queries/);
    expect((await query(t, `RETURN 1${' + 1'.repeat(2400)} AS x`)).statusCode).toBe(200);
  });

  // Schemathesis found it: 19,999 zeros kept the engine's parser busy for seconds before its 400.
  it('refuses text that starts no statement before the engine parses it, quoting only its start', async () => {
    const res = await expectRefused(
      '0'.repeat(19_999),
      /starts with one of MATCH, OPTIONAL MATCH, WITH, UNWIND, RETURN or CALL; this one starts with "0{40}…" at line 1, column 1/,
    );
    expect(res.body.length).toBeLessThan(400);
    await expectRefused('WHERE true RETURN 1', /this one starts with "WHERE" at line 1, column 1/);
  });

  // KNOWN ENGINE DEFECT: LadybugDB's parser overflows its stack on deep nesting. This runs the raw engine, without
  // the guard, in a child process and expects it to die by a signal. When it stops crashing, upstream has fixed it.
  it('KNOWN ENGINE DEFECT: the raw engine still dies on 3,000 nested parentheses (revisit the guard’s nesting cap when this fails)', () => {
    const script = `
      import lbug from '@ladybugdb/core';
      const db = new lbug.Database(':memory:'); await db.init();
      const conn = new lbug.Connection(db); await conn.init();
      try { await conn.query('RETURN ' + '('.repeat(3000) + '1' + ')'.repeat(3000) + ' AS x'); } catch (e) { console.log('error: ' + e.message.slice(0, 80)); }
      console.log('survived');`;
    // The parser takes a while before its stack runs out (25 s on a busy machine).
    const child = spawnSync(process.execPath, ['--input-type=module', '-e', script], { cwd: process.cwd(), encoding: 'utf8', timeout: 170_000 });
    if (child.error && (child.error as NodeJS.ErrnoException).code === 'ETIMEDOUT') expect.fail('the raw engine neither crashed nor answered within 170 s');
    expect(child.error, 'the child process could not run').toBeUndefined();
    if (child.signal === null) {
      expect.fail(
        `the engine defect seems fixed: the raw engine survived 3,000 nested parentheses (exit ${child.status}, output ${JSON.stringify(child.stdout.slice(0, 200))}); ` +
          `the guard's nesting cap (${ANALYST_QUERY_LIMITS.maxNesting}) can be revisited`,
      );
    }
    expect(child.signal).toMatch(/^SIG(SEGV|BUS|ABRT|ILL)$/);
  }, 180_000);
});

describe('engine errors without server internals', () => {
  it('hides a path the engine echoes in its message and keeps the message', async () => {
    const res = await query(t, "RETURN CAST('/home/analyst/secret.txt' AS INT64) AS x");
    expect(res.statusCode).toBe(400);
    expect(body(res).error.code).toBe('query_invalid');
    expect(body(res).error.message).toMatch(/Could not convert "<path>" to INT64/);
    expect(res.body).not.toContain('/home/analyst');
  });

  it('cuts an engine message that echoes a long input to 500 characters', () => {
    const echoed = engineMessageForAnalyst(`Conversion exception: Cast failed. Could not convert "${'1'.repeat(19_000)}" to INT64.`);
    expect(echoed.length).toBeLessThanOrEqual(501);
    expect(echoed.endsWith('…')).toBe(true);
  });

  it('keeps the engine’s line and offset of a parse error', async () => {
    const res = await query(t, 'MATCH (n RETURN n');
    expect(body(res).error.message).toMatch(/^the query is not valid Cypher: Parser exception: .*\(line: 1, offset: \d+\)$/);
  });

  it('strips the path and the quoted line of a file from the engine’s own LOAD FROM error', async () => {
    // The raw engine (no guard) reading a file: its message names the file and quotes a line of it.
    const file = path.join(sandbox, 'secret.csv');
    writeFileSync(file, 'a,b,c,d\ntop-secret-line-0123\n');
    const db = new lbug.Database(':memory:');
    await db.init();
    const conn = new lbug.Connection(db);
    await conn.init();
    const raw = await conn.query(`LOAD FROM '${file}' (header=false) RETURN *`).then(
      () => '',
      (e: Error) => e.message,
    );
    await conn.close();
    await db.close();
    expect(raw).toContain(file);
    expect(raw).toContain('top-secret-line-0123');
    const shown = engineMessageForAnalyst(raw);
    expect(shown).not.toContain(sandbox);
    expect(shown).not.toContain('top-secret');
    expect(shown).toMatch(/<path>/);
  });
});

describe('write clauses', () => {
  it.each([
    ["MATCH (a:Agency) SET a.name = 'x'", 'SET', 18],
    ["CREATE (:Agency {id: 'e'})", 'CREATE', 1],
    ['MATCH (a) DETACH DELETE a', 'DETACH DELETE', 11],
    ["MERGE (:Goal {id: 'g'})", 'MERGE', 1],
    ['MATCH (a) REMOVE a.name', 'REMOVE', 11],
    ['DROP TABLE Agency', 'DROP', 1],
    ['ALTER TABLE Agency ADD x INT64', 'ALTER', 1],
  ])('refuses %j as read_only, naming the clause', (cypher, word, column) => {
    let err: unknown;
    try {
      assertAnalystQueryAllowed(cypher);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(StoreError);
    expect((err as StoreError).code).toBe('read_only');
    expect((err as StoreError).message).toBe(`the clause ${word} at line 1, column ${column} would change the graph; only read queries are allowed here`);
  });
});
