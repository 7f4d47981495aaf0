// zod schemas of the gap and coverage analysis: rule descriptions, findings with their evidence, coverage matrices.
// The API serves these shapes; `.meta({id})` names them in the OpenAPI document.
import { z } from 'zod';
import { FINDING_BASES, GAP_SEVERITIES, INITIATIVE_CATEGORIES, INITIATIVE_STATUSES, NODE_KINDS, RELATIONSHIP_TYPES } from '../ontology.js';
import { PropertyValue, Provenance } from './graph.js';

export { FINDING_BASES, GAP_SEVERITIES };
export const GapSeverity = z.enum(GAP_SEVERITIES).meta({ id: 'GapSeverity' });
export type GapSeverity = z.infer<typeof GapSeverity>;

export const FindingBasis = z.enum(FINDING_BASES).meta({
  id: 'FindingBasis',
  description:
    "What a finding rests on. stated: every link and field it rests on is stated in a source. mixed: some are the analyst's inferences, " +
    'but the finding stands on the stated ones alone. inferred: without the inferred ones it would not be made; its severity is one step ' +
    "below the rule's and its message says so.",
});
export type FindingBasis = z.infer<typeof FindingBasis>;

export const LANGUAGES = ['nb', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

/** A text in Norwegian bokmål and English; user-facing text is shown in nb unless the user asks for en. */
export const LocalizedText = z.object({ nb: z.string(), en: z.string() }).meta({ id: 'LocalizedText' });
export type LocalizedText = z.infer<typeof LocalizedText>;

export const GapRuleInfo = z
  .object({
    id: z.string().describe('Stable kebab-case id, e.g. "focus-area-not-started"'),
    severity: GapSeverity.describe("The severity of a finding that stands on what the sources state; one step lower when it rests on the analyst's inferences"),
    title: LocalizedText,
    explanation: LocalizedText.describe('What the rule checks and why it matters, with the definitions it uses'),
    subjectKinds: z.array(z.enum(NODE_KINDS)).describe('Kinds of node the rule reports on'),
  })
  .meta({ id: 'GapRuleInfo' });
export type GapRuleInfo = z.infer<typeof GapRuleInfo>;

export const NodeRef = z
  .object({
    id: z.string(),
    kind: z.enum(NODE_KINDS),
    name: z.string(),
    nameEn: z.string().optional(),
  })
  .meta({ id: 'NodeRef' });
export type NodeRef = z.infer<typeof NodeRef>;

export const EvidenceNode = NodeRef.extend({
  source: z.string().nullable().describe('Id of the Report node or reference that attests the node'),
  page: z.number().int().nullable(),
  quote: z.string().nullable(),
  facts: z.record(z.string(), PropertyValue).optional().describe('The node properties the finding rests on, e.g. {status: "not_started"}'),
  note: LocalizedText.optional().describe('Why this node is part of the evidence'),
  decisive: z.array(z.string()).optional().describe('The facts the finding rests on (field names), as against those shown for context'),
  inferred: z.record(z.string(), z.string()).optional().describe("Facts that are the analyst's reading rather than the source's words: field name → why"),
}).meta({ id: 'GapEvidenceNode' });
export type EvidenceNode = z.infer<typeof EvidenceNode>;

export const EvidenceEdge = z
  .object({
    id: z.string(),
    type: z.enum(RELATIONSHIP_TYPES),
    from: z.string(),
    to: z.string(),
    fromName: z.string(),
    toName: z.string(),
    properties: Provenance,
    suggestion: z.boolean().optional().describe('An inferred link offered as a suggestion rather than as proof'),
    decisive: z.boolean().optional().describe('The finding rests on this link; other links are shown for context'),
    note: LocalizedText.optional(),
  })
  .meta({ id: 'GapEvidenceEdge' });
export type EvidenceEdge = z.infer<typeof EvidenceEdge>;

export const GapEvidence = z
  .object({ nodes: z.array(EvidenceNode), edges: z.array(EvidenceEdge) })
  .meta({ id: 'GapEvidence', description: 'The nodes and relationships, with provenance, that justify a finding' });
export type GapEvidence = z.infer<typeof GapEvidence>;

export const GapFinding = z
  .object({
    id: z
      .string()
      .describe(
        'Stable id of the problem: "<rule>:<subject id>", with ":<key>" for the rules that can report one subject more than once ' +
          '(sources-disagree: the year of the measurements; slipping-status: "from-<year>", the year the run of slipping started). ' +
          'The same from one load and one year to the next while the problem persists; the follow-up of findings is keyed by it.',
      ),
    rule: z.string(),
    severity: GapSeverity,
    basis: FindingBasis,
    subject: NodeRef,
    message: LocalizedText.describe("Says, when the basis is mixed or inferred, which links or fields are the analyst's inferences"),
    evidence: GapEvidence,
    years: z.array(z.number().int()).optional().describe('The years the finding compares or rests on, for rules that look across years'),
  })
  .meta({ id: 'GapFinding' });
export type GapFinding = z.infer<typeof GapFinding>;

const ShareOfOne = z.number().min(0).max(1);
const NodeKindEnum = z.enum(NODE_KINDS);
const Category = z.enum(INITIATIVE_CATEGORIES);

/** Thresholds and switches of the rules; every field has a default in graph/analysis/config.ts. */
export const GapConfig = z
  .object({
    lifeEvents: z.object({
      genericShare: ShareOfOne.describe('An initiative serving at least this share of all life events serves them all generically: its links do not count'),
      minSpecificInitiatives: z.number().int().min(1).describe('Fewer initiatives than this serving a life event specifically is thin coverage'),
      activityCategories: z
        .array(Category)
        .describe("Initiatives of these categories count as activity of a life event's owner (its responsible ministry or executing agency)"),
      activeStatuses: z
        .array(z.enum(INITIATIVE_STATUSES))
        .describe('An initiative serving the life event specifically with one of these statuses counts as reported activity'),
    }),
    sdg: z.object({
      initiativeCategories: z.array(Category).describe('Initiatives of these categories must state their SDG effect; focus areas always must'),
    }),
    lead: z.object({ categories: z.array(Category).describe('Initiatives of these categories must have a lead (an executing agency)') }),
    status: z.object({ categories: z.array(Category).describe('Initiatives of these categories must report status in the latest report') }),
    concentration: z.object({
      categories: z.array(Category).describe('The initiatives the share is taken of'),
      share: ShareOfOne.describe(
        'An agency leading, responsible for (as ministry) or taking part in more than this share of the initiatives is a concentration risk',
      ),
      minInitiatives: z.number().int().min(1).describe('…and in at least this many'),
      bridgeKinds: z.array(NodeKindEnum).describe('Node kinds of the plan network searched for bridge nodes'),
      bridgeTypes: z.array(z.enum(RELATIONSHIP_TYPES)).describe('Relationship types of the plan network'),
      bridgeMinCutOff: z.number().int().min(1).describe('A bridge must cut at least this many initiatives off from the largest remaining part of the plan'),
    }),
    time: z.object({
      staleYears: z.number().int().min(1).describe('A subject with no status from any source in this many latest years of the data is stale'),
      initiativeCategories: z.array(Category).describe('Initiatives of these categories are followed across years'),
    }),
    dependency: z.object({
      notStartedStatuses: z.array(z.enum(INITIATIVE_STATUSES)).describe('Initiative statuses that count as not started'),
    }),
    placeholders: z.object({
      patterns: z
        .array(
          z.object({ id: z.string(), label: LocalizedText, regex: z.string().describe('JavaScript regular expression source, matched case-insensitively') }),
        )
        .describe('Template placeholders looked for in every text of the dataset'),
    }),
  })
  .meta({ id: 'GapConfig' });
export type GapConfig = z.infer<typeof GapConfig>;

export const CoverageDirection = z.enum(['out', 'in']).describe('"out" follows a relationship from→to, "in" follows it to→from');
export const CoverageStep = z
  .object({
    type: z.union([z.enum(RELATIONSHIP_TYPES), z.array(z.enum(RELATIONSHIP_TYPES)).min(1)]).describe('One type, or several alternatives'),
    direction: CoverageDirection,
  })
  .meta({ id: 'CoverageStep' });
export type CoverageStep = z.infer<typeof CoverageStep>;

export const CoveragePath = z.array(CoverageStep).min(1).meta({ id: 'CoveragePath', description: 'Steps from a row node to a column node' });
export type CoveragePath = z.infer<typeof CoveragePath>;

export const CoverageSpec = z
  .object({
    rows: NodeKindEnum,
    cols: NodeKindEnum,
    path: z
      .union([CoveragePath, z.array(CoveragePath).min(1)])
      .optional()
      .describe('One path, or alternatives whose links are added together; left out, the shortest paths through the ontology are used'),
  })
  .meta({ id: 'CoverageSpec' });
export type CoverageSpec = z.infer<typeof CoverageSpec>;

export const CoverageAxisNode = z
  .object({
    id: z.string(),
    name: z.string(),
    nameEn: z.string().optional(),
    total: z.number().int().describe('Links in this row or column'),
  })
  .meta({ id: 'CoverageAxisNode' });
export type CoverageAxisNode = z.infer<typeof CoverageAxisNode>;

export const CoverageCell = z
  .object({
    row: z.string(),
    col: z.string(),
    count: z.number().int().min(1).describe('Distinct chains of relationships joining the row node to the column node'),
    stated: z.number().int().min(0).describe('Chains whose every relationship is stated in a source'),
    edges: z.array(z.string()).describe('Ids of every relationship on those chains'),
    paths: z.array(z.array(z.string())).describe('Each chain as its relationship ids, row side first'),
  })
  .meta({ id: 'CoverageCell' });
export type CoverageCell = z.infer<typeof CoverageCell>;

export const CoverageMatrix = z
  .object({
    preset: z.string().nullable(),
    title: LocalizedText,
    rows: NodeKindEnum,
    cols: NodeKindEnum,
    path: z.array(CoveragePath).describe('The alternatives used, types always as lists'),
    pathDescription: LocalizedText,
    rowNodes: z.array(CoverageAxisNode),
    colNodes: z.array(CoverageAxisNode),
    cells: z.array(CoverageCell).describe('Only cells with at least one link, in row then column order'),
    edges: z
      .array(
        z.object({
          id: z.string(),
          type: z.enum(RELATIONSHIP_TYPES),
          from: z.string(),
          to: z.string(),
          properties: Provenance,
        }),
      )
      .describe('Every relationship any cell refers to, with provenance'),
    totals: z.object({
      links: z.number().int().describe('Sum of all cell counts'),
      cells: z.number().int().describe('Cells with at least one link'),
      rows: z.number().int(),
      cols: z.number().int(),
      emptyRows: z.number().int(),
      emptyCols: z.number().int(),
    }),
    emptyRowShare: ShareOfOne.describe('Share of rows with no link at all (0 when there are no rows)'),
    emptyColShare: ShareOfOne,
  })
  .meta({ id: 'CoverageMatrix' });
export type CoverageMatrix = z.infer<typeof CoverageMatrix>;

/** A cell as the API's matrix gives it: its counts, without the chains (GET /api/coverage/cell gives those, one cell at a time). */
export const CoverageCellCount = CoverageCell.pick({ row: true, col: true, count: true, stated: true }).meta({ id: 'CoverageCellCount' });
export type CoverageCellCount = z.infer<typeof CoverageCellCount>;

/**
 * The matrix as GET /api/coverage sends it: axes, totals and the count of every non-empty cell, but not the chains behind
 * each cell. With them, life events × agencies on a 100,000-node graph is 77 MB of JSON (200 × 9,571 nodes, 141,876
 * cells); without them 11 MB, and the chains of the cell a reader opens come from GET /api/coverage/cell.
 */
export const CoverageCounts = CoverageMatrix.omit({ cells: true, edges: true })
  .extend({ cells: z.array(CoverageCellCount).describe('Only cells with at least one link, in row then column order; their chains: GET /api/coverage/cell') })
  .meta({ id: 'CoverageCounts' });
export type CoverageCounts = z.infer<typeof CoverageCounts>;

/** One cell with every chain behind it and each relationship on them with its provenance. */
export const CoverageCellLinks = CoverageCell.extend({
  count: z.number().int().min(0).describe('Distinct chains of relationships joining the row node to the column node; 0 for an empty cell'),
  edges: z.array(CoverageMatrix.shape.edges.element).describe('Every relationship on the chains, with provenance, in id order'),
}).meta({ id: 'CoverageCellLinks' });
export type CoverageCellLinks = z.infer<typeof CoverageCellLinks>;

export const COVERAGE_PRESET_IDS = ['focus-area-goal', 'life-event-agency', 'focus-area-agency', 'driver-focus-area', 'recommendation-focus-area'] as const;
export type CoveragePresetId = (typeof COVERAGE_PRESET_IDS)[number];

export const CoveragePreset = z
  .object({
    id: z.enum(COVERAGE_PRESET_IDS),
    title: LocalizedText,
    rows: NodeKindEnum,
    cols: NodeKindEnum,
    path: z.array(CoveragePath),
  })
  .meta({ id: 'CoveragePreset' });
export type CoveragePreset = z.infer<typeof CoveragePreset>;
