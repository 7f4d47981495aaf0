// Sources by name, so that no view shows a source's id: the reports the data's years list and the dataset's references
// (its header: the strategy's list of life events, the SDGs), both read once from GET /api/years. Until they arrive,
// or if they cannot, a name falls back to the id.
// Nothing here reads the page's address, so components that use it still render on the server (the unit tests).
import { api } from '../api/client.js';
import type { SourceRef } from '../api/types.js';
import { i18n } from '../i18n/i18n.svelte.js';

class Sources {
  #reports = $state.raw<ReadonlyMap<string, SourceRef>>(new Map());
  #references = $state.raw<ReadonlyMap<string, SourceRef>>(new Map());
  #asked = false;

  /** Reads the names once: the years' reports and the dataset's references, both in GET /api/years. A failed read is tried again by the next caller. */
  load(): void {
    if (this.#asked) return;
    this.#asked = true;
    api
      .years()
      .then((years) => {
        this.#reports = new Map(years.items.flatMap((item) => item.sources.map((s): [string, SourceRef] => [s.id, s])));
        this.#references = new Map(years.references.map((r): [string, SourceRef] => [r.id, r]));
      })
      .catch(() => (this.#asked = false));
  }

  /** A source as a reference to show and link: a report of the data's years, or one of the dataset's references. */
  ref(id: string): SourceRef | undefined {
    return this.#reports.get(id) ?? this.#references.get(id);
  }

  /** A source's name in the current language; its id only when the data names it nowhere. */
  name(id: string): string {
    const ref = this.ref(id);
    return ref ? i18n.name(ref) : id;
  }
}

export const sources = new Sources();
