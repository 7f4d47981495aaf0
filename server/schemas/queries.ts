import { z } from 'zod';
import { NodeIdText } from './common.js';
import { asOfParam } from './time.js';
import { includeRejectedParam } from './reviews.js';

export const NamedQueryInfo = z
  .object({
    name: z.string(),
    title: z.object({ nb: z.string(), en: z.string() }),
    params: z.array(z.string()).describe('Names of the query-string parameters the query takes'),
  })
  .meta({ id: 'NamedQueryInfo' });

export const NamedQueryList = z.object({ items: z.array(NamedQueryInfo) }).meta({ id: 'NamedQueryList' });

export const NamedQueryParams = z.strictObject({
  name: z.string().min(1).max(100).describe('Query name, e.g. "work-of-agency"').meta({ example: 'work-of-agency' }),
});

export const NamedQueryArgs = z.strictObject({
  id: NodeIdText.describe('The node the question is about').meta({ example: 'digdir' }),
  asOf: asOfParam,
  includeRejected: includeRejectedParam,
});

export const NamedQueryRows = z
  .object({
    name: z.string(),
    rows: z.array(z.record(z.string(), z.unknown())).describe('One object per answer row, columns as named by the query'),
  })
  .meta({ id: 'NamedQueryResult' });
