// One loading/error store for the views: {loading, error, data} as Svelte 5 state, where only the latest request lands.
// A view that changes what it asks for (another preset, another query) while an answer is on its way never shows the
// older answer, nor its error, nor has its spinner cleared early by it.
import { asFailure, type ApiFailure } from '../api/client.js';

export interface LoadOptions {
  /** Drop the current data at once, rather than when the new answer arrives (when the old data must not be acted on). */
  clear?: boolean;
}

export class Loader<T> {
  data = $state.raw<T | null>(null);
  loading = $state(false);
  error = $state.raw<ApiFailure | null>(null);
  #seq = 0;

  /** `loading: true` for a view that starts loading as it mounts, so its first frame says so rather than "nothing". */
  constructor(initial: { loading?: boolean } = {}) {
    this.loading = initial.loading ?? false;
  }

  /**
   * Starts a request and owns its outcome while it is the latest: its data on success, its error (as an ApiFailure, the
   * data dropped) on failure. Resolves when it settles, to whether it was still the latest; it never rejects.
   */
  async run(request: () => Promise<T>, options: LoadOptions = {}): Promise<boolean> {
    const mine = ++this.#seq;
    this.loading = true;
    this.error = null;
    if (options.clear) this.data = null;
    try {
      const data = await request();
      if (mine !== this.#seq) return false;
      this.data = data;
    } catch (err) {
      if (mine !== this.#seq) return false;
      this.error = asFailure(err);
      this.data = null;
    } finally {
      if (mine === this.#seq) this.loading = false;
    }
    return true;
  }

  /** Forgets the data and any request on its way (its answer will not land). */
  reset(): void {
    this.#seq++;
    this.data = null;
    this.loading = false;
    this.error = null;
  }
}
