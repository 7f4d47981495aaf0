// Query shapes of the routes that read the graph over years: asOf on the read routes, from/to on the diff.
import { z } from 'zod';
import { History, YearDiff, YearList } from '../../graph/schema/time.js';
import { NodeIdText, queryWholeNumber } from './common.js';

export const asOfParam = queryWholeNumber(1900, 2200)
  .optional()
  .describe(
    'Answer as the graph stood in this year: only what sources of that year or earlier say, without links a source of that year or earlier ended. Default: the latest year in the data',
  );

export const AsOfQuery = z.strictObject({ asOf: asOfParam });

export const DiffQuery = z
  .strictObject({
    from: queryWholeNumber(1900, 2200).describe('The earlier year'),
    to: queryWholeNumber(1900, 2200).describe('The later year (may equal from)'),
  })
  .superRefine((q, ctx) => {
    if (q.from > q.to) ctx.addIssue({ code: 'custom', path: ['from'], message: `must not be after to (${q.from} > ${q.to})` });
  });

export const HistoryParams = z.strictObject({ id: NodeIdText.describe('Id of the subject') });

export { History, YearDiff, YearList };
