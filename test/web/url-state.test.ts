// The URL helpers every view relies on to make a link reproduce what is on screen.
import { describe, expect, it } from 'vitest';
import { listParam, parseParams, patchSearch, viewOf, VIEWS } from '../../web/src/lib/url-state.js';

describe('parseParams', () => {
  it('reads a query string with or without the leading ?', () => {
    expect(parseParams('?view=paths&from=digdir&to=stimulab')).toEqual({ view: 'paths', from: 'digdir', to: 'stimulab' });
    expect(parseParams('view=gaps&severity=high')).toEqual({ view: 'gaps', severity: 'high' });
  });

  it('gives an empty object for an empty query', () => {
    expect(parseParams('')).toEqual({});
    expect(parseParams('?')).toEqual({});
  });

  it('decodes percent-encoding and +, and keeps commas in lists', () => {
    expect(parseParams('?q=MATCH%20(n)%20RETURN%20n&expanded=a%2Cb,c')).toEqual({ q: 'MATCH (n) RETURN n', expanded: 'a,b,c' });
    expect(parseParams('?q=a+b')).toEqual({ q: 'a b' });
    expect(parseParams('?q=%C3%B8kt')).toEqual({ q: 'økt' });
  });

  it('keeps the last value of a repeated key and empty values as empty strings', () => {
    expect(parseParams('?node=a&node=b')).toEqual({ node: 'b' });
    expect(parseParams('?table=&lang=en')).toEqual({ table: '', lang: 'en' });
  });
});

describe('patchSearch', () => {
  it('adds and replaces keys and sorts them, so one state has one URL', () => {
    expect(patchSearch({ view: 'explore' }, { node: 'stimulab', expanded: 'stimulab' })).toBe('?expanded=stimulab&node=stimulab&view=explore');
    expect(patchSearch({ node: 'a', view: 'explore' }, { node: 'b' })).toBe('?node=b&view=explore');
    expect(patchSearch({ z: '1', a: '2', m: '3' }, {})).toBe('?a=2&m=3&z=1');
  });

  it('removes a key patched to undefined or to the empty string', () => {
    expect(patchSearch({ node: 'a', table: '1', view: 'explore' }, { node: undefined })).toBe('?table=1&view=explore');
    expect(patchSearch({ node: 'a', table: '1' }, { table: '' })).toBe('?node=a');
    expect(patchSearch({ node: 'a' }, { missing: undefined, other: '' })).toBe('?node=a');
  });

  it('gives the empty string when nothing is left', () => {
    expect(patchSearch({ node: 'a' }, { node: undefined })).toBe('');
    expect(patchSearch({}, {})).toBe('');
  });

  it('encodes values so they survive a round trip through parseParams', () => {
    const q = "MATCH (n {name: 'Økt & mer'}) RETURN n // 100%?";
    const search = patchSearch({}, { q, expanded: 'a,b', view: 'query' });
    expect(search.startsWith('?')).toBe(true);
    expect(search).not.toContain(' ');
    expect(parseParams(search)).toEqual({ q, expanded: 'a,b', view: 'query' });
  });

  it('does not change the object it is given', () => {
    const current = { node: 'a', view: 'explore' };
    patchSearch(current, { node: undefined, lang: 'en' });
    expect(current).toEqual({ node: 'a', view: 'explore' });
  });
});

describe('viewOf', () => {
  it('reads every known view', () => {
    for (const view of VIEWS) expect(viewOf({ view })).toBe(view);
    expect(VIEWS).toEqual(['explore', 'paths', 'gaps', 'coverage', 'timeline', 'changes', 'query', 'audit']);
  });

  it('falls back to explore for a missing or unknown view', () => {
    expect(viewOf({})).toBe('explore');
    expect(viewOf({ view: '' })).toBe('explore');
    expect(viewOf({ view: 'admin' })).toBe('explore');
    expect(viewOf({ view: 'Paths' })).toBe('explore');
    expect(viewOf({ view: 'toString' })).toBe('explore');
  });
});

describe('listParam', () => {
  it('splits a comma list and drops empty items', () => {
    expect(listParam('a,b,c')).toEqual(['a', 'b', 'c']);
    expect(listParam('a,,b,')).toEqual(['a', 'b']);
    expect(listParam(',')).toEqual([]);
    expect(listParam('single')).toEqual(['single']);
  });

  it('gives an empty list for a missing or empty parameter', () => {
    expect(listParam(undefined)).toEqual([]);
    expect(listParam('')).toEqual([]);
  });
});
