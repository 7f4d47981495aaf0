// LadybugDB's Cypher for the named queries (names, parameters and list columns: graph/queries/named.ts).
// label() gives both a relationship's type and a node's kind; variable-length patterns say TRAIL, because Ladybug
// walks by default (edges may repeat, so cycles explode) and TRAIL matches Neo4j's semantics.
import type { NamedQueryCypher } from '../../queries/named.js';

export const ladybugNamedQueries: NamedQueryCypher = {
  'agencies-of-initiative':
    `MATCH (a:Agency)-[r]->(i:Initiative {id: $id}) WHERE label(r) IN ['LEADS', 'RESPONSIBLE_FOR', 'PARTICIPATES_IN'] ` +
    'RETURN a.id AS agency, a.name AS name, label(r) AS role ORDER BY role, agency',
  'work-of-agency':
    `MATCH (a:Agency {id: $id})-[r]->(x) WHERE label(r) IN ['LEADS', 'RESPONSIBLE_FOR', 'PARTICIPATES_IN'] ` +
    'RETURN x.id AS id, x.name AS name, label(x) AS kind, label(r) AS role ORDER BY role, id',
  'initiatives-of-life-event':
    'MATCH (i:Initiative)-[:SERVES]->(l:LifeEvent {id: $id}) ' +
    'OPTIONAL MATCH (a:Agency)-[:LEADS]->(i) ' +
    'WITH i, collect(a.id) AS leads ' +
    'OPTIONAL MATCH (m:Agency)-[:RESPONSIBLE_FOR]->(i) ' +
    'RETURN i.id AS initiative, i.name AS name, leads, collect(m.id) AS responsible ORDER BY initiative',
  'life-events-of-initiative': 'MATCH (i:Initiative {id: $id})-[:SERVES]->(l:LifeEvent) ' + 'RETURN l.id AS lifeEvent, l.name AS name ORDER BY lifeEvent',
  'initiatives-of-focus-area':
    'MATCH (i:Initiative)-[:PART_OF]->(f:FocusArea {id: $id}) ' +
    'OPTIONAL MATCH (a:Agency)-[:LEADS]->(i) ' +
    'WITH i, collect(a.id) AS leads ' +
    'OPTIONAL MATCH (m:Agency)-[:RESPONSIBLE_FOR]->(i) ' +
    'RETURN i.id AS initiative, i.name AS name, i.status AS status, leads, collect(m.id) AS responsible ORDER BY initiative',
  dependencies:
    'MATCH p = (i:Initiative {id: $id})-[:DEPENDS_ON* TRAIL 1..6]->(dep:Initiative) ' +
    'RETURN dep.id AS initiative, dep.name AS name, dep.status AS status, min(length(p)) AS distance ORDER BY distance, initiative',
  dependents:
    'MATCH p = (dep:Initiative)-[:DEPENDS_ON* TRAIL 1..6]->(i:Initiative {id: $id}) ' +
    'RETURN dep.id AS initiative, dep.name AS name, dep.status AS status, min(length(p)) AS distance ORDER BY distance, initiative',
  'recommendation-follow-up':
    // Undirected, as the ontology fixes the directions: TARGETS and PROPOSES leave a recommendation, FOLLOWS_UP reaches it.
    `MATCH (r:Recommendation {id: $id})-[rel]-(x) WHERE label(rel) IN ['TARGETS', 'PROPOSES', 'FOLLOWS_UP'] ` +
    'RETURN label(rel) AS relation, x.id AS id, x.name AS name, label(x) AS kind ORDER BY relation, id',
  'drivers-of':
    'MATCH (d:Driver)-[:INFLUENCES]->(x {id: $id}) ' +
    'OPTIONAL MATCH (t:Trend)-[:PART_OF]->(d) ' +
    'RETURN d.id AS driver, d.name AS name, collect(t.id) AS trends ORDER BY driver',
};
