import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import { NODE_KIND_LABELS, NODE_KINDS, RELATIONSHIP_LABELS, RELATIONSHIP_RULES, RELATIONSHIP_TYPES } from '../../graph/ontology.js';
import { nodeColumns } from '../../graph/schema/columns.js';
import { NODE_SCHEMAS } from '../../graph/schema/dataset.js';
import type { GraphStats } from '../../graph/schema/graph.js';
import { errorResponses, json } from '../schemas/common.js';
import { GraphSchemaInfo, type PropertyInfo } from '../schemas/ontology.js';
import type { ApiContext } from './context.js';

type Def = { type: string; innerType?: z.ZodType; entries?: Record<string, string> };
const defOf = (s: z.ZodType) => (s as unknown as { _zod: { def: Def } })._zod.def;

/** Requiredness, nullability, enumerations and descriptions, read from the dataset's zod schema of the kind. */
function propertiesOf(kind: (typeof NODE_KINDS)[number]): PropertyInfo[] {
  const shape = NODE_SCHEMAS[kind].shape as Record<string, z.ZodType>;
  return nodeColumns(kind).map((col) => {
    let schema = shape[col.name]!;
    let optional = false;
    let nullable = false;
    let description = schema.description;
    for (let def = defOf(schema); def.type === 'optional' || def.type === 'nullable'; def = defOf(schema)) {
      if (def.type === 'optional') optional = true;
      else nullable = true;
      schema = def.innerType!;
      description ??= schema.description;
    }
    const def = defOf(schema);
    const info: PropertyInfo = { name: col.name, type: col.type, required: !optional, nullable };
    if (def.type === 'enum' && def.entries) info.values = Object.values(def.entries);
    if (description) info.description = description;
    return info;
  });
}

export function describeGraphSchema(stats: GraphStats): GraphSchemaInfo {
  return {
    backend: stats.backend,
    nodeKinds: NODE_KINDS.map((kind) => ({
      kind,
      label: NODE_KIND_LABELS[kind],
      count: stats.nodes[kind] ?? 0,
      properties: propertiesOf(kind),
    })),
    relationshipTypes: RELATIONSHIP_TYPES.map((type) => ({
      type,
      label: RELATIONSHIP_LABELS[type],
      count: stats.relationships[type] ?? 0,
      allowed: RELATIONSHIP_RULES[type].map(([from, to]) => ({ from, to })),
    })),
  };
}

export const schemaRoutes: FastifyPluginAsyncZod<ApiContext> = async (app, { store }) => {
  app.get(
    '/schema',
    {
      schema: {
        tags: ['status'],
        summary: 'The ontology: node kinds with their properties and counts, relationship types with allowed endpoints and counts',
        response: { 200: json(GraphSchemaInfo, 'The ontology with live counts'), ...errorResponses(500, 503) },
      },
    },
    async () => describeGraphSchema(await store.stats()),
  );
};
