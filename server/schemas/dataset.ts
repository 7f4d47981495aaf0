import { z } from 'zod';

export const DATASET_CONTENT_TYPES = ['application/yaml', 'application/x-yaml', 'text/yaml', 'text/x-yaml', 'application/json', 'text/plain'] as const;

/** The body arrives as text, so validation can report line numbers exactly like the CLI. */
export const DatasetBody = z
  .string({ error: 'is required: send the dataset as YAML or JSON text' })
  .describe('One seed file (YAML or JSON) holding the whole dataset: dataset header, references, nodes and relationships');

export const DatasetReplaced = z
  .object({
    dataset: z.object({ name: z.string(), version: z.string(), description: z.string().optional() }),
    nodes: z.number().int().describe('Nodes now in the graph'),
    relationships: z.number().int().describe('Relationships now in the graph'),
  })
  .meta({ id: 'DatasetReplaced' });
