// A coverage matrix: every chain of relationships from each row node along a path, tallied per column node.
import type { NodeKind } from '../../ontology.js';
import type { CoverageCell, CoverageMatrix, CoveragePath, LocalizedText } from '../../schema/analysis.js';
import type { GraphEdge, GraphNode } from '../../schema/graph.js';
import type { AnalysisContext } from '../context.js';
import { compareIds } from '../text.js';
import { checkPath, describePath, step, typesOf } from './paths.js';

export function buildMatrix(
  ctx: AnalysisContext,
  rows: NodeKind,
  cols: NodeKind,
  rawPath: CoveragePath[],
  preset: string | null,
  title: LocalizedText,
  /** Only this row node: one cell's chains without the rest of the matrix. */
  onlyRow?: string,
): CoverageMatrix {
  const path = rawPath.map((alternative) => alternative.map((s) => step(typesOf(s), s.direction)));
  for (const alternative of path) checkPath(rows, cols, alternative);
  const rowNodes = onlyRow === undefined ? ctx.nodesOf(rows) : ctx.nodesOf(rows).filter((n) => n.id === onlyRow);
  const colNodes = ctx.nodesOf(cols);
  const chains = chainsByRow(ctx, rowNodes, colNodes, path, rows === cols);
  const { cells, edges, rowTotals, colTotals } = tally(rowNodes, colNodes, chains);
  const emptyRows = rowNodes.filter((n) => !rowTotals.has(n.id)).length;
  const emptyCols = colNodes.filter((n) => !colTotals.has(n.id)).length;
  return {
    preset,
    title,
    rows,
    cols,
    path,
    pathDescription: describePath(rows, cols, path),
    rowNodes: axis(rowNodes, rowTotals),
    colNodes: axis(colNodes, colTotals),
    cells,
    edges: [...edges.values()].sort((a, b) => compareIds(a.id, b.id)),
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
  };
}

/** For each row node, the distinct chains along any alternative of the path, by the column node they end at. */
function chainsByRow(
  ctx: AnalysisContext,
  rowNodes: readonly GraphNode[],
  colNodes: readonly GraphNode[],
  path: CoveragePath[],
  sameKind: boolean,
): Map<string, Map<string, GraphEdge[][]>> {
  const colIndex = new Map(colNodes.map((n, i) => [n.id, i]));
  const chains = new Map<string, Map<string, GraphEdge[][]>>();
  for (const row of rowNodes) {
    const seen = new Set<string>();
    const byCol = new Map<string, GraphEdge[][]>();
    for (const alternative of path) {
      for (const chain of walk(ctx, row, alternative)) {
        const end = endOf(row.id, chain);
        if (!colIndex.has(end) || (sameKind && end === row.id)) continue;
        const key = chain.map((e) => e.id).join(' ');
        if (seen.has(key)) continue;
        seen.add(key);
        (byCol.get(end) ?? byCol.set(end, []).get(end)!).push(chain);
      }
    }
    chains.set(row.id, byCol);
  }
  return chains;
}

/** The non-empty cells in row then column order, the edges they use, and the links per row and per column. */
function tally(rowNodes: readonly GraphNode[], colNodes: readonly GraphNode[], chains: Map<string, Map<string, GraphEdge[][]>>) {
  const cells: CoverageCell[] = [];
  const edges = new Map<string, GraphEdge>();
  const rowTotals = new Map<string, number>();
  const colTotals = new Map<string, number>();
  for (const row of rowNodes) {
    const byCol = chains.get(row.id)!;
    for (const col of colNodes) {
      const found = byCol.get(col.id);
      if (!found) continue;
      found.sort((a, b) => compareIds(a.map((e) => e.id).join(' '), b.map((e) => e.id).join(' ')));
      const ids = new Set<string>();
      for (const chain of found) {
        for (const e of chain) {
          ids.add(e.id);
          edges.set(e.id, e);
        }
      }
      cells.push({
        row: row.id,
        col: col.id,
        count: found.length,
        stated: found.filter((chain) => chain.every((e) => e.properties.basis === 'stated')).length,
        edges: [...ids].sort(compareIds),
        paths: found.map((chain) => chain.map((e) => e.id)),
      });
      rowTotals.set(row.id, (rowTotals.get(row.id) ?? 0) + found.length);
      colTotals.set(col.id, (colTotals.get(col.id) ?? 0) + found.length);
    }
  }
  return { cells, edges, rowTotals, colTotals };
}

function axis(nodes: readonly GraphNode[], totals: Map<string, number>) {
  return nodes.map((n) => ({ id: n.id, name: n.name, ...(n.nameEn ? { nameEn: n.nameEn } : {}), total: totals.get(n.id) ?? 0 }));
}

function endOf(start: string, chain: GraphEdge[]): string {
  let at = start;
  for (const e of chain) at = e.from === at ? e.to : e.from;
  return at;
}

/** Every simple chain of edges from `start` that follows the steps in order. */
function walk(ctx: AnalysisContext, start: GraphNode, steps: CoveragePath): GraphEdge[][] {
  const results: GraphEdge[][] = [];
  const visit = (at: string, depth: number, chain: GraphEdge[], visited: Set<string>) => {
    if (depth === steps.length) {
      results.push(chain);
      return;
    }
    const s = steps[depth]!;
    const types = typesOf(s);
    const candidates = s.direction === 'out' ? ctx.out(at, ...types) : ctx.in(at, ...types);
    for (const edge of candidates) {
      const next = s.direction === 'out' ? edge.to : edge.from;
      if (visited.has(next)) continue;
      visit(next, depth + 1, [...chain, edge], new Set(visited).add(next));
    }
  };
  visit(start.id, 0, [], new Set([start.id]));
  return results;
}
