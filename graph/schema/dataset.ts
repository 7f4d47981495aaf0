// zod schemas of the dataset: what a seed file may hold. The JSON Schema for editors, the API and the stores derive from these.
import { z } from 'zod';
import {
  AGENCY_SECTORS,
  BASES,
  FOCUS_AREA_STATUSES,
  FUNDING_TYPES,
  INDICATOR_DIRECTIONS,
  INITIATIVE_CATEGORIES,
  INITIATIVE_STATUSES,
  MAX_QUOTE_LENGTH,
  MILESTONE_OCCURRENCES,
  PROGRESS_LEVELS,
  REPORT_GENRES,
  REVIEW_DECISIONS,
  NODE_KINDS,
  RELATIONSHIP_TYPES,
  type NodeKind,
} from '../ontology.js';

export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const Slug = z
  .string()
  .regex(SLUG_PATTERN, 'must be a lowercase ASCII slug (letters, digits and single hyphens, e.g. "digdir" or "okt-deling-av-data")')
  .max(120);

/** A calendar date, a month, a season, a half or a quarter, or a year: 2020-06-15, 2020-06, 2020-autumn, 2020-H2, 2020-Q3 or 2020. */
export const PARTIAL_DATE_PATTERN = /^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?|-(spring|summer|autumn|winter)|-H[12]|-Q[1-4])?$/;
export const PartialDate = z
  .string()
  .regex(
    PARTIAL_DATE_PATTERN,
    'must be a date as YYYY, YYYY-MM, YYYY-MM-DD, a season (YYYY-spring, -summer, -autumn, -winter), a half (YYYY-H1) or a quarter (YYYY-Q3)',
  );

const Page = z.number().int('must be a whole page number').min(1).nullable();
const Quote = z.string().min(1).max(MAX_QUOTE_LENGTH, `must be at most ${MAX_QUOTE_LENGTH} characters`).nullable();
/**
 * Text fields are limited in UTF-8 bytes, not characters: LadybugDB 0.19.1 cannot replay a write-ahead-log record holding
 * a string of about 4 KB (test/store/engine-defects.test.ts), so a longer value would leave the file unopenable after a
 * crash. Names are kept shorter because the store joins id, name, nameEn and shortName into one search column.
 */
export const MAX_TEXT_BYTES = 3999;
export const MAX_NAME_BYTES = 1000;

export function utf8Bytes(text: string): number {
  let bytes = 0;
  for (const char of text) {
    const code = char.codePointAt(0)!;
    bytes += code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
  }
  return bytes;
}

const withinBytes = (limit: number, what: string) => (text: string, ctx: z.RefinementCtx) => {
  const bytes = utf8Bytes(text);
  if (bytes > limit) {
    ctx.addIssue({
      code: 'custom',
      message: `is ${bytes.toLocaleString('en')} UTF-8 bytes long; ${what} may be at most ${limit.toLocaleString('en')} bytes (the embedded store cannot safely hold longer strings) — shorten it`,
    });
  }
};

const Text = z.string().min(1).superRefine(withinBytes(MAX_TEXT_BYTES, 'a text field'));
const NameText = z.string().min(1).superRefine(withinBytes(MAX_NAME_BYTES, 'a name'));

/** A recorded review's note: short, so that a link's or a node's reviews stay one storable text (MAX_TEXT_BYTES). */
export const MAX_REVIEW_NOTE_BYTES = 1500;

/**
 * An editor's decision on an inferred link or field, as the seed files record it: `strategigraf review export` writes
 * it from the decisions made in the app, so the curated files stay the source of truth (docs/review.md).
 */
export const RecordedReview = z
  .strictObject({
    decision: z.enum(REVIEW_DECISIONS),
    by: NameText.describe('Who decided: the name the editor signed in with'),
    at: z.iso.datetime({ offset: true, message: 'must be an ISO 8601 time with a zone, e.g. 2025-03-01T09:30:00Z' }).describe('When the decision was made'),
    note: z.string().min(1).superRefine(withinBytes(MAX_REVIEW_NOTE_BYTES, 'a review note')).optional().describe('Why; a rejection always says why'),
  })
  .superRefine((review, ctx) => {
    if (review.decision === 'rejected' && !review.note) {
      ctx.addIssue({ code: 'custom', path: ['note'], message: 'is required when the decision is "rejected": say why the inference does not hold' });
    }
  });
export type RecordedReview = z.infer<typeof RecordedReview>;

/** Fields every node has: identity, names, and where the node itself is attested. */
const nodeBase = {
  id: Slug,
  name: NameText.describe('Name in Norwegian bokmål'),
  nameEn: NameText.optional().describe('Name in English'),
  description: Text.optional(),
  descriptionEn: Text.optional(),
  source: Slug.describe('Id of the Report node or reference that attests this node'),
  page: Page.optional(),
  quote: Quote.optional(),
  aliases: z.array(NameText).optional().describe('Other names the sources give the same thing'),
  inferred: z
    .record(z.string(), Text)
    .optional()
    .describe("Fields of this node that are the analyst's reading rather than the source's words: field name → why"),
  review: z
    .record(z.string(), RecordedReview)
    .optional()
    .describe("Editors' decisions on fields named in `inferred`: field name → decision (written by `strategigraf review export`)"),
};

const kindSchema = <K extends NodeKind, S extends z.ZodRawShape>(kind: K, extra: S) => z.strictObject({ kind: z.literal(kind), ...nodeBase, ...extra });

/** Fields that are the node's identity or provenance, so cannot themselves be the analyst's reading. */
const NOT_INFERABLE = new Set(['kind', 'id', 'source', 'page', 'quote', 'inferred', 'review']);

/** Problems with a node's `inferred` map: it may only name fields the kind has and the node sets. */
export function inferredFieldProblems(node: DatasetNode): { field: string; message: string }[] {
  const shape = NODE_SCHEMAS[node.kind].shape as Record<string, unknown>;
  const fields = Object.keys(shape).filter((f) => !NOT_INFERABLE.has(f));
  const record = node as unknown as Record<string, unknown>;
  return Object.keys(node.inferred ?? {}).flatMap((field) =>
    !fields.includes(field)
      ? [{ field, message: `names no field a ${node.kind} can have marked inferred (expected one of ${fields.join(', ')})` }]
      : record[field] === undefined
        ? [{ field, message: `marks "${field}" as inferred but the node does not set it` }]
        : [],
  );
}

/** Problems with a node's `review` map: it may only decide on fields the node marks as inferred. */
export function reviewFieldProblems(node: DatasetNode): { field: string; message: string }[] {
  const inferred = node.inferred ?? {};
  const problems = Object.keys(node.review ?? {})
    .filter((field) => !Object.hasOwn(inferred, field))
    .map((field) => ({ field, message: `records a review of "${field}", which the node does not mark as inferred (only inferred fields are reviewed)` }));
  const bytes = node.review ? utf8Bytes(JSON.stringify(node.review)) : 0;
  if (bytes > MAX_TEXT_BYTES) {
    problems.push({
      field: '',
      message: `the reviews take ${bytes.toLocaleString('en')} UTF-8 bytes together; the stores keep them as one text of at most ${MAX_TEXT_BYTES.toLocaleString('en')} bytes — shorten the notes`,
    });
  }
  return problems;
}

export const NODE_SCHEMAS = {
  Strategy: kindSchema('Strategy', {
    startYear: z.number().int().optional(),
    endYear: z.number().int().optional(),
  }),
  ActionPlan: kindSchema('ActionPlan', {}),
  FocusArea: kindSchema('FocusArea', {
    number: z.number().int().min(1).optional().describe('Order of the focus area in the action plan'),
    status: z.enum(FOCUS_AREA_STATUSES),
    statusNote: Text.optional(),
    planNumber: Text.optional().describe("The number the action plan's own pages give it (by strategy chapter); the 2020 report numbers nothing"),
  }),
  Initiative: kindSchema('Initiative', {
    category: z.enum(INITIATIVE_CATEGORIES),
    status: z.enum(INITIATIVE_STATUSES),
    statusNote: Text.optional(),
    startDate: PartialDate.optional(),
    endDate: PartialDate.optional(),
    planNumber: Text.optional().describe('The number the action plan\'s own pages give it, e.g. "3.1"'),
  }),
  LifeEvent: kindSchema('LifeEvent', {}),
  Agency: kindSchema('Agency', {
    shortName: NameText.optional(),
    sector: z.enum(AGENCY_SECTORS),
  }),
  Driver: kindSchema('Driver', {
    number: z.number().int().min(1).optional(),
  }),
  Trend: kindSchema('Trend', {}),
  Goal: kindSchema('Goal', {
    number: z.number().int().min(1).max(17),
  }),
  Recommendation: kindSchema('Recommendation', {
    number: z.number().int().min(1).optional(),
    points: z.array(Text).optional().describe("The recommendation's points, each box's text as the report gives it"),
  }),
  Report: kindSchema('Report', {
    year: z.number().int().min(1900).max(2200),
    publisher: Text,
    sourceText: Text.optional().describe('Path of the source text, relative to the repository root, used to verify quotes'),
    url: z.string().url().optional().describe('Where the source is published'),
    published: PartialDate.optional().describe('When the source was published; `year` is the year it reports on'),
    genre: z.enum(REPORT_GENRES).optional().describe("What kind of source; left out, an experience report that collects every initiative's status"),
  }),
  StatusReport: kindSchema('StatusReport', {
    respondent: Text.nullable().describe('Who answered; null where the report left it blank'),
    status: z.enum(INITIATIVE_STATUSES).optional().describe('The initiative status this report gave'),
    successFactors: Text.nullable(),
    challenges: Text.nullable(),
    learnings: Text.nullable(),
    nextTasks: Text.nullable(),
    complete: z.boolean().describe('false where the report left answers as "…" or placeholders'),
    missing: z
      .array(z.string().superRefine(withinBytes(MAX_TEXT_BYTES, 'a text field')))
      .optional()
      .describe('Which answers are missing or placeholders'),
  }),
  Milestone: kindSchema('Milestone', {
    date: PartialDate,
    occurrence: z.enum(MILESTONE_OCCURRENCES).describe('planned: the source looks ahead to the date; achieved: it reports the date as reached'),
  }),
  Example: kindSchema('Example', {
    location: Text.optional(),
    date: PartialDate.optional(),
  }),
  Objective: kindSchema('Objective', {}),
  Indicator: kindSchema('Indicator', {
    unit: Text.describe('What a value counts: "rank", "percent", "score", "count", "NOK" …'),
    direction: z.enum(INDICATOR_DIRECTIONS).optional(),
  }),
  Measurement: kindSchema('Measurement', {
    value: z.number().describe("The figure, in the indicator's unit"),
    outOf: z.number().optional().describe("The size of the field a rank is out of, or a score's maximum"),
    year: z.number().int().min(1900).max(2200).describe('The year the figure is for'),
    date: PartialDate.optional(),
    valueLabel: Text.optional().describe('The figure as the source writes it'),
  }),
  Obstacle: kindSchema('Obstacle', {
    rank: z.number().int().min(1).optional().describe("Place in the source's own ranking of obstacles, 1 the most named"),
    year: z.number().int().min(1900).max(2200).optional().describe('The year the source names it'),
  }),
  StatusAssessment: kindSchema('StatusAssessment', {
    progress: z.enum(PROGRESS_LEVELS).describe("The source's status on the one scale of the ontology"),
    statusLabel: Text.nullable().describe("The status in the source's own words («Mindre forsinkelser», «Ferdigstilt»); null where the source leaves it blank"),
    year: z.number().int().min(1900).max(2200).optional().describe('The year the status is for, where it is not the year of the source it is published in'),
    startDate: PartialDate.optional().describe('Start of the period the source gives («Gjennomføres»)'),
    endDate: PartialDate.optional().describe('End of the period the source gives'),
    responsibleLabel: Text.optional().describe("The responsible ministry in the source's words"),
    executingLabel: Text.optional().describe("The executing agency in the source's words, e.g. «Uavklart»"),
  }),
  Funding: kindSchema('Funding', {
    fundingType: z.enum(FUNDING_TYPES),
    amount: z.number().min(0).optional().describe('Amount in the currency, where the source gives one'),
    currency: z
      .string()
      .regex(/^[A-Z]{3}$/, 'must be an ISO 4217 code such as NOK')
      .optional(),
    year: z.number().int().min(1900).max(2200).optional(),
    startDate: PartialDate.optional(),
    endDate: PartialDate.optional(),
  }),
} as const satisfies Record<NodeKind, z.ZodObject>;

export const DatasetNode = z.discriminatedUnion(
  'kind',
  NODE_KINDS.map((k) => NODE_SCHEMAS[k]) as unknown as [(typeof NODE_SCHEMAS)[NodeKind], ...(typeof NODE_SCHEMAS)[NodeKind][]],
);
export type DatasetNode = z.infer<typeof DatasetNode>;

export const PROVENANCE_FIELDS = ['source', 'page', 'quote', 'basis', 'note', 'noteNb', 'endedBy', 'review'] as const;

/** A relationship's fields before the cross-field rule; the editor JSON Schema starts from these. */
export const RelationshipFields = z.strictObject({
  type: z.enum(RELATIONSHIP_TYPES),
  from: Slug,
  to: Slug,
  source: Slug.describe('Id of the Report node or reference the link comes from'),
  page: Page,
  quote: Quote,
  basis: z.enum(BASES),
  // `note` keeps the meaning it has always had (the analyst's reason, which every dataset so far writes in English), so
  // old datasets stay valid and their notes keep their language; the bokmål reason is added beside it (docs/dataset.md).
  note: Text.optional().describe('Why the analyst draws the link, in English; an inferred link needs this or noteNb'),
  noteNb: Text.optional().describe('Why the analyst draws the link, in Norwegian bokmål; an inferred link needs this or note'),
  endedBy: Slug.optional().describe("Id of a later source that says otherwise: the link holds from its own source's year until that source's year"),
  review: RecordedReview.optional().describe("An editor's decision on an inferred link (written by `strategigraf review export`)"),
});

export const DatasetRelationship = RelationshipFields.superRefine((rel, ctx) => {
  if (rel.basis === 'inferred' && !rel.note && !rel.noteNb) {
    ctx.addIssue({
      code: 'custom',
      path: ['note'],
      message: 'is required when basis is "inferred": say why the analyst draws the link (in English in note, in bokmål in noteNb, or both)',
    });
  }
  if (rel.review && rel.basis !== 'inferred') {
    ctx.addIssue({ code: 'custom', path: ['review'], message: "is only for inferred links: a stated link is the source's word and is not reviewed" });
  }
});
export type DatasetRelationship = z.infer<typeof DatasetRelationship>;

export const Reference = z.strictObject({
  id: Slug,
  title: Text,
  url: z.string().url().optional(),
  file: Text.optional().describe('Path of a local copy, relative to the repository root'),
});
export type Reference = z.infer<typeof Reference>;

/** A seed file. Every file may hold any of these sections; `defaults` fill provenance fields left out in that file. */
export const DatasetFile = z.strictObject({
  $schema: z.string().optional(),
  dataset: z
    .strictObject({
      name: Text,
      version: Text,
      description: Text.optional(),
    })
    .optional(),
  references: z.array(Reference).optional(),
  defaults: z
    .strictObject({
      source: Slug.optional(),
      basis: z.enum(BASES).optional(),
    })
    .optional(),
  nodes: z.array(z.looseObject({})).optional(),
  relationships: z.array(z.looseObject({})).optional(),
});
export type DatasetFile = z.infer<typeof DatasetFile>;

/** A whole dataset after loading: what the stores take and what the JSON export gives. */
export const Dataset = z.strictObject({
  dataset: z.strictObject({ name: Text, version: Text, description: Text.optional() }),
  references: z.array(Reference),
  nodes: z.array(DatasetNode),
  relationships: z.array(DatasetRelationship),
});
export type Dataset = z.infer<typeof Dataset>;
