// The header's year as reactive state: the data's years (loaded once) and the URL's `year` read against them. Views read
// `year.asOf` inside their load effect; it is a plain number (or undefined), so a change of any other URL parameter
// does not make them load again.
import { api, takesAsOf, type RouteOf } from '../api/client.js';
import type { SourceRef, YearList } from '../api/types.js';
import { i18n } from '../i18n/i18n.svelte.js';
import { Loader } from './loader.svelte.js';
import { route } from './route.svelte.js';
import { resolveYear, yearNote, type YEAR_VIEWS } from './years.js';

/** The route each view that honours the year reads its graph through. */
const VIEW_ROUTE: Record<(typeof YEAR_VIEWS)[number], RouteOf<'get'>> = {
  explore: '/api/nodes/{id}/neighbors',
  paths: '/api/paths',
  gaps: '/api/gaps',
  coverage: '/api/coverage',
  timeline: '/api/timeline',
  sheet: '/api/nodes/{id}/neighbors',
};

class Year {
  readonly list = new Loader<YearList>();
  #resolved = $derived(resolveYear(route.params['year'], this.list.data));
  /** The year to send as `asOf`; undefined for the latest. */
  readonly asOf = $derived(this.#resolved.asOf);
  readonly shown = $derived(this.#resolved.shown);
  readonly latest = $derived(this.#resolved.latest);
  readonly silent = $derived(this.#resolved.silent);
  readonly rejected = $derived(this.#resolved.rejected);

  /** The line under the header about the year, in words; empty when the view shows the latest year as it is. */
  readonly note = $derived.by(() => {
    if (!this.list.data) return '';
    const viewRoute: RouteOf<'get'> | undefined = VIEW_ROUTE[route.view as keyof typeof VIEW_ROUTE];
    const note = yearNote(route.view, this.#resolved, viewRoute === undefined || takesAsOf(viewRoute));
    return note ? i18n.t(note.key, note.params) : '';
  });

  /** Whether the current view reads its graph as of the chosen year (an earlier year it cannot show yet included). */
  readonly applies = $derived(route.view in VIEW_ROUTE);

  /** Loads the data's years (again, after a failure). */
  load(): Promise<boolean> {
    return this.list.run(() => api.years());
  }

  /** Every source with a year, by id: how a source that a finding gives only by id is named (and linked). */
  readonly sources = $derived(new Map((this.list.data?.items ?? []).flatMap((item) => item.sources.map((s): [string, SourceRef] => [s.id, s]))));
}

export const year = new Year();
