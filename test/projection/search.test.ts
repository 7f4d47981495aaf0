// The projection's search (a flat index scanned with indexOf, nodes kept in tie order) must answer exactly what the
// rule says: contains, exact before prefix before contains, ties by folded name then id. The reference below is that
// rule written plainly (the code before the index), compared on a generated graph.
import { describe, expect, it } from 'vitest';
import { generateDataset } from '../../bench/synthetic/dataset.js';
import { snapshotFromDataset } from '../../graph/analysis/snapshot.js';
import { GraphProjection } from '../../graph/projection/projection.js';
import { searchColumns, searchKey, type SearchColumns } from '../../graph/schema/search.js';
import type { GraphNode } from '../../graph/schema/graph.js';
import type { SearchOptions } from '../../graph/store/port.js';

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const shortNameOf = (n: GraphNode) => (typeof n.properties['shortName'] === 'string' ? n.properties['shortName'] : undefined);

function reference(nodes: readonly { node: GraphNode; key: SearchColumns }[], options: SearchOptions): { ids: string[]; total: number } {
  const q = options.q ? searchKey(options.q) : '';
  const matches = nodes.flatMap(({ node, key }) => {
    if (options.kind && node.kind !== options.kind) return [];
    if (q && !key.searchText.includes(q)) return [];
    const rank = !q
      ? 0
      : key.searchName === q || key.searchNameEn === q || node.id === q
        ? 0
        : key.searchName.startsWith(q) || key.searchNameEn?.startsWith(q) || node.id.startsWith(q)
          ? 1
          : 2;
    return [{ node, rank, name: key.searchName }];
  });
  matches.sort((a, b) => a.rank - b.rank || compare(a.name, b.name) || compare(a.node.id, b.node.id));
  return { ids: matches.slice(options.offset, options.offset + options.limit).map((m) => m.node.id), total: matches.length };
}

describe('projection search', () => {
  const snapshot = snapshotFromDataset(generateDataset({ nodes: 3000, relationships: 12000, seed: 15 }));
  const projection = new GraphProjection(snapshot.nodes, snapshot.edges);
  const keyed = snapshot.nodes.map((node) => {
    const shortName = shortNameOf(node);
    return { node, key: searchColumns({ ...node, ...(shortName ? { shortName } : {}) }) };
  });
  const some = snapshot.nodes.filter((_, i) => i % 97 === 0);
  const terms = [
    '',
    'a',
    'direktoratet',
    'Ø',
    'kommune',
    'zzzz-nothing',
    ...some.map((n) => n.id),
    ...some.map((n) => n.name.split(' ')[0]!.slice(0, 6)),
    ...some.map((n) => n.name),
    // A term across the separator of two columns of one node.
    ...some.slice(0, 3).map((n) => `${n.id.slice(-2)} | ${n.name.slice(0, 3)}`),
  ];

  it('answers as the plain rule does, for every term, kind and page', () => {
    let compared = 0;
    for (const q of terms) {
      for (const kind of [undefined, 'Agency', 'Initiative'] as const) {
        for (const [offset, limit] of [
          [0, 20],
          [5, 3],
          [0, 5000],
        ] as const) {
          const options: SearchOptions = { ...(q ? { q } : {}), ...(kind ? { kind } : {}), offset, limit };
          const got = projection.search(options);
          expect({ ids: got.items.map((n) => n.id), total: got.total }, JSON.stringify(options)).toEqual(reference(keyed, options));
          compared++;
        }
      }
    }
    expect(compared).toBeGreaterThan(100);
  });
});
