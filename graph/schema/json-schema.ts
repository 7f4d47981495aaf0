// The JSON Schema editors use to check seed files while typing; generated from the same zod schemas as validation.
import { z } from 'zod';
import { NODE_KINDS } from '../ontology.js';
import { DatasetFile, NODE_SCHEMAS, Reference, RelationshipFields } from './dataset.js';

export function datasetFileJsonSchema(): Record<string, unknown> {
  // In a file, source and basis may come from `defaults`, so the editor schema leaves them optional.
  const nodes = NODE_KINDS.map((kind) => (NODE_SCHEMAS[kind] as z.ZodObject).partial({ source: true } as never) as z.ZodObject);
  const relationship = RelationshipFields.partial({ source: true, basis: true });
  const editorFile = z.strictObject({
    ...DatasetFile.shape,
    references: z.array(Reference).optional(),
    nodes: z.array(z.discriminatedUnion('kind', nodes as unknown as [(typeof nodes)[number], ...(typeof nodes)[number][]])).optional(),
    relationships: z.array(relationship).optional(),
  });
  return {
    ...z.toJSONSchema(editorFile, { target: 'draft-2020-12', unrepresentable: 'any' }),
    $id: 'https://strategigraf.invalid/dataset.schema.json',
    title: 'Strategigraf seed file',
    description: 'One YAML file of a Strategigraf dataset. Generated from graph/schema/dataset.ts by `npm run schema:json`; do not edit.',
  };
}
