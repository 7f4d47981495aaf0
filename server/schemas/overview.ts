import { z } from 'zod';
import { BASES, NODE_KINDS, RELATIONSHIP_TYPES } from '../../graph/ontology.js';
import { queryList } from './common.js';
import { includeRejectedParam } from './reviews.js';
import { asOfParam } from './time.js';

/** Group ids are "group:<Kind>[:<part>]"; an unknown one is simply not open. */
const GroupIdText = z.string().min(1).max(100);

export const OverviewQuery = z.strictObject({
  kinds: queryList(NODE_KINDS, 'node kind', 'Only nodes of these kinds'),
  types: queryList(RELATIONSHIP_TYPES, 'relationship type', 'Only relationships of these types'),
  basis: z
    .enum(BASES, { error: (issue) => `must be one of ${BASES.join(', ')} (got ${JSON.stringify(issue.input)})` })
    .optional()
    .describe('Only relationships with this basis: stated in the source, or inferred by an analyst'),
  open: z
    .preprocess((v) => (typeof v === 'string' ? v.split(',').map((p) => p.trim()) : v), z.array(GroupIdText).max(200, 'at most 200 open groups'))
    .optional()
    .meta({ type: 'array', items: { type: 'string' } })
    .describe('Groups whose members are shown one by one ("group:Initiative:2"); comma-separated'),
  asOf: asOfParam,
  includeRejected: includeRejectedParam,
});
