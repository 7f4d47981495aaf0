// How far a dataset load has come: the store's own steps (replaceDataset's onProgress) and the ones around them (the
// CLI's reading, the server's follow-up reconcile). The CLI's progress bar and GET /api/dataset/status both show it.
import { z } from 'zod';

export const LOAD_PHASES = ['validating', 'clearing', 'nodes', 'relationships', 'committing', 'indexing', 'reconciling'] as const;

export const LoadPhase = z
  .enum(LOAD_PHASES)
  .describe(
    "validating: reading and checking the dataset; clearing: deleting the old graph (embedded store: in the load's one transaction; " +
      'Neo4j: in batches once the staged new graph is switched in); nodes, relationships: writing them (Neo4j: staged in batches, unseen by readers); ' +
      'committing: the commit (Neo4j: the staged graph made current in batches); indexing: reading the committed graph back into memory and checkpointing (embedded store); ' +
      'reconciling: the follow-up records brought in line with the new findings (the server, after the commit; its total grows as the records are read, a page at a time)',
  )
  .meta({ id: 'LoadPhase' });
export type LoadPhase = z.infer<typeof LoadPhase>;

export const LoadProgress = z
  .object({
    phase: LoadPhase,
    done: z.number().int().min(0).describe('Items of this phase done (nodes, relationships, follow-up records; 0 or 1 for a phase without items)'),
    total: z.number().int().min(0).describe('Items of this phase in all'),
  })
  .meta({ id: 'LoadProgress' });
export type LoadProgress = z.infer<typeof LoadProgress>;

/** Called at each step of a load; must not throw (a reporter's failure must not fail the load). */
export type OnLoadProgress = (progress: LoadProgress) => void;
