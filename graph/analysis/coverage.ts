// Coverage matrices: which row nodes reach which column nodes along a relationship path, and through which links.
// The parts: coverage/presets.ts (the named matrices), coverage/paths.ts (paths in the ontology), coverage/matrix.ts.
import { COVERAGE_PRESET_IDS, type CoverageCellLinks, type CoverageCounts, type CoverageMatrix, type CoverageSpec } from '../schema/analysis.js';
import type { GraphSnapshot } from '../store/port.js';
import { resolveGapConfig } from './config.js';
import { contextOf as contextOfConfig, type AnalysisContext } from './context.js';
import { derived, type Derived } from './materialised.js';
import { buildMatrix } from './coverage/matrix.js';
import { CoverageError, defaultPath, isAlternatives } from './coverage/paths.js';
import { COVERAGE_PRESETS } from './coverage/presets.js';
import { kindLabel, t } from './text.js';

export { CoverageError, defaultPath, MAX_DEFAULT_PATH_LENGTH } from './coverage/paths.js';
export { COVERAGE_PRESETS, isCoveragePresetId } from './coverage/presets.js';

/** What a coverage request names: a preset, or two kinds (with a path, or the default one). */
export type CoverageRequest = { preset: string } | CoverageSpec;

/**
 * The whole matrix, every chain behind every cell. Worked out afresh on each call and not kept: at 100,000 nodes life
 * events × agencies holds 141,876 cells and their chains, 65 MiB of heap for as long as the graph is read. What is kept
 * per graph is the counts-only form the API sends (coverageCounts); a cell's chains are worked out for its row alone.
 */
export function coverageByPreset(snapshot: GraphSnapshot, presetId: string): CoverageMatrix {
  return matrixOf(snapshot, { preset: presetId });
}

/**
 * A matrix of any two kinds. Without a path, a preset for the same pair supplies it; otherwise the shortest relationship
 * paths between the two kinds in the ontology (up to MAX_DEFAULT_PATH_LENGTH steps) are used together.
 */
export function coverage(snapshot: GraphSnapshot, spec: CoverageSpec): CoverageMatrix {
  return matrixOf(snapshot, spec);
}

/** The matrix a request names; with `onlyRow`, restricted to that row node (none when it is not on the row axis). */
function matrixOf(snapshot: GraphSnapshot, request: CoverageRequest, onlyRow?: string): CoverageMatrix {
  const ctx = contextOf(snapshot);
  if ('preset' in request) {
    const preset = COVERAGE_PRESETS.find((p) => p.id === request.preset);
    if (!preset) throw new CoverageError(`unknown coverage preset "${request.preset}"; the presets are ${COVERAGE_PRESET_IDS.join(', ')}`);
    return buildMatrix(ctx, preset.rows, preset.cols, preset.path, preset.id, preset.title, onlyRow);
  }
  if (request.path === undefined) {
    const preset = COVERAGE_PRESETS.find((p) => p.rows === request.rows && p.cols === request.cols);
    if (preset) return buildMatrix(ctx, preset.rows, preset.cols, preset.path, preset.id, preset.title, onlyRow);
  }
  const path = request.path === undefined ? defaultPath(request.rows, request.cols) : isAlternatives(request.path) ? request.path : [request.path];
  const title = t(
    `${kindLabel(request.rows, true).nb} × ${kindLabel(request.cols, true).nb.toLowerCase()}`,
    `${kindLabel(request.rows, true).en} × ${kindLabel(request.cols, true).en.toLowerCase()}`,
  );
  return buildMatrix(ctx, request.rows, request.cols, path, null, title, onlyRow);
}

/** Counts-only matrices, kept per graph (materialised.ts) and request. */
const countsKept: Derived<CoverageCounts> = new WeakMap();

function requestKey(request: CoverageRequest): string {
  return 'preset' in request ? `preset ${request.preset}` : JSON.stringify(['spec', request.rows, request.cols, request.path ?? null]);
}

/** The matrix without the chains behind each cell: what GET /api/coverage sends (the chains of one cell: coverageCell). */
export function coverageCounts(snapshot: GraphSnapshot, request: CoverageRequest): CoverageCounts {
  return derived(countsKept, snapshot, requestKey(request), () => {
    const { cells, edges: _, ...rest } = matrixOf(snapshot, request);
    return { ...rest, cells: cells.map(({ row, col, count, stated }) => ({ row, col, count, stated })) };
  });
}

/**
 * One cell with its chains and the relationships on them; a cell with no link has none (count 0). Null when the row or
 * the column is not a node of the matrix's axes. Worked out for the cell's row alone: the same chains the whole matrix
 * has in that cell, since a row's chains do not depend on the other rows.
 */
export function coverageCell(snapshot: GraphSnapshot, request: CoverageRequest, row: string, col: string): CoverageCellLinks | null {
  const matrix = matrixOf(snapshot, request, row);
  if (matrix.rowNodes.length === 0 || !matrix.colNodes.some((n) => n.id === col)) return null;
  const cell = matrix.cells.find((c) => c.col === col);
  if (!cell) return { row, col, count: 0, stated: 0, edges: [], paths: [] };
  const edges = new Map(matrix.edges.map((e) => [e.id, e]));
  return { ...cell, edges: cell.edges.map((id) => edges.get(id)!) };
}

function contextOf(snapshot: GraphSnapshot): AnalysisContext {
  return contextOfConfig(snapshot, resolveGapConfig());
}
