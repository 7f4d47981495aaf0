import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { COVERAGE_PRESETS, coverage, coverageByPreset, CoverageError, findGaps, GAP_RULES, summarizeGaps } from '../../graph/analysis/index.js';
import { ApiError, errorResponses, json } from '../schemas/common.js';
import { CoverageMatrix, CoveragePresetList, CoverageQuery, GapReport, GapsQuery } from '../schemas/analysis.js';
import { reviewedSnapshot } from '../../graph/review/read.js';
import type { ApiContext } from './context.js';
import { snapshotForYear } from './years.js';
import { yearsOf } from '../../graph/analysis/time/years.js';

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
      const findings = findGaps(snapshot, { ...(rule ? { rule } : {}), ...(severity ? { severity } : {}), ...(kind ? { kind } : {}) });
      return {
        dataset: { name: snapshot.meta.name, version: snapshot.meta.version },
        rules: [...GAP_RULES],
        summary: summarizeGaps(findings),
        findings: findings.slice(offset, offset + limit),
        truncated: offset + limit < findings.length,
        asOf: asOf ?? yearsOf(whole).latest,
      };
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
