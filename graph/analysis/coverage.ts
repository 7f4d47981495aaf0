// Coverage matrices: which row nodes reach which column nodes along a relationship path, and through which links.
import { NODE_KINDS, RELATIONSHIP_RULES, RELATIONSHIP_TYPES, type NodeKind, type RelationshipType } from '../ontology.js';
import {
  COVERAGE_PRESET_IDS,
  type CoverageCell,
  type CoverageMatrix,
  type CoveragePath,
  type CoveragePreset,
  type CoveragePresetId,
  type CoverageSpec,
  type CoverageStep,
  type LocalizedText,
} from '../schema/analysis.js';
import type { GraphEdge, GraphNode } from '../schema/graph.js';
import type { GraphSnapshot } from '../store/port.js';
import { resolveGapConfig } from './config.js';
import { buildContext, type AnalysisContext } from './context.js';
import { compareIds, kindLabel, t, typeLabel } from './text.js';

/** The longest relationship path searched when a matrix names only its row and column kinds. */
export const MAX_DEFAULT_PATH_LENGTH = 4;

const step = (type: RelationshipType | RelationshipType[], direction: 'out' | 'in'): CoverageStep => ({
  type: Array.isArray(type) ? type : [type],
  direction,
});

export const COVERAGE_PRESETS: readonly CoveragePreset[] = [
  {
    id: 'focus-area-goal',
    title: t('Innsatsområder × bærekraftsmål', 'Focus areas × sustainable development goals'),
    rows: 'FocusArea',
    cols: 'Goal',
    path: [[step('CONTRIBUTES_TO', 'out')], [step('PART_OF', 'in'), step('CONTRIBUTES_TO', 'out')]],
  },
  {
    id: 'life-event-agency',
    title: t('Livshendelser × virksomheter', 'Life events × agencies'),
    rows: 'LifeEvent',
    cols: 'Agency',
    path: [[step('SERVES', 'in'), step(['LEADS', 'PARTICIPATES_IN'], 'in')], [step('LEADS', 'in')]],
  },
  {
    id: 'focus-area-agency',
    title: t('Innsatsområder × virksomheter', 'Focus areas × agencies'),
    rows: 'FocusArea',
    cols: 'Agency',
    path: [[step('PART_OF', 'in'), step(['LEADS', 'PARTICIPATES_IN'], 'in')], [step('LEADS', 'in')]],
  },
  {
    id: 'driver-focus-area',
    title: t('Drivkrefter × innsatsområder', 'Drivers × focus areas'),
    rows: 'Driver',
    cols: 'FocusArea',
    path: [[step('INFLUENCES', 'out')], [step('INFLUENCES', 'out'), step('PART_OF', 'out')]],
  },
  {
    id: 'recommendation-focus-area',
    title: t('Anbefalinger × innsatsområder', 'Recommendations × focus areas'),
    rows: 'Recommendation',
    cols: 'FocusArea',
    path: [[step('TARGETS', 'out')], [step(['TARGETS', 'PROPOSES'], 'out'), step('PART_OF', 'out')]],
  },
];

export class CoverageError extends Error {}

export function isCoveragePresetId(id: string): id is CoveragePresetId {
  return (COVERAGE_PRESET_IDS as readonly string[]).includes(id);
}

export function coverageByPreset(snapshot: GraphSnapshot, presetId: string): CoverageMatrix {
  const preset = COVERAGE_PRESETS.find((p) => p.id === presetId);
  if (!preset) throw new CoverageError(`unknown coverage preset "${presetId}"; the presets are ${COVERAGE_PRESET_IDS.join(', ')}`);
  return buildMatrix(contextOf(snapshot), preset.rows, preset.cols, preset.path, preset.id, preset.title);
}

/**
 * A matrix of any two kinds. Without a path, a preset for the same pair supplies it; otherwise the shortest relationship
 * paths between the two kinds in the ontology (up to MAX_DEFAULT_PATH_LENGTH steps) are used together.
 */
export function coverage(snapshot: GraphSnapshot, spec: CoverageSpec): CoverageMatrix {
  const ctx = contextOf(snapshot);
  if (spec.path === undefined) {
    const preset = COVERAGE_PRESETS.find((p) => p.rows === spec.rows && p.cols === spec.cols);
    if (preset) return buildMatrix(ctx, preset.rows, preset.cols, preset.path, preset.id, preset.title);
  }
  const path = spec.path === undefined ? defaultPath(spec.rows, spec.cols) : isAlternatives(spec.path) ? spec.path : [spec.path];
  const title = t(`${kindLabel(spec.rows, true).nb} × ${kindLabel(spec.cols, true).nb.toLowerCase()}`, `${kindLabel(spec.rows, true).en} × ${kindLabel(spec.cols, true).en.toLowerCase()}`);
  return buildMatrix(ctx, spec.rows, spec.cols, path, null, title);
}

function contextOf(snapshot: GraphSnapshot): AnalysisContext {
  return buildContext(snapshot, resolveGapConfig());
}

function isAlternatives(path: CoveragePath | CoveragePath[]): path is CoveragePath[] {
  return Array.isArray(path[0]);
}

function typesOf(s: CoverageStep): RelationshipType[] {
  return Array.isArray(s.type) ? s.type : [s.type];
}

/** The kinds a step can reach from some kinds, according to the ontology. */
function nextKinds(from: ReadonlySet<NodeKind>, s: CoverageStep): Set<NodeKind> {
  const next = new Set<NodeKind>();
  for (const type of typesOf(s)) {
    for (const [a, b] of RELATIONSHIP_RULES[type] as ReadonlyArray<readonly [NodeKind, NodeKind]>) {
      if (s.direction === 'out' && from.has(a)) next.add(b);
      if (s.direction === 'in' && from.has(b)) next.add(a);
    }
  }
  return next;
}

function checkPath(rows: NodeKind, cols: NodeKind, path: CoveragePath): void {
  let kinds = new Set<NodeKind>([rows]);
  for (const [i, s] of path.entries()) {
    const from = [...kinds].join('/');
    kinds = nextKinds(kinds, s);
    if (kinds.size === 0) throw new CoverageError(`step ${i + 1} (${typesOf(s).join('|')}, ${s.direction}) cannot follow from ${from} in the ontology`);
  }
  if (!kinds.has(cols)) throw new CoverageError(`the path from ${rows} ends at ${[...kinds].join('/')}, not at ${cols}`);
}

/** All shortest relationship paths between two kinds in the ontology, steps that differ only in type merged. */
export function defaultPath(rows: NodeKind, cols: NodeKind, maxLength = MAX_DEFAULT_PATH_LENGTH): CoveragePath[] {
  type Partial = { kinds: NodeKind[]; steps: { type: RelationshipType; direction: 'out' | 'in' }[] };
  let frontier: Partial[] = [{ kinds: [rows], steps: [] }];
  for (let length = 1; length <= maxLength; length += 1) {
    const next: Partial[] = [];
    for (const partial of frontier) {
      const at = partial.kinds[partial.kinds.length - 1]!;
      for (const type of RELATIONSHIP_TYPES) {
        for (const [a, b] of RELATIONSHIP_RULES[type] as ReadonlyArray<readonly [NodeKind, NodeKind]>) {
          const moves: ['out' | 'in', NodeKind][] = [];
          if (a === at) moves.push(['out', b]);
          if (b === at && a !== b) moves.push(['in', a]);
          if (a === at && b === at) moves.push(['in', a]);
          for (const [direction, kind] of moves) {
            // A kind may repeat only as the destination: no walking back and forth through the same kind.
            if (partial.kinds.includes(kind) && kind !== cols) continue;
            next.push({ kinds: [...partial.kinds, kind], steps: [...partial.steps, { type, direction }] });
          }
        }
      }
    }
    const arrived = next.filter((p) => p.kinds[p.kinds.length - 1] === cols);
    if (arrived.length > 0) return mergeAlternatives(arrived);
    frontier = next;
  }
  throw new CoverageError(`no relationship path of at most ${maxLength} steps joins ${rows} and ${cols} in the ontology`);
}

function mergeAlternatives(paths: { kinds: NodeKind[]; steps: { type: RelationshipType; direction: 'out' | 'in' }[] }[]): CoveragePath[] {
  const groups = new Map<string, { type: Set<RelationshipType>; direction: 'out' | 'in' }[]>();
  for (const p of paths) {
    const key = `${p.kinds.join('>')}|${p.steps.map((s) => s.direction).join('>')}`;
    const group = groups.get(key) ?? p.steps.map((s) => ({ type: new Set<RelationshipType>(), direction: s.direction }));
    p.steps.forEach((s, i) => group[i]!.type.add(s.type));
    groups.set(key, group);
  }
  const merged = [...groups.values()].map((g) => g.map((s) => step([...s.type], s.direction)));
  const unique = new Map(merged.map((p) => [JSON.stringify(p), p]));
  return [...unique.values()];
}

/** The kinds at each point of a path that lie on some walk from the row kind to the column kind. */
function kindsAlong(rows: NodeKind, cols: NodeKind, alternative: CoveragePath): NodeKind[][] {
  const forward: Set<NodeKind>[] = [new Set([rows])];
  for (const s of alternative) forward.push(nextKinds(forward[forward.length - 1]!, s));
  const kept: Set<NodeKind>[] = forward.map(() => new Set());
  kept[kept.length - 1] = new Set([...forward[forward.length - 1]!].filter((k) => k === cols));
  for (let i = alternative.length - 1; i >= 0; i -= 1) {
    for (const kind of forward[i]!) {
      if ([...nextKinds(new Set([kind]), alternative[i]!)].some((k) => kept[i + 1]!.has(k))) kept[i]!.add(kind);
    }
  }
  return kept.map((set) => NODE_KINDS.filter((k) => set.has(k)));
}

function describePath(rows: NodeKind, cols: NodeKind, path: CoveragePath[]): LocalizedText {
  const render = (lang: 'nb' | 'en') =>
    path
      .map((alternative) => {
        const kinds = kindsAlong(rows, cols, alternative);
        let text = kindLabel(rows)[lang];
        alternative.forEach((s, i) => {
          const label = typesOf(s).map((type) => typeLabel(type)[lang]).join(' | ');
          const next = kinds[i + 1]!.map((k) => kindLabel(k)[lang]).join('/');
          text += s.direction === 'out' ? ` —${label}→ ${next}` : ` ←${label}— ${next}`;
        });
        return text;
      })
      .join(lang === 'nb' ? '; eller ' : '; or ');
  return { nb: render('nb'), en: render('en') };
}

function buildMatrix(
  ctx: AnalysisContext,
  rows: NodeKind,
  cols: NodeKind,
  rawPath: CoveragePath[],
  preset: string | null,
  title: LocalizedText,
): CoverageMatrix {
  const path = rawPath.map((alternative) => alternative.map((s) => step(typesOf(s), s.direction)));
  for (const alternative of path) checkPath(rows, cols, alternative);
  const rowNodes = ctx.nodesOf(rows);
  const colNodes = ctx.nodesOf(cols);
  const colIndex = new Map(colNodes.map((n, i) => [n.id, i]));

  const chains = new Map<string, Map<string, GraphEdge[][]>>();
  for (const row of rowNodes) {
    const seen = new Set<string>();
    const byCol = new Map<string, GraphEdge[][]>();
    for (const alternative of path) {
      for (const chain of walk(ctx, row, alternative)) {
        const end = endOf(row.id, chain);
        if (!colIndex.has(end) || (rows === cols && end === row.id)) continue;
        const key = chain.map((e) => e.id).join(' ');
        if (seen.has(key)) continue;
        seen.add(key);
        (byCol.get(end) ?? byCol.set(end, []).get(end)!).push(chain);
      }
    }
    chains.set(row.id, byCol);
  }

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

  const axis = (nodes: readonly GraphNode[], totals: Map<string, number>) =>
    nodes.map((n) => ({ id: n.id, name: n.name, ...(n.nameEn ? { nameEn: n.nameEn } : {}), total: totals.get(n.id) ?? 0 }));
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
