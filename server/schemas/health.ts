import { z } from 'zod';

export const Health = z
  .object({
    status: z.enum(['ok', 'unavailable']),
    backend: z.string().describe('"ladybug" (embedded) or "neo4j"'),
    nodes: z.number().int().nullable().describe('Total nodes; null when the store is unavailable'),
    relationships: z.number().int().nullable().describe('Total relationships; null when the store is unavailable'),
  })
  .meta({ id: 'Health' });
export type Health = z.infer<typeof Health>;
