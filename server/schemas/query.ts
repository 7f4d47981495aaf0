import { z } from 'zod';

export const MAX_CYPHER_LENGTH = 20_000;

export const QueryRequest = z.strictObject({
  cypher: z
    .string()
    .min(1, 'must not be empty')
    .max(MAX_CYPHER_LENGTH, `must be at most ${MAX_CYPHER_LENGTH} characters`)
    .describe('One read-only Cypher statement, e.g. "MATCH (a:Agency)-[r:LEADS]->(i) RETURN a, r, i LIMIT 10"'),
  params: z.record(z.string(), z.unknown()).default({}).describe('Values for $parameters in the query'),
});
