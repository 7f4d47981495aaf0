import { z } from 'zod';
import { GraphPath } from '../../graph/schema/graph.js';
import { NodeIdText, queryBoolean, queryInt } from './common.js';
import { asOfParam } from './time.js';
import { includeRejectedParam } from './reviews.js';

export const PathsQuery = z.strictObject({
  from: NodeIdText.describe('Id of the start node').meta({ example: 'digdir' }),
  to: NodeIdText.describe('Id of the end node').meta({ example: 'kmd' }),
  maxLength: queryInt(1, 6, 4, 'Longest path, in relationships'),
  directed: queryBoolean(false, 'Follow relationships only in their direction (default: either direction)'),
  limit: queryInt(1, 50, 10, 'Most paths'),
  asOf: asOfParam,
  includeRejected: includeRejectedParam,
});

export const PathList = z
  .object({
    paths: z.array(GraphPath).describe('Shortest paths first; empty when the nodes are not connected within maxLength'),
  })
  .meta({ id: 'PathList' });
