// What the coverage matrix shows of a matrix the API gave: rows and columns kept by the reader's switches (hide empty
// ones, public sector only), their totals recounted over what is kept, and the order (by name as given, or by total).
import type { Matrix } from '../api/types.js';

export type CoverageSort = 'name' | 'total';

export interface CoverageViewOptions {
  hideEmpty: boolean;
  /** Keep only nodes this returns true for (e.g. public-sector agencies); nodes it does not know are kept. */
  keep?: ((id: string) => boolean) | undefined;
  sort: CoverageSort;
}

export interface CoverageView {
  matrix: Matrix;
  /** How many rows and columns the switches left out. */
  hiddenRows: number;
  hiddenCols: number;
}

/** Whether hiding empty rows and columns should be the default: when more than half of either are empty. */
export const mostlyEmpty = (m: Matrix): boolean => m.emptyRowShare > 0.5 || m.emptyColShare > 0.5;

export function coverageView(m: Matrix, options: CoverageViewOptions): CoverageView {
  const keep = options.keep ?? (() => true);
  const rowsKept = new Set(m.rowNodes.filter((n) => keep(n.id)).map((n) => n.id));
  const colsKept = new Set(m.colNodes.filter((n) => keep(n.id)).map((n) => n.id));
  const cells = m.cells.filter((c) => rowsKept.has(c.row) && colsKept.has(c.col));
  const rowTotal = new Map<string, number>();
  const colTotal = new Map<string, number>();
  for (const c of cells) {
    rowTotal.set(c.row, (rowTotal.get(c.row) ?? 0) + c.count);
    colTotal.set(c.col, (colTotal.get(c.col) ?? 0) + c.count);
  }
  const axis = (nodes: Matrix['rowNodes'], kept: Set<string>, totals: Map<string, number>) => {
    const shown = nodes.filter((n) => kept.has(n.id)).map((n) => ({ ...n, total: totals.get(n.id) ?? 0 }));
    const visible = options.hideEmpty ? shown.filter((n) => n.total > 0) : shown;
    // A stable sort: equal totals keep the API's order.
    return options.sort === 'total' ? [...visible].sort((a, b) => b.total - a.total) : visible;
  };
  const rowNodes = axis(m.rowNodes, rowsKept, rowTotal);
  const colNodes = axis(m.colNodes, colsKept, colTotal);
  const rowOrder = new Map(rowNodes.map((n, i) => [n.id, i]));
  const colOrder = new Map(colNodes.map((n, i) => [n.id, i]));
  const orderedCells = [...cells].sort((a, b) => rowOrder.get(a.row)! - rowOrder.get(b.row)! || colOrder.get(a.col)! - colOrder.get(b.col)!);
  const emptyRows = rowNodes.filter((n) => n.total === 0).length;
  const emptyCols = colNodes.filter((n) => n.total === 0).length;
  return {
    matrix: {
      ...m,
      rowNodes,
      colNodes,
      cells: orderedCells,
      totals: {
        links: cells.reduce((sum, c) => sum + c.count, 0),
        cells: cells.length,
        rows: rowNodes.length,
        cols: colNodes.length,
        emptyRows,
        emptyCols,
      },
      emptyRowShare: rowNodes.length === 0 ? 0 : emptyRows / rowNodes.length,
      emptyColShare: colNodes.length === 0 ? 0 : emptyCols / colNodes.length,
    },
    hiddenRows: m.rowNodes.length - rowNodes.length,
    hiddenCols: m.colNodes.length - colNodes.length,
  };
}
