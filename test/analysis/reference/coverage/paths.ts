// Relationship paths between two kinds in the ontology: checking them, finding the shortest ones, describing them.
import { NODE_KINDS, RELATIONSHIP_RULES, RELATIONSHIP_TYPES, type NodeKind, type RelationshipType } from '../../../../graph/ontology.js';
import type { CoveragePath, CoverageStep, LocalizedText } from '../../../../graph/schema/analysis.js';
import { kindLabel, typeLabel } from '../text.js';

/** The longest relationship path searched when a matrix names only its row and column kinds. */
export const MAX_DEFAULT_PATH_LENGTH = 4;

export class CoverageError extends Error {}

export const step = (type: RelationshipType | RelationshipType[], direction: 'out' | 'in'): CoverageStep => ({
  type: Array.isArray(type) ? type : [type],
  direction,
});

export function isAlternatives(path: CoveragePath | CoveragePath[]): path is CoveragePath[] {
  return Array.isArray(path[0]);
}

export function typesOf(s: CoverageStep): RelationshipType[] {
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

export function checkPath(rows: NodeKind, cols: NodeKind, path: CoveragePath): void {
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

export function describePath(rows: NodeKind, cols: NodeKind, path: CoveragePath[]): LocalizedText {
  const render = (lang: 'nb' | 'en') =>
    path
      .map((alternative) => {
        const kinds = kindsAlong(rows, cols, alternative);
        let text = kindLabel(rows)[lang];
        alternative.forEach((s, i) => {
          const label = typesOf(s)
            .map((type) => typeLabel(type)[lang])
            .join(' | ');
          const next = kinds[i + 1]!.map((k) => kindLabel(k)[lang]).join('/');
          text += s.direction === 'out' ? ` —${label}→ ${next}` : ` ←${label}— ${next}`;
        });
        return text;
      })
      .join(lang === 'nb' ? '; eller ' : '; or ');
  return { nb: render('nb'), en: render('en') };
}
