// GET /api/timeline: the milestones the Timeline view shows, each with its initiatives, and the dated statuses beside them.
import { z } from 'zod';
import { MILESTONE_OCCURRENCES } from '../../graph/ontology.js';
import { NodeRef } from '../../graph/schema/analysis.js';
import { SourceRef, StatusPoint } from '../../graph/schema/time.js';

export const TimelineInitiative = z
  .object({
    id: z.string(),
    name: z.string(),
    nameEn: z.string().optional(),
  })
  .meta({ id: 'TimelineInitiative' });

export const TimelineMilestone = z
  .object({
    id: z.string(),
    name: z.string(),
    nameEn: z.string().optional(),
    date: z
      .string()
      .nullable()
      .describe(
        'As in the data: YYYY, YYYY-MM, YYYY-MM-DD, a season (YYYY-autumn), a half (YYYY-H1) or a quarter (YYYY-Q4); null when the milestone has no date',
      ),
    occurrence: z
      .enum(MILESTONE_OCCURRENCES)
      .optional()
      .describe('planned: the source looks ahead to the date; achieved: it reports the date as reached. Absent when the data does not say'),
    inferred: z
      .record(z.string(), z.string())
      .optional()
      .describe("The milestone's fields that are the analyst's reading rather than the source's words (its date, say): field → why"),
    source: z.string().nullable().describe('Id of the report that attests the milestone'),
    sourceRef: SourceRef.nullable().describe('The same source named for a reader: its name, year and address where it has them'),
    page: z.number().int().nullable().describe('Page of the source, where known'),
    quote: z.string().nullable().describe('The words in the source that give the milestone'),
    initiatives: z.array(TimelineInitiative).describe('The initiatives that have this milestone (HAS_MILESTONE), ordered by id'),
  })
  .meta({ id: 'TimelineMilestone' });

export const TimelineStatus = StatusPoint.extend({
  subject: NodeRef.describe('The focus area, initiative or life event the status is about'),
}).meta({ id: 'TimelineStatus' });

export const Timeline = z
  .object({
    items: z
      .array(TimelineMilestone)
      .describe(
        'Ordered by date in time, then id: a year before its halves, quarters, seasons and months, each before the finer dates that start with it ("2020-autumn" before "2020-09"); undated last',
      ),
    statuses: z
      .array(TimelineStatus)
      .describe(
        "Every status a source gives a focus area, initiative or life event, dated by the year the source reports on and never carried into a later year; the source's own label beside the progress scale. " +
          'Ordered by year, then focus areas, initiatives and life events (each by number, then name)',
      ),
    years: z.array(z.number().int()).describe('Every year some source in the data reports on (as of the year asked for)'),
  })
  .meta({ id: 'Timeline' });
