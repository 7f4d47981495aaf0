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

/** Matrices once per graph (materialised.ts), by preset or by rows, columns and path; callers only read them. */
const matrices: Derived<CoverageMatrix> = new WeakMap();

export function coverageByPreset(snapshot: GraphSnapshot, presetId: string): CoverageMatrix {
  const preset = COVERAGE_PRESETS.find((p) => p.id === presetId);
  if (!preset) throw new CoverageError(`unknown coverage preset "${presetId}"; the presets are ${COVERAGE_PRESET_IDS.join(', ')}`);
  return derived(matrices, snapshot, `preset ${preset.id}`, () =>
    buildMatrix(contextOf(snapshot), preset.rows, preset.cols, preset.path, preset.id, preset.title),
  );
}

/**
 * A matrix of any two kinds. Without a path, a preset for the same pair supplies it; otherwise the shortest relationship
 * paths between the two kinds in the ontology (up to MAX_DEFAULT_PATH_LENGTH steps) are used together.
 */
export function coverage(snapshot: GraphSnapshot, spec: CoverageSpec): CoverageMatrix {
  return derived(matrices, snapshot, JSON.stringify(['spec', spec.rows, spec.cols, spec.path ?? null]), () => buildCoverage(snapshot, spec));
}

function buildCoverage(snapshot: GraphSnapshot, spec: CoverageSpec): CoverageMatrix {
  const ctx = contextOf(snapshot);
  if (spec.path === undefined) {
    const preset = COVERAGE_PRESETS.find((p) => p.rows === spec.rows && p.cols === spec.cols);
    if (preset) return buildMatrix(ctx, preset.rows, preset.cols, preset.path, preset.id, preset.title);
  }
  const path = spec.path === undefined ? defaultPath(spec.rows, spec.cols) : isAlternatives(spec.path) ? spec.path : [spec.path];
  const title = t(
    `${kindLabel(spec.rows, true).nb} × ${kindLabel(spec.cols, true).nb.toLowerCase()}`,
    `${kindLabel(spec.rows, true).en} × ${kindLabel(spec.cols, true).en.toLowerCase()}`,
  );
  return buildMatrix(ctx, spec.rows, spec.cols, path, null, title);
}

/** Per matrix (itself kept per graph): its counts-only form, and its cells and relationships by id. */
const countsOf = new WeakMap<CoverageMatrix, CoverageCounts>();
const lookupOf = new WeakMap<CoverageMatrix, { cells: Map<string, CoverageMatrix['cells'][number]>; edges: Map<string, CoverageMatrix['edges'][number]> }>();

/** The matrix without the chains behind each cell: what GET /api/coverage sends (the chains of one cell: coverageCell). */
export function coverageCounts(matrix: CoverageMatrix): CoverageCounts {
  let counts = countsOf.get(matrix);
  if (!counts) {
    const { cells, edges: _, ...rest } = matrix;
    counts = { ...rest, cells: cells.map(({ row, col, count, stated }) => ({ row, col, count, stated })) };
    countsOf.set(matrix, counts);
  }
  return counts;
}

/**
 * One cell with its chains and the relationships on them; a cell with no link has none (count 0). Null when the row or
 * the column is not a node of the matrix's axes.
 */
export function coverageCell(matrix: CoverageMatrix, row: string, col: string): CoverageCellLinks | null {
  if (!matrix.rowNodes.some((n) => n.id === row) || !matrix.colNodes.some((n) => n.id === col)) return null;
  let lookup = lookupOf.get(matrix);
  if (!lookup) {
    lookup = { cells: new Map(matrix.cells.map((c) => [`${c.row}\n${c.col}`, c])), edges: new Map(matrix.edges.map((e) => [e.id, e])) };
    lookupOf.set(matrix, lookup);
  }
  const cell = lookup.cells.get(`${row}\n${col}`);
  if (!cell) return { row, col, count: 0, stated: 0, edges: [], paths: [] };
  return { ...cell, edges: cell.edges.map((id) => lookup.edges.get(id)!) };
}

function contextOf(snapshot: GraphSnapshot): AnalysisContext {
  return contextOfConfig(snapshot, resolveGapConfig());
}
