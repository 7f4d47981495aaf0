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

export interface Box {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

/** How many pairs of boxes overlap (touching edges do not count): labels drawn on top of each other, for a check. */
export function overlappingPairs(boxes: Box[]): number {
  // Swept by left edge: a box is compared only with the boxes still open when it starts.
  const sorted = [...boxes].sort((a, b) => a.x1 - b.x1);
  let pairs = 0;
  for (let i = 0; i < sorted.length; i++) {
    const a = sorted[i]!;
    for (let j = i + 1; j < sorted.length && sorted[j]!.x1 < a.x2; j++) {
      const b = sorted[j]!;
      if (b.y1 < a.y2 && a.y1 < b.y2) pairs++;
    }
  }
  return pairs;
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

export interface RingItem {
  id: string;
  kind: string;
  /** Drawn width in model pixels. */
  size: number;
}

/**
 * Where a grouped graph's items go, without a force layout (which takes seconds on the hundreds of counted links a
 * grouped view has): kinds on rings by their layer (the plan at the centre, the follow-up detail outside), each ring
 * as wide as its items need; the nodes of a kind with more than `discAbove` shown (an opened group) sit together in a
 * disc in their kind's place on the ring. Linear in the items and fixed by them, so the same view gives the same picture.
 */
export function ringPositions(items: RingItem[], discAbove: number): Record<string, { x: number; y: number }> {
  const GAP = 30;
  const byKind = new Map<string, RingItem[]>();
  for (const item of [...items].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))) {
    const list = byKind.get(item.kind);
    if (list) list.push(item);
    else byKind.set(item.kind, [item]);
  }
  /** What sits in one place on a ring: one item, or a disc of many of one kind. */
  interface Slot {
    members: RingItem[];
    /** Diameter. */
    size: number;
    disc: boolean;
  }
  const rings = new Map<number, Slot[]>();
  for (const [kind, list] of [...byKind.entries()].sort((a, b) => layerOf(a[0]) - layerOf(b[0]) || a[0].localeCompare(b[0]))) {
    const ring = rings.get(layerOf(kind)) ?? [];
    rings.set(layerOf(kind), ring);
    const discs = list.filter((i) => !i.id.startsWith('group:'));
    if (discs.length > discAbove) {
      const cell = Math.max(...discs.map((i) => i.size)) + GAP;
      ring.push({ members: discs, size: 2 * Math.sqrt(discs.length) * cell * 0.6 + cell, disc: true });
      for (const i of list.filter((x) => x.id.startsWith('group:'))) ring.push({ members: [i], size: i.size + GAP, disc: false });
    } else for (const i of list) ring.push({ members: [i], size: i.size + GAP, disc: false });
  }
  const positions: Record<string, { x: number; y: number }> = {};
  const place = (slot: Slot, cx: number, cy: number) => {
    if (!slot.disc) {
      positions[slot.members[0]!.id] = { x: Math.round(cx), y: Math.round(cy) };
      return;
    }
    // A sunflower: even density, no two members on top of each other.
    const cell = slot.members[0] ? Math.max(...slot.members.map((i) => i.size)) + GAP : 0;
    slot.members.forEach((m, k) => {
      const r = Math.sqrt(k + 0.5) * cell * 0.6;
      const a = k * 2.399963;
      positions[m.id] = { x: Math.round(cx + r * Math.cos(a)), y: Math.round(cy + r * Math.sin(a)) };
    });
  };
  let outer = 0;
  for (const layer of [...rings.keys()].sort((a, b) => a - b)) {
    const slots = rings.get(layer)!;
    const circumference = slots.reduce((a, s) => a + s.size, 0);
    const widest = Math.max(...slots.map((s) => s.size));
    if (outer === 0 && slots.length === 1) {
      place(slots[0]!, 0, 0);
      outer = widest / 2;
      continue;
    }
    const radius = Math.max(outer + widest / 2 + GAP, circumference / (2 * Math.PI));
    let angle = -Math.PI / 2;
    for (const slot of slots) {
      const share = (slot.size / circumference) * 2 * Math.PI;
      place(slot, radius * Math.cos(angle + share / 2), radius * Math.sin(angle + share / 2));
      angle += share;
    }
    outer = radius + widest / 2;
  }
  return positions;
}
