// Nearest names for a search that matched nothing: fuzzy (typos, word order, partial words) and blind to case and
// accents, over every name a node goes by (name, English name, short name, aliases). Built once per snapshot.
import Fuse from 'fuse.js';
import type { GraphSnapshot } from '../store/port.js';
import { searchKey } from '../schema/search.js';

interface Entry {
  id: string;
  names: string[];
}

const indexes = new WeakMap<GraphSnapshot, Fuse<Entry>>();

function indexOf(snapshot: GraphSnapshot): Fuse<Entry> {
  let index = indexes.get(snapshot);
  if (!index) {
    const entries = snapshot.nodes.map((node) => {
      const aliases = node.properties['aliases'];
      const shortName = node.properties['shortName'];
      const names = [node.name, node.nameEn, typeof shortName === 'string' ? shortName : undefined, ...(Array.isArray(aliases) ? aliases : [])];
      return { id: node.id, names: names.filter((n): n is string => typeof n === 'string' && n.length > 0).map(searchKey) };
    });
    // threshold 0.4: close enough to catch a typo or a missing word, far enough not to offer anything at all.
    index = new Fuse(entries, { keys: ['names'], threshold: 0.4, ignoreLocation: true, includeScore: true });
    indexes.set(snapshot, index);
  }
  return index;
}

/** Ids of the nodes whose names come nearest to `q`, best first; empty when nothing is near. */
export function nearestNames(snapshot: GraphSnapshot, q: string, limit: number): string[] {
  const key = searchKey(q);
  if (key.length === 0) return [];
  return indexOf(snapshot)
    .search(key, { limit })
    .map((hit) => hit.item.id);
}
