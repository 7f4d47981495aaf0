// One copy of each distinct string across a graph read in full. Every row a store returns brings its own copies of the
// ids it names: 500,000 links held a million copies of node ids and half a million of source ids, about a fifth of
// the graph's heap at 100,000 nodes (docs/benchmarks.md, target 4). Read once per load, so the map is dropped after.
export class StringPool {
  private readonly kept = new Map<string, string>();

  /** The pool's copy of `value`: the first one it was given. */
  one(value: string): string {
    const kept = this.kept.get(value);
    if (kept !== undefined) return kept;
    this.kept.set(value, value);
    return value;
  }

  get size(): number {
    return this.kept.size;
  }
}
