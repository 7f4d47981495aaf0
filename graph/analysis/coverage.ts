// Coverage matrices: which row nodes reach which column nodes along a relationship path, and through which links.
// The parts: coverage/presets.ts (the named matrices), coverage/paths.ts (paths in the ontology), coverage/matrix.ts.
import { COVERAGE_PRESET_IDS, type CoverageMatrix, type CoverageSpec } from '../schema/analysis.js';
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

function contextOf(snapshot: GraphSnapshot): AnalysisContext {
  return contextOfConfig(snapshot, resolveGapConfig());
}
