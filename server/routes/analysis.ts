import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import {
  COVERAGE_PRESETS,
  coverageCell,
  coverageCounts,
  CoverageError,
  type CoverageRequest,
  findGaps,
  GAP_RULES,
  summarizeGaps,
} from '../../graph/analysis/index.js';
import { ApiError, errorResponses, json } from '../schemas/common.js';
import { CoverageCellLinks, CoverageCellQuery, CoverageCounts, CoveragePresetList, CoverageQuery, GapReport, GapsQuery } from '../schemas/analysis.js';
import { reviewedSnapshot } from '../../graph/review/read.js';
import type { ApiContext } from './context.js';
import { snapshotForYear } from './years.js';
import { yearsOf } from '../../graph/analysis/time/years.js';
import { derivedRecent, type Derived } from '../../graph/analysis/materialised.js';
import type { GraphSnapshot } from '../../graph/store/port.js';
import { keepSerialised } from '../serialize.js';

/**
 * The gap pages asked of each graph version, kept with it (a page of 1,000 findings is some 9 MB of JSON at 100,000
 * nodes: writing it cost a second a request, the findings themselves are kept already). Bounded per version: a client
 * paging through every finding keeps only the last few pages.
 */
const gapPages: Derived<z.infer<typeof GapReport>> = new WeakMap<GraphSnapshot, Map<string, z.infer<typeof GapReport>>>();
const KEPT_GAP_PAGES = 8;

export const analysisRoutes: FastifyPluginAsyncZod<ApiContext> = async (app, { store }) => {
  app.get(
    '/gaps',
    {
      schema: {
        tags: ['analysis'],
        summary: 'Gaps the programme office must act on, each with the evidence and quotes behind it',
        querystring: GapsQuery,
        response: { 200: json(GapReport, 'The rules and their findings'), ...errorResponses(400, 500, 503) },
      },
    },
    async (request) => {
      const { rule, severity, kind, limit, offset, asOf } = request.query;
      // rule is an enum in GapsQuery, so findGaps never meets an unknown one here.
      const whole = await reviewedSnapshot(store);
      const snapshot = snapshotForYear(whole, asOf);
      const resolvedAsOf = asOf ?? yearsOf(whole).latest;
      const key = JSON.stringify([rule, severity, kind, limit, offset, resolvedAsOf]);
      return derivedRecent(gapPages, snapshot, key, KEPT_GAP_PAGES, () => {
        const findings = findGaps(snapshot, { ...(rule ? { rule } : {}), ...(severity ? { severity } : {}), ...(kind ? { kind } : {}) });
        return keepSerialised({
          dataset: { name: snapshot.meta.name, version: snapshot.meta.version },
          rules: [...GAP_RULES],
          summary: summarizeGaps(findings),
          findings: findings.slice(offset, offset + limit),
          truncated: offset + limit < findings.length,
          asOf: resolvedAsOf,
        });
      });
    },
  );

  app.get(
    '/coverage/presets',
    {
      schema: {
        tags: ['analysis'],
        summary: 'The named coverage matrices',
        response: { 200: json(CoveragePresetList, 'Every preset with its kinds and relationship path'), ...errorResponses(500) },
      },
    },
    async () => ({ items: [...COVERAGE_PRESETS] }),
  );

  app.get(
    '/coverage',
    {
      schema: {
        tags: ['analysis'],
        summary: 'A coverage matrix between two kinds along a relationship path: every non-empty cell with its counts',
        description:
          'Give either `preset`, or both `rows` and `cols`: a preset together with rows or cols, or rows without cols (or the reverse), ' +
          'is a 400 naming the parameter. So is a pair of kinds with no relationship path between them. ' +
          'The chains of relationships behind a cell are not in this answer (at 100,000 nodes they are tens of MB): ' +
          '`GET /api/coverage/cell` gives them for one cell.',
        querystring: CoverageQuery,
        response: { 200: json(CoverageCounts, 'The matrix, its totals and the share of empty rows and columns'), ...errorResponses(400, 500, 503) },
      },
    },
    // The matrix is kept per graph version (graph/analysis/materialised.ts), its counts-only form per matrix, and so is
    // that form's JSON (keepSerialised): a large matrix is megabytes of JSON, written once.
    async (request) => keepSerialised(coverageFor(await reviewedSnapshot(store), request.query, coverageCounts)),
  );

  app.get(
    '/coverage/cell',
    {
      schema: {
        tags: ['analysis'],
        summary: 'One cell of a coverage matrix with the links behind it: every chain of relationships, each with its provenance',
        description:
          'The matrix is chosen as for `GET /api/coverage` (a `preset`, or `rows` and `cols`, and `asOf`); `row` and `col` are ids of ' +
          'nodes on its axes, otherwise a 404. A cell with no link answers count 0 and no chains.',
        querystring: CoverageCellQuery,
        response: {
          200: json(CoverageCellLinks, 'The cell: its counts, its chains as relationship ids, and those relationships'),
          ...errorResponses(400, 404, 500, 503),
        },
      },
    },
    async (request) => {
      const { row, col } = request.query;
      const cell = coverageFor(await reviewedSnapshot(store), request.query, (snapshot, named) => coverageCell(snapshot, named, row, col));
      if (!cell) throw new ApiError(404, 'not_found', `the matrix has no row "${row}" or no column "${col}"`);
      return cell;
    },
  );
};

/** What a coverage request asks, on the graph of its year; a pair of kinds with no path between them is a 400. */
function coverageFor<T>(
  whole: GraphSnapshot,
  query: { preset?: string | undefined; rows?: string | undefined; cols?: string | undefined; asOf?: number | undefined },
  answer: (snapshot: GraphSnapshot, request: CoverageRequest) => T,
): T {
  const snapshot = snapshotForYear(whole, query.asOf);
  try {
    return answer(snapshot, query.preset ? { preset: query.preset } : { rows: query.rows as never, cols: query.cols as never });
  } catch (err) {
    if (err instanceof CoverageError) throw new ApiError(400, 'invalid_request', err.message);
    throw err;
  }
}
