// Writes a dataset's nodes, relationships and meta rows into an empty LadybugDB graph: the store's replace and the
// analyst worker's copy load through this one function, so the copy cannot drift from the store.
import { isAllowed, NODE_KINDS, RELATIONSHIP_RULES, RELATIONSHIP_TYPES } from '../../ontology.js';
import { relationshipId } from '../../dataset/ids.js';
import type { Dataset } from '../../schema/dataset.js';
import { StoreError } from '../../store/errors.js';
import { edgeRow, nodeRow } from '../../schema/records.js';
import { nodeColumns, type Column } from '../../schema/columns.js';
import { assertAllCreated, datasetMetaRows } from '../shared/records.js';
import type { Report } from '../shared/progress.js';
import { ladybugDialect as q } from './dialect.js';
import { schemaFingerprint } from './schema.js';

export type RunStatement = (statement: string, params?: Record<string, unknown>) => Promise<Record<string, unknown>[]>;

/** Rows per statement: small enough that progress moves on a large load, large enough to cost nothing on a small one. */
const ROWS_PER_STATEMENT = 10_000;

export async function writeGraph(run: RunStatement, dataset: Dataset, report: Report = () => undefined): Promise<void> {
  let nodesDone = 0;
  report('nodes', 0, dataset.nodes.length);
  for (const kind of NODE_KINDS) {
    const columns = nodeColumns(kind);
    const rows = dataset.nodes.filter((n) => n.kind === kind).map((n) => decimalsAsText(nodeRow(n), columns));
    for (const batch of chunks(rows)) {
      await run(q.createNodes(kind), { rows: batch });
      report('nodes', (nodesDone += batch.length), dataset.nodes.length);
    }
  }
  const kindOf = new Map(dataset.nodes.map((n) => [n.id, n.kind]));
  const unplaced = dataset.relationships.filter((r) => !kindOf.has(r.from) || !kindOf.has(r.to) || !isAllowed(r.type, kindOf.get(r.from)!, kindOf.get(r.to)!));
  if (unplaced.length > 0)
    throw new StoreError('load_failed', `relationship ${relationshipId(unplaced[0]!)} joins unknown nodes or kinds the ontology does not allow`);
  let relationshipsDone = 0;
  const totalRelationships = dataset.relationships.length;
  report('relationships', 0, totalRelationships);
  for (const type of RELATIONSHIP_TYPES) {
    for (const [from, to] of RELATIONSHIP_RULES[type]) {
      const rows = dataset.relationships.filter((r) => r.type === type && kindOf.get(r.from) === from && kindOf.get(r.to) === to).map(edgeRow);
      for (const batch of chunks(rows)) {
        const created = Number((await run(q.createRelationships(type, from, to), { rows: batch }))[0]?.['created'] ?? 0);
        assertAllCreated(type, batch.length, created);
        report('relationships', (relationshipsDone += batch.length), totalRelationships);
      }
    }
  }
  await run(q.writeMeta, { key: 'schema', json: schemaFingerprint() });
  for (const row of datasetMetaRows(dataset)) await run(q.writeMeta, row);
}

function chunks<T>(rows: T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += ROWS_PER_STATEMENT) out.push(rows.slice(i, i + ROWS_PER_STATEMENT));
  return out;
}

/**
 * The binding types a whole number as INT64 and any other as DOUBLE, and a parameter list whose rows mix the two cannot
 * be typed at all; decimals therefore travel as text and the statement casts them back to DOUBLE.
 */
function decimalsAsText(row: Record<string, unknown>, columns: readonly Column[]): Record<string, unknown> {
  for (const c of columns) if (c.type === 'float' && typeof row[c.name] === 'number') row[c.name] = String(row[c.name]);
  return row;
}
