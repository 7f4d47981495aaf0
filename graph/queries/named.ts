// Named relationship queries: the strategists' standing questions — names, parameters and list columns, the same on
// every backend. Each adapter supplies its Cypher text for them (graph/adapters/*/named-queries.ts). An agency's role
// in an initiative is LEADS (it executes it), RESPONSIBLE_FOR (the responsible ministry) or PARTICIPATES_IN; lists of
// initiatives give the executing agencies as `leads` and the responsible ministries as `responsible`.
import { z } from 'zod';
import { queryInvalid } from '../store/errors.js';

const NodeId = z.string().min(1).max(120).describe('Node id');

export interface NamedQuery<P extends z.ZodObject = z.ZodObject> {
  name: string;
  title: { nb: string; en: string };
  params: P;
  /** Columns holding lists; Ladybug gives null for collect() over nothing, so these are normalised to []. */
  listColumns: string[];
}

const define = <const N extends string, P extends z.ZodObject>(q: NamedQuery<P> & { name: N }) => q;

export const NAMED_QUERIES = [
  define({
    name: 'agencies-of-initiative',
    title: {
      nb: 'Hvem leder, er ansvarlig departement for og deltar i initiativet?',
      en: 'Who leads, is the responsible ministry for and takes part in the initiative?',
    },
    params: z.object({ id: NodeId }),
    listColumns: [],
  }),
  define({
    name: 'work-of-agency',
    title: {
      nb: 'Hva leder, er virksomheten ansvarlig departement for eller deltar i?',
      en: 'What does the agency lead, answer for as responsible ministry or take part in?',
    },
    params: z.object({ id: NodeId }),
    listColumns: [],
  }),
  define({
    name: 'initiatives-of-life-event',
    title: { nb: 'Hvilke initiativer understøtter livshendelsen?', en: 'Which initiatives serve the life event?' },
    params: z.object({ id: NodeId }),
    listColumns: ['leads', 'responsible'],
  }),
  define({
    name: 'life-events-of-initiative',
    title: { nb: 'Hvilke livshendelser når initiativet?', en: 'Which life events does the initiative reach?' },
    params: z.object({ id: NodeId }),
    listColumns: [],
  }),
  define({
    name: 'initiatives-of-focus-area',
    title: { nb: 'Hvilke initiativer hører til innsatsområdet?', en: 'Which initiatives belong to the focus area?' },
    params: z.object({ id: NodeId }),
    listColumns: ['leads', 'responsible'],
  }),
  define({
    name: 'dependencies',
    title: { nb: 'Hva avhenger initiativet av, direkte og indirekte?', en: 'What does the initiative depend on, directly and indirectly?' },
    params: z.object({ id: NodeId }),
    listColumns: [],
  }),
  define({
    name: 'dependents',
    title: { nb: 'Hva avhenger av initiativet, direkte og indirekte?', en: 'What depends on the initiative, directly and indirectly?' },
    params: z.object({ id: NodeId }),
    listColumns: [],
  }),
  define({
    name: 'recommendation-follow-up',
    title: {
      nb: 'Hva retter anbefalingen seg mot og foreslår, og hvem følger den opp?',
      en: 'What does the recommendation target and propose, and who follows it up?',
    },
    params: z.object({ id: NodeId }),
    listColumns: [],
  }),
  define({
    name: 'drivers-of',
    title: { nb: 'Hvilke drivkrefter påvirker dette?', en: 'Which drivers influence this?' },
    params: z.object({ id: NodeId }),
    listColumns: ['trends'],
  }),
] as const;

export type NamedQueryName = (typeof NAMED_QUERIES)[number]['name'];

/** One adapter's Cypher text for every named query; the rows must have the query's columns. */
export type NamedQueryCypher = Readonly<Record<NamedQueryName, string>>;

export function findNamedQuery(name: string): NamedQuery | undefined {
  return (NAMED_QUERIES as readonly NamedQuery[]).find((q) => q.name === name);
}

export interface NamedQueryResult {
  name: string;
  rows: Record<string, unknown>[];
}

export type RecordReader = (cypher: string, params: Record<string, unknown>) => Promise<Record<string, unknown>[]>;

/** Validates the parameters, runs the adapter's text and normalises the rows: the one way every adapter runs a named query. */
export function runNamedQuery(read: RecordReader, cypher: NamedQueryCypher, name: string, params: unknown): Promise<NamedQueryResult> {
  return answerNamedQuery(name, params, (query, parsed) => read(cypher[query], parsed));
}

/**
 * Validates the parameters, has `answer` give the rows and normalises them: how the stores run a named query in Cypher
 * (runNamedQuery) and how the graph of a year answers it in memory (graph/projection/named-queries.ts), alike.
 */
export async function answerNamedQuery(
  name: string,
  params: unknown,
  answer: (query: NamedQueryName, params: Record<string, unknown>) => Promise<Record<string, unknown>[]>,
): Promise<NamedQueryResult> {
  const query = findNamedQuery(name);
  if (!query) throw queryInvalid(`unknown named query "${name}" (known: ${NAMED_QUERIES.map((q) => q.name).join(', ')})`);
  const parsed = query.params.safeParse(params);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw queryInvalid(`parameter ${issue.path.join('.') || '(params)'} of "${name}": ${issue.message}`);
  }
  const records = await answer(query.name as NamedQueryName, parsed.data as Record<string, unknown>);
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
