import { z } from 'zod';
import { LoadProgress } from '../../graph/schema/load.js';

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

export const DatasetStatus = z
  .object({
    state: z
      .enum(['idle', 'loading', 'reconciling', 'done', 'failed'])
      .describe(
        'idle: no load since the server started; loading: a PUT /api/dataset is validating or writing; reconciling: the graph is replaced and the ' +
          'follow-up records are being brought in line with it (the PUT has answered); done; failed: the last load was refused or failed (the graph is unchanged)',
      ),
    requestId: z.string().nullable().describe('The request id of the last load'),
    startedAt: z.string().nullable().describe('When the last load arrived (ISO 8601)'),
    finishedAt: z.string().nullable().describe('When it was done or failed'),
    elapsedMs: z.number().nullable().describe('Milliseconds from its arrival to now, or to when it ended'),
    progress: LoadProgress.nullable().describe('The step it is at, or ended at'),
    nodes: z.number().int().nullable().describe('Nodes of the dataset being loaded (once validated)'),
    relationships: z.number().int().nullable(),
    error: z.string().nullable().describe('Why the last load failed'),
  })
  .meta({ id: 'DatasetStatus' });
export type DatasetStatus = z.infer<typeof DatasetStatus>;
