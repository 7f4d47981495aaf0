// The web client's types, inferred from the same zod schemas the API validates with (type-only: no zod in the bundle).
import type { z } from 'zod';
import type { GraphEdge, GraphNode, GraphPath, Neighborhood, NodeDetail, CypherResult } from '../../../graph/schema/graph.js';
import type { CoverageMatrix, CoveragePreset, GapFinding, GapRuleInfo } from '../../../graph/schema/analysis.js';
import type { Health as HealthSchema } from '../../../server/schemas/health.js';
import type { PathList } from '../../../server/schemas/paths.js';
import type { GapReport } from '../../../server/schemas/analysis.js';
import type { NodeList } from '../../../server/schemas/nodes.js';
import type { NamedQueryRows } from '../../../server/schemas/queries.js';

export type Node = z.infer<typeof GraphNode>;
export type Edge = z.infer<typeof GraphEdge>;
export type Path = z.infer<typeof GraphPath>;
export type NeighborhoodResult = z.infer<typeof Neighborhood>;
export type NodeDetails = z.infer<typeof NodeDetail>;
export type QueryResult = z.infer<typeof CypherResult>;
export type Health = z.infer<typeof HealthSchema>;
export type Paths = z.infer<typeof PathList>;
export type NodePage = z.infer<typeof NodeList>;
export type Gaps = z.infer<typeof GapReport>;
export type Finding = z.infer<typeof GapFinding>;
export type RuleInfo = z.infer<typeof GapRuleInfo>;
export type Matrix = z.infer<typeof CoverageMatrix>;
export type Preset = z.infer<typeof CoveragePreset>;
export type NamedQueryAnswer = z.infer<typeof NamedQueryRows>;
