// The generator's seeded randomness: mulberry32 and the draws built on it, never Math.random or the clock.

/** mulberry32: a tiny, fast 32-bit PRNG; returns floats in [0, 1). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export class Rng {
  private readonly next: () => number;
  constructor(seed: number) {
    // Fold the high bits in, so seeds that differ only above 2^32 still differ.
    const high = Math.floor(seed / 4294967296);
    this.next = mulberry32((seed ^ Math.imul(high, 0x9e3779b1)) >>> 0);
  }
  float(): number {
    return this.next();
  }
  /** 0 ≤ n < max. */
  int(max: number): number {
    return Math.floor(this.next() * max);
  }
  between(min: number, max: number): number {
    return min + this.int(max - min + 1);
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)]!;
  }
  weighted<T>(items: readonly (readonly [T, number])[]): T {
    const total = items.reduce((s, [, w]) => s + w, 0);
    let r = this.next() * total;
    for (const [item, w] of items) if ((r -= w) < 0) return item;
    return items[items.length - 1]![0];
  }
  /** An index below max, low indices likelier: P(index < k) = (k/max)^(1/exponent). exponent 1 is uniform. */
  skewed(max: number, exponent: number): number {
    return Math.min(max - 1, Math.floor(max * this.next() ** exponent));
  }
}
