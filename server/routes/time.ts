import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { diffYears } from '../../graph/analysis/time/diff.js';
import { subjectHistory } from '../../graph/analysis/time/history.js';
import { yearList } from '../../graph/analysis/time/years.js';
import { ApiError, errorResponses, json } from '../schemas/common.js';
import { DiffQuery, History, HistoryParams, YearDiff, YearList } from '../schemas/time.js';
import { reviewedSnapshot } from '../../graph/review/read.js';
import type { ApiContext } from './context.js';
import { checkYear } from './years.js';

export const timeRoutes: FastifyPluginAsyncZod<ApiContext> = async (app, { store }) => {
  app.get(
    '/years',
    {
      schema: {
        tags: ['time'],
        summary: 'The years one can ask about, each with the sources that report on it',
        description:
          'Every year from the first a source reports on to the latest, for a year picker: the values asOf, from and to accept. A year in ' +
          'that span that no source reports on is listed with no sources. Lighter than a diff: no analysis runs.',
        response: { 200: json(YearList, 'The years, oldest first'), ...errorResponses(500, 503) },
      },
    },
    async () => yearList(await store.snapshot()),
  );

  app.get(
    '/history/:id',
    {
      schema: {
        tags: ['time'],
        summary: "A subject's dated statuses and changed links, each with its source",
        description:
          "Every status a source gives the subject (the source's own label beside the progress scale), the years of the data in which no source " +
          'gives it one, and its links that began after the first year of the data or that a later source ended.',
        params: HistoryParams,
        response: { 200: json(History, 'The history'), ...errorResponses(400, 404, 500, 503) },
      },
    },
    async (request) => {
      const history = subjectHistory(await reviewedSnapshot(store), request.params.id);
      if (!history) throw new ApiError(404, 'not_found', `no node has the id "${request.params.id}"`);
      return history;
    },
  );

  app.get(
    '/diff',
    {
      schema: {
        tags: ['time'],
        summary: 'What changed between two years',
        description:
          'Status changes with their direction (improved, slipped, unchanged), subjects that appeared or were completed, owners that changed, ' +
          'gap findings opened and closed, and indicators that moved; every item with the sources on both sides. Both years must lie within the ' +
          'years the data covers; `from` may not be after `to`.',
        querystring: DiffQuery,
        response: { 200: json(YearDiff, 'The changes'), ...errorResponses(400, 500, 503) },
      },
    },
    async (request) => {
      const { from, to } = request.query;
      const snapshot = await reviewedSnapshot(store);
      checkYear(snapshot, from, 'from');
      checkYear(snapshot, to, 'to');
      return diffYears(snapshot, from, to);
    },
  );
};
