// GraphML export (http://graphml.graphdrawing.org/) for yEd, Gephi, networkx and other standard tools.
//
// - One directed <graph>; node ids are the dataset ids, edge ids are "<from>:<TYPE>:<to>".
// - A <key> is declared for every attribute actually used, with attr.name and attr.type; the type is inferred from the
//   values: "boolean", "int" (all integers within 32 bits), "long" (larger integers), "double", else "string".
//   Lists (StatusReport.missing) are written as JSON strings; a property holding values of mixed types becomes a string.
// - Nodes carry `label` (= name, so Gephi and yEd show names), `kind`, `name`, `nameEn` and every other property;
//   edges carry `label` (= type), `type` and the provenance fields source, page, quote, basis, note, noteNb.
// - Null and absent values are left out (GraphML has no null: a missing <data> element means "no value").
// - The graph carries the dataset header and references (as JSON) as graph attributes.
// - Everything is XML-escaped. Characters XML 1.0 cannot hold at all (control characters other than tab, newline and
//   carriage return, lone surrogates, U+FFFE/U+FFFF) become U+FFFD; the dataset schema never produces them in practice.
import type { GraphEdge, GraphNode, PropertyValue } from '../schema/graph.js';
import type { GraphSnapshot } from '../store/port.js';
import { allNodePropertyNames, compareStrings, linkReviewJson, sortedEdges, sortedNodes } from './shared.js';

type GraphmlType = 'boolean' | 'int' | 'long' | 'double' | 'string';
type Domain = 'graph' | 'node' | 'edge';

interface KeyDecl {
  id: string;
  domain: Domain;
  name: string;
  type: GraphmlType;
}

const INVALID_XML_CHARS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
/** Anything either escape function may change; most values contain none of it and are returned as they are. */
const NEEDS_WORK = /[&<>"'\r\n\t\u0000-\u0008\u000B\u000C\u000E-\u001F\uD800-\uDFFF\uFFFE\uFFFF]/;
const INT32_MIN = -(2 ** 31);
const INT32_MAX = 2 ** 31 - 1;

const TEXT_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;', '\r': '&#13;' };
const ATTR_ESCAPES: Record<string, string> = { ...TEXT_ESCAPES, '\n': '&#10;', '\t': '&#9;' };

/** Escapes element content; newlines stay literal, a carriage return becomes &#13; so parsers keep it. */
export function xmlText(value: string): string {
  if (!NEEDS_WORK.test(value)) return value;
  return value.replace(INVALID_XML_CHARS, '\uFFFD').replace(/[&<>"'\r]/g, (c) => TEXT_ESCAPES[c]!);
}

/** Escapes an attribute value; tab and newline become character references so attribute normalisation keeps them. */
export function xmlAttr(value: string): string {
  if (!NEEDS_WORK.test(value)) return value;
  return value.replace(INVALID_XML_CHARS, '\uFFFD').replace(/[&<>"'\r\n\t]/g, (c) => ATTR_ESCAPES[c]!);
}

function valueType(value: Exclude<PropertyValue, null>): GraphmlType {
  if (typeof value === 'boolean') return 'boolean';
  if (typeof value === 'number') {
    if (!Number.isInteger(value)) return 'double';
    return value >= INT32_MIN && value <= INT32_MAX ? 'int' : 'long';
  }
  return 'string';
}

/** The narrowest type that holds both. */
function widen(a: GraphmlType | undefined, b: GraphmlType): GraphmlType {
  if (a === undefined || a === b) return b;
  const numeric: GraphmlType[] = ['int', 'long', 'double'];
  if (numeric.includes(a) && numeric.includes(b)) return numeric[Math.max(numeric.indexOf(a), numeric.indexOf(b))]!;
  return 'string';
}

function formatValue(value: Exclude<PropertyValue, null>, type: GraphmlType): string {
  if (Array.isArray(value)) return JSON.stringify(value);
  if (type === 'string') return String(value);
  if (typeof value === 'number' && Number.isInteger(value) && !Number.isSafeInteger(value)) return BigInt(value).toString();
  return String(value);
}

type Attrs = [string, PropertyValue | undefined][];

function nodeAttrs(node: GraphNode): Attrs {
  return [['label', node.name], ['kind', node.kind], ['name', node.name], ['nameEn', node.nameEn], ...Object.entries(node.properties)];
}

function edgeAttrs(edge: GraphEdge): Attrs {
  const p = edge.properties;
  return [
    ['label', edge.type],
    ['type', edge.type],
    ['source', p.source],
    ['page', p.page],
    ['quote', p.quote],
    ['basis', p.basis],
    ['note', p.note],
    ['noteNb', p.noteNb],
    ['endedBy', p.endedBy],
    ['review', linkReviewJson(p.review)],
  ];
}

function graphAttrs(snapshot: GraphSnapshot): Attrs {
  return [
    ['name', snapshot.meta.name],
    ['version', snapshot.meta.version],
    ['description', snapshot.meta.description],
    ['references', snapshot.references.length > 0 ? JSON.stringify(snapshot.references) : undefined],
  ];
}

const KEY_PREFIX: Record<Domain, string> = { graph: 'g', node: 'n', edge: 'e' };

/** Declares a key for every attribute some element uses, in a fixed order: preferred names first, then the rest by name. */
function declareKeys(domain: Domain, rows: Attrs[], preferredOrder: readonly string[]): Map<string, KeyDecl> {
  const types = new Map<string, GraphmlType>();
  for (const row of rows) {
    for (const [name, value] of row) {
      if (value === null || value === undefined) continue;
      types.set(name, widen(types.get(name), valueType(value)));
    }
  }
  const names = [...preferredOrder.filter((n) => types.has(n)), ...[...types.keys()].filter((n) => !preferredOrder.includes(n)).sort(compareStrings)];
  return new Map(names.map((name, i) => [name, { id: `${KEY_PREFIX[domain]}${i}`, domain, name, type: types.get(name)! }]));
}

function dataElements(row: Attrs, keys: Map<string, KeyDecl>, indent: string): string {
  let out = '';
  for (const [name, value] of row) {
    if (value === null || value === undefined) continue;
    const key = keys.get(name)!;
    out += `${indent}<data key="${xmlAttr(key.id)}">${xmlText(formatValue(value, key.type))}</data>\n`;
  }
  return out;
}

export function exportGraphml(snapshot: GraphSnapshot): string {
  const nodes = sortedNodes(snapshot.nodes);
  const edges = sortedEdges(snapshot.edges);
  const nodeRows = nodes.map(nodeAttrs);
  const edgeRows = edges.map(edgeAttrs);
  const graphRow = graphAttrs(snapshot);
  const graphKeys = declareKeys('graph', [graphRow], ['name', 'version', 'description', 'references']);
  const nodeKeys = declareKeys('node', nodeRows, ['label', 'kind', 'name', 'nameEn', ...allNodePropertyNames()]);
  const edgeKeys = declareKeys('edge', edgeRows, ['label', 'type', 'source', 'page', 'quote', 'basis', 'note', 'noteNb', 'endedBy', 'review']);

  const parts: string[] = [
    '<?xml version="1.0" encoding="UTF-8"?>\n',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" ' +
      'xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">\n',
  ];
  for (const keys of [graphKeys, nodeKeys, edgeKeys]) {
    for (const k of keys.values()) {
      parts.push(`  <key id="${k.id}" for="${k.domain}" attr.name="${xmlAttr(k.name)}" attr.type="${k.type}"/>\n`);
    }
  }
  parts.push('  <graph id="G" edgedefault="directed">\n');
  parts.push(dataElements(graphRow, graphKeys, '    '));
  nodes.forEach((node, i) => {
    parts.push(`    <node id="${xmlAttr(node.id)}">\n${dataElements(nodeRows[i]!, nodeKeys, '      ')}    </node>\n`);
  });
  edges.forEach((edge, i) => {
    parts.push(
      `    <edge id="${xmlAttr(edge.id)}" source="${xmlAttr(edge.from)}" target="${xmlAttr(edge.to)}">\n` +
        `${dataElements(edgeRows[i]!, edgeKeys, '      ')}    </edge>\n`,
    );
  });
  parts.push('  </graph>\n</graphml>\n');
  return parts.join('');
}
