// Sources by name, so that no view shows a source's id: the reports that the data's years list (year.sources), and the
// dataset's references (its header: the strategy's list of life events, the SDGs), read once from the export of one
// node's neighbourhood, which always carries them. Until they arrive, or if they cannot, a name falls back to the id.
import { get } from '../api/client.js';
import type { SourceRef } from '../api/types.js';
import { i18n } from '../i18n/i18n.svelte.js';
import { year } from './year.svelte.js';

class Sources {
  #references = $state.raw<ReadonlyMap<string, SourceRef>>(new Map());
  #asked = false;

  /** Reads the dataset's references once, through the export around `focus` (any node will do). */
  loadReferences(focus: string): void {
    if (this.#asked) return;
    this.#asked = true;
    get('/api/export', { query: { format: 'json', focus } })
      .then((dataset) => {
        this.#references = new Map(
          dataset.references.map((r): [string, SourceRef] => [r.id, { id: r.id, name: r.title, year: null, ...(r.url ? { url: r.url } : {}) }]),
        );
      })
      .catch(() => {
        this.#asked = false; // asked again by the next glance
      });
  }

  /** A source as a reference to show and link: a report of the data's years, or one of the dataset's references. */
  ref(id: string): SourceRef | undefined {
    return year.sources.get(id) ?? this.#references.get(id);
  }

  /** A source's name in the current language; its id only when the data names it nowhere. */
  name(id: string): string {
    const ref = this.ref(id);
    return ref ? i18n.name(ref) : id;
  }
}

export const sources = new Sources();
