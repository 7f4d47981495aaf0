// A time axis in proportion to time: years as equal bands, a date placed where in its year it falls, and as wide as
// the span it names (a year, a half, a quarter or season, a month; a day is a point). Partial dates are read as the
// timeline's formatting reads them (i18n/format.ts), so «høsten 2020» starts in September 2020 and lasts three months.
import type { PartialDate } from '../i18n/format.js';

/** How many months each kind of date spans; winter is the start of its year (January and February). */
function monthsOf(date: PartialDate): number {
  switch (date.precision) {
    case 'year':
      return 12;
    case 'half':
      return 6;
    case 'quarter':
      return 3;
    case 'season':
      return date.season === 'winter' ? 2 : 3;
    case 'month':
      return 1;
    default:
      return 0;
  }
}

const daysIn = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

/** Where a date lies, in years (2020.75 is the start of October 2020): its start and its end; a day starts and ends at once. */
export function spanOf(date: PartialDate): { start: number; end: number } {
  const month = date.startMonth - 1 + (date.precision === 'day' ? (date.day! - 1) / daysIn(date.year, date.startMonth) : 0);
  const start = date.year + month / 12;
  return { start, end: start + monthsOf(date) / 12 };
}

/** Every year from the first to the last, none skipped: a year with nothing in it keeps its band. */
export function yearRange(years: Iterable<number>): number[] {
  const all = [...years];
  if (all.length === 0) return [];
  const [first, last] = [Math.min(...all), Math.max(...all)];
  return Array.from({ length: last - first + 1 }, (_, i) => first + i);
}

export interface Axis {
  first: number;
  /** Years on the axis, the last one included. */
  count: number;
}

/** A time's place on the axis, in per cent of its width. */
export const percentOf = (axis: Axis, time: number): number => ((time - axis.first) / axis.count) * 100;

export interface Placed<T> {
  item: T;
  /** Per cent of the axis. */
  left: number;
  width: number;
  /** The row it is drawn in, so that marks never cover each other: 0 is the top. */
  lane: number;
}

/**
 * Each item at its place, in the first row where it does not overlap an earlier one. `pixels` is the axis's drawn
 * width and `minPixels` a mark's least width (a day, or a month on a long axis, is still drawn wide enough to see).
 */
export function placeOnAxis<T>(items: readonly { item: T; start: number; end: number }[], axis: Axis, pixels: number, minPixels: number): Placed<T>[] {
  const sorted = [...items].sort((a, b) => a.start - b.start || b.end - a.end);
  // Not drawn yet (or on the server): in place, in one row, until the width is known.
  if (pixels <= 0) return sorted.map(({ item, start, end }) => ({ item, left: percentOf(axis, start), width: ((end - start) / axis.count) * 100, lane: 0 }));
  const perYear = pixels / axis.count;
  const ends: number[] = [];
  return sorted.map(({ item, start, end }) => {
    const w = Math.min(Math.max((end - start) * perYear, minPixels), pixels);
    // A point is centred on its time, a span starts at its start; neither runs off the axis.
    const x = (start - axis.first) * perYear - (end === start ? w / 2 : 0);
    const from = Math.min(Math.max(x, 0), pixels - w);
    let lane = ends.findIndex((e) => e + 2 <= from);
    if (lane === -1) lane = ends.length;
    ends[lane] = from + w;
    return { item, left: (from / pixels) * 100, width: (w / pixels) * 100, lane };
  });
}
