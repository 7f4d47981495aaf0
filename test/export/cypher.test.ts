import { beforeAll, describe, expect, it } from 'vitest';
import { NODE_KINDS } from '../../graph/ontology.js';
import { cypherIdentifier, cypherScriptMeta, cypherString, cypherValue, splitCypherScript } from '../../graph/export/cypher.js';
import { exportGraph } from '../../graph/export/index.js';
import { linkReviewJson } from '../../graph/export/shared.js';
import type { GraphSnapshot } from '../../graph/store/port.js';
import { escapingDataset, NASTY_NAME, NASTY_NOTE, NASTY_QUOTE, snapshotOf } from './helpers.js';

/** Reads the Cypher literals the export writes (maps, strings, integers, booleans, lists) with Neo4j's escape rules. */
class LiteralReader {
  private i = 0;
  constructor(private readonly s: string) {}

  static read(text: string): unknown {
    const r = new LiteralReader(text);
    const value = r.value();
    if (r.i !== text.length) throw new Error(`trailing text at ${r.i}: ${text.slice(r.i)}`);
    return value;
  }

  private expect(token: string): void {
    if (!this.s.startsWith(token, this.i)) throw new Error(`expected ${token} at ${this.i}: ${this.s.slice(this.i, this.i + 20)}`);
    this.i += token.length;
  }

  value(): unknown {
    const c = this.s[this.i];
    if (c === "'") return this.string();
    if (c === '{') return this.map();
    if (c === '[') return this.list();
    const m = /^(-?\d+(?:\.\d+)?(?:e-?\d+)?|true|false)/.exec(this.s.slice(this.i));
    if (!m) throw new Error(`no literal at ${this.i}: ${this.s.slice(this.i, this.i + 20)}`);
    this.i += m[0].length;
    return m[0] === 'true' ? true : m[0] === 'false' ? false : Number(m[0]);
  }

  private string(): string {
    this.expect("'");
    let out = '';
    for (;;) {
      const c = this.s[this.i++];
      if (c === undefined) throw new Error('unterminated string');
      if (c === "'") return out;
      if (c === '\n' || c === '\r') throw new Error('raw line break inside a string literal');
      if (c !== '\\') {
        out += c;
        continue;
      }
      const e = this.s[this.i++];
      const simple: Record<string, string> = { '\\': '\\', "'": "'", '"': '"', n: '\n', r: '\r', t: '\t', b: '\b', f: '\f' };
      if (e !== undefined && e in simple) out += simple[e];
      else if (e === 'u') {
        out += String.fromCharCode(parseInt(this.s.slice(this.i, this.i + 4), 16));
        this.i += 4;
      } else throw new Error(`unknown escape \\${e}`);
    }
  }

  private map(): Record<string, unknown> {
    this.expect('{');
    const out: Record<string, unknown> = {};
    while (this.s[this.i] !== '}') {
      if (Object.keys(out).length > 0) this.expect(', ');
      const key = /^[A-Za-z_][A-Za-z0-9_]*/.exec(this.s.slice(this.i))?.[0];
      if (!key) throw new Error(`no key at ${this.i}`);
      this.i += key.length;
      this.expect(': ');
      out[key] = this.value();
    }
    this.i++;
    return out;
  }

  private list(): unknown[] {
    this.expect('[');
    const out: unknown[] = [];
    while (this.s[this.i] !== ']') {
      if (out.length > 0) this.expect(', ');
      out.push(this.value());
    }
    this.i++;
    return out;
  }
}

const STRING = String.raw`'(?:[^'\\]|\\.)*'`;
const NODE_STATEMENT = /^CREATE \(:(\w+) (\{.*\})\)$/;
const REL_STATEMENT = new RegExp(
  String.raw`^MATCH \(a:(\w+) \{id: (${STRING})\}\), \(b:(\w+) \{id: (${STRING})\}\) CREATE \(a\)-\[:(\w+)(?: (\{.*\}))?\]->\(b\)$`,
);
const CONSTRAINT = /^CREATE CONSTRAINT (\w+) IF NOT EXISTS FOR \(n:(\w+)\) REQUIRE n\.id IS UNIQUE$/;

describe('Cypher export', () => {
  let snapshot: GraphSnapshot;
  let script: string;
  let statements: string[];

  beforeAll(async () => {
    snapshot = await snapshotOf(await escapingDataset());
    const result = exportGraph(snapshot, 'cypher');
    expect(result).toMatchObject({ contentType: 'text/plain; charset=utf-8', extension: 'cypher' });
    script = result.body;
    statements = splitCypherScript(script);
  });

  it('puts every statement on one line ending in ";", so splitting on ";\\n" works too', () => {
    const lines = script.split('\n').filter((l) => l !== '' && !l.startsWith('//'));
    expect(lines).toHaveLength(statements.length);
    for (const line of lines) expect(line.endsWith(';')).toBe(true);
    const naive = script
      .split(';\n')
      .map((s) =>
        s
          .split('\n')
          .filter((l) => !l.startsWith('//'))
          .join('\n')
          .trim(),
      )
      .filter(Boolean);
    expect(naive).toEqual(statements);
  });

  it('creates a uniqueness constraint per node kind before any data', () => {
    const constraints = statements.filter((s) => s.startsWith('CREATE CONSTRAINT'));
    expect(constraints.map((s) => CONSTRAINT.exec(s)?.[2])).toEqual([...NODE_KINDS]);
    expect(statements.slice(0, NODE_KINDS.length)).toEqual(constraints);
    expect(new Set(constraints.map((s) => CONSTRAINT.exec(s)?.[1])).size).toBe(NODE_KINDS.length);
  });

  it('has one CREATE per node, with every property as a literal of the right type', () => {
    const creates = statements.filter((s) => NODE_STATEMENT.test(s));
    expect(creates).toHaveLength(snapshot.nodes.length);
    const read = new Map(
      creates.map((s) => {
        const [, kind, map] = NODE_STATEMENT.exec(s)!;
        const props = LiteralReader.read(map!) as Record<string, unknown>;
        return [props['id'] as string, { kind, props }];
      }),
    );
    for (const node of snapshot.nodes) {
      const expected: Record<string, unknown> = { id: node.id, name: node.name, ...node.properties };
      if (node.nameEn) expected['nameEn'] = node.nameEn;
      expect(read.get(node.id)).toEqual({ kind: node.kind, props: expected });
    }
    expect(script).toMatch(/number: 2[,}]/);
    expect(script).toContain("missing: ['respondent', 'it\\'s \"odd\", really', 'successFactors']");
    expect(script).toContain('complete: false');
  });

  it('has one MATCH … CREATE per relationship, matching both ends by kind and id', () => {
    const creates = statements.filter((s) => s.startsWith('MATCH'));
    expect(creates).toHaveLength(snapshot.edges.length);
    expect(statements).toHaveLength(NODE_KINDS.length + snapshot.nodes.length + snapshot.edges.length);
    const kinds = new Map(snapshot.nodes.map((n) => [n.id, n.kind]));
    const read = new Map(
      creates.map((s) => {
        const m = REL_STATEMENT.exec(s);
        expect(m, s).not.toBeNull();
        const [, fromKind, from, toKind, to, type, map] = m!;
        const edge = { fromKind, from: LiteralReader.read(from!), toKind, to: LiteralReader.read(to!), type, props: map ? LiteralReader.read(map) : {} };
        return [`${edge.from as string}:${type}:${edge.to as string}`, edge];
      }),
    );
    for (const edge of snapshot.edges) {
      // A review is written as the JSON text the stores keep, and only when decided.
      const props = Object.fromEntries(
        Object.entries({ ...edge.properties, review: linkReviewJson(edge.properties.review) }).filter(([, v]) => v !== null && v !== undefined),
      );
      expect(read.get(edge.id)).toEqual({ fromKind: kinds.get(edge.from), from: edge.from, toKind: kinds.get(edge.to), to: edge.to, type: edge.type, props });
    }
    expect(script).toContain(
      "MATCH (a:ActionPlan {id: 'handlingsplan'}), (b:Strategy {id: 'strategi'}) CREATE (a)-[:OPERATIONALISES {source: 'rapport-2020', page: 3, basis: 'stated'}]->(b);",
    );
  });

  it('escapes quotes, backslashes and newlines; keeps «», – and & as they are', () => {
    expect(script).toContain(String.raw`name: 'Tjeneste «Én» & <b>\'x\' "y"\nlinje 2 – slutt'`);
    expect(script).toContain(String.raw`quote: 'Han sa: \'Det er C:\\data\\ny\' – «sitat» & <tag>'`);
    expect(script).toContain(String.raw`note: 'Antatt; se s. 3;\nCREATE (n:Hack) RETURN n; // ikke kjør'`);
    expect(script).toContain(String.raw`description: 'Linje 1\r\nLinje 2,\tmed tab og "anførsel"'`);
    // The injected text stays inside its string: no statement creates a Hack node.
    expect(statements.filter((s) => s.startsWith('CREATE (n:Hack)'))).toEqual([]);
    const nasty = statements.find((s) => s.includes("id: 'ex-escaping'") && s.startsWith('CREATE'))!;
    expect(LiteralReader.read(NODE_STATEMENT.exec(nasty)![2]!)).toMatchObject({ name: NASTY_NAME, quote: NASTY_QUOTE });
    const rel = statements.find((s) => s.includes("{id: 'ex-escaping'}") && s.includes(':INVOLVES'))!;
    expect(LiteralReader.read(REL_STATEMENT.exec(rel)![6]!)).toMatchObject({ note: NASTY_NOTE, quote: NASTY_QUOTE });
  });

  it('escapes control characters and line separators as \\u escapes', () => {
    expect(cypherString('a\u0001b\u2028c\u0085d\uD800e')).toBe(String.raw`'a\u0001b\u2028c\u0085d\uD800e'`);
    expect(cypherString('😀 æøå')).toBe("'😀 æøå'");
    expect(LiteralReader.read(cypherString('a\u0001b\u2028c'))).toBe('a\u0001b\u2028c');
  });

  it('writes integers as integer literals and quotes odd identifiers', () => {
    expect(cypherValue(7)).toBe('7');
    expect(cypherValue(-3)).toBe('-3');
    expect(cypherValue(9_007_199_254_740_991)).toBe('9007199254740991');
    expect(cypherValue(1e21)).toBe('1000000000000000000000');
    expect(cypherValue(true)).toBe('true');
    expect(cypherValue([])).toBe('[]');
    expect(cypherIdentifier('Initiative')).toBe('Initiative');
    expect(cypherIdentifier('odd name`x')).toBe('`odd name``x`');
  });

  it('records the dataset header and references in comments a later import can read', () => {
    expect(cypherScriptMeta(script)).toEqual({ meta: snapshot.meta, references: snapshot.references });
  });

  it('splits scripts with comments, blank lines and multi-line statements', () => {
    expect(splitCypherScript('// c\n\nRETURN 1;\r\nMATCH (n)\n  RETURN n;\n  // tail\nRETURN 2')).toEqual(['RETURN 1', 'MATCH (n)\n  RETURN n', 'RETURN 2']);
  });

  it('refuses an edge whose endpoint is missing from the snapshot', () => {
    const broken: GraphSnapshot = {
      ...snapshot,
      edges: [
        {
          id: 'x:LEADS:y',
          type: 'LEADS',
          from: 'x',
          to: 'y',
          properties: { source: 's', page: null, quote: null, basis: 'stated', note: null, noteNb: null, endedBy: null },
        },
      ],
    };
    expect(() => exportGraph(broken, 'cypher')).toThrow(/from node "x" is not in the snapshot/);
  });
});
