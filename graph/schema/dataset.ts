// zod schemas of the dataset: what a seed file may hold. The JSON Schema for editors, the API and the stores derive from these.
import { z } from 'zod';
import {
  AGENCY_SECTORS,
  BASES,
  FOCUS_AREA_STATUSES,
  INITIATIVE_CATEGORIES,
  INITIATIVE_STATUSES,
  MAX_QUOTE_LENGTH,
  NODE_KINDS,
  RELATIONSHIP_TYPES,
  type NodeKind,
} from '../ontology.js';

export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const Slug = z
  .string()
  .regex(SLUG_PATTERN, 'must be a lowercase ASCII slug (letters, digits and single hyphens, e.g. "digdir" or "okt-deling-av-data")')
  .max(120);

/** A calendar date, a month or a year: 2020-06-15, 2020-06 or 2020. */
export const PartialDate = z.string().regex(/^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/, 'must be a date as YYYY, YYYY-MM or YYYY-MM-DD');

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
};

const kindSchema = <K extends NodeKind, S extends z.ZodRawShape>(kind: K, extra: S) => z.strictObject({ kind: z.literal(kind), ...nodeBase, ...extra });

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
  }),
  Initiative: kindSchema('Initiative', {
    category: z.enum(INITIATIVE_CATEGORIES),
    status: z.enum(INITIATIVE_STATUSES),
    statusNote: Text.optional(),
    startDate: PartialDate.optional(),
    endDate: PartialDate.optional(),
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
  }),
  Report: kindSchema('Report', {
    year: z.number().int().min(1900).max(2200),
    publisher: Text,
    sourceText: Text.optional().describe('Path of the source text, relative to the repository root, used to verify quotes'),
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
  }),
  Example: kindSchema('Example', {
    location: Text.optional(),
  }),
} as const satisfies Record<NodeKind, z.ZodObject>;

export const DatasetNode = z.discriminatedUnion(
  'kind',
  NODE_KINDS.map((k) => NODE_SCHEMAS[k]) as unknown as [(typeof NODE_SCHEMAS)[NodeKind], ...(typeof NODE_SCHEMAS)[NodeKind][]],
);
export type DatasetNode = z.infer<typeof DatasetNode>;

export const PROVENANCE_FIELDS = ['source', 'page', 'quote', 'basis', 'note'] as const;

/** A relationship's fields before the cross-field rule; the editor JSON Schema starts from these. */
export const RelationshipFields = z.strictObject({
  type: z.enum(RELATIONSHIP_TYPES),
  from: Slug,
  to: Slug,
  source: Slug.describe('Id of the Report node or reference the link comes from'),
  page: Page,
  quote: Quote,
  basis: z.enum(BASES),
  note: Text.optional().describe('Why the analyst draws the link; required when basis is inferred'),
});

export const DatasetRelationship = RelationshipFields.superRefine((rel, ctx) => {
  if (rel.basis === 'inferred' && !rel.note) {
    ctx.addIssue({ code: 'custom', path: ['note'], message: 'is required when basis is "inferred": say why the analyst draws the link' });
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
