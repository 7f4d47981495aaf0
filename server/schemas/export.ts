import { z } from 'zod';
import { EXPORT_FORMATS, type ExportFormat } from '../../graph/export/index.js';
import { NodeIdText, queryWholeNumber } from './common.js';

export const ExportQuery = z
  .strictObject({
    format: z
      .enum(EXPORT_FORMATS, { error: (issue) => `must be one of ${EXPORT_FORMATS.join(', ')} (got ${JSON.stringify(issue.input)})` })
      .default('json')
      .describe('json (the dataset format), graphml, csv or cypher (CREATE statements)'),
    focus: NodeIdText.optional().describe('Export only the neighbourhood of this node').meta({ example: 'digdir' }),
    depth: queryWholeNumber(1, 3).optional().describe('Hops around focus (1–3, default 1); only together with focus, otherwise 400'),
    asOf: queryWholeNumber(1900, 2200)
      .optional()
      .describe(
        'Export the graph as it stood in this year: only what sources of that year or earlier say, without links a source of that year or earlier ended. Default: the data as it is, every year, ended links with their endedBy',
      ),
  })
  .refine((q) => q.depth === undefined || q.focus !== undefined, { path: ['depth'], message: 'is only allowed together with focus' });

/** Content types the export may answer with, for the documentation. */
export const EXPORT_CONTENT_TYPES = {
  json: 'application/json',
  graphml: 'application/graphml+xml',
  csv: 'text/csv',
  cypher: 'text/plain',
} as const satisfies Record<ExportFormat, string>;
