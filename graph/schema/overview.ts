// The overview of a graph too large to draw node by node: nodes of the large kinds gathered into groups (meta-nodes)
// that expand on demand, and the relationships between groups counted rather than drawn one by one.
import { z } from 'zod';
import { NODE_KINDS, RELATIONSHIP_TYPES } from '../ontology.js';
import { GraphEdge, GraphNode } from './graph.js';

export const OverviewGroup = z
  .object({
    id: z.string().describe('"group:<Kind>" or, for a kind split into parts, "group:<Kind>:<part>"'),
    kind: z.enum(NODE_KINDS),
    count: z.number().int().describe('Nodes in the group'),
    part: z.number().int().describe('Which part of its kind (1-based), in name order'),
    parts: z.number().int().describe('How many parts the kind is split into'),
    first: z.string().describe('Name of the first member in name order'),
    last: z.string().describe('Name of the last member in name order'),
  })
  .meta({ id: 'OverviewGroup' });
export type OverviewGroup = z.infer<typeof OverviewGroup>;

export const OverviewLink = z
  .object({
    id: z.string().describe('"link:<from>|<to>"'),
    from: z.string().describe('A group id or a node id'),
    to: z.string().describe('A group id or a node id'),
    count: z.number().int().describe('Relationships this link stands for'),
    types: z.array(z.enum(RELATIONSHIP_TYPES)).describe('Their types, each once, in ontology order'),
  })
  .meta({ id: 'OverviewLink' });
export type OverviewLink = z.infer<typeof OverviewLink>;

export const Overview = z
  .object({
    nodeTotal: z.number().int().describe('Nodes the filters let through, grouped or not'),
    edgeTotal: z.number().int().describe('Relationships between them, counted or drawn'),
    nodes: z.array(GraphNode).describe('Nodes shown one by one: every node when the graph is small, else the small kinds and the members of open groups'),
    edges: z.array(GraphEdge).describe('Relationships between nodes shown one by one'),
    groups: z.array(OverviewGroup).describe('Closed groups; empty when the graph is small enough to show whole'),
    links: z.array(OverviewLink).describe('Relationships with at least one end in a closed group, counted per pair of ends and direction'),
  })
  .meta({ id: 'Overview' });
export type Overview = z.infer<typeof Overview>;
