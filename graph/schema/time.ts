// zod schemas of the answers about time: a subject's status history, and what changed between two years.
import { z } from 'zod';
import { PROGRESS_LEVELS, RELATIONSHIP_TYPES } from '../ontology.js';
import { GapFinding, NodeRef } from './analysis.js';

export const SourceRef = z
  .object({
    id: z.string(),
    name: z.string(),
    nameEn: z.string().optional(),
    year: z.number().int().nullable().describe('The year the source reports on; null for a reference without one'),
    url: z.string().optional(),
  })
  .meta({ id: 'SourceRef' });
export type SourceRef = z.infer<typeof SourceRef>;

export const StatusPoint = z
  .object({
    year: z.number().int(),
    progress: z.enum(PROGRESS_LEVELS).describe("The status on the ontology's one scale"),
    label: z.string().nullable().describe("The source's own words, or null where it gives none"),
    source: SourceRef,
    record: z.string().describe('Id of the node the status is read from: a StatusAssessment, a StatusReport, or the subject itself'),
    inferred: z.string().nullable().describe('Why, when the analyst rather than the source put the status on the scale'),
  })
  .meta({ id: 'StatusPoint' });
export type StatusPoint = z.infer<typeof StatusPoint>;

export const DatedLink = z
  .object({
    id: z.string(),
    type: z.enum(RELATIONSHIP_TYPES),
    other: NodeRef.describe('The node at the other end'),
    direction: z.enum(['out', 'in']),
    from: z.number().int().nullable().describe('Year of the source that states the link; null when timeless'),
    until: z.number().int().nullable().describe('Year of the later source that ended it; null while it holds'),
    source: SourceRef,
    endedBy: SourceRef.nullable(),
  })
  .meta({ id: 'DatedLink' });
export type DatedLink = z.infer<typeof DatedLink>;

export const History = z
  .object({
    subject: NodeRef,
    years: z.array(z.number().int()).describe('Every year some source in the data reports on'),
    statuses: z.array(StatusPoint).describe('Oldest first'),
    silentYears: z.array(z.number().int()).describe("Years of the data, from the subject's first, in which no source gives it a status"),
    links: z.array(DatedLink).describe("The subject's links that started after the first year of the data or were ended by a later source"),
  })
  .meta({ id: 'History' });
export type History = z.infer<typeof History>;

export const Direction = z.enum(['improved', 'slipped', 'unchanged', 'not_comparable']);

export const StatusChange = z
  .object({
    subject: NodeRef,
    before: StatusPoint.nullable().describe('The last status in or before `from`; null when there was none'),
    after: StatusPoint.describe('The last status in or before `to`, given by a source of a year after `from`'),
    direction: Direction,
  })
  .meta({ id: 'StatusChange' });

export const OwnerChange = z
  .object({
    subject: NodeRef,
    role: z.enum(['RESPONSIBLE_FOR', 'LEADS']),
    added: z.array(DatedLink),
    removed: z.array(DatedLink),
  })
  .meta({ id: 'OwnerChange' });

export const MeasuredValue = z.object({ year: z.number().int(), value: z.number(), label: z.string().nullable(), source: SourceRef });
export const IndicatorChange = z
  .object({
    indicator: NodeRef,
    unit: z.string(),
    before: MeasuredValue.nullable(),
    after: MeasuredValue,
    direction: z
      .enum(['improved', 'worsened', 'unchanged', 'moved', 'first'])
      .describe('"moved" where the indicator says nothing of which way is better; "first" where it had no value as of `from`'),
  })
  .meta({ id: 'IndicatorChange' });

export const YearCoverage = z
  .object({
    year: z.number().int(),
    sources: z.array(SourceRef).describe('The sources that report on this year, by name; empty when none does'),
  })
  .meta({ id: 'YearCoverage' });

export const YearList = z
  .object({
    items: z
      .array(YearCoverage)
      .describe(
        'Every year from the first a source reports on to the latest, ascending, each with its sources. A year inside that span that no source ' +
          'reports on is listed with no sources: asOf accepts it, and the graph as of it is what the sources of earlier years say',
      ),
    latest: z.number().int().nullable().describe('The latest year, the default of asOf; null when no source in the data has a year'),
    references: z
      .array(SourceRef)
      .describe("The sources with no year: the dataset's references (e.g. the strategy's list of life events), by name, so no client shows their ids"),
  })
  .meta({ id: 'YearList' });
export type YearList = z.infer<typeof YearList>;

export const YearDiff = z
  .object({
    from: z.number().int(),
    to: z.number().int(),
    years: z.array(z.number().int()).describe('Every year some source in the data reports on'),
    statusChanges: z.array(StatusChange),
    appeared: z.array(NodeRef.extend({ source: SourceRef })).describe('Subjects first attested by a source of a year after `from`'),
    completed: z.array(NodeRef).describe('Subjects whose status reached completed or in operation after `from`'),
    ownerChanges: z.array(OwnerChange),
    findingsOpened: z.array(GapFinding).describe('Gap findings as of `to` that were not there as of `from`'),
    findingsClosed: z.array(GapFinding).describe('Gap findings as of `from` that are gone as of `to`'),
    indicators: z.array(IndicatorChange),
  })
  .meta({ id: 'YearDiff' });
export type YearDiff = z.infer<typeof YearDiff>;
