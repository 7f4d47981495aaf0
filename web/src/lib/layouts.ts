// Layout options for Cytoscape. The hierarchical layout places kinds in fixed layers (strategy → action plan →
// focus areas → initiatives → agencies → the rest) and orders each layer by its neighbours in the layer above.

export const LAYOUTS = ['fcose', 'concentric', 'hierarchy'] as const;
export type LayoutName = (typeof LAYOUTS)[number];

const LAYER: Record<string, number> = { Strategy: 0, ActionPlan: 1, FocusArea: 2, Driver: 2, Initiative: 3, LifeEvent: 4, Agency: 4 };
const layerOf = (kind: string) => LAYER[kind] ?? 5;

export interface LayoutNode {
  id: string;
  kind: string;
}

export function hierarchyPositions(nodes: LayoutNode[], edges: { from: string; to: string }[]): Record<string, { x: number; y: number }> {
  const neighbours = new Map<string, string[]>();
  for (const e of edges) {
    neighbours.set(e.from, [...(neighbours.get(e.from) ?? []), e.to]);
    neighbours.set(e.to, [...(neighbours.get(e.to) ?? []), e.from]);
  }
  const layers = new Map<number, LayoutNode[]>();
  for (const n of nodes) layers.set(layerOf(n.kind), [...(layers.get(layerOf(n.kind)) ?? []), n]);
  const positions: Record<string, { x: number; y: number }> = {};
  const order = new Map<string, number>();
  for (const layer of [...layers.keys()].sort((a, b) => a - b)) {
    const members = layers.get(layer)!;
    // Barycentre of already placed neighbours, so children sit under their parents; the id breaks ties stably.
    const weight = (n: LayoutNode) => {
      const placed = (neighbours.get(n.id) ?? []).map((m) => order.get(m)).filter((x): x is number => x !== undefined);
      return placed.length ? placed.reduce((a, b) => a + b, 0) / placed.length : Number.MAX_SAFE_INTEGER;
    };
    members.sort((a, b) => weight(a) - weight(b) || a.id.localeCompare(b.id));
    const spacing = 90;
    members.forEach((n, i) => {
      const x = (i - (members.length - 1) / 2) * spacing;
      positions[n.id] = { x, y: layer * 170 };
      order.set(n.id, x);
    });
  }
  return positions;
}

export function concentricLevel(kind: string): number {
  return 10 - layerOf(kind);
}

/** A 32-bit hash of a text (FNV-1a), to seed a layout from what it lays out. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/**
 * A short fingerprint of where a layout put its nodes (rounded to whole pixels, in id order): two drawings of the same
 * URL that agree on it placed every node alike, whatever the canvas was still painting when it was read.
 */
export function layoutFingerprint(positions: { id: string; x: number; y: number }[]): string {
  const sorted = [...positions].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return hash(sorted.map((p) => `${p.id}:${Math.round(p.x)},${Math.round(p.y)}`).join(';')).toString(16);
}

/** mulberry32: a small, well-spread PRNG; the same seed gives the same numbers. */
function seededRandom(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Runs `layout` with Math.random drawn from a generator seeded by `key`, so the same graph gets the same picture on
 * every load. The force-directed layout's randomness (its spectral start and sampling) comes only from Math.random,
 * and it runs synchronously when not animated, so the swap never leaks beyond the run.
 */
export function withSeededRandom<T>(key: string, layout: () => T): T {
  const original = Math.random;
  Math.random = seededRandom(hash(key));
  try {
    return layout();
  } finally {
    Math.random = original;
  }
}
