// A finding's stable id: the same problem gets the same id from one load and one year to the next, so the programme
// office can follow it up. It is the rule, the subject and — only for rules that can report one subject more than once
// — a key the rule gives (a year, the start of a run). Never the evidence or the message: those grow with new sources.
const SEPARATOR = ':';

/** "<rule>:<subject id>" or "<rule>:<subject id>:<key>". Rule ids and node ids are slugs, so the parts never hold a colon. */
export function findingId(rule: string, subjectId: string, key?: string): string {
  return key === undefined ? `${rule}${SEPARATOR}${subjectId}` : `${rule}${SEPARATOR}${subjectId}${SEPARATOR}${key}`;
}

/** The longest id: a rule id, a node id (a slug of at most 120 characters) and a short key. */
export const MAX_FINDING_ID_LENGTH = 200;

/** What a finding id can look like: slugs and digits joined by colons. */
export const FINDING_ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*(?::[a-z0-9]+(?:-[a-z0-9]+)*){1,2}$/;
