// Turns seed files (YAML or JSON text) into a validated Dataset, or into the full list of problems found.
import { isMap, isSeq, LineCounter, parseDocument, type Document } from 'yaml';
import { z } from 'zod';
import { allowedPairs, isAllowed, isNodeKind, NODE_KINDS, type NodeKind } from '../ontology.js';
import { searchColumns } from '../schema/search.js';
import { relationshipId } from './ids.js';
import {
  DatasetFile,
  DatasetRelationship,
  MAX_TEXT_BYTES,
  NODE_SCHEMAS,
  inferredFieldProblems,
  reviewFieldProblems,
  utf8Bytes,
  type Dataset,
  type DatasetNode,
  type Reference,
} from '../schema/dataset.js';

export interface SourceFile {
  /** Name shown in problems, e.g. "seeds/core/agencies.yaml". */
  name: string;
  text: string;
}

export interface Problem {
  file: string;
  line?: number;
  /** Where in the file, e.g. "nodes[3].status". */
  path: string;
  message: string;
}

export type ValidationResult = { ok: true; dataset: Dataset } | { ok: false; problems: Problem[] };

export function formatProblem(p: Problem): string {
  const where = p.line ? `${p.file}:${p.line}` : p.file;
  return p.path ? `${where} ${p.path}: ${p.message}` : `${where}: ${p.message}`;
}

type PathPart = string | number;

/** yaml's own default: expanding more aliases than this is treated as an alias bomb and refused. */
const MAX_ALIAS_COUNT = 100;

function formatPath(parts: readonly PathPart[]): string {
  return parts.reduce<string>((acc, part) => (typeof part === 'number' ? `${acc}[${part}]` : acc ? `${acc}.${part}` : part), '');
}

// Plain messages for the zod issues an analyst meets most; zod's defaults name types, not fixes.
function issueMessage(issue: z.core.$ZodIssue, input: unknown): string {
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined ? 'is required' : `must be ${issue.expected} (got ${describe(issue.input)})`;
    case 'invalid_value':
      if (valueAt(input, issue.path) === undefined) return 'is required';
      return `must be one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')} (got ${describe(valueAt(input, issue.path))})`;
    case 'unrecognized_keys':
      return `unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')}`;
    default:
      return issue.message;
  }
}

function describe(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  return JSON.stringify(value);
}

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let cur: unknown = root;
  for (const key of path) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<PropertyKey, unknown>)[key];
  }
  return cur;
}

interface Located<T> {
  value: T;
  file: string;
  line?: number;
  path: string;
}

/** Files of JSON at least this long are read with JSON.parse rather than the YAML parser (FileReader.largeJson). */
export const JSON_FAST_PATH_CHARS = 8 * 1024 * 1024;

/** Reads one file into its sections, recording the line of every node and relationship. */
class FileReader {
  private readonly lines = new LineCounter();
  private parsedDoc: Document.Parsed | null = null;
  /** A large JSON file read with JSON.parse (see JSON_FAST_PATH_CHARS): its problems name the path, not the line. */
  private readAsJson = false;

  constructor(
    private readonly file: SourceFile,
    private readonly problems: Problem[],
  ) {}

  private get doc(): Document.Parsed {
    this.parsedDoc ??= parseDocument(this.file.text, { lineCounter: this.lines, prettyErrors: true, uniqueKeys: true });
    return this.parsedDoc;
  }

  lineOf(path: readonly PathPart[]): number | undefined {
    if (this.readAsJson) return undefined;
    let node: unknown = this.doc.contents;
    let best: number | undefined = this.rangeLine(node);
    for (const part of path) {
      if (isMap(node)) node = node.get(part, true) ?? node.items.find((i) => (i.key as { value?: unknown })?.value === part)?.value;
      else if (isSeq(node) && typeof part === 'number') node = node.items[part];
      else break;
      best = this.rangeLine(node) ?? best;
    }
    return best;
  }

  private rangeLine(node: unknown): number | undefined {
    const range = (node as { range?: [number, number, number] } | undefined)?.range;
    return range ? this.lines.linePos(range[0]).line : undefined;
  }

  problem(path: readonly PathPart[], message: string): void {
    this.problems.push({ file: this.file.name, line: this.lineOf(path), path: formatPath(path), message });
  }

  read(): DatasetFile | null {
    const json = this.largeJson();
    if (json !== undefined) return this.validate(json);
    if (this.doc.errors.length > 0) {
      for (const err of this.doc.errors) {
        const line = err.linePos?.[0]?.line;
        this.problems.push({
          file: this.file.name,
          line,
          path: '',
          message: `malformed YAML: ${err.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '')}`,
        });
      }
      return null;
    }
    let raw: unknown;
    try {
      raw = this.doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
    } catch (err) {
      // yaml refuses to expand an alias bomb ("billion laughs") by throwing; that is a problem with the file, not a crash.
      const message = err instanceof Error ? err.message : String(err);
      this.problems.push({
        file: this.file.name,
        path: '',
        message: /alias count/i.test(message)
          ? `the YAML expands its aliases (*name) too often (a limit of ${MAX_ALIAS_COUNT} guards against alias bombs); write the values out instead of repeating aliases`
          : `the YAML could not be read: ${message.split('\n')[0]}`,
      });
      return null;
    }
    return this.validate(raw);
  }

  /**
   * A large file that is JSON, parsed as JSON: the YAML parser keeps a node with its position for every value, about
   * 30 times the text in memory (a 125 MB dataset of 100,000 nodes ran out of a 4 GB heap). Undefined for anything
   * else, which the YAML reader then reads and reports on as before. JSON.parse keeps the last of duplicate keys where
   * the YAML reader refuses them; that is the one check this path gives up.
   */
  private largeJson(): unknown {
    if (this.file.text.length < JSON_FAST_PATH_CHARS || !/^\s*\{/.test(this.file.text.slice(0, 64))) return undefined;
    try {
      const value: unknown = JSON.parse(this.file.text);
      this.readAsJson = true;
      return value;
    } catch {
      return undefined;
    }
  }

  private validate(raw: unknown): DatasetFile | null {
    if (raw === null || raw === undefined) return {};
    const parsed = DatasetFile.safeParse(raw);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) this.problem(issue.path as PathPart[], issueMessage(issue, raw));
      return null;
    }
    return parsed.data;
  }

  locate<T>(value: T, path: PathPart[]): Located<T> {
    return { value, file: this.file.name, line: this.lineOf(path), path: formatPath(path) };
  }
}

type Declared = Located<{ id: string; node?: DatasetNode }>;

/** What the files hold, each item with where it stands. */
interface Collected {
  headers: Located<Dataset['dataset']>[];
  references: Located<Reference>[];
  nodes: Located<DatasetNode>[];
  // Ids of nodes that failed their schema still count as declared, so one mistake does not cascade into
  // "unknown node id" on every relationship that names them, and their duplicates are still caught.
  declared: Declared[];
  relationships: Located<DatasetRelationship>[];
}

type Report = (at: { file: string; line?: number; path: string }, message: string) => void;

/** Where an item was first defined, for "duplicate …" problems: "file:line". */
const firstAt = (first: { file: string; line?: number }) => `${first.file}${first.line ? `:${first.line}` : ''}`;

export function validateDataset(files: readonly SourceFile[]): ValidationResult {
  const problems: Problem[] = [];
  const report: Report = (at, message) => problems.push({ file: at.file, line: at.line, path: at.path, message });

  if (files.length === 0) problems.push({ file: '(dataset)', path: '', message: 'no seed files found (expected .yaml, .yml or .json files)' });
  const collected = collect(files, problems);
  checkHeaders(files, collected.headers, problems, report);
  const declaredById = checkDuplicateIds(collected.declared, report);
  const nodeById = new Map<string, Located<DatasetNode>>();
  for (const node of collected.nodes) if (declaredById.get(node.value.id)?.value.node === node.value) nodeById.set(node.value.id, node);
  const referenceIds = checkReferenceIds(collected.references, declaredById, report);
  const isSource = (id: string) => referenceIds.has(id) || nodeById.get(id)?.value.kind === 'Report';
  checkNodeSources(collected.nodes, nodeById, isSource, report);
  checkRelationships(collected.relationships, declaredById, nodeById, isSource, report);

  if (problems.length > 0) return { ok: false, problems };
  return {
    ok: true,
    dataset: {
      dataset: collected.headers[0]!.value,
      references: collected.references.map((r) => r.value),
      nodes: collected.nodes.map((n) => n.value),
      relationships: collected.relationships.map((r) => r.value),
    },
  };
}

/** Reads every file in order; problems in a file's YAML, header, nodes and relationships are recorded as met. */
function collect(files: readonly SourceFile[], problems: Problem[]): Collected {
  const collected: Collected = { headers: [], references: [], nodes: [], declared: [], relationships: [] };
  for (const file of files) {
    const reader = new FileReader(file, problems);
    const content = reader.read();
    if (!content) continue;
    if (content.dataset) collected.headers.push(reader.locate(content.dataset, ['dataset']));
    content.references?.forEach((ref, i) => collected.references.push(reader.locate(ref, ['references', i])));
    const defaults = content.defaults ?? {};
    content.nodes?.forEach((raw, i) => readNode(reader, raw, ['nodes', i], defaults, collected));
    content.relationships?.forEach((raw, i) => readRelationship(reader, raw, ['relationships', i], defaults, collected));
  }
  return collected;
}

type Defaults = NonNullable<DatasetFile['defaults']>;

function readNode(reader: FileReader, raw: Record<string, unknown>, path: PathPart[], defaults: Defaults, collected: Collected): void {
  const kind = raw['kind'];
  const rawId = raw['id'];
  const declare = (node?: DatasetNode) => {
    if (typeof rawId === 'string') collected.declared.push(reader.locate({ id: rawId, node }, path));
  };
  if (typeof kind !== 'string' || !isNodeKind(kind)) {
    declare();
    reader.problem([...path, 'kind'], kind === undefined ? 'is required' : `unknown node kind ${describe(kind)} (expected one of ${NODE_KINDS.join(', ')})`);
    return;
  }
  const withDefaults = { ...(defaults.source ? { source: defaults.source } : {}), ...raw };
  const parsed = NODE_SCHEMAS[kind].safeParse(withDefaults);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) reader.problem([...path, ...(issue.path as PathPart[])], issueMessage(issue, withDefaults));
    declare();
    return;
  }
  // The stores keep id, name, nameEn and shortName folded into one search column; it too must stay below the limit
  // (folding can make text longer, e.g. Hangul syllables decompose into three-byte letters).
  const searchBytes = utf8Bytes(searchColumns(parsed.data as DatasetNode & { shortName?: string }).searchText);
  if (searchBytes > MAX_TEXT_BYTES) {
    reader.problem(
      [...path, 'name'],
      `id, name, nameEn and shortName together make a search key of ${searchBytes.toLocaleString('en')} UTF-8 bytes; the limit is ${MAX_TEXT_BYTES.toLocaleString('en')} — shorten the names`,
    );
  }
  for (const { field, message } of inferredFieldProblems(parsed.data as DatasetNode)) reader.problem([...path, 'inferred', field], message);
  for (const { field, message } of reviewFieldProblems(parsed.data as DatasetNode)) reader.problem([...path, 'review', ...(field ? [field] : [])], message);
  collected.nodes.push(reader.locate(parsed.data as DatasetNode, path));
  declare(parsed.data as DatasetNode);
}

function readRelationship(reader: FileReader, raw: Record<string, unknown>, path: PathPart[], defaults: Defaults, collected: Collected): void {
  const withDefaults = { ...defaults, ...raw };
  const parsed = DatasetRelationship.safeParse(withDefaults);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) reader.problem([...path, ...(issue.path as PathPart[])], issueMessage(issue, withDefaults));
    return;
  }
  collected.relationships.push(reader.locate(parsed.data, path));
}

/** Exactly one file declares the dataset header. */
function checkHeaders(files: readonly SourceFile[], headers: Collected['headers'], problems: Problem[], report: Report): void {
  if (files.length > 0 && headers.length === 0) {
    problems.push({ file: files[0]!.name, path: 'dataset', message: 'no file declares the dataset header (dataset: {name, version})' });
  }
  for (const extra of headers.slice(1)) {
    report(extra, `the dataset header is declared again (first in ${headers[0]!.file}); declare it once`);
  }
}

/** Every node id once; returns the first declaration of each id. */
function checkDuplicateIds(declared: readonly Declared[], report: Report): Map<string, Declared> {
  const declaredById = new Map<string, Declared>();
  for (const entry of declared) {
    const first = declaredById.get(entry.value.id);
    if (first) report(entry, `duplicate id "${entry.value.id}" (first defined at ${firstAt(first)})`);
    else declaredById.set(entry.value.id, entry);
  }
  return declaredById;
}

/** Every reference id once and none that is also a node id; returns the references kept. */
function checkReferenceIds(references: Collected['references'], declaredById: ReadonlyMap<string, Declared>, report: Report): Map<string, Located<Reference>> {
  const referenceIds = new Map<string, Located<Reference>>();
  for (const ref of references) {
    const first = referenceIds.get(ref.value.id);
    if (first) report(ref, `duplicate reference id "${ref.value.id}" (first defined at ${firstAt(first)})`);
    else if (declaredById.has(ref.value.id)) report(ref, `reference id "${ref.value.id}" is already a node id`);
    else referenceIds.set(ref.value.id, ref);
  }
  return referenceIds;
}

const sourceProblem = (id: string) => `unknown source "${id}": a source must be the id of a Report node or of a reference`;

/** Every node kept cites a known source. */
function checkNodeSources(
  nodes: Collected['nodes'],
  nodeById: ReadonlyMap<string, Located<DatasetNode>>,
  isSource: (id: string) => boolean,
  report: Report,
): void {
  for (const node of nodes) {
    if (nodeById.get(node.value.id) !== node) continue;
    if (!isSource(node.value.source)) report({ ...node, path: `${node.path}.source` }, sourceProblem(node.value.source));
  }
}

/** Every relationship joins declared nodes the ontology allows it between, cites a known source, and is not repeated. */
function checkRelationships(
  relationships: Collected['relationships'],
  declaredById: ReadonlyMap<string, Declared>,
  nodeById: ReadonlyMap<string, Located<DatasetNode>>,
  isSource: (id: string) => boolean,
  report: Report,
): void {
  const relationshipKeys = new Map<string, Located<DatasetRelationship>>();
  for (const rel of relationships) {
    const { type, from, to, source } = rel.value;
    const fromNode = nodeById.get(from)?.value;
    const toNode = nodeById.get(to)?.value;
    if (!declaredById.has(from)) report({ ...rel, path: `${rel.path}.from` }, `unknown node id "${from}"`);
    if (!declaredById.has(to)) report({ ...rel, path: `${rel.path}.to` }, `unknown node id "${to}"`);
    if (fromNode && toNode && !isAllowed(type, fromNode.kind, toNode.kind)) {
      const allowed = allowedPairs(type)
        .map(([f, t]) => `${f} → ${t}`)
        .join(', ');
      report(rel, `${type} from ${fromNode.kind} "${from}" to ${toNode.kind} "${to}" is not allowed (allowed: ${allowed})`);
    }
    if (!isSource(source)) report({ ...rel, path: `${rel.path}.source` }, sourceProblem(source));
    const endedBy = rel.value.endedBy;
    if (endedBy !== undefined) {
      const ender = nodeById.get(endedBy)?.value;
      const own = nodeById.get(source)?.value;
      if (ender?.kind !== 'Report')
        report({ ...rel, path: `${rel.path}.endedBy` }, `must be the id of a Report node (a source with a year); "${endedBy}" is not`);
      else if (own?.kind === 'Report' && ender.year <= own.year)
        report(
          { ...rel, path: `${rel.path}.endedBy` },
          `"${endedBy}" reports on ${ender.year}, not later than the link's own source "${source}" (${own.year})`,
        );
    }
    const key = relationshipId(rel.value);
    const first = relationshipKeys.get(key);
    if (first) report(rel, `duplicate relationship ${type} from "${from}" to "${to}" (first at ${firstAt(first)})`);
    else relationshipKeys.set(key, rel);
  }
}

export function kindsOf(dataset: Dataset): Map<string, NodeKind> {
  return new Map(dataset.nodes.map((n) => [n.id, n.kind]));
}
