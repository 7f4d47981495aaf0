// The URL as reactive state: views read params from here and change them through set().
import { parseParams, patchSearch, viewOf, type Params, type View } from './url-state.js';

class Route {
  params = $state<Params>(parseParams(location.search));
  view: View = $derived(viewOf(this.params));

  constructor() {
    window.addEventListener('popstate', () => {
      this.params = parseParams(location.search);
    });
  }

  /**
   * push: a new history entry (a new view or selection), starting with no state; otherwise the current entry is
   * replaced and keeps what views remembered in it (the Gaps view's scroll and open findings, lib/view-memory.ts).
   */
  set(patch: Record<string, string | undefined>, options: { push?: boolean } = {}): void {
    const search = patchSearch(this.params, patch);
    if (search === location.search) return;
    if (options.push) history.pushState(null, '', `${location.pathname}${search}${location.hash}`);
    else history.replaceState(history.state, '', `${location.pathname}${search}${location.hash}`);
    this.params = parseParams(search);
  }

  go(view: View, patch: Record<string, string | undefined> = {}): void {
    this.set({ view, ...patch }, { push: true });
  }
}

export const route = new Route();
