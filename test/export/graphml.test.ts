import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import { exportGraph } from '../../graph/export/index.js';
import { linkReviewJson } from '../../graph/export/shared.js';
import { xmlAttr, xmlText } from '../../graph/export/graphml.js';
import type { GraphSnapshot } from '../../graph/store/port.js';
import { escapingDataset, NASTY_DESCRIPTION, NASTY_NAME, NASTY_NOTE, NASTY_QUOTE, snapshotOf } from './helpers.js';

interface XmlData {
  '@_key': string;
  '#text'?: string;
}
interface XmlKey {
  '@_id': string;
  '@_for': string;
  '@_attr.name': string;
  '@_attr.type': string;
}
interface XmlElement {
  '@_id': string;
  '@_source'?: string;
  '@_target'?: string;
  data?: XmlData[];
}
interface Parsed {
  graphml: {
    '@_xmlns': string;
    key: XmlKey[];
    graph: { '@_id': string; '@_edgedefault': string; data?: XmlData[]; node?: XmlElement[]; edge?: XmlElement[] };
  };
}

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  htmlEntities: true,
  isArray: (name) => ['key', 'node', 'edge', 'data'].includes(name),
});

function parse(xml: string): Parsed {
  expect(XMLValidator.validate(xml)).toBe(true);
  return parser.parse(xml) as Parsed;
}

/** Reads an element's <data> the way networkx does: typed by the key's attr.type. */
function attributes(element: { data?: XmlData[] }, keys: Map<string, XmlKey>, domain: string): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const d of element.data ?? []) {
    const key = keys.get(d['@_key']);
    expect(key, `undeclared key ${d['@_key']}`).toBeDefined();
    expect(key!['@_for']).toBe(domain);
    const text = d['#text'] ?? '';
    const type = key!['@_attr.type'];
    out[key!['@_attr.name']] =
      type === 'int' || type === 'long' ? Number(text) : type === 'double' ? Number(text) : type === 'boolean' ? text === 'true' : text;
  }
  return out;
}

function expectedNodeAttributes(node: GraphSnapshot['nodes'][number]): Record<string, unknown> {
  const out: Record<string, unknown> = { label: node.name, kind: node.kind, name: node.name };
  if (node.nameEn) out['nameEn'] = node.nameEn;
  for (const [k, v] of Object.entries(node.properties)) out[k] = Array.isArray(v) ? JSON.stringify(v) : v;
  return out;
}

describe('GraphML export', () => {
  let snapshot: GraphSnapshot;
  let xml: string;
  let doc: Parsed;
  let keys: Map<string, XmlKey>;

  beforeAll(async () => {
    snapshot = await snapshotOf(await escapingDataset());
    const result = exportGraph(snapshot, 'graphml');
    expect(result).toMatchObject({ contentType: 'application/graphml+xml; charset=utf-8', extension: 'graphml' });
    xml = result.body;
    doc = parse(xml);
    keys = new Map(doc.graphml.key.map((k) => [k['@_id'], k]));
  });

  it('is well-formed GraphML with one directed graph', () => {
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n')).toBe(true);
    expect(doc.graphml['@_xmlns']).toBe('http://graphml.graphdrawing.org/xmlns');
    expect(doc.graphml.graph['@_edgedefault']).toBe('directed');
  });

  it('declares every key once with a GraphML type, and types numbers and booleans', () => {
    expect(keys.size).toBe(doc.graphml.key.length);
    for (const k of doc.graphml.key) {
      expect(['graph', 'node', 'edge']).toContain(k['@_for']);
      expect(['string', 'int', 'long', 'double', 'boolean']).toContain(k['@_attr.type']);
    }
    const typeOf = (domain: string, name: string) => doc.graphml.key.find((k) => k['@_for'] === domain && k['@_attr.name'] === name)?.['@_attr.type'];
    expect(typeOf('node', 'kind')).toBe('string');
    expect(typeOf('node', 'number')).toBe('int');
    expect(typeOf('node', 'year')).toBe('int');
    expect(typeOf('node', 'complete')).toBe('boolean');
    expect(typeOf('node', 'missing')).toBe('string');
    expect(typeOf('edge', 'type')).toBe('string');
    expect(typeOf('edge', 'page')).toBe('int');
    expect(typeOf('edge', 'note')).toBe('string');
    // Only keys some element uses are declared: no node has endDate in the fixture.
    expect(typeOf('node', 'endDate')).toBeUndefined();
  });

  it('has every node with its kind, names and properties', () => {
    const nodes = doc.graphml.graph.node ?? [];
    expect(nodes).toHaveLength(snapshot.nodes.length);
    const byId = new Map(nodes.map((n) => [n['@_id'], n]));
    expect(byId.size).toBe(snapshot.nodes.length);
    for (const node of snapshot.nodes) {
      const element = byId.get(node.id);
      expect(element, node.id).toBeDefined();
      expect(attributes(element!, keys, 'node')).toEqual(expectedNodeAttributes(node));
    }
  });

  it('has every edge, directed from→to, with its type and provenance', () => {
    const edges = doc.graphml.graph.edge ?? [];
    expect(edges).toHaveLength(snapshot.edges.length);
    const byId = new Map(edges.map((e) => [e['@_id'], e]));
    for (const edge of snapshot.edges) {
      const element = byId.get(edge.id)!;
      expect(element, edge.id).toBeDefined();
      expect(element['@_source']).toBe(edge.from);
      expect(element['@_target']).toBe(edge.to);
      const expected: Record<string, unknown> = { label: edge.type, type: edge.type };
      // A review is written as the JSON text the stores keep, and only when decided.
      for (const [k, v] of Object.entries({ ...edge.properties, review: linkReviewJson(edge.properties.review) }))
        if (v !== null && v !== undefined) expected[k] = v;
      expect(attributes(element, keys, 'edge')).toEqual(expected);
    }
  });

  it('carries the dataset header and references as graph attributes', () => {
    const graph = attributes(doc.graphml.graph, keys, 'graph');
    expect(graph).toMatchObject({ name: snapshot.meta.name, version: snapshot.meta.version, description: snapshot.meta.description });
    expect(JSON.parse(String(graph['references']))).toEqual(snapshot.references);
  });

  it('escapes «», –, &, <, quotes, newlines and carriage returns so they read back exactly', () => {
    const element = (doc.graphml.graph.node ?? []).find((n) => n['@_id'] === 'ex-escaping')!;
    const attrs = attributes(element, keys, 'node');
    expect(attrs['name']).toBe(NASTY_NAME);
    expect(attrs['quote']).toBe(NASTY_QUOTE);
    expect(attrs['description']).toBe(NASTY_DESCRIPTION);
    const edge = (doc.graphml.graph.edge ?? []).find((e) => e['@_id'] === 'ex-escaping:INVOLVES:digdir')!;
    expect(attributes(edge, keys, 'edge')).toMatchObject({ note: NASTY_NOTE, quote: NASTY_QUOTE, basis: 'inferred' });
    expect(xml).toContain('Tjeneste «Én» &amp; &lt;b&gt;&apos;x&apos; &quot;y&quot;\nlinje 2 – slutt');
    expect(xml).not.toContain('<b>');
    expect(xml).toContain('Linje 1&#13;\nLinje 2');
  });

  it('escapes attribute values and replaces characters XML cannot hold', () => {
    expect(xmlAttr('a"b\'c<d>&e\nf\tg\rh')).toBe('a&quot;b&apos;c&lt;d&gt;&amp;e&#10;f&#9;g&#13;h');
    expect(xmlText('x\u0001y\uD800z\uFFFE')).toBe('x\uFFFDy\uFFFDz\uFFFD');
    expect(xmlText('emoji 😀 stays')).toBe('emoji 😀 stays');
  });

  it('types large integers as long, fractions as double and mixed values as string', () => {
    const graph: GraphSnapshot = {
      meta: { name: 'n', version: '1' },
      references: [],
      nodes: [
        { id: 'a', kind: 'Report', name: 'A', properties: { year: 2020, page: 3_000_000_000, publisher: 'P', source: 'a', weird: 1.5, mixed: 1 } },
        { id: 'b', kind: 'Report', name: 'B\u0002', properties: { year: 2021, page: 2, publisher: 'P', source: 'a', weird: 2, mixed: 'x' } },
      ],
      edges: [],
    };
    const out = parse(exportGraph(graph, 'graphml').body);
    const typeOf = (name: string) => out.graphml.key.find((k) => k['@_attr.name'] === name)?.['@_attr.type'];
    expect(typeOf('year')).toBe('int');
    expect(typeOf('page')).toBe('long');
    expect(typeOf('weird')).toBe('double');
    expect(typeOf('mixed')).toBe('string');
    const outKeys = new Map(out.graphml.key.map((k) => [k['@_id'], k]));
    const b = attributes(
      out.graphml.graph.node!.find((n) => n['@_id'] === 'b')!,
      outKeys,
      'node',
    );
    expect(b).toMatchObject({ name: 'B\uFFFD', mixed: 'x', weird: 2 });
  });

  it('writes a graph without nodes or edges', () => {
    const out = parse(exportGraph({ meta: { name: 'tom', version: '1' }, references: [], nodes: [], edges: [] }, 'graphml').body);
    expect(out.graphml.graph.node ?? []).toHaveLength(0);
    expect(out.graphml.graph['@_edgedefault']).toBe('directed');
  });
});
