// The year in the URL: the header's `year` read against the data's years, the Changes view's `from`/`to` with their
// defaults, and what the line under the header says.
import { describe, expect, it } from 'vitest';
import type { YearList } from '../../web/src/api/types.js';
import { changesSelection, resolveYear, yearNote, yearParam } from '../../web/src/lib/years.js';

const source = (year: number) => ({ id: `rapport-${year}`, name: `Rapport ${year}`, year });
/** 2018–2021, with no source for 2019. */
const LIST: YearList = {
  items: [
    { year: 2018, sources: [source(2018)] },
    { year: 2019, sources: [] },
    { year: 2020, sources: [source(2020)] },
    { year: 2021, sources: [source(2021)] },
  ],
  latest: 2021,
  references: [],
};

describe('resolveYear', () => {
  it('reads no year as the latest, sending no asOf', () => {
    expect(resolveYear(undefined, LIST)).toEqual({ asOf: undefined, shown: 2021, latest: 2021, silent: false, rejected: null });
    expect(resolveYear('', LIST).asOf).toBeUndefined();
    expect(resolveYear(undefined, null)).toEqual({ asOf: undefined, shown: null, latest: null, silent: false, rejected: null });
  });

  it('sends a year the data offers, and says when no source reports on it', () => {
    expect(resolveYear('2020', LIST)).toEqual({ asOf: 2020, shown: 2020, latest: 2021, silent: false, rejected: null });
    expect(resolveYear('2019', LIST)).toMatchObject({ asOf: 2019, shown: 2019, silent: true });
    expect(resolveYear('2021', LIST)).toMatchObject({ asOf: 2021, shown: 2021, silent: false });
  });

  it('sets aside, by name, a year the data does not offer or no year at all, and shows the latest', () => {
    expect(resolveYear('1990', LIST)).toEqual({ asOf: undefined, shown: 2021, latest: 2021, silent: false, rejected: '1990' });
    expect(resolveYear('2030', LIST)).toMatchObject({ asOf: undefined, rejected: '2030' });
    expect(resolveYear('tjue', LIST)).toMatchObject({ asOf: undefined, rejected: 'tjue' });
    expect(resolveYear('20201', LIST)).toMatchObject({ asOf: undefined, rejected: '20201' });
  });

  it('passes a well-formed year on before the years are known, so a shared link loads at once', () => {
    expect(resolveYear('2020', null)).toEqual({ asOf: 2020, shown: 2020, latest: null, silent: false, rejected: null });
    // Not even a year: nothing to send, whatever the data.
    expect(resolveYear('abc', null)).toMatchObject({ asOf: undefined, rejected: 'abc' });
  });
});

describe('yearParam', () => {
  it('leaves the latest out of the URL, so a link without a year follows the data', () => {
    expect(yearParam(2021, 2021)).toBeUndefined();
    expect(yearParam(2020, 2021)).toBe('2020');
  });
});

describe('changesSelection', () => {
  it('defaults to the two latest years a source reports on', () => {
    expect(changesSelection({}, LIST)).toEqual({ from: 2020, to: 2021, problem: null, rejected: [] });
    // A year no source reports on adds nothing to compare: from 2020 the default steps over 2019 to 2018.
    expect(changesSelection({ to: '2020' }, LIST)).toEqual({ from: 2018, to: 2020, problem: null, rejected: [] });
  });

  it('takes both years from the URL, the same year twice included', () => {
    expect(changesSelection({ from: '2018', to: '2021' }, LIST)).toEqual({ from: 2018, to: 2021, problem: null, rejected: [] });
    expect(changesSelection({ from: '2019', to: '2019' }, LIST)).toMatchObject({ from: 2019, to: 2019, problem: null });
    expect(changesSelection({ from: '2019' }, LIST)).toMatchObject({ from: 2019, to: 2021, problem: null });
  });

  it('keeps from after to as it is, marked, so the form can show it with the reason', () => {
    expect(changesSelection({ from: '2021', to: '2018' }, LIST)).toEqual({ from: 2021, to: 2018, problem: 'order', rejected: [] });
  });

  it('sets aside a year the data does not offer for its default, and names it', () => {
    expect(changesSelection({ from: '1990', to: '2020' }, LIST)).toEqual({ from: 2018, to: 2020, problem: 'unknown', rejected: ['1990'] });
    expect(changesSelection({ from: 'x', to: '2099' }, LIST)).toEqual({ from: 2020, to: 2021, problem: 'unknown', rejected: ['x', '2099'] });
  });

  it('compares the one year with itself when the data has only one, and gives nothing when it has none', () => {
    const one: YearList = { items: [{ year: 2020, sources: [source(2020)] }], latest: 2020, references: [] };
    expect(changesSelection({}, one)).toEqual({ from: 2020, to: 2020, problem: null, rejected: [] });
    expect(changesSelection({}, { items: [], latest: null, references: [] })).toBeNull();
  });
});

describe('yearNote', () => {
  const at = (param: string | undefined) => resolveYear(param, LIST);

  it('says nothing when a view shows the latest year', () => {
    expect(yearNote('gaps', at(undefined), true)).toBeNull();
    expect(yearNote('gaps', at('2021'), true)).toBeNull();
    expect(yearNote('gaps', resolveYear(undefined, null), true)).toBeNull();
  });

  it('names an earlier year, and a year no source reports on', () => {
    expect(yearNote('gaps', at('2020'), true)).toEqual({ key: 'year.asOf', params: { year: 2020 } });
    expect(yearNote('coverage', at('2019'), true)).toEqual({ key: 'year.silentNote', params: { year: 2019 } });
  });

  it('says when the URL asks for a year the data does not have', () => {
    expect(yearNote('timeline', at('1990'), true)).toEqual({ key: 'year.rejected', params: { year: '1990', latest: 2021 } });
  });

  it("says when a view's route cannot answer as of an earlier year yet, rather than show the latest as if it were that year", () => {
    expect(yearNote('explore', at('2020'), false)).toEqual({ key: 'year.notYet', params: { latest: 2021 } });
    expect(yearNote('explore', at(undefined), false)).toBeNull();
  });

  it('says that Changes and the query console do not answer as of the header year', () => {
    expect(yearNote('changes', at(undefined), true)).toEqual({ key: 'year.notHere.changes', params: {} });
    expect(yearNote('query', at('2020'), true)).toEqual({ key: 'year.notHere.query', params: {} });
  });
});
