// The named queries (graph/queries/named.ts) answered over a projection in memory, for the graph as it stood in a year,
// which no store holds as such. Each answer is the rows the stores' Cypher (graph/adapters/*/named-queries.ts) gives
// for the same graph — the same columns, the same rows, in the same order — and test/projection/named-queries.test.ts
// holds every query to the Cypher on the fixtures and the seeds, for every node.
import type { NodeKind, RelationshipType } from '../ontology.js';
import type { NamedQueryName, NamedQueryResult } from '../queries/named.js';
import { answerNamedQuery } from '../queries/named.js';
import type { GraphEdge, GraphNode } from '../schema/graph.js';
import type { GraphProjection } from './projection.js';

type Row = Record<string, unknown>;
type Answer = (graph: GraphProjection, id: string) => Row[];

/** The roles an agency has in an initiative: executing (leads), responsible ministry, taking part. */
const ROLES: RelationshipType[] = ['LEADS', 'RESPONSIBLE_FOR', 'PARTICIPATES_IN'];

/** The longest DEPENDS_ON chain the Cypher follows (`*1..6`). */
const MAX_DEPENDENCY_HOPS = 6;

const ANSWERS: Readonly<Record<NamedQueryName, Answer>> = {
  // MATCH (a:Agency)-[r]->(i:Initiative {id: $id}) WHERE type(r) IN ['LEADS', 'RESPONSIBLE_FOR', 'PARTICIPATES_IN'] … ORDER BY role, agency
  'agencies-of-initiative': (g, id) =>
    inbound(g, id, 'Initiative', ROLES, 'Agency')
      .map(([a, r]) => ({ agency: a.id, name: a.name, role: r.type }))
      .sort(by('role', 'agency')),
  // MATCH (a:Agency {id: $id})-[r]->(x) WHERE type(r) IN ['LEADS', 'RESPONSIBLE_FOR', 'PARTICIPATES_IN'] … ORDER BY role, id
  'work-of-agency': (g, id) =>
    outbound(g, id, 'Agency', ROLES)
      .map(([x, r]) => ({ id: x.id, name: x.name, kind: x.kind, role: r.type }))
      .sort(by('role', 'id')),
  // MATCH (i:Initiative)-[:SERVES]->(l:LifeEvent {id: $id}) OPTIONAL MATCH (a:Agency)-[:LEADS]->(i) …
  // OPTIONAL MATCH (m:Agency)-[:RESPONSIBLE_FOR]->(i) … ORDER BY initiative
  'initiatives-of-life-event': (g, id) =>
    inbound(g, id, 'LifeEvent', ['SERVES'], 'Initiative')
      .map(([i]) => ({ initiative: i.id, name: i.name, leads: agenciesOf(g, i.id, 'LEADS'), responsible: agenciesOf(g, i.id, 'RESPONSIBLE_FOR') }))
      .sort(by('initiative')),
  // MATCH (i:Initiative {id: $id})-[:SERVES]->(l:LifeEvent) … ORDER BY lifeEvent
  'life-events-of-initiative': (g, id) =>
    outbound(g, id, 'Initiative', ['SERVES'], 'LifeEvent')
      .map(([l]) => ({ lifeEvent: l.id, name: l.name }))
      .sort(by('lifeEvent')),
  // MATCH (i:Initiative)-[:PART_OF]->(f:FocusArea {id: $id}) OPTIONAL MATCH (a:Agency)-[:LEADS]->(i) … ORDER BY initiative
  'initiatives-of-focus-area': (g, id) =>
    inbound(g, id, 'FocusArea', ['PART_OF'], 'Initiative')
      .map(([i]) => ({
        initiative: i.id,
        name: i.name,
        status: i.properties['status'] ?? null,
        leads: agenciesOf(g, i.id, 'LEADS'),
        responsible: agenciesOf(g, i.id, 'RESPONSIBLE_FOR'),
      }))
      .sort(by('initiative')),
  // MATCH p = (i:Initiative {id: $id})-[:DEPENDS_ON*1..6]->(dep:Initiative) … min(length(p)) AS distance ORDER BY distance, initiative
  dependencies: (g, id) => dependencyChain(g, id, 'out'),
  dependents: (g, id) => dependencyChain(g, id, 'in'),
  // MATCH (r:Recommendation {id: $id})-[rel]-(x) WHERE type(rel) IN ['TARGETS', 'PROPOSES', 'FOLLOWS_UP'] … ORDER BY relation, id
  'recommendation-follow-up': (g, id) =>
    [...outbound(g, id, 'Recommendation', ['TARGETS', 'PROPOSES']), ...inbound(g, id, 'Recommendation', ['FOLLOWS_UP'])]
      .map(([x, r]) => ({ relation: r.type, id: x.id, name: x.name, kind: x.kind }))
      .sort(by('relation', 'id')),
  // MATCH (d:Driver)-[:INFLUENCES]->(x {id: $id}) OPTIONAL MATCH (t:Trend)-[:PART_OF]->(d) … ORDER BY driver
  'drivers-of': (g, id) =>
    inbound(g, id, null, ['INFLUENCES'], 'Driver')
      .map(([d]) => ({ driver: d.id, name: d.name, trends: inbound(g, d.id, 'Driver', ['PART_OF'], 'Trend').map(([t]) => t.id) }))
      .sort(by('driver')),
};

/** One named query over a projection: validated and normalised exactly as the stores run it. */
export function runNamedQueryOn(graph: GraphProjection, name: string, params: Record<string, unknown>): Promise<NamedQueryResult> {
  return answerNamedQuery(name, params, async (query, parsed) => ANSWERS[query](graph, String(parsed['id'])));
}

/** The nodes linking into `id` (of kind `at`, or any kind when null) by one of `types`, from nodes of kind `from`. */
function inbound(g: GraphProjection, id: string, at: NodeKind | null, types: RelationshipType[], from?: NodeKind): [GraphNode, GraphEdge][] {
  const node = g.node(id);
  if (!node || (at !== null && node.kind !== at)) return [];
  return g
    .incoming(id)
    .filter((e) => types.includes(e.type))
    .map((e): [GraphNode, GraphEdge] => [g.node(e.from)!, e])
    .filter(([n]) => from === undefined || n.kind === from);
}

/** The nodes `id` (of kind `at`) links to by one of `types`, of kind `to` when given. */
function outbound(g: GraphProjection, id: string, at: NodeKind, types: RelationshipType[], to?: NodeKind): [GraphNode, GraphEdge][] {
  const node = g.node(id);
  if (!node || node.kind !== at) return [];
  return g
    .outgoing(id)
    .filter((e) => types.includes(e.type))
    .map((e): [GraphNode, GraphEdge] => [g.node(e.to)!, e])
    .filter(([n]) => to === undefined || n.kind === to);
}

/** collect(a.id) over OPTIONAL MATCH (a:Agency)-[:<role>]->(i); the list is sorted when the rows are normalised. */
const agenciesOf = (g: GraphProjection, initiative: string, role: RelationshipType) => inbound(g, initiative, null, [role], 'Agency').map(([a]) => a.id);

/**
 * Every initiative reached along DEPENDS_ON within MAX_DEPENDENCY_HOPS, with the length of the shortest way there.
 * Cypher's variable-length match never repeats a relationship; the shortest such walk to a node is a breadth-first
 * distance (a shortest walk repeats nothing), and the start itself is reached only round a cycle, as in Cypher.
 */
function dependencyChain(g: GraphProjection, id: string, direction: 'out' | 'in'): Row[] {
  const start = g.node(id);
  if (!start || start.kind !== 'Initiative') return [];
  const distance = new Map<string, number>();
  let frontier = [id];
  for (let hops = 1; hops <= MAX_DEPENDENCY_HOPS && frontier.length > 0; hops++) {
    const next: string[] = [];
    for (const at of frontier) {
      const links = direction === 'out' ? g.outgoing(at) : g.incoming(at);
      for (const e of links) {
        if (e.type !== 'DEPENDS_ON') continue;
        const other = direction === 'out' ? e.to : e.from;
        if (distance.has(other)) continue;
        distance.set(other, hops);
        next.push(other);
      }
    }
    frontier = next;
  }
  return [...distance]
    .map(([depId, hops]) => [g.node(depId)!, hops] as const)
    .filter(([dep]) => dep.kind === 'Initiative')
    .map(([dep, hops]) => ({ initiative: dep.id, name: dep.name, status: dep.properties['status'] ?? null, distance: hops }))
    .sort(by('distance', 'initiative'));
}

/** ORDER BY on the given columns, ascending: numbers by value, strings by code unit as both stores order them. */
function by(...columns: string[]): (a: Row, b: Row) => number {
  return (a, b) => {
    for (const c of columns) {
      const x = a[c] as string | number;
      const y = b[c] as string | number;
      if (x < y) return -1;
      if (x > y) return 1;
    }
    return 0;
  };
}
