// Named relationship queries: the strategists' standing questions, one Cypher text per dialect.
import { z } from 'zod';
import type { CypherDialect } from './dialect.js';
import { queryInvalid } from '../store/errors.js';

const NodeId = z.string().min(1).max(120).describe('Node id');

export interface NamedQuery<P extends z.ZodObject = z.ZodObject> {
  name: string;
  title: { nb: string; en: string };
  params: P;
  /** Columns holding lists; Ladybug gives null for collect() over nothing, so these are normalised to []. */
  listColumns: string[];
  cypher(dialect: CypherDialect): string;
}

const define = <P extends z.ZodObject>(q: NamedQuery<P>) => q;

export const NAMED_QUERIES = [
  define({
    name: 'agencies-of-initiative',
    title: { nb: 'Hvem leder og deltar i initiativet?', en: 'Who leads and takes part in the initiative?' },
    params: z.object({ id: NodeId }),
    listColumns: [],
    cypher: (d) =>
      `MATCH (a:Agency)-[r]->(i:Initiative {id: $id}) WHERE ${d.typeOf('r')} IN ['LEADS', 'PARTICIPATES_IN'] ` +
      `RETURN a.id AS agency, a.name AS name, ${d.typeOf('r')} AS role ORDER BY role, agency`,
  }),
  define({
    name: 'work-of-agency',
    title: { nb: 'Hva leder og deltar virksomheten i?', en: 'What does the agency lead or take part in?' },
    params: z.object({ id: NodeId }),
    listColumns: [],
    cypher: (d) =>
      `MATCH (a:Agency {id: $id})-[r]->(x) WHERE ${d.typeOf('r')} IN ['LEADS', 'PARTICIPATES_IN'] ` +
      `RETURN x.id AS id, x.name AS name, ${d.kindOf('x')} AS kind, ${d.typeOf('r')} AS role ORDER BY role, id`,
  }),
  define({
    name: 'initiatives-of-life-event',
    title: { nb: 'Hvilke initiativer understøtter livshendelsen?', en: 'Which initiatives serve the life event?' },
    params: z.object({ id: NodeId }),
    listColumns: ['leads'],
    cypher: () =>
      'MATCH (i:Initiative)-[:SERVES]->(l:LifeEvent {id: $id}) OPTIONAL MATCH (a:Agency)-[:LEADS]->(i) ' +
      'RETURN i.id AS initiative, i.name AS name, collect(a.id) AS leads ORDER BY initiative',
  }),
  define({
    name: 'life-events-of-initiative',
    title: { nb: 'Hvilke livshendelser når initiativet?', en: 'Which life events does the initiative reach?' },
    params: z.object({ id: NodeId }),
    listColumns: [],
    cypher: () =>
      'MATCH (i:Initiative {id: $id})-[:SERVES]->(l:LifeEvent) RETURN l.id AS lifeEvent, l.name AS name ORDER BY lifeEvent',
  }),
  define({
    name: 'initiatives-of-focus-area',
    title: { nb: 'Hvilke initiativer hører til innsatsområdet?', en: 'Which initiatives belong to the focus area?' },
    params: z.object({ id: NodeId }),
    listColumns: ['leads'],
    cypher: () =>
      'MATCH (i:Initiative)-[:PART_OF]->(f:FocusArea {id: $id}) OPTIONAL MATCH (a:Agency)-[:LEADS]->(i) ' +
      'RETURN i.id AS initiative, i.name AS name, i.status AS status, collect(a.id) AS leads ORDER BY initiative',
  }),
  define({
    name: 'dependencies',
    title: { nb: 'Hva avhenger initiativet av, direkte og indirekte?', en: 'What does the initiative depend on, directly and indirectly?' },
    params: z.object({ id: NodeId }),
    listColumns: [],
    cypher: (d) =>
      `MATCH p = (i:Initiative {id: $id})-${d.trail('DEPENDS_ON', 1, 6)}->(dep:Initiative) ` +
      'RETURN dep.id AS initiative, dep.name AS name, dep.status AS status, min(length(p)) AS distance ORDER BY distance, initiative',
  }),
  define({
    name: 'dependents',
    title: { nb: 'Hva avhenger av initiativet, direkte og indirekte?', en: 'What depends on the initiative, directly and indirectly?' },
    params: z.object({ id: NodeId }),
    listColumns: [],
    cypher: (d) =>
      `MATCH p = (dep:Initiative)-${d.trail('DEPENDS_ON', 1, 6)}->(i:Initiative {id: $id}) ` +
      'RETURN dep.id AS initiative, dep.name AS name, dep.status AS status, min(length(p)) AS distance ORDER BY distance, initiative',
  }),
  define({
    name: 'recommendation-follow-up',
    title: { nb: 'Hva retter anbefalingen seg mot og foreslår?', en: 'What does the recommendation target and propose?' },
    params: z.object({ id: NodeId }),
    listColumns: [],
    cypher: (d) =>
      `MATCH (r:Recommendation {id: $id})-[rel]->(x) WHERE ${d.typeOf('rel')} IN ['TARGETS', 'PROPOSES'] ` +
      `RETURN ${d.typeOf('rel')} AS relation, x.id AS id, x.name AS name, ${d.kindOf('x')} AS kind ORDER BY relation, id`,
  }),
  define({
    name: 'drivers-of',
    title: { nb: 'Hvilke drivkrefter påvirker dette?', en: 'Which drivers influence this?' },
    params: z.object({ id: NodeId }),
    listColumns: ['trends'],
    cypher: () =>
      'MATCH (d:Driver)-[:INFLUENCES]->(x {id: $id}) OPTIONAL MATCH (t:Trend)-[:PART_OF]->(d) ' +
      'RETURN d.id AS driver, d.name AS name, collect(t.id) AS trends ORDER BY driver',
  }),
] as const;

export type NamedQueryName = (typeof NAMED_QUERIES)[number]['name'];

export function findNamedQuery(name: string): NamedQuery | undefined {
  return (NAMED_QUERIES as readonly NamedQuery[]).find((q) => q.name === name);
}

export interface NamedQueryResult {
  name: string;
  rows: Record<string, unknown>[];
}

export type RecordReader = (cypher: string, params: Record<string, unknown>) => Promise<Record<string, unknown>[]>;

/** Validates the parameters, runs the dialect's text and normalises the rows: the one way every adapter runs a named query. */
export async function runNamedQuery(read: RecordReader, dialect: CypherDialect, name: string, params: unknown): Promise<NamedQueryResult> {
  const query = findNamedQuery(name);
  if (!query) throw queryInvalid(`unknown named query "${name}" (known: ${NAMED_QUERIES.map((q) => q.name).join(', ')})`);
  const parsed = query.params.safeParse(params);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw queryInvalid(`parameter ${issue.path.join('.') || '(params)'} of "${name}": ${issue.message}`);
  }
  const records = await read(query.cypher(dialect), parsed.data as Record<string, unknown>);
  return { name, rows: records.map((record) => normaliseRecord(query, record)) };
}

/** Turns nulls from collect() over nothing into [] and sorts list cells, so both stores answer alike. */
function normaliseRecord(query: NamedQuery, record: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [col, value] of Object.entries(record)) {
    if (query.listColumns.includes(col)) {
      const list = Array.isArray(value) ? value.filter((v) => v !== null) : [];
      out[col] = [...list].sort();
    } else out[col] = value ?? null;
  }
  return out;
}
