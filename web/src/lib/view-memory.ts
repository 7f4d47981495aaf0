// What a view remembers of itself in its own history entry (history.state), so that Back brings it back as it was: the
// Gaps view keeps its scroll position and its open findings here. The URL keeps what a link should share; this keeps
// what only this visit needs.

/** What the entry holds under `key`, or undefined (another entry, a fresh page, or state from elsewhere). */
export function recall(key: string): unknown {
  const state: unknown = history.state;
  return state !== null && typeof state === 'object' ? (state as Record<string, unknown>)[key] : undefined;
}

/** Keeps `value` under `key` in the current entry, beside whatever else the entry holds; the URL is left as it is. */
export function remember(key: string, value: unknown): void {
  const state: unknown = history.state;
  const current = state !== null && typeof state === 'object' ? (state as Record<string, unknown>) : {};
  history.replaceState({ ...current, [key]: value }, '');
}
