// The coverage view's switches: empty rows and columns hidden, public sector only, ordered by total, with totals
// recounted over what is shown so the sums never count a hidden column.
import { describe, expect, it } from 'vitest';
import type { Matrix } from '../../web/src/api/types.js';
import { coverageView, mostlyEmpty } from '../../web/src/lib/coverage-view.js';

const axis = (id: string, total: number) => ({ id, name: id.toUpperCase(), total });
const cell = (row: string, col: string, count: number) => ({ row, col, count, stated: count, edges: [], paths: [] });

function matrix(): Matrix {
  const cells = [cell('r1', 'a', 2), cell('r1', 'foodora', 1), cell('r2', 'b', 3)];
  return {
    preset: 'life-event-agency',
    title: { nb: 't', en: 't' },
    pathDescription: { nb: 'p', en: 'p' },
    rows: 'LifeEvent',
    cols: 'Agency',
    rowNodes: [axis('r1', 3), axis('r2', 3), axis('r3', 0)],
    colNodes: [axis('a', 2), axis('b', 3), axis('foodora', 1), axis('airbnb', 0), axis('c', 0)],
    cells,
    edges: [],
    totals: { links: 6, cells: 3, rows: 3, cols: 5, emptyRows: 1, emptyCols: 2 },
    emptyRowShare: 1 / 3,
    emptyColShare: 2 / 5,
  } as unknown as Matrix;
}

describe('coverage view', () => {
  it('hides empty rows and columns and says how many', () => {
    const view = coverageView(matrix(), { hideEmpty: true, sort: 'name' });
    expect(view.matrix.rowNodes.map((n) => n.id)).toEqual(['r1', 'r2']);
    expect(view.matrix.colNodes.map((n) => n.id)).toEqual(['a', 'b', 'foodora']);
    expect([view.hiddenRows, view.hiddenCols]).toEqual([1, 2]);
    expect(view.matrix.totals).toMatchObject({ links: 6, rows: 2, cols: 3, emptyRows: 0, emptyCols: 0 });
  });

  it('keeps only the public sector and recounts the totals without the private columns', () => {
    const privateBodies = new Set(['foodora', 'airbnb']);
    const view = coverageView(matrix(), { hideEmpty: false, sort: 'name', keep: (id) => !privateBodies.has(id) });
    expect(view.matrix.colNodes.map((n) => n.id)).toEqual(['a', 'b', 'c']);
    expect(view.matrix.rowNodes.find((n) => n.id === 'r1')?.total).toBe(2);
    expect(view.matrix.totals.links).toBe(5);
    expect(view.matrix.cells.some((c) => c.col === 'foodora')).toBe(false);
  });

  it('orders by total, most first, keeping the given order between equals', () => {
    const view = coverageView(matrix(), { hideEmpty: false, sort: 'total' });
    expect(view.matrix.colNodes.map((n) => n.id)).toEqual(['b', 'a', 'foodora', 'airbnb', 'c']);
    expect(view.matrix.rowNodes.map((n) => n.id)).toEqual(['r1', 'r2', 'r3']);
    expect(view.matrix.cells.map((c) => `${c.row}|${c.col}`)).toEqual(['r1|a', 'r1|foodora', 'r2|b']);
  });

  it('hides by default only when more than half of the rows or columns are empty', () => {
    expect(mostlyEmpty(matrix())).toBe(false);
    expect(mostlyEmpty({ ...matrix(), emptyColShare: 47 / 55 })).toBe(true);
  });
});
