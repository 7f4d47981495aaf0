// The timeline's axis in proportion to time: where a partial date lies and how long it lasts, every year kept, and
// marks placed without covering each other.
import { describe, expect, it } from 'vitest';
import { parsePartialDate } from '../../web/src/i18n/format.js';
import { placeOnAxis, spanOf, yearRange } from '../../web/src/lib/time-axis.js';

const span = (text: string) => spanOf(parsePartialDate(text)!);

describe('spanOf', () => {
  it.each([
    ['2020', 2020, 2021],
    ['2021-H2', 2021.5, 2022],
    ['2020-Q4', 2020.75, 2021],
    ['2020-autumn', 2020 + 8 / 12, 2020 + 11 / 12],
    ['2021-spring', 2021 + 2 / 12, 2021 + 5 / 12],
    ['2021-winter', 2021, 2021 + 2 / 12],
    ['2020-06', 2020 + 5 / 12, 2020.5],
  ])('places %s from %f to %f, as the formatting reads it', (text, start, end) => {
    expect(span(text).start).toBeCloseTo(start, 10);
    expect(span(text).end).toBeCloseTo(end, 10);
  });

  it('puts a day at its point in its month, lasting no time', () => {
    const day = span('2020-01-14');
    expect(day.start).toBeCloseTo(2020 + 13 / 31 / 12, 10);
    expect(day.end).toBe(day.start);
    // The 16th of a 30-day month is half-way through it.
    expect(span('2021-04-16').start).toBeCloseTo(2021 + 3.5 / 12, 10);
  });
});

describe('yearRange', () => {
  it('keeps every year from the first to the last, an empty one too', () => {
    expect(yearRange([2025, 2020, 2022, 2020])).toEqual([2020, 2021, 2022, 2023, 2024, 2025]);
    expect(yearRange([])).toEqual([]);
  });
});

describe('placeOnAxis', () => {
  const axis = { first: 2020, count: 2 };
  const item = (id: string, text: string) => ({ item: id, ...span(text) });

  it('places a mark at its share of the axis and as wide as its span', () => {
    const [autumn] = placeOnAxis([item('autumn', '2020-autumn')], axis, 480, 16);
    expect(autumn!.left).toBeCloseTo((8 / 12 / 2) * 100, 10);
    expect(autumn!.width).toBeCloseTo((3 / 12 / 2) * 100, 10);
    const [year] = placeOnAxis([item('2021', '2021')], axis, 480, 16);
    expect(year).toMatchObject({ left: 50, width: 50, lane: 0 });
  });

  it('moves a mark that would cover an earlier one to the next row, and keeps apart ones in the first', () => {
    const placed = placeOnAxis([item('year', '2020'), item('september', '2020-09'), item('spring', '2021-spring'), item('june', '2021-06')], axis, 480, 16);
    expect(Object.fromEntries(placed.map((p) => [p.item, p.lane]))).toEqual({ year: 0, september: 1, spring: 0, june: 1 });
  });

  it('gives a day its least width centred on it, never off the axis', () => {
    const [first] = placeOnAxis([item('new-year', '2020-01-01')], axis, 480, 16);
    expect(first!.left).toBe(0);
    expect(first!.width).toBeCloseTo((16 / 480) * 100, 10);
  });

  it('places every mark in one row until the axis has a width', () => {
    const placed = placeOnAxis([item('a', '2020'), item('b', '2020-09')], axis, 0, 16);
    expect(placed.map((p) => p.lane)).toEqual([0, 0]);
    expect(placed[1]!.left).toBeCloseTo((8 / 12 / 2) * 100, 10);
  });
});
