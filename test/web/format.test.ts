// Values in the current language: decimals and amounts through Intl (nb-NO / en-GB), partial dates in words and in
// time order, a measurement in its indicator's unit, and a node's properties in the details panel's order and words.
import { afterEach, describe, expect, it } from 'vitest';
import {
  capitalise,
  dateSortKey,
  formatAmount,
  formatMeasure,
  formatNumber,
  formatPartialDate,
  parsePartialDate,
  unitName,
} from '../../web/src/i18n/format.js';
import { i18n } from '../../web/src/i18n/i18n.svelte.js';
import { inferredNotes, nodeFacts } from '../../web/src/lib/node-facts.js';

// Intl separates groups and units with no-break spaces (U+00A0, U+202F); the tests compare with plain spaces.
const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');

afterEach(() => {
  i18n.lang = 'nb';
});

describe('numbers and amounts', () => {
  it('writes decimals as the language does, keeping every decimal the data has', () => {
    expect(formatNumber(0.91)).toBe('0,91');
    expect(formatNumber(89.5)).toBe('89,5');
    expect(formatNumber(0.12345)).toBe('0,12345');
    expect(plain(formatNumber(1234567.5))).toBe('1 234 567,5');
    i18n.lang = 'en';
    expect(formatNumber(0.91)).toBe('0.91');
    expect(formatNumber(1234567.5)).toBe('1,234,567.5');
  });

  it('writes an amount in its currency, with øre only when it has them, and a bare number without a currency', () => {
    expect(plain(formatAmount(57383633, 'NOK'))).toBe('57 383 633 kr');
    expect(plain(formatAmount(1500.5, 'NOK'))).toBe('1 500,50 kr');
    expect(plain(formatAmount(57383633, undefined))).toBe('57 383 633');
    i18n.lang = 'en';
    expect(plain(formatAmount(57383633, 'NOK'))).toBe('NOK 57,383,633');
  });
});

describe('partial dates', () => {
  it.each([
    ['2020-autumn', 'høsten 2020', 'autumn 2020'],
    ['2021-spring', 'våren 2021', 'spring 2021'],
    ['2021-H1', '1. halvår 2021', 'first half of 2021'],
    ['2021-H2', '2. halvår 2021', 'second half of 2021'],
    ['2022-Q4', '4. kvartal 2022', 'fourth quarter of 2022'],
    ['2020-09', 'september 2020', 'September 2020'],
    ['2020-01-14', '14. januar 2020', '14 January 2020'],
    ['2025', '2025', '2025'],
  ])('writes %s as «%s» and "%s"', (date, nb, en) => {
    expect(formatPartialDate(date)).toBe(nb);
    i18n.lang = 'en';
    expect(formatPartialDate(date)).toBe(en);
  });

  it('leaves text that is no date as it is, and capitalises a date that starts a heading', () => {
    expect(formatPartialDate('neste år')).toBe('neste år');
    expect(parsePartialDate('2020-Q5')).toBeNull();
    expect(capitalise(formatPartialDate('2020-autumn'))).toBe('Høsten 2020');
  });

  it('orders dates in time: the year, its half, quarter, season and month before their days, winter at the start of its year', () => {
    const dates = ['2021-01', '2020-autumn', '2020-09', '2020-H2', '2020', '2021-winter', '2020-Q3', '2020-09-15', '2021-spring', '2020-12', '2021-Q1'];
    const sorted = [...dates].sort((a, b) => dateSortKey(parsePartialDate(a)!) - dateSortKey(parsePartialDate(b)!));
    expect(sorted).toEqual([
      '2020',
      '2020-H2',
      '2020-Q3',
      '2020-autumn',
      '2020-09',
      '2020-09-15',
      '2020-12',
      '2021-Q1',
      '2021-winter',
      '2021-01',
      '2021-spring',
    ]);
  });
});

describe('measurements in their unit', () => {
  it('writes a rank out of its field, and alone', () => {
    expect(formatMeasure(11, 'rank', 36)).toBe('11 av 36');
    expect(formatMeasure(11, 'rank')).toBe('plass 11');
    i18n.lang = 'en';
    expect(formatMeasure(11, 'rank', 36)).toBe('11 of 36');
  });

  it('writes percentages, scores out of a maximum, amounts and units it has no word for', () => {
    expect(plain(formatMeasure(91.5, 'percent'))).toBe('91,5 %');
    expect(formatMeasure(0.91, 'score', 1)).toBe('0,91 av 1');
    expect(formatMeasure(89.5, 'score')).toBe('89,5');
    expect(plain(formatMeasure(2500000, 'NOK'))).toBe('2 500 000 kr');
    expect(formatMeasure(12, 'tjenester')).toBe('12 tjenester');
    i18n.lang = 'en';
    expect(formatMeasure(91.5, 'percent')).toBe('91.5%');
    expect(formatMeasure(0.91, 'score', 1)).toBe('0.91 out of 1');
  });

  it('names units in words, a currency by its name', () => {
    expect(unitName('rank')).toBe('Plass');
    expect(unitName('NOK')).toBe('norske kroner');
    expect(unitName('tjenester')).toBe('tjenester');
    i18n.lang = 'en';
    expect(unitName('percent')).toBe('Per cent');
  });
});

describe('a node’s facts in the details panel', () => {
  const words = (facts: ReturnType<typeof nodeFacts>) => facts.map((f) => [f.label, f.text ?? f.list?.join(' | ')].map((s) => plain(s ?? '')));

  it('puts a funding’s type, amount in its currency and period in order, in words', () => {
    const facts = nodeFacts({
      kind: 'Funding',
      properties: { source: 'r', endDate: '2025', currency: 'NOK', startDate: '2022-autumn', amount: 57383633, year: 2022, fundingType: 'grant' },
    });
    expect(words(facts)).toEqual([
      ['Type finansiering', 'Tilskudd'],
      ['Beløp', '57 383 633 kr'],
      ['År', '2022'],
      ['Start', 'høsten 2022'],
      ['Slutt', '2025'],
    ]);
    // The amount's line shows the currency too, so an inferred currency is marked there.
    expect(facts[1]!.fields).toEqual(['amount', 'currency']);
    i18n.lang = 'en';
    expect(words(nodeFacts({ kind: 'Funding', properties: { fundingType: 'budget_line', amount: 100, currency: 'NOK' } }))).toEqual([
      ['Kind of funding', 'Budget line'],
      ['Amount', 'NOK 100'],
    ]);
  });

  it('writes a measurement in its indicator’s unit, with the source’s own figure after it', () => {
    const facts = nodeFacts(
      { kind: 'Measurement', properties: { valueLabel: '11. plass', year: 2021, outOf: 36, value: 11, date: '2021-H1' } },
      { unit: 'rank' },
    );
    expect(words(facts)).toEqual([
      ['Verdi', '11 av 36'],
      ['År', '2021'],
      ['Dato', '1. halvår 2021'],
      ['Kildens tall', '11. plass'],
    ]);
    expect(facts[3]!.lang).toBe('nb');
  });

  it('gives aliases first and a recommendation’s points as a list, and a milestone whether it is planned or reached', () => {
    const rec = nodeFacts({ kind: 'Recommendation', properties: { points: ['Første punkt.', 'Andre punkt.'], number: 3, aliases: ['Anbefaling 3'] } });
    expect(rec.map((f) => f.key)).toEqual(['aliases', 'number', 'points']);
    expect(rec[0]).toMatchObject({ label: 'Også kalt', list: ['Anbefaling 3'] });
    expect(rec[2]).toMatchObject({ label: 'Punkter', list: ['Første punkt.', 'Andre punkt.'] });
    const ms = nodeFacts({ kind: 'Milestone', properties: { date: '2021-spring', occurrence: 'planned' } });
    expect(words(ms)).toEqual([
      ['Planlagt eller nådd', 'Planlagt'],
      ['Dato', 'våren 2021'],
    ]);
    expect(ms[0]!.icon).toBe('◌');
    expect(nodeFacts({ kind: 'Milestone', properties: { occurrence: 'achieved' } })[0]!.icon).toBe('✓');
  });

  it('words an indicator’s unit and direction, and an obstacle’s rank without grouping', () => {
    expect(words(nodeFacts({ kind: 'Indicator', properties: { direction: 'lower_is_better', unit: 'rank' } }))).toEqual([
      ['Enhet', 'Plass'],
      ['Bedre når', 'verdien synker'],
    ]);
    expect(words(nodeFacts({ kind: 'Obstacle', properties: { year: 2022, rank: 2 } }))).toEqual([
      ['Plass i kildens rangering', '2'],
      ['År', '2022'],
    ]);
  });

  it('finds the analyst’s notes for the fields a line shows', () => {
    expect(inferredNotes({ currency: 'Antatt NOK.', year: 'x' }, ['amount', 'currency'])).toEqual(['Antatt NOK.']);
    expect(inferredNotes(undefined, ['amount'])).toEqual([]);
  });
});
