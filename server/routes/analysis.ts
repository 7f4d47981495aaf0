import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import { COVERAGE_PRESETS, coverage, coverageByPreset, CoverageError, findGaps, GAP_RULES, summarizeGaps } from '../../graph/analysis/index.js';
import { ApiError, errorResponses, json } from '../schemas/common.js';
import { CoverageMatrix, CoveragePresetList, CoverageQuery, GapReport, GapsQuery } from '../schemas/analysis.js';
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
        summary: 'A coverage matrix between two kinds along a relationship path; each cell lists the links behind it',
        description:
          'Give either `preset`, or both `rows` and `cols`: a preset together with rows or cols, or rows without cols (or the reverse), ' +
          'is a 400 naming the parameter. So is a pair of kinds with no relationship path between them.',
        querystring: CoverageQuery,
        response: { 200: json(CoverageMatrix, 'The matrix, its totals and the share of empty rows and columns'), ...errorResponses(400, 500, 503) },
      },
    },
    async (request) => {
      const { preset, rows, cols, asOf } = request.query;
      const snapshot = snapshotForYear(await reviewedSnapshot(store), asOf);
      try {
        return preset ? coverageByPreset(snapshot, preset) : coverage(snapshot, { rows: rows!, cols: cols! });
      } catch (err) {
        if (err instanceof CoverageError) throw new ApiError(400, 'invalid_request', err.message);
        throw err;
      }
    },
  );
};
