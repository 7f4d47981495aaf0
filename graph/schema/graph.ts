// zod schemas of what the stores return: nodes, edges, subgraphs, paths, statistics. The API serves these shapes.
import { z } from 'zod';
import { BASES, NODE_KINDS, RELATIONSHIP_TYPES, REVIEW_STATES } from '../ontology.js';

export const PropertyValue = z.union([z.string(), z.number(), z.boolean(), z.null(), z.array(z.string())]);
export type PropertyValue = z.infer<typeof PropertyValue>;

/**
 * Where an inferred link or field stands in review, for the badge beside its basis: the decision in force (the later of
 * the one the dataset records and the last one made in the app), or unreviewed. docs/review.md.
 */
export const ReviewMark = z
  .object({
    state: z.enum(REVIEW_STATES),
    by: z.string().optional().describe('Who made the decision in force (absent when unreviewed)'),
    at: z.string().optional().describe('When, ISO 8601 (absent when unreviewed)'),
    note: z.string().optional().describe('Why, when the editor said'),
  })
  .meta({ id: 'ReviewMark' });
export type ReviewMark = z.infer<typeof ReviewMark>;

export const GraphNode = z
  .object({
    id: z.string(),
    kind: z.enum(NODE_KINDS),
    name: z.string(),
    nameEn: z.string().optional(),
    properties: z.record(z.string(), PropertyValue).describe('Every other property of the node, nulls left out'),
    inferred: z
      .record(z.string(), z.string())
      .optional()
      .describe("Properties that are the analyst's reading rather than the source's words: property name → why"),
    review: z
      .record(z.string(), ReviewMark)
      .optional()
      .describe('Present exactly when `inferred` is: for each of its properties, where it stands in review (review target id "<node id>.<property>")'),
  })
  .meta({ id: 'Node' });
export type GraphNode = z.infer<typeof GraphNode>;

export const Provenance = z
  .object({
    source: z.string(),
    page: z.number().int().nullable(),
    quote: z.string().nullable(),
    basis: z.enum(BASES),
    note: z.string().nullable().describe("The analyst's reason for an inferred link, in English"),
    noteNb: z.string().nullable().describe("The analyst's reason for an inferred link, in Norwegian bokmål"),
    endedBy: z.string().nullable().describe("A later source that says otherwise: the link held until that source's year"),
    review: ReviewMark.optional().describe('Present exactly when basis is inferred: where the link stands in review (review target id = the edge id)'),
  })
  .meta({ id: 'Provenance' });
export type Provenance = z.infer<typeof Provenance>;

export const GraphEdge = z
  .object({
    id: z.string().describe('"<from>:<TYPE>:<to>"'),
    type: z.enum(RELATIONSHIP_TYPES),
    from: z.string(),
    to: z.string(),
    properties: Provenance,
  })
  .meta({ id: 'Edge' });
export type GraphEdge = z.infer<typeof GraphEdge>;

export const Subgraph = z.object({ nodes: z.array(GraphNode), edges: z.array(GraphEdge) }).meta({ id: 'Subgraph' });
export type Subgraph = z.infer<typeof Subgraph>;

export const Neighborhood = Subgraph.extend({
  truncated: z.boolean().describe('true when the node limit left out nodes that the depth and filters would have reached'),
}).meta({ id: 'Neighborhood' });
export type Neighborhood = z.infer<typeof Neighborhood>;

export const GraphPath = z
  .object({
    nodes: z.array(GraphNode).describe('Ordered from the start node to the end node'),
    edges: z.array(GraphEdge).describe('edges[i] joins nodes[i] and nodes[i+1], in either direction'),
  })
  .meta({ id: 'Path' });
export type GraphPath = z.infer<typeof GraphPath>;

export const NodeDetail = GraphNode.extend({
  degree: z.record(z.string(), z.object({ out: z.number().int(), in: z.number().int() })).describe('Per relationship type'),
}).meta({ id: 'NodeDetail' });
export type NodeDetail = z.infer<typeof NodeDetail>;

export const GraphStats = z
  .object({
    backend: z.string(),
    nodes: z.record(z.string(), z.number().int()),
    relationships: z.record(z.string(), z.number().int()),
  })
  .meta({ id: 'Stats' });
export type GraphStats = z.infer<typeof GraphStats>;

/** A value in a Cypher result row: plain JSON, or a node/edge/path serialised as above. */
export const CypherValue: z.ZodType<unknown> = z.unknown();
export const CypherResult = z
  .object({
    columns: z.array(z.string()),
    rows: z.array(z.array(CypherValue)),
  })
  .meta({ id: 'CypherResult' });
export type CypherResult = z.infer<typeof CypherResult>;
