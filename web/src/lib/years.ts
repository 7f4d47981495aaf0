// Pure helpers for the year the views answer for: the URL's `year` (absent = the latest) read against the years the
// data offers (GET /api/years), and the two years of the Changes view (`from`, `to`).
import type { YearList } from '../api/types.js';

/** The views that answer as of the header's year; the others (Changes with its own two years, the Cypher console) do not. */
export const YEAR_VIEWS = ['explore', 'paths', 'gaps', 'coverage', 'timeline', 'sheet'] as const;

const YEAR = /^\d{4}$/;

export interface YearResolution {
  /** What goes to the API as `asOf`: undefined for the latest. */
  asOf: number | undefined;
  /** The year on screen, or null while the data's years are not known and none is asked for. */
  shown: number | null;
  /** The latest year of the data, once known. */
  latest: number | null;
  /** The year shown is one that no source reports on. */
  silent: boolean;
  /** A year in the URL that the data does not offer (or that is no year at all), as written; it is not used. */
  rejected: string | null;
}

/**
 * The year a URL asks for, read against the data's years. While those are on their way (or failed to come), a
 * well-formed year is passed on as it is: the common case loads at once, and the server's 400 is the last word on a
 * year outside the data. Once they are known, a year the data does not offer is set aside, named, for the latest.
 */
export function resolveYear(param: string | undefined, list: YearList | null): YearResolution {
  const latest = list?.latest ?? null;
  const latestView: YearResolution = { asOf: undefined, shown: latest, latest, silent: false, rejected: null };
  if (param === undefined || param === '') return latestView;
  if (!YEAR.test(param)) return { ...latestView, rejected: param };
  const year = Number(param);
  if (!list) return { asOf: year, shown: year, latest, silent: false, rejected: null };
  const item = list.items.find((i) => i.year === year);
  if (!item) return { ...latestView, rejected: param };
  return { asOf: year, shown: year, latest, silent: item.sources.length === 0, rejected: null };
}

export type YearNote =
  | { key: 'year.notHere.changes' | 'year.notHere.query'; params: Record<string, never> }
  | { key: 'year.rejected'; params: { year: string; latest: number } }
  | { key: 'year.notYet'; params: { latest: number } }
  | { key: 'year.silentNote' | 'year.asOf'; params: { year: number } };

/**
 * What the line under the header says about the year, or null when the view simply shows the latest: that the view
 * does not answer as of a year, that the URL's year is not in the data, that the view cannot show an earlier year yet
 * (its route does not take asOf), that no source reports on the year, or which year the graph is shown as of.
 */
export function yearNote(view: string, year: YearResolution, viewTakesAsOf: boolean): YearNote | null {
  if (year.latest === null) return null;
  if (view === 'changes' || view === 'query') return { key: `year.notHere.${view}`, params: {} };
  if (year.rejected !== null) return { key: 'year.rejected', params: { year: year.rejected, latest: year.latest } };
  if (year.shown === null || year.shown === year.latest) return null;
  if (!viewTakesAsOf) return { key: 'year.notYet', params: { latest: year.latest } };
  return { key: year.silent ? 'year.silentNote' : 'year.asOf', params: { year: year.shown } };
}

/** The URL value for a year picked in the control: none for the latest, so that a link without one follows the data. */
export const yearParam = (year: number, latest: number | null): string | undefined => (year === latest ? undefined : String(year));

export interface ChangesSelection {
  from: number;
  to: number;
  /** `order`: from is after to, nothing can be compared; `unknown`: a year in the URL the data does not offer (ignored). */
  problem: 'order' | 'unknown' | null;
  /** The years in the URL that the data does not offer, as written. */
  rejected: string[];
}

/**
 * The two years the Changes view compares. Default: the two latest years a source reports on (a year no source covers
 * adds nothing to compare), or the one year twice when there is only one. A year from the URL the data does not offer
 * is set aside for its default; from after to is kept, so the form shows it with the reason it cannot be compared.
 * Null while the data has no years at all.
 */
export function changesSelection(params: Record<string, string>, list: YearList): ChangesSelection | null {
  if (list.latest === null || list.items.length === 0) return null;
  const offered = new Set(list.items.map((i) => i.year));
  const reported = list.items.filter((i) => i.sources.length > 0).map((i) => i.year);
  const rejected: string[] = [];
  const read = (key: 'from' | 'to'): number | null => {
    const value = params[key];
    if (value === undefined || value === '') return null;
    if (YEAR.test(value) && offered.has(Number(value))) return Number(value);
    rejected.push(value);
    return null;
  };
  const askedFrom = read('from');
  const askedTo = read('to');
  const to = askedTo ?? list.latest;
  const from = askedFrom ?? [...reported].reverse().find((y) => y < to) ?? to;
  const problem = from > to ? 'order' : rejected.length > 0 ? 'unknown' : null;
  return { from, to, problem, rejected };
}
