// Differential, property-based: the guard's tokenizer and the REAL LadybugDB engine must agree on what is code
// and what is data (strings, comments) for queries full of quotes, escapes, comment markers, newlines and unicode.
// The engine runs raw (no guard) in memory; hidden clauses only touch a temporary directory.
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import lbug from '@ladybugdb/core';
import type { Connection, Database, QueryResult } from '@ladybugdb/core';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertAnalystQueryAllowed } from '../../graph/adapters/shared/analyst-query.js';
import { tokenizeCypher, type Token } from '../../graph/adapters/shared/cypher-lexer.js';

let db: Database;
let conn: Connection;
let sandbox: string;
const MARKER = 'file-content-marker-7f3a';

beforeAll(async () => {
  db = new lbug.Database(':memory:');
  await db.init();
  conn = new lbug.Connection(db);
  await conn.init();
  sandbox = mkdtempSync(path.join(os.tmpdir(), 'strategigraf-guard-prop-'));
  writeFileSync(path.join(sandbox, 'secret.csv'), `${MARKER}\n`);
});
afterAll(async () => {
  await conn?.close();
  await db?.close();
  rmSync(sandbox, { recursive: true, force: true });
});

type EngineOutcome = { ok: true; columns: string[][]; rows: unknown[][][] } | { ok: false; message: string };

/** Runs the query on the raw engine; several statements give several results. */
async function engine(cypher: string): Promise<EngineOutcome> {
  try {
    const result = await conn.query(cypher);
    const results: QueryResult[] = Array.isArray(result) ? result : [result];
    const columns: string[][] = [];
    const rows: unknown[][][] = [];
    for (const r of results) {
      const cols = await r.getColumnNames();
      columns.push(cols);
      rows.push((await r.getAll()).map((row) => cols.map((c) => (row as Record<string, unknown>)[c])));
      r.close();
    }
    return { ok: true, columns, rows };
  } catch (err) {
    return { ok: false, message: err instanceof Error ? err.message : String(err) };
  }
}

function tokens(cypher: string): Token[] | null {
  try {
    return tokenizeCypher(cypher).tokens;
  } catch {
    return null;
  }
}

/** null when the guard accepts the query, else its refusal. */
const refusal = (cypher: string): string | null => {
  try {
    assertAnalystQueryAllowed(cypher);
    return null;
  } catch (err) {
    return err instanceof Error ? err.message : String(err);
  }
};
// The guard serves both engines: it also refuses a comment LadybugDB and Neo4j end at different places ("/* **/").
const CROSS_ENGINE = /LadybugDB and Neo4j read differently/;

/** Token shape, e.g. "word:RETURN string word:AS word:a". */
const shape = (ts: Token[]) => ts.map((t) => (t.kind === 'word' || t.kind === 'punct' ? `${t.kind}:${t.text}` : t.kind)).join(' ');

// Pieces that confuse a lexer that gets the order wrong.
const HOSTILE = [
  "'",
  '"',
  '\\',
  '//',
  '/*',
  '*/',
  '\n',
  '\r',
  '\r\n',
  ' ',
  '`',
  '``',
  ';',
  '\t',
  'a',
  'é',
  'ß',
  '😀',
  '中',
  '\u2028',
  'LOAD',
  'COPY',
  'RETURN',
];
const noise = fc.array(fc.oneof(fc.constantFrom(...HOSTILE), fc.string({ unit: 'grapheme', maxLength: 3 })), { maxLength: 8 }).map((a) => a.join(''));

/** A string literal's source text: mostly well-formed (valid escapes), sometimes not (a stray quote, a bad escape). */
const literal = fc
  .tuple(
    fc.constantFrom("'", '"'),
    fc.array(
      fc.oneof(
        {
          weight: 6,
          arbitrary: fc.constantFrom(
            ...HOSTILE.filter((p) => p !== '\\' && p !== "'" && p !== '"'),
            '\\\\',
            "\\'",
            '\\"',
            '\\n',
            '\\t',
            '\\r',
            '\\b',
            '\\f',
            '\\u00e9',
            '\\U0001F600',
            '\\u002F\\u002F',
          ),
        },
        { weight: 3, arbitrary: fc.string({ unit: 'grapheme', maxLength: 4 }).filter((s) => !/['"\\\0]/.test(s)) },
        { weight: 1, arbitrary: fc.constantFrom("'", '"', '\\', '\\q', '\\u12') },
      ),
      { maxLength: 10 },
    ),
  )
  .map(([q, parts]) => q + parts.join('') + q);

const RUNS = { numRuns: 300 };

describe('the guard’s tokenizer and the real LadybugDB agree on what is code', () => {
  it('(a) RETURN <lit1> AS a, <lit2> AS b: the engine returns exactly the values the tokenizer decodes', async () => {
    let wellFormed = 0;
    await fc.assert(
      fc.asyncProperty(literal, literal, async (lit1, lit2) => {
        const cypher = `RETURN ${lit1} AS a, ${lit2} AS b`;
        const ts = tokens(cypher);
        const out = await engine(cypher);
        const lexedAsTwoStrings = ts !== null && shape(ts) === 'word:RETURN string word:AS word:a punct:, string word:AS word:b';
        const engineReturnedAB = out.ok && out.columns.length === 1 && out.columns[0]!.join(',') === 'a,b';
        expect(engineReturnedAB, `tokenizer ${lexedAsTwoStrings ? 'saw' : 'did not see'} two strings; engine: ${JSON.stringify(out).slice(0, 300)}`).toBe(
          lexedAsTwoStrings,
        );
        if (lexedAsTwoStrings && out.ok) {
          wellFormed++;
          expect(out.rows[0]).toEqual([[ts[1]!.value, ts[5]!.value]]);
        }
      }),
      RUNS,
    );
    expect(wellFormed).toBeGreaterThan(RUNS.numRuns / 4);
  });

  it('(b) a comment of random content, then RETURN 1 AS x: the engine answers x iff the tokenizer says the comment ended before it', async () => {
    let ended = 0;
    let swallowed = 0;
    const comment = fc.oneof(
      noise.map((c) => `//${c}`),
      fc.tuple(noise, fc.boolean()).map(([c, closed]) => `/*${c}${closed ? '*/' : ''}`),
    );
    await fc.assert(
      fc.asyncProperty(comment, fc.constantFrom('', ' ', '\n', '\r', '\r\n', '\u2028'), async (c, sep) => {
        const cypher = `${c}${sep}RETURN 1 AS x`;
        // A comment the two engines end in different places is refused for both; nothing to compare.
        if (CROSS_ENGINE.test(refusal(cypher) ?? '')) return;
        const ts = tokens(cypher);
        const guardSaysCode = ts !== null && shape(ts) === 'word:RETURN number word:AS word:x';
        const out = await engine(cypher);
        const engineAnsweredX = out.ok && out.columns.length === 1 && out.columns[0]!.join() === 'x' && JSON.stringify(out.rows[0]) === '[[1]]';
        expect(engineAnsweredX, `${JSON.stringify(cypher)} engine: ${JSON.stringify(out).slice(0, 200)}`).toBe(guardSaysCode);
        if (guardSaysCode) ended++;
        else swallowed++;
      }),
      RUNS,
    );
    expect(ended).toBeGreaterThan(10);
    expect(swallowed).toBeGreaterThan(10);
  });

  it('(c) a forbidden clause hidden in strings and comments is accepted iff the engine treats it as data', async () => {
    const copyTarget = path.join(sandbox, 'copied.csv');
    const exportTarget = path.join(sandbox, 'exported');
    const FORBIDDEN = [
      `COPY (RETURN 1 AS one) TO '${copyTarget}'`,
      `EXPORT DATABASE '${exportTarget}'`,
      `LOAD FROM '${path.join(sandbox, 'secret.csv')}' (header=false) RETURN *`,
      'CALL threads=3',
      "CALL current_setting('home_directory') RETURN *",
    ];
    const threads = async () => JSON.stringify((await engine("CALL current_setting('threads') RETURN *")) as unknown);
    const threadsBefore = await threads();
    const segment = fc.oneof(
      noise,
      noise.map((c) => `//${c}`),
      noise.map((c) => `/*${c}*/`),
      literal,
      fc.constantFrom(...FORBIDDEN),
      fc.constantFrom(...FORBIDDEN).map((f) => `\n${f};\n`),
      fc.constantFrom('\n', ';', ' ', "'", '"', '// /*\n', '/* // */', "'*/'", '"//"'),
    );
    let executedHidden = 0;
    let data = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(segment, { minLength: 1, maxLength: 6 }), literal, async (segments, lit) => {
        const cypher = `${segments.join('')}\nRETURN ${lit} AS x`;
        const refused = refusal(cypher);
        const guardAccepts = refused === null;
        const out = await engine(cypher);
        const leaked = out.ok && JSON.stringify(out.rows).includes(MARKER);
        const disclosed = out.ok && out.columns.some((c) => c.includes('home_directory'));
        const wrote = existsSync(copyTarget) || existsSync(exportTarget);
        const changed = (await threads()) !== threadsBefore;
        const executed = leaked || disclosed || wrote || changed;
        const treatedAsData = out.ok && !executed && out.columns.length === 1 && out.columns[0]!.join() === 'x';
        if (executed) executedHidden++;
        if (treatedAsData) data++;
        // Clean up before asserting, so one failure does not cascade.
        rmSync(copyTarget, { force: true });
        rmSync(exportTarget, { recursive: true, force: true });
        if (changed) await engine(`CALL threads=${JSON.parse(threadsBefore).rows[0][0][0]}`);
        const what = `${JSON.stringify(cypher)} engine: ${JSON.stringify(out).slice(0, 200)}`;
        if (guardAccepts) expect(executed, `the guard accepted a query whose hidden clause ran: ${what}`).toBe(false);
        if (treatedAsData && !CROSS_ENGINE.test(refused ?? '')) expect(refused, `the guard refused a query the engine treats as data: ${what}`).toBeNull();
      }),
      { numRuns: 500 },
    );
    // Not vacuous: the generator does expose hidden clauses to the engine, and does hide them as data.
    expect(executedHidden).toBeGreaterThan(5);
    expect(data).toBeGreaterThan(5);
    expect(readdirSync(sandbox)).toEqual(['secret.csv']);
  });
});
