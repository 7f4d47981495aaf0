// A left-to-right Cypher tokenizer that finds strings, quoted names and comments where the engines' lexers do.
// Strings and comments are read in one pass, in order, so `//` inside a string or `'` inside a comment is data;
// the analyst guard (analyst-query.ts) decides on the code tokens only.

export type TokenKind = 'word' | 'quoted' | 'string' | 'number' | 'param' | 'punct';

export interface Token {
  kind: TokenKind;
  /** The source text of the token. */
  text: string;
  /** Decoded value: a string's characters, a quoted name without its backticks, a parameter's name, a word as written. */
  value: string;
  /** 1-based line and column of the token's first character. */
  line: number;
  column: number;
}

export interface Comment {
  text: string;
  line: number;
  column: number;
}

export class CypherLexError extends Error {
  constructor(
    readonly what: string,
    readonly line: number,
    readonly column: number,
  ) {
    super(`${what} at line ${line}, column ${column}`);
    this.name = 'CypherLexError';
  }
}

/** More tokens than this and the lexer stops, so a huge body costs no more than the cap. */
export class TokenLimitError extends Error {
  constructor(
    readonly limit: number,
    /** The tokens up to the limit, for checks that can already fail on them. */
    readonly tokens: Token[],
  ) {
    super(`more than ${limit} tokens`);
    this.name = 'TokenLimitError';
  }
}

// The letters are case-insensitive in LadybugDB's grammar (\R is a carriage return, as \r).
const SIMPLE_ESCAPES: Record<string, string> = {
  '\\': '\\',
  "'": "'",
  '"': '"',
  b: '\b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
  B: '\b',
  F: '\f',
  N: '\n',
  R: '\r',
  T: '\t',
};
const WORD_START = /[\p{ID_Start}_]/u;
const WORD_PART = /[\p{ID_Continue}\p{Sc}]/u;
const DIGIT = /[0-9]/;
const HEX = /^[0-9a-fA-F]+$/;

export interface Lexed {
  tokens: Token[];
  comments: Comment[];
}

/**
 * Splits Cypher into tokens the way LadybugDB's and Neo4j's lexers do: string literals in '…' or "…" with the
 * openCypher escapes (\\ \' \" \b \f \n \r \t \uXXXX \UXXXXXXXX; anything else after a backslash is refused, as the
 * engines refuse it), names in `…` with `` doubled, // comments up to \n or \r, and /* … *\/ comments (not nested).
 */
export function tokenizeCypher(src: string, maxTokens = Number.POSITIVE_INFINITY): Lexed {
  const tokens: Token[] = [];
  const comments: Comment[] = [];
  let i = 0;
  let line = 1;
  let lineStart = 0;
  const col = (at: number) => at - lineStart + 1;
  /** Advances over src[from, to), keeping line and column right across newlines. */
  const advanceTo = (to: number) => {
    for (let k = i; k < to; k++) {
      const c = src[k];
      if (c === '\n' || (c === '\r' && src[k + 1] !== '\n')) {
        line++;
        lineStart = k + 1;
      }
    }
    i = to;
  };
  const push = (kind: TokenKind, start: number, end: number, value: string, l: number, c: number) => {
    if (tokens.length >= maxTokens) throw new TokenLimitError(maxTokens, tokens);
    tokens.push({ kind, text: src.slice(start, end), value, line: l, column: c });
  };

  while (i < src.length) {
    const ch = src[i]!;
    const startLine = line;
    const startCol = col(i);
    if (/\s/.test(ch)) {
      advanceTo(i + 1);
      continue;
    }
    if (ch === '/' && src[i + 1] === '/') {
      let end = i + 2;
      while (end < src.length && src[end] !== '\n' && src[end] !== '\r') end++;
      // LadybugDB ends a // comment only at \n, \r\n or the end: after a lone \r it is not a comment at all.
      if (src[end] === '\r' && end + 1 < src.length && src[end + 1] !== '\n') {
        throw new CypherLexError('the // comment ends with a lone carriage return (\\r); end the line with \\n', startLine, startCol);
      }
      comments.push({ text: src.slice(i, end), line: startLine, column: startCol });
      advanceTo(end);
      continue;
    }
    if (ch === '/' && src[i + 1] === '*') {
      const close = src.indexOf('*/', i + 2);
      if (close < 0) throw new CypherLexError('the comment /* is never closed', startLine, startCol);
      // Neo4j ends the comment at the first */. LadybugDB's grammar pairs each * with the character after it
      // unless that is /, so in "/* a **/" the first */ does not end it there. Where the two differ, refuse.
      if (ladybugCommentEnd(src, i) !== close + 2) {
        throw new CypherLexError(
          'the comment /* is closed by a */ that LadybugDB and Neo4j read differently (a * right before */ pairs with another *)',
          startLine,
          startCol,
        );
      }
      comments.push({ text: src.slice(i, close + 2), line: startLine, column: startCol });
      advanceTo(close + 2);
      continue;
    }
    if (ch === "'" || ch === '"') {
      const { end, value } = readString(src, i, (what, at) => {
        advanceTo(at);
        return new CypherLexError(what, line, col(at));
      });
      if (end < 0) throw new CypherLexError(`the string starting with ${ch} is never closed`, startLine, startCol);
      const start = i;
      advanceTo(end);
      push('string', start, end, value, startLine, startCol);
      continue;
    }
    if (ch === '`') {
      const quoted = readQuotedName(src, i);
      if (!quoted) throw new CypherLexError('the name starting with ` is never closed', startLine, startCol);
      const start = i;
      advanceTo(quoted.end);
      push('quoted', start, quoted.end, quoted.value, startLine, startCol);
      continue;
    }
    if (ch === '$') {
      const start = i;
      let end = i + 1;
      let value: string;
      if (src[end] === '`') {
        // $`odd name`: the quoted name is the parameter's name.
        const sub = readQuotedName(src, end);
        if (!sub) throw new CypherLexError('the name starting with ` is never closed', startLine, col(end));
        value = sub.value;
        end = sub.end;
      } else {
        while (end < src.length && (WORD_PART.test(src[end]!) || DIGIT.test(src[end]!))) end++;
        value = src.slice(start + 1, end);
      }
      advanceTo(end);
      push('param', start, end, value, startLine, startCol);
      continue;
    }
    if (DIGIT.test(ch)) {
      const m = /^(?:0x[0-9a-fA-F]+|[0-9]+(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?)/.exec(src.slice(i, i + 400))!;
      const start = i;
      advanceTo(i + m[0].length);
      push('number', start, i, m[0], startLine, startCol);
      continue;
    }
    if (WORD_START.test(ch) || (/[\uD800-\uDBFF]/.test(ch) && WORD_START.test(String.fromCodePoint(src.codePointAt(i)!)))) {
      const start = i;
      let end = i + (src.codePointAt(i)! > 0xffff ? 2 : 1);
      while (end < src.length) {
        const cp = src.codePointAt(end)!;
        const c = String.fromCodePoint(cp);
        if (!WORD_PART.test(c)) break;
        end += c.length;
      }
      advanceTo(end);
      push('word', start, end, src.slice(start, end), startLine, startCol);
      continue;
    }
    const start = i;
    advanceTo(i + (src.codePointAt(i)! > 0xffff ? 2 : 1));
    push('punct', start, i, src.slice(start, i), startLine, startCol);
  }
  return { tokens, comments };
}

/** Where LadybugDB's lexer ends the /* comment opening at `at` ('/*' ( ~[*] | '*' ~[/] )* '*\/'), or -1. */
function ladybugCommentEnd(src: string, at: number): number {
  let k = at + 2;
  while (k < src.length) {
    if (src[k] !== '*') k++;
    else if (src[k + 1] === '/') return k + 2;
    else k += 2;
  }
  return -1;
}

/** Reads the `name` opening at `at` (`` inside stands for one backtick); null when it never closes. */
function readQuotedName(src: string, at: number): { end: number; value: string } | null {
  let end = at + 1;
  let value = '';
  for (;;) {
    const close = src.indexOf('`', end);
    if (close < 0) return null;
    value += src.slice(end, close);
    if (src[close + 1] === '`') {
      value += '`';
      end = close + 2;
      continue;
    }
    return { end: close + 1, value };
  }
}

/** Reads the string literal opening at `at`; end is -1 when it never closes. */
function readString(src: string, at: number, fail: (what: string, at: number) => CypherLexError): { end: number; value: string } {
  const quote = src[at]!;
  let value = '';
  let k = at + 1;
  while (k < src.length) {
    const c = src[k]!;
    if (c === quote) return { end: k + 1, value };
    if (c !== '\\') {
      value += c;
      k++;
      continue;
    }
    const e = src[k + 1];
    if (e === undefined) return { end: -1, value };
    if (e in SIMPLE_ESCAPES) {
      value += SIMPLE_ESCAPES[e];
      k += 2;
      continue;
    }
    if (e === 'u' || e === 'U') {
      const digits = src.slice(k + 2, k + 2 + (e === 'u' ? 4 : 8));
      const cp = parseInt(digits, 16);
      if (digits.length !== (e === 'u' ? 4 : 8) || !HEX.test(digits) || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) {
        throw fail(`the escape \\${e}${digits} in a string is not a valid character`, k);
      }
      value += String.fromCodePoint(cp);
      k += 2 + digits.length;
      continue;
    }
    throw fail(`the escape \\${String.fromCodePoint(src.codePointAt(k + 1)!)} in a string is not valid (use \\\\ for a backslash)`, k);
  }
  return { end: -1, value };
}
