// An indicator's measurements as a yearly series, and the geometry of the small chart the details panel draws of it.
// Years run from the first measurement to the last with every year in between: a year without a measurement is a gap,
// never a value drawn from its neighbours. Pure functions of API data, so they are tested without a browser.
import type { Edge, Node } from '../api/types.js';
import { dateSortKey, parsePartialDate } from '../i18n/format.js';

export interface SeriesPoint {
  id: string;
  year: number;
  value: number;
  outOf?: number;
  valueLabel?: string;
  date?: string;
  source?: string;
  page?: number;
  inferred?: Record<string, string>;
}

export interface Series {
  indicator: Node;
  points: SeriesPoint[];
}

const num = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);
const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);

function toPoint(node: Node): SeriesPoint | null {
  const p = node.properties;
  const year = num(p['year']);
  const value = num(p['value']);
  if (year === undefined || value === undefined) return null;
  const point: SeriesPoint = { id: node.id, year, value };
  const outOf = num(p['outOf']);
  if (outOf !== undefined) point.outOf = outOf;
  const valueLabel = str(p['valueLabel']);
  if (valueLabel) point.valueLabel = valueLabel;
  const date = str(p['date']);
  if (date) point.date = date;
  const source = str(p['source']);
  if (source) point.source = source;
  const page = num(p['page']);
  if (page !== undefined) point.page = page;
  if (node.inferred && Object.keys(node.inferred).length > 0) point.inferred = node.inferred;
  return point;
}

const dateKey = (p: SeriesPoint) => {
  const parsed = p.date ? parsePartialDate(p.date) : null;
  return parsed ? dateSortKey(parsed) : 0;
};

/** Measurements in time order: by year, then by a finer date where they have one, then by id. */
export function byTime(a: SeriesPoint, b: SeriesPoint): number {
  return a.year - b.year || dateKey(a) - dateKey(b) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/**
 * The series in a neighbourhood: the subject's own when it is an indicator, else one per indicator that INFORMS it.
 * Measurements MEASURES their indicator; ones without a numeric value and year cannot be placed and are left out.
 */
export function seriesFor(subject: string, nodes: readonly Node[], edges: readonly Edge[]): Series[] {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const self = byId.get(subject);
  const indicators =
    self?.kind === 'Indicator'
      ? [self]
      : [...new Set(edges.filter((e) => e.type === 'INFORMS' && e.to === subject).map((e) => e.from))]
          .map((id) => byId.get(id))
          .filter((n): n is Node => n?.kind === 'Indicator')
          .sort((a, b) => a.name.localeCompare(b.name, 'nb'));
  return indicators.map((indicator) => {
    const ids = new Set(edges.filter((e) => e.type === 'MEASURES' && e.to === indicator.id).map((e) => e.from));
    const points = [...ids]
      .map((id) => byId.get(id))
      .filter((n): n is Node => n?.kind === 'Measurement')
      .map(toPoint)
      .filter((p): p is SeriesPoint => p !== null)
      .sort(byTime);
    return { indicator, points };
  });
}

/** Every year from the first measurement to the last, and those of them without one. */
export function yearsOf(points: readonly SeriesPoint[]): { years: number[]; missing: number[] } {
  if (points.length === 0) return { years: [], missing: [] };
  const have = new Set(points.map((p) => p.year));
  const first = Math.min(...have);
  const last = Math.max(...have);
  const years = Array.from({ length: last - first + 1 }, (_, i) => first + i);
  return { years, missing: years.filter((y) => !have.has(y)) };
}

/**
 * Whether the measurements are given on more than one scale (out of 1 here, out of nothing there): the line then sets
 * figures side by side that do not compare, and the chart says so.
 */
export function mixedScales(points: readonly SeriesPoint[]): boolean {
  return new Set(points.map((p) => p.outOf ?? null)).size > 1;
}

/** Runs of measurements in consecutive years, one measurement each: each run is one stretch of line. */
export function runsOf(points: readonly SeriesPoint[]): SeriesPoint[][] {
  const perYear = new Map<number, SeriesPoint[]>();
  for (const p of points) perYear.set(p.year, [...(perYear.get(p.year) ?? []), p]);
  const runs: SeriesPoint[][] = [];
  let run: SeriesPoint[] = [];
  for (const year of [...perYear.keys()].sort((a, b) => a - b)) {
    const here = perYear.get(year)!;
    const continues = run.length > 0 && run[run.length - 1]!.year === year - 1 && here.length === 1;
    if (!continues) {
      if (run.length > 1) runs.push(run);
      run = [];
    }
    // A year with two figures (two sources, say) gets its points but no line: which one the line should pass is not ours to pick.
    if (here.length === 1) run.push(here[0]!);
  }
  if (run.length > 1) runs.push(run);
  return runs;
}

function niceStep(rough: number): number {
  const power = 10 ** Math.floor(Math.log10(rough));
  const f = rough / power;
  return (f <= 1 ? 1 : f <= 2 ? 2 : f <= 2.5 ? 2.5 : f <= 5 ? 5 : 10) * power;
}

const tidy = (n: number) => Number(n.toPrecision(12));

/** The value axis: its ends and its ticks. Ranks run from 1 (the best place) to the size of the field where it is known. */
export function valueAxis(points: readonly SeriesPoint[], unit: string | undefined): { min: number; max: number; ticks: number[] } {
  const values = points.map((p) => p.value);
  const lo = Math.min(...values);
  const hi = Math.max(...values);
  if (unit === 'rank') {
    const fields = points.map((p) => p.outOf).filter((n): n is number => n !== undefined);
    const top = Math.max(hi, ...fields, 2);
    // Places are whole numbers, and so are the steps between their ticks.
    const step = Math.max(1, Math.round(niceStep((top - 1) / 4)));
    const ticks = [1];
    for (let t = step; t < top; t = tidy(t + step)) if (t - ticks[ticks.length - 1]! >= step / 2) ticks.push(t);
    if (top - ticks[ticks.length - 1]! >= step / 2) ticks.push(top);
    else ticks[ticks.length - 1] = top;
    return { min: 1, max: top, ticks };
  }
  // The data's own range, rounded out to whole steps (no padding: the plot keeps room above for the labels); a single
  // value gets room either side. At most five steps, so the ticks stay readable.
  const flatPad = Math.max(Math.abs(hi) * 0.1, 1);
  let low = hi === lo ? lo - flatPad : lo;
  let high = hi === lo ? hi + flatPad : hi;
  if (lo >= 0 && low < 0) low = 0;
  if (unit === 'percent' && hi <= 100 && high > 100) high = 100;
  let step = niceStep((high - low) / 5);
  while (Math.ceil(tidy(high / step)) - Math.floor(tidy(low / step)) > 5) step = niceStep(step * 1.01);
  const min = tidy(Math.floor(tidy(low / step)) * step);
  const max = tidy(Math.ceil(tidy(high / step)) * step);
  const ticks: number[] = [];
  for (let t = min; t <= max + step / 1000; t = tidy(t + step)) ticks.push(t);
  return { min, max, ticks };
}

export interface ChartGeometry {
  width: number;
  height: number;
  plot: { left: number; right: number; top: number; bottom: number };
  years: number[];
  missing: number[];
  /** The width of one year's column. */
  slot: number;
  x: (year: number) => number;
  y: (value: number) => number;
  axis: { min: number; max: number; ticks: number[] };
  runs: SeriesPoint[][];
  /** Years whose label is written under the axis (every year when they fit, else every n-th, always the last). */
  labelledYears: Set<number>;
}

export function chartGeometry(points: readonly SeriesPoint[], unit: string | undefined, size: { width: number; height: number }): ChartGeometry {
  const plot = { left: 46, right: size.width - 14, top: 30, bottom: size.height - 36 };
  const { years, missing } = yearsOf(points);
  const slot = (plot.right - plot.left) / Math.max(years.length, 1);
  const first = years[0] ?? 0;
  const axis = valueAxis(points, unit);
  const span = axis.max - axis.min || 1;
  const every = Math.ceil(years.length / 8);
  const labelledYears = new Set(years.filter((_, i) => i % every === 0 || i === years.length - 1));
  return {
    ...size,
    plot,
    years,
    missing,
    slot,
    x: (year) => plot.left + (year - first + 0.5) * slot,
    y: (value) => plot.bottom - ((value - axis.min) / span) * (plot.bottom - plot.top),
    axis,
    runs: runsOf(points),
    labelledYears,
  };
}
