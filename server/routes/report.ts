// The coverage report for a Skate meeting as the CLI writes it (`strategigraf report --format html`), served as one
// self-contained HTML page the browser shows and prints to A4 (PDF through the browser's print dialogue).
import type { FastifyBaseLogger } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { renderReport } from '../../graph/report/index.js';
import { reviewedSnapshot } from '../../graph/review/read.js';
import type { GraphSnapshot, GraphStore } from '../../graph/store/port.js';
import { defaultSince, type FollowUpDigest } from '../../graph/work/followup/digest.js';
import { followUpForReport } from '../../graph/work/followup/report.js';
import { osloDate } from '../../graph/work/followup/state.js';
import { errorResponses } from '../schemas/common.js';
import { ReportQuery } from '../schemas/report.js';
import type { ApiContext } from './context.js';
import { snapshotForYear } from './years.js';

/**
 * The page's own policy, stricter than the app's: it is static HTML with its style inline, so it may load nothing at all
 * and run no script. Everything in it from the data is escaped (graph/report/html.ts); this is the second line.
 */
export const REPORT_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

/** The follow-up as the data stands, reconciled in memory (a report only reads); null, logged, when it cannot be read. */
async function followUpOf(
  work: GraphStore['work'],
  reviewed: GraphSnapshot,
  dates: { since: string; today: string },
  now: Date,
  log: FastifyBaseLogger,
): Promise<FollowUpDigest | null> {
  try {
    return await followUpForReport(work, reviewed, dates, now);
  } catch (err) {
    log.warn({ err }, 'the report has no follow-up section: the follow-up could not be read');
    return null;
  }
}

export const reportRoutes: FastifyPluginAsyncZod<ApiContext> = async (app, { store }) => {
  app.get(
    '/report',
    {
      schema: {
        tags: ['analysis'],
        summary: 'The coverage report for a Skate meeting, as a printable HTML page (A4)',
        description:
          'The report `strategigraf report --format html` writes: summary figures, the follow-up since the last meeting, gaps by severity ' +
          'with their quotes, the main coverage matrices and the rules. One self-contained page (no script, no external resource) whose ' +
          'print stylesheet gives clean A4 pages, so the browser prints it to PDF. With `asOf`, the graph as it stood in that year; a year ' +
          'outside the data is a 400 naming the years there are.',
        querystring: ReportQuery,
        response: {
          200: { description: 'The report', content: { 'text/html': { schema: z.string().describe('An HTML document') } } },
          ...errorResponses(400, 500, 503),
        },
      },
    },
    async (request, reply) => {
      const { lang, asOf, since } = request.query;
      const now = new Date();
      // The follow-up of the whole reviewed graph (as /api/findings has it), the rest as of the year asked for.
      const reviewed = await reviewedSnapshot(store);
      const snapshot = snapshotForYear(reviewed, asOf);
      const followUp = await followUpOf(store.work, reviewed, { since: since ?? defaultSince(now), today: osloDate(now) }, now, request.log);
      const html = renderReport(snapshot, {
        format: 'html',
        generatedAt: now,
        lang,
        ...(asOf !== undefined ? { asOf } : {}),
        ...(followUp ? { followUp } : {}),
      });
      const name = `strategigraf-report-${lang}${asOf !== undefined ? `-${asOf}` : ''}.html`;
      return reply
        .type('text/html; charset=utf-8')
        .header('content-security-policy', REPORT_CSP)
        .header('content-disposition', `inline; filename="${name}"`)
        .header('cache-control', 'no-store')
        .send(html);
    },
  );
};
