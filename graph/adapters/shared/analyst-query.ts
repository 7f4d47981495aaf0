// The guard in front of both engines for analysts' Cypher (POST /api/query takes it without a token).
// It reads the query with the engines' own lexing rules (cypher-lexer.ts), then allows only read clauses:
// LadybugDB's planner calls LOAD FROM, COPY … TO and EXPORT DATABASE read-only, so a read-only transaction alone
// does not stop file access. The stores' own read-only enforcement stays behind it as belt and braces.
import { CypherLexError, TokenLimitError, tokenizeCypher, type Token } from './cypher-lexer.js';
import { StoreError, queryInvalid } from '../../store/errors.js';

/** Caps checked before an engine sees the query: deep nesting crashes LadybugDB's parser, nested CASE makes it exponential. */
export const ANALYST_QUERY_LIMITS = { maxTokens: 5000, maxNesting: 64, maxCaseNesting: 10 } as const;

/** Clauses an analyst query may start a clause with (OPTIONAL only as OPTIONAL MATCH / OPTIONAL CALL). */
const CLAUSE_WORDS = ['MATCH', 'OPTIONAL', 'WITH', 'UNWIND', 'WHERE', 'RETURN', 'ORDER', 'SKIP', 'LIMIT', 'OFFSET', 'UNION', 'CALL'];
const CLAUSES = new Set(CLAUSE_WORDS);
/** Operators (and AS): they continue an expression and need something after them. */
const OPERATORS = ['AND', 'OR', 'XOR', 'NOT', 'IS', 'IN', 'STARTS', 'ENDS', 'CONTAINS', 'AS'];
/** Words that may follow an expression inside a clause: operators, AS, sort order, CASE parts, path selectors. */
const CONTINUATIONS = new Set([
  ...OPERATORS,
  'ASC',
  'ASCENDING',
  'DESC',
  'DESCENDING',
  'WHEN',
  'THEN',
  'ELSE',
  'END',
  'YIELD',
  'DISTINCT',
  'ALL',
  'BY',
  'NORMALIZED',
  'SHORTEST',
  'WSHORTEST',
  'TRAIL',
  'ACYCLIC',
  'WALK',
  'GROUPS',
  'GROUP',
  'PATH',
  'PATHS',
]);
/** Words after which an expression is not complete: what follows them is not a new clause. */
const OPEN_ENDED = new Set([...OPERATORS, ...CLAUSE_WORDS, 'WHEN', 'THEN', 'ELSE', 'CASE', 'BY', 'ALL', 'DISTINCT', 'YIELD', 'EXISTS', 'TYPED']);
/** Clauses that write: refused as read_only, as the stores refuse them. */
const WRITES = new Set(['CREATE', 'MERGE', 'SET', 'DELETE', 'REMOVE', 'DROP', 'ALTER', 'FOREACH']);
/**
 * Clauses that read or write the server's files, change its setup or the transaction, or show its settings, in
 * LadybugDB or Neo4j: refused wherever they could be read as a keyword (not as a name after AS, `.`, `:` or `$`).
 */
const FORBIDDEN = new Set([
  'LOAD',
  'COPY',
  'EXPORT',
  'IMPORT',
  'ATTACH',
  'DETACH',
  'INSTALL',
  'UNINSTALL',
  'USE',
  'CHECKPOINT',
  'PROFILE',
  'EXPLAIN',
  'BEGIN',
  'COMMIT',
  'ROLLBACK',
  'TRANSACTION',
  'TRANSACTIONS',
  'ANALYZE',
  'COMMENT',
  'UPDATE',
  'SHOW',
  'TERMINATE',
  'GRANT',
  'DENY',
  'REVOKE',
  'CYPHER',
  'FINISH',
]);
/**
 * Procedures an analyst may CALL: read-only schema listings, nothing about the server. LadybugDB: show_tables,
 * table_info; Neo4j: db.labels, db.relationshipTypes, db.propertyKeys, db.schema.visualization.
 */
export const ALLOWED_PROCEDURES = ['show_tables', 'table_info', 'db.labels', 'db.relationshipTypes', 'db.propertyKeys', 'db.schema.visualization'];
const ALLOWED_PROCEDURE_KEYS = new Set(ALLOWED_PROCEDURES.map((p) => p.toLowerCase()));
/**
 * Functions that disclose or change server facts: LadybugDB's table functions (settings, files, storage, catalog)
 * and sequence functions. Namespaced functions are limited to Neo4j's built-in temporal, spatial and vector ones.
 */
const FORBIDDEN_FUNCTIONS = new Set([
  'current_setting',
  'nextval',
  'currval',
  'file_info',
  'read_csv',
  'read_csv_serial',
  'read_csv_parallel',
  'read_parquet',
  'read_npy',
  'read_json',
  'read_ftable',
  'db_version',
  'storage_version',
  'storage_info',
  'stats_info',
  'disk_info',
  'disk_size_info',
  'fsm_info',
  'bm_info',
  'catalog_version',
  'show_connection',
  'show_attached_databases',
  'show_warnings',
  'clear_warnings',
  'show_loaded_extensions',
  'show_official_extensions',
  'show_macros',
  'show_sequences',
  'show_graphs',
  'show_projected_graphs',
  'projected_graph_info',
  'project_graph',
  'project_graph_cypher',
  'drop_projected_graph',
  '_cache_array_column_locally',
  'show_functions',
  'show_indexes',
  'show_tables',
  'table_info',
  'getenv',
]);
const FUNCTION_NAMESPACES = new Set(['point', 'date', 'datetime', 'localdatetime', 'localtime', 'time', 'duration', 'vector', 'vector.similarity']);

/** What a read statement may begin with; WHERE, ORDER BY, SKIP, LIMIT and UNION only follow another clause. */
const STATEMENT_STARTS = new Set(['MATCH', 'OPTIONAL', 'WITH', 'UNWIND', 'RETURN', 'CALL']);
const STATEMENT_START_LIST = 'MATCH, OPTIONAL MATCH, WITH, UNWIND, RETURN or CALL';
const CLAUSE_LIST = 'MATCH, OPTIONAL MATCH, WITH, UNWIND, WHERE, RETURN, ORDER BY, SKIP, LIMIT, UNION, CALL';
const where = (t: { line: number; column: number }) => `at line ${t.line}, column ${t.column}`;
const upper = (t: Token | undefined) => (t?.kind === 'word' ? t.value.toUpperCase() : '');
const notAllowed = (what: string, t: Token) => queryInvalid(`${what} ${where(t)} is not allowed in analyst queries`);
const writes = (word: string, t: Token) =>
  new StoreError('read_only', `the clause ${word} ${where(t)} would change the graph; only read queries are allowed here`);

/** Throws query_invalid (or read_only for a write clause) unless the query is one read-only statement within the caps. */
export function assertAnalystQueryAllowed(cypher: string): void {
  // The engines read the query as a C string: a NUL would end it early for them but not for the lexer.
  const nul = cypher.indexOf('\0');
  if (nul >= 0) throw queryInvalid(`the query contains a NUL character (at offset ${nul})`);
  let tokens: Token[];
  try {
    tokens = tokenizeCypher(cypher, ANALYST_QUERY_LIMITS.maxTokens).tokens;
  } catch (err) {
    if (err instanceof TokenLimitError) {
      checkNesting(err.tokens); // 3,000 parentheses are over both caps: name the one that protects the engine
      throw queryInvalid(`the query has more than ${err.limit} tokens, the limit for analyst queries; shorten it`);
    }
    if (err instanceof CypherLexError) throw queryInvalid(`the query is not valid Cypher: ${err.message}`);
    throw err;
  }
  if (tokens.length === 0) throw queryInvalid('the query is empty');
  checkNesting(tokens);
  checkClauses(tokens);
}

function checkNesting(tokens: Token[]): void {
  const { maxNesting, maxCaseNesting } = ANALYST_QUERY_LIMITS;
  let depth = 0;
  let cases = 0;
  for (const t of tokens) {
    if (t.kind === 'punct' && (t.text === '(' || t.text === '[' || t.text === '{')) {
      if (++depth > maxNesting) {
        throw queryInvalid(`the query nests ( [ { deeper than ${maxNesting} levels (${t.text} ${where(t)}), the limit for analyst queries`);
      }
    } else if (t.kind === 'punct' && (t.text === ')' || t.text === ']' || t.text === '}')) {
      depth = Math.max(0, depth - 1);
    } else if (upper(t) === 'CASE') {
      if (++cases > maxCaseNesting) {
        throw queryInvalid(`the query nests CASE deeper than ${maxCaseNesting} levels (CASE ${where(t)}), the limit for analyst queries`);
      }
    } else if (upper(t) === 'END') {
      cases = Math.max(0, cases - 1);
    }
  }
}

const isPunct = (t: Token | undefined, text: string) => t?.kind === 'punct' && t.text === text;

/** Does this token complete an expression or pattern, so that a word after it can start a clause? */
function endsExpression(tokens: Token[], i: number): boolean {
  const t = tokens[i]!;
  switch (t.kind) {
    case 'string':
    case 'number':
    case 'param':
    case 'quoted':
      return true;
    case 'word':
      return !OPEN_ENDED.has(t.value.toUpperCase());
    case 'punct':
      if (t.text === ')' || t.text === ']' || t.text === '}') return true;
      // RETURN * / WITH * / RETURN DISTINCT *; elsewhere * multiplies or quantifies.
      return t.text === '*' && ['WITH', 'RETURN', 'DISTINCT'].includes(upper(tokens[i - 1]));
  }
}

/** Does a clause start at tokens[i]? At the start, after a complete expression, after UNION [ALL|DISTINCT], and in a subquery's braces. */
function atClauseStart(tokens: Token[], i: number): boolean {
  if (i === 0) return true;
  const prev = tokens[i - 1]!;
  if (endsExpression(tokens, i - 1)) return true;
  const p = upper(prev);
  if (p === 'UNION' || ((p === 'ALL' || p === 'DISTINCT') && upper(tokens[i - 2]) === 'UNION')) return true;
  if (isPunct(prev, '{')) {
    const before = tokens[i - 2];
    return ['CALL', 'EXISTS', 'COUNT', 'COLLECT'].includes(upper(before)) || isPunct(before, ')');
  }
  return false;
}

/** Is the word at tokens[i] a name (property, label, alias, map key, parameter), not a keyword? */
function isName(tokens: Token[], i: number): boolean {
  const prev = tokens[i - 1];
  const next = tokens[i + 1];
  if (prev && prev.kind === 'punct' && (prev.text === '.' || prev.text === ':' || prev.text === '$')) return true;
  if (upper(prev) === 'AS') return true;
  // A map key ({copy: 1}) or a variable with a label ((use:Agency)); no clause keyword is followed by a colon.
  return isPunct(next, ':') && !isPunct(tokens[i + 2], ':');
}

/** Variables the query binds: after AS, first in a node or relationship pattern, before = of a path, after YIELD. */
function boundVariables(tokens: Token[]): Set<string> {
  const bound = new Set<string>();
  tokens.forEach((t, i) => {
    if (t.kind !== 'word' && t.kind !== 'quoted') return;
    const prev = tokens[i - 1];
    const next = tokens[i + 1];
    if (upper(prev) === 'AS' || upper(prev) === 'YIELD') bound.add(t.value);
    else if ((isPunct(prev, '(') || isPunct(prev, '[')) && next && next.kind === 'punct' && [')', ']', ':', '{', '*'].includes(next.text)) bound.add(t.value);
    else if ((isPunct(prev, '[') || isPunct(prev, '(')) && upper(next) === 'IN') bound.add(t.value);
    else if (isPunct(next, '=') && isPunct(tokens[i + 2], '(') && (upper(prev) === 'MATCH' || isPunct(prev, ','))) bound.add(t.value);
  });
  return bound;
}

/** The dotted name ending at tokens[i] (a.b.c), and the index of its first token. */
function dottedNameEndingAt(tokens: Token[], i: number): { name: string; start: number } {
  let start = i;
  while (start >= 2 && isPunct(tokens[start - 1], '.') && ['word', 'quoted'].includes(tokens[start - 2]!.kind)) start -= 2;
  return {
    name: tokens
      .slice(start, i + 1)
      .map((t) => t.value)
      .join(''),
    start,
  };
}

/** The dotted name starting at tokens[i], and the index just after it. */
function dottedNameAt(tokens: Token[], i: number): { name: string; end: number } {
  let end = i + 1;
  while (isPunct(tokens[end], '.') && (tokens[end + 1]?.kind === 'word' || tokens[end + 1]?.kind === 'quoted')) end += 2;
  return {
    name: tokens
      .slice(i, end)
      .map((t) => (t.kind === 'quoted' ? t.value : t.text))
      .join(''),
    end,
  };
}

/** The start of a token for a message: a 20,000-digit literal must not come back whole. */
const excerpt = (t: Token) => (t.text.length > 40 ? `${t.text.slice(0, 40)}…` : t.text);

function checkClauses(tokens: Token[]): void {
  const bound = boundVariables(tokens);
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (isPunct(t, ';')) {
      const next = tokens[i + 1];
      if (next) throw queryInvalid(`only one statement per query is allowed; another one starts ${where(next)}`);
      continue;
    }
    if (isPunct(t, '(') && i > 0 && (tokens[i - 1]!.kind === 'word' || tokens[i - 1]!.kind === 'quoted')) checkFunction(tokens, i - 1);
    if (t.kind !== 'word') continue;
    if (isName(tokens, i)) continue;
    const word = t.value.toUpperCase();
    const clauseStart = atClauseStart(tokens, i);
    const detachDelete = word === 'DETACH' && upper(tokens[i + 1]) === 'DELETE';
    if ((WRITES.has(word) || detachDelete) && (clauseStart || !bound.has(t.value))) throw writes(detachDelete ? 'DETACH DELETE' : word, t);
    if (FORBIDDEN.has(word) && (clauseStart || !bound.has(t.value))) throw notAllowed(`the clause ${word}`, t);
    if (clauseStart && !CLAUSES.has(word) && !CONTINUATIONS.has(word)) {
      throw queryInvalid(`"${t.value}" ${where(t)} does not start a clause analyst queries may use (${CLAUSE_LIST})`);
    }
    if (word === 'CALL' && (clauseStart || upper(tokens[i - 1]) === 'OPTIONAL')) checkCall(tokens, i);
  }
  // After the loop, whose messages name a forbidden clause more precisely: the engine's parser spends seconds on a
  // long run of text that is no statement at all (19,999 zeros took 4.6 s to be refused).
  const first = tokens[0]!;
  if (first.kind !== 'word' || !STATEMENT_STARTS.has(first.value.toUpperCase())) {
    throw queryInvalid(`a query starts with one of ${STATEMENT_START_LIST}; this one starts with "${excerpt(first)}" ${where(first)}`);
  }
}

/** CALL { subquery }, CALL (vars) { subquery }, or CALL of an allowed procedure; never CALL name = value. */
function checkCall(tokens: Token[], i: number): void {
  const next = tokens[i + 1];
  if (!next || isPunct(next, '{') || isPunct(next, '(')) return;
  if (next.kind !== 'word' && next.kind !== 'quoted') return;
  const { name, end } = dottedNameAt(tokens, i + 1);
  if (isPunct(tokens[end], '=')) throw notAllowed(`changing the database setting ${name} (CALL ${name} = …)`, tokens[i]!);
  if (!ALLOWED_PROCEDURE_KEYS.has(name.toLowerCase())) {
    throw queryInvalid(`the procedure ${name} ${where(next)} is not allowed in analyst queries (allowed: ${ALLOWED_PROCEDURES.join(', ')})`);
  }
}

/** A function call at tokens[i] (the name's last word, followed by a parenthesis). */
function checkFunction(tokens: Token[], i: number): void {
  const { name, start } = dottedNameEndingAt(tokens, i);
  const prev = tokens[start - 1];
  // A procedure after CALL is checked by checkCall; a name after : is a label, not a call.
  if (upper(prev) === 'CALL' || isPunct(prev, ':')) return;
  if (start === i && isPunct(prev, '.')) return; // a property of a value in parentheses, not a call
  const lower = name.toLowerCase();
  const namespace = lower.includes('.') ? lower.slice(0, lower.lastIndexOf('.')) : '';
  if (FORBIDDEN_FUNCTIONS.has(lower) || (namespace && !FUNCTION_NAMESPACES.has(namespace))) {
    throw notAllowed(`the function ${name}`, tokens[start]!);
  }
}

const ABSOLUTE_PATH = /(?<![\w./-])(?:file:\/\/)?(?:\/[\w.~@%+-]+)+\/?/g;

/**
 * An engine's error message as an analyst may see it: the first line (line/column and "Invalid input …" stay),
 * without absolute file paths or a quoted line of a file.
 */
export function engineMessageForAnalyst(message: string): string {
  return message
    .split('\n')[0]!
    .replace(/\s*Line\/record containing the error:.*$/i, '')
    .replace(ABSOLUTE_PATH, '<path>')
    .trim()
    .replace(/^(.{500}).+$/s, '$1…');
}
