// GET /api/timeline: the milestones the Timeline view shows, each with its initiatives.
import { z } from 'zod';

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
    date: z.string().nullable().describe('As in the data: YYYY, YYYY-MM or YYYY-MM-DD; null when the milestone has no date'),
    source: z.string().nullable().describe('Id of the report that attests the milestone'),
    page: z.number().int().nullable().describe('Page of the source, where known'),
    quote: z.string().nullable().describe('The words in the source that give the milestone'),
    initiatives: z.array(TimelineInitiative).describe('The initiatives that have this milestone (HAS_MILESTONE), ordered by id'),
  })
  .meta({ id: 'TimelineMilestone' });

export const Timeline = z
  .object({
    items: z.array(TimelineMilestone).describe('Ordered by date, then id: a year before the months in it, a month before its days, undated last'),
  })
  .meta({ id: 'Timeline' });
