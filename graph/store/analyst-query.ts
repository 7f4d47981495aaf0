// Guards for analysts' Cypher that hold on every store, before the store's own read-only enforcement runs.
import { queryInvalid } from './errors.js';

// Clauses that read the server's files or change the database's setup; a read-only transaction does not stop all of them.
const FORBIDDEN_CLAUSES = /\b(LOAD|COPY|EXPORT|IMPORT|ATTACH|DETACH\s+DATABASE|INSTALL|USE|CHECKPOINT|PROFILE)\b/i;

function withoutLiteralsAndComments(cypher: string): string {
  return cypher
    .replace(/\/\*[\s\S]*?\*\//g, ' ')
    .replace(/\/\/[^\n]*/g, ' ')
    .replace(/'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*"|`[^`]*`/g, "''");
}

export function assertAnalystQueryAllowed(cypher: string): void {
  const code = withoutLiteralsAndComments(cypher).trim();
  if (code.length === 0) throw queryInvalid('the query is empty');
  const forbidden = FORBIDDEN_CLAUSES.exec(code);
  if (forbidden) throw queryInvalid(`the clause ${forbidden[1]!.toUpperCase()} is not allowed in analyst queries`);
  if (/;\s*\S/.test(code)) throw queryInvalid('only one statement per query is allowed');
}
