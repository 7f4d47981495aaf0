import { z } from 'zod';
import { NODE_KINDS } from '../../graph/ontology.js';
import { GAP_RULES } from '../../graph/analysis/gaps.js';
import { NodeIdText, queryInt } from './common.js';
import { asOfParam } from './time.js';
import {
  COVERAGE_PRESET_IDS,
  CoverageCellLinks,
  CoverageCounts,
  CoveragePreset,
  GAP_SEVERITIES,
  GapFinding,
  GapRuleInfo,
} from '../../graph/schema/analysis.js';

/** The rule ids, as an enum so the OpenAPI document lists them and an unknown one is a validation error naming them. */
const GAP_RULE_IDS = GAP_RULES.map((r) => r.id) as [string, ...string[]];

const kind = z.enum(NODE_KINDS, { error: (issue) => `unknown node kind ${JSON.stringify(issue.input)} (expected one of ${NODE_KINDS.join(', ')})` });

export const GapsQuery = z.strictObject({
  rule: z
    .enum(GAP_RULE_IDS, { error: (issue) => `unknown gap rule ${JSON.stringify(issue.input)} (expected one of ${GAP_RULE_IDS.join(', ')})` })
    .optional()
    .describe('Only findings of this rule (the same ids as `rules` in the answer)'),
  severity: z
    .enum(GAP_SEVERITIES, { error: (issue) => `must be one of ${GAP_SEVERITIES.join(', ')} (got ${JSON.stringify(issue.input)})` })
    .optional()
    .describe("Only findings of this severity: a finding's own, which is one step below its rule's when it rests on the analyst's inferences"),
  kind: kind.optional().describe('Only findings about nodes of this kind'),
  // A large graph has tens of thousands of findings (48 MB of JSON at 50,000 nodes): the answer comes in pages.
  limit: queryInt(1, 5000, 1000, 'Most findings in the answer'),
  offset: queryInt(0, 10_000_000, 0, 'Findings to skip'),
  asOf: asOfParam,
});

export const GapReport = z
  .object({
    dataset: z.object({ name: z.string(), version: z.string() }),
    rules: z.array(GapRuleInfo).describe('Every rule, whether or not it found anything'),
    summary: z.object({
      total: z.number().int(),
      bySeverity: z.record(z.string(), z.number().int()),
      byBasis: z
        .record(z.string(), z.number().int())
        .describe("Findings per basis: stated, mixed (partly the analyst's inferences) and inferred (resting on them)"),
      byRule: z.record(z.string(), z.number().int()),
    }),
    findings: z.array(GapFinding).describe('Ordered by severity, then rule, then subject; the page that offset and limit select'),
    truncated: z.boolean().describe('true when findings past offset + limit were left out; summary counts every finding that matches'),
    asOf: z.number().int().nullable().describe('The year the findings are for; null when no source in the data has a year'),
  })
  .meta({ id: 'GapReport' });

const coverageParams = {
  preset: z
    .enum(COVERAGE_PRESET_IDS, { error: (issue) => `unknown preset ${JSON.stringify(issue.input)} (expected one of ${COVERAGE_PRESET_IDS.join(', ')})` })
    .optional()
    .describe('A named matrix; not together with rows and cols'),
  rows: kind.optional().describe('Row kind, together with cols, for any other matrix (required when there is no preset)'),
  cols: kind.optional().describe('Column kind, together with rows (required when there is no preset)'),
  asOf: asOfParam,
};

/** Either a preset, or both rows and cols: a rule OpenAPI cannot state, so it is checked here and named in the 400. */
function presetOrKinds(q: { preset?: string | undefined; rows?: string | undefined; cols?: string | undefined }, ctx: z.RefinementCtx): void {
  if (q.preset && (q.rows || q.cols)) ctx.addIssue({ code: 'custom', path: ['preset'], message: 'give either preset, or rows and cols, not both' });
  if (!q.preset && !(q.rows && q.cols)) ctx.addIssue({ code: 'custom', path: [q.rows ? 'cols' : 'rows'], message: 'is required (or give a preset)' });
}

export const CoverageQuery = z.strictObject(coverageParams).superRefine(presetOrKinds);

export const CoverageCellQuery = z
  .strictObject({
    ...coverageParams,
    row: NodeIdText.describe("The row node's id (one of the matrix's rowNodes)"),
    col: NodeIdText.describe("The column node's id (one of the matrix's colNodes)"),
  })
  .superRefine(presetOrKinds);

export const CoveragePresetList = z.object({ items: z.array(CoveragePreset) }).meta({ id: 'CoveragePresetList' });
export { CoverageCellLinks, CoverageCounts };
