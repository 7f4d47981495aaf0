// The GET /api/schema response: the ontology as the store holds it, with live counts.
import { z } from 'zod';
import { NODE_KINDS, RELATIONSHIP_TYPES } from '../../graph/ontology.js';
import { COLUMN_TYPES } from '../../graph/schema/columns.js';

const Label = z.object({ nb: z.string(), en: z.string() });

export const PropertyInfo = z
  .object({
    name: z.string(),
    type: z.enum(COLUMN_TYPES),
    required: z.boolean().describe('Every node of the kind has it (it may still be null where nullable)'),
    nullable: z.boolean(),
    values: z.array(z.string()).optional().describe('The allowed values, for enumerations'),
    description: z.string().optional(),
  })
  .meta({ id: 'PropertyInfo' });
export type PropertyInfo = z.infer<typeof PropertyInfo>;

export const NodeKindInfo = z
  .object({
    kind: z.enum(NODE_KINDS),
    label: z.object({ singular: Label, plural: Label }),
    count: z.number().int(),
    properties: z.array(PropertyInfo).describe('The dataset properties of the kind, in schema order (id, name and nameEn included)'),
  })
  .meta({ id: 'NodeKindInfo' });

export const RelationshipTypeInfo = z
  .object({
    type: z.enum(RELATIONSHIP_TYPES),
    label: Label,
    count: z.number().int(),
    allowed: z.array(z.object({ from: z.enum(NODE_KINDS), to: z.enum(NODE_KINDS) })).describe('The (from kind, to kind) pairs the ontology allows'),
  })
  .meta({ id: 'RelationshipTypeInfo' });

export const GraphSchemaInfo = z
  .object({
    backend: z.string(),
    nodeKinds: z.array(NodeKindInfo),
    relationshipTypes: z.array(RelationshipTypeInfo),
  })
  .meta({ id: 'GraphSchema' });
export type GraphSchemaInfo = z.infer<typeof GraphSchemaInfo>;
