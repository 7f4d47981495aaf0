// Partial dates as the sources give them (2020, 2020-H1, 2020-Q3, 2020-autumn, 2020-06, 2020-06-15): their order in
// time and the months they can mean.
const PARTIAL_DATE = /^(\d{4})(?:-(?:(\d{2})(?:-(\d{2}))?|(spring|summer|autumn|winter)|H([12])|Q([1-4])))?$/;
/** The month a season starts in; winter is the start of its year (the winter that ends in it). */
const SEASON_START: Record<string, number> = { winter: 1, spring: 3, summer: 6, autumn: 9 };

/**
 * A key that orders partial dates in time: by year, then by the month the date can first mean, the wider span first
 * (the year, its half, quarter, season, then the month), then by day. A text that is no date sorts as itself, after
 * the dates of its year.
 */
export function partialDateKey(date: string): [number, number, number, number] | null {
  const m = PARTIAL_DATE.exec(date);
  if (!m) return null;
  const [, y, month, day, season, half, quarter] = m;
  const year = Number(y);
  if (month) return [year, Number(month), 4, day ? Number(day) : 0];
  if (season) return [year, SEASON_START[season]!, 3, 0];
  if (quarter) return [year, (Number(quarter) - 1) * 3 + 1, 2, 0];
  if (half) return [year, half === '1' ? 1 : 7, 1, 0];
  return [year, 1, 0, 0];
}

/** Months counted from year 0, for comparing spans. */
const monthIndex = (year: number, month: number) => year * 12 + (month - 1);
const SPAN_MONTHS = { year: 12, half: 6, quarter: 3, season: 3, month: 1, day: 1 } as const;

/** The first and last month a partial date can mean, as month indexes; null for a text that is no date. */
export function monthSpan(date: string): { first: number; last: number } | null {
  const key = partialDateKey(date);
  if (!key) return null;
  const [year, month, width, day] = key;
  const months =
    width === 0
      ? SPAN_MONTHS.year
      : width === 1
        ? SPAN_MONTHS.half
        : width === 2
          ? SPAN_MONTHS.quarter
          : width === 3
            ? SPAN_MONTHS.season
            : day > 0
              ? SPAN_MONTHS.day
              : SPAN_MONTHS.month;
  const first = monthIndex(year, month);
  return { first, last: first + months - 1 };
}

/** Whether everything `a` can mean lies after everything `b` can mean: one partial date surely later than another. */
export function surelyAfter(a: string, b: string): boolean {
  const [sa, sb] = [monthSpan(a), monthSpan(b)];
  return sa !== null && sb !== null && sa.first > sb.last;
}
