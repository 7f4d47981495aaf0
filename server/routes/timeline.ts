import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { timeline, timelineStatuses } from '../../graph/analysis/index.js';
import { yearsOf } from '../../graph/analysis/time/years.js';
import { errorResponses, json } from '../schemas/common.js';
import { Timeline } from '../schemas/timeline.js';
import { AsOfQuery } from '../schemas/time.js';
import { snapshotForYear } from './years.js';
import { reviewedSnapshot } from '../../graph/review/read.js';
import type { ApiContext } from './context.js';

export const timelineRoutes: FastifyPluginAsyncZod<ApiContext> = async (app, { store }) => {
  app.get(
    '/timeline',
    {
      schema: {
        tags: ['analysis'],
        summary: 'Every milestone and every dated status on a time axis',
        description:
          'Dates are kept as the sources give them: a year (2020), a season (2020-autumn), a half (2021-H1), a quarter (2022-Q4), ' +
          'a month (2020-06) or a day (2020-01-14), and ordered in time. Each milestone carries whether it is planned or reached, ' +
          "where it is attested (source, page, quote), the analyst's notes on any field that is their reading, and its initiatives (HAS_MILESTONE). " +
          "Beside them, `statuses`: each status a source gives a focus area, initiative or life event, in the year the source reports on, with the source's own label and the source; " +
          'a year in which no source gives a subject a status has none for it. `years` lists the years the data covers.',
        querystring: AsOfQuery,
        response: { 200: json(Timeline, 'The milestones (by date, then id; undated last) and the dated statuses'), ...errorResponses(400, 500, 503) },
      },
    },
    async (request) => {
      const snapshot = snapshotForYear(await reviewedSnapshot(store), request.query.asOf);
      return { items: timeline(snapshot), statuses: timelineStatuses(snapshot), years: [...yearsOf(snapshot).all] };
    },
  );
};
