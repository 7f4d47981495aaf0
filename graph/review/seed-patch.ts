// Writes review decisions into the seed files, so that the curated YAML stays the source of truth and a review shows
// up in a diff. The yaml package's Document API finds each link (by type, from and to) and node (by id) and where it
// stands in the text; the edit itself is made to that text alone — a `review:` entry added to the link's or node's
// map, or the one there replaced — so every other byte of the file (comments, anchors, folding, key order, quoting)
// is left as it was. Each patched file is parsed again and must hold exactly what it held before plus the decisions,
// or nothing is written.
import { Document, isMap, isScalar, isSeq, parseDocument, Scalar, visit, YAMLMap, type Pair } from 'yaml';
import type { SourceFile } from '../dataset/validate.js';
import { RecordedReview } from '../schema/dataset.js';
import { asRecorded, sameRecorded } from './decisions.js';
import type { ReviewTarget, ReviewTargetRef } from './schema.js';
import { reviewTargetId } from './targets.js';

export interface SeedDecision {
  ref: ReviewTargetRef;
  review: RecordedReview;
}

/**
 * What `review export` writes: every decision made in the app that is in force, on a target the data still holds (the
 * files decide per target whether they record a later one). Takes the targets as the store's catalogue or the API's
 * review list (GET /api/reviews) gives them, so the CLI can ask either.
 */
export function decisionsToWrite(targets: readonly Pick<ReviewTarget, 'target' | 'decision' | 'orphaned'>[]): SeedDecision[] {
  return targets.flatMap((t) => (t.decision?.madeIn === 'app' && !t.orphaned ? [{ ref: t.target, review: asRecorded(t.decision) }] : []));
}

export type SeedOutcome =
  /** Written into the file. */
  | 'written'
  /** The file already records this decision. */
  | 'unchanged'
  /** The file records a later decision, which stays (it is the one in force once loaded). */
  | 'file-is-later'
  /** No seed file holds this link or node (or the node no longer marks the field as inferred). */
  | 'not-found';

export interface SeedPatchResult {
  /** Files whose text changed: name, old text, new text. */
  files: { name: string; before: string; after: string }[];
  /** What became of each decision, by target id. */
  outcomes: Map<string, { outcome: SeedOutcome; file?: string }>;
}

export class SeedPatchError extends Error {}

interface Located {
  item: YAMLMap;
  section: 'relationships' | 'nodes';
  index: number;
}

/** Where a target stands in a parsed file, if there. */
function locate(doc: Document.Parsed, ref: ReviewTargetRef): Located | null {
  const section = doc.get(ref.kind === 'link' ? 'relationships' : 'nodes', true);
  if (!isSeq(section)) return null;
  for (const [i, item] of section.items.entries()) {
    if (!isMap(item)) continue;
    const value = (key: string) => {
      const node = item.get(key, true);
      return isScalar(node) ? node.value : undefined;
    };
    const match = ref.kind === 'link' ? value('type') === ref.type && value('from') === ref.from && value('to') === ref.to : value('id') === ref.node;
    if (match) return { item, section: ref.kind === 'link' ? 'relationships' : 'nodes', index: i };
  }
  return null;
}

function reviewPair(item: YAMLMap): Pair | undefined {
  // A key is a Scalar as parsed, or the plain string of a pair set while planning.
  return item.items.find((p) => (isScalar(p.key) ? p.key.value : p.key) === 'review') as Pair | undefined;
}

/** The JS value of what a map holds under `review` (a YAML node, or a value set while planning), or undefined. */
function reviewValue(item: YAMLMap): unknown {
  const value = reviewPair(item)?.value as { toJSON?: () => unknown } | null | undefined;
  return typeof value?.toJSON === 'function' ? value.toJSON() : (value ?? undefined);
}

/** A YAML node for a value, times in double quotes (a YAML 1.1 reader would take a bare one for a timestamp). */
function yamlNode(value: unknown, flow: boolean): Document {
  const doc = new Document(value);
  visit(doc, {
    Map(_key, node) {
      node.flow = flow;
    },
    Pair(_key, pair) {
      if (isScalar(pair.key) && pair.key.value === 'at' && isScalar(pair.value)) (pair.value as Scalar).type = Scalar.QUOTE_DOUBLE;
    },
  });
  return doc;
}

/** `review: …` in block style, its later lines indented to `indent` (the first line's indent is the caller's). */
function blockPair(value: unknown, indent: string): string {
  const text = yamlNode({ review: value }, false).toString({ lineWidth: 0 }).replace(/\n$/, '');
  return text
    .split('\n')
    .map((line, i) => (i === 0 ? line : `${indent}${line}`))
    .join('\n');
}

/** `review: { … }` in flow style, for a map written as `{ … }`. */
function flowPair(value: unknown): string {
  return `review: ${yamlNode(value, true).toString({ lineWidth: 0 }).replace(/\n$/, '')}`;
}

const lineStart = (text: string, at: number) => text.lastIndexOf('\n', at - 1) + 1;

/** Just past the end of the line a node ends on (its newline included); the text's end when it has none. */
function afterLine(text: string, end: number): number {
  if (end > 0 && text[end - 1] === '\n') return end;
  const newline = text.indexOf('\n', end);
  return newline === -1 ? text.length : newline + 1;
}

interface Edit {
  start: number;
  end: number;
  text: string;
}

/** The edit that makes `item` hold `value` under `review`, touching nothing else of the text. */
function reviewEdit(text: string, item: YAMLMap, value: unknown): Edit {
  const existing = reviewPair(item);
  const pairs = item.items as Pair[];
  const rangeOf = (node: unknown) => (node as { range?: [number, number, number] } | null)?.range;
  if (item.flow) {
    if (existing) {
      const start = rangeOf(existing.key)![0];
      const end = rangeOf(existing.value)?.[1] ?? rangeOf(existing.key)![1];
      return { start, end, text: flowPair(value) };
    }
    const last = pairs[pairs.length - 1]!;
    const at = rangeOf(last.value)?.[1] ?? rangeOf(last.key)![1];
    return { start: at, end: at, text: `, ${flowPair(value)}` };
  }
  const firstKey = rangeOf(pairs[0]!.key)![0];
  const indent = ' '.repeat(firstKey - lineStart(text, firstKey));
  if (existing) {
    const start = rangeOf(existing.key)![0];
    const end = afterLine(text, rangeOf(existing.value)?.[1] ?? rangeOf(existing.key)![1]);
    return { start, end, text: `${blockPair(value, indent)}\n` };
  }
  const last = pairs[pairs.length - 1]!;
  const at = afterLine(text, rangeOf(last.value)?.[1] ?? rangeOf(last.key)![1]);
  const newline = at > 0 && text[at - 1] !== '\n' ? '\n' : '';
  return { start: at, end: at, text: `${newline}${indent}${blockPair(value, indent)}\n` };
}

/** Which of the decisions a file's item takes, and the value its `review` must then hold. */
function plan(item: YAMLMap, ref: ReviewTargetRef, review: RecordedReview): { outcome: SeedOutcome; value?: unknown } {
  const current = reviewValue(item);
  if (ref.kind === 'link') {
    const recorded = RecordedReview.safeParse(current);
    const old = recorded.success ? recorded.data : undefined;
    if (sameRecorded(old, review)) return { outcome: 'unchanged' };
    if (old && Date.parse(old.at) > Date.parse(review.at)) return { outcome: 'file-is-later' };
    return { outcome: 'written', value: review };
  }
  const inferred = item.get('inferred', true);
  if (!isMap(inferred) || !inferred.has(ref.field)) return { outcome: 'not-found' };
  const fields = current && typeof current === 'object' && !Array.isArray(current) ? (current as Record<string, unknown>) : {};
  const recorded = RecordedReview.safeParse(fields[ref.field]);
  const old = recorded.success ? recorded.data : undefined;
  if (sameRecorded(old, review)) return { outcome: 'unchanged' };
  if (old && Date.parse(old.at) > Date.parse(review.at)) return { outcome: 'file-is-later' };
  return { outcome: 'written', value: { ...fields, [ref.field]: review } };
}

/**
 * The seed files with the decisions written into them. Only files that change are returned; a decision no file holds
 * a place for is reported, not guessed at. Throws SeedPatchError (and changes nothing) if a file would not read back
 * as exactly what it held plus the decisions.
 */
export function patchSeeds(files: readonly SourceFile[], decisions: readonly SeedDecision[]): SeedPatchResult {
  const outcomes = new Map<string, { outcome: SeedOutcome; file?: string }>(decisions.map((d) => [reviewTargetId(d.ref), { outcome: 'not-found' }]));
  const changed: SeedPatchResult['files'] = [];
  for (const file of files) {
    const doc = parseDocument(file.text);
    if (doc.errors.length > 0)
      throw new SeedPatchError(`${file.name} is not valid YAML (${doc.errors[0]!.message.split('\n')[0]}); run \`strategigraf validate\` first`);
    // Per item, the value its `review` gets: two field decisions on one node make one edit.
    const pending = new Map<YAMLMap, { value: unknown; at: Located }>();
    for (const decision of decisions) {
      const id = reviewTargetId(decision.ref);
      if (outcomes.get(id)!.outcome !== 'not-found') continue;
      const found = locate(doc, decision.ref);
      if (!found) continue;
      const before = pending.get(found.item);
      // The field decisions already planned for this node count as its current review.
      if (before) found.item.set('review', before.value);
      const step = plan(found.item, decision.ref, decision.review);
      outcomes.set(id, { outcome: step.outcome, file: file.name });
      if (step.value !== undefined) pending.set(found.item, { value: step.value, at: found });
    }
    if (pending.size === 0) continue;
    // The parse again from the untouched text: the edits are computed on its ranges, in reverse order of position.
    const original = parseDocument(file.text);
    const edits = [...pending.values()].map(({ value, at }) => {
      const fresh = original.getIn([at.section, at.index], true);
      if (!isMap(fresh)) throw new SeedPatchError(`${file.name} ${at.section}[${at.index}] is not a map`);
      return { ...reviewEdit(file.text, fresh, value), at, value };
    });
    edits.sort((a, b) => b.start - a.start);
    let after = file.text;
    for (const edit of edits) after = after.slice(0, edit.start) + edit.text + after.slice(edit.end);
    checkReadsBack(file, after, edits);
    changed.push({ name: file.name, before: file.text, after });
  }
  return { files: changed, outcomes };
}

/** The patched text must parse to the original content with exactly the new `review` values. */
function checkReadsBack(file: SourceFile, after: string, edits: { at: Located; value: unknown }[]): void {
  const expected = parseDocument(file.text).toJS() as Record<string, Record<string, unknown>[]>;
  for (const { at, value } of edits) expected[at.section]![at.index]!['review'] = value;
  const reread = parseDocument(after);
  const same = reread.errors.length === 0 && JSON.stringify(reread.toJS()) === JSON.stringify(expected);
  if (!same) throw new SeedPatchError(`writing the review into ${file.name} would change more than the review; the file was left as it is`);
}
