// Pure helpers for the URL: every view and selection is a query-string parameter, so a link reproduces the view.

export const VIEWS = ['explore', 'paths', 'gaps', 'coverage', 'timeline', 'changes', 'query', 'audit'] as const;
/** Views the navigation offers only to some roles (the view itself says what it needs to anyone else). */
export const ADMIN_VIEWS: readonly View[] = ['audit'];
export type View = (typeof VIEWS)[number];

export type Params = Record<string, string>;

export function parseParams(search: string): Params {
  const out: Params = {};
  for (const [k, v] of new URLSearchParams(search)) out[k] = v;
  return out;
}

/** Applies a patch (undefined or '' removes a key) and gives a canonical, sorted query string. */
export function patchSearch(current: Params, patch: Record<string, string | undefined>): string {
  const next: Params = { ...current };
  for (const [k, v] of Object.entries(patch)) {
    if (v === undefined || v === '') delete next[k];
    else next[k] = v;
  }
  const search = new URLSearchParams(Object.entries(next).sort(([a], [b]) => a.localeCompare(b)));
  const text = search.toString();
  return text ? `?${text}` : '';
}

export function viewOf(params: Params): View {
  return (VIEWS as readonly string[]).includes(params['view'] ?? '') ? (params['view'] as View) : 'explore';
}

export const listParam = (value: string | undefined): string[] => (value ? value.split(',').filter(Boolean) : []);
