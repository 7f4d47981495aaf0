// The Gaps view's working list in pure functions: filters read from the URL as GET /api/findings reads its query,
// written back without defaults, and the sections (per rule, then orphaned, then gone) and orders the list shows.
import { describe, expect, it } from 'vitest';
import {
  actionDate,
  filterPatch,
  filtersOf,
  isFiltered,
  kindsOf,
  matchesFilters,
  ownersOf,
  sectionsOf,
  sortFindings,
  visibleSections,
  ORPHANED_ANCHOR,
  GONE_ANCHOR,
} from '../../web/src/lib/findings-view.js';
import { patchSearch, parseParams } from '../../web/src/lib/url-state.js';
import { ITEMS, RULES, item } from './findings-fixtures.js';

const ids = (list: { id: string }[]) => list.map((i) => i.id);

describe('filtersOf', () => {
  it('reads every filter from the URL under the names of GET /api/findings', () => {
    const f = filtersOf(parseParams('?view=gaps&rule=stale-status&kind=Initiative&severity=low&state=open,acknowledged&owner=Digdir&overdue=true&sort=due'));
    expect(f).toEqual({
      rule: 'stale-status',
      kind: 'Initiative',
      severity: 'low',
      states: ['open', 'acknowledged'],
      owner: 'Digdir',
      overdue: true,
      sort: 'due',
    });
  });

  it('has no filter and sorts by severity when the URL says nothing', () => {
    const f = filtersOf({ view: 'gaps' });
    expect(f).toEqual({ rule: null, kind: null, severity: null, states: [], owner: null, overdue: false, sort: 'severity' });
    expect(isFiltered(f)).toBe(false);
  });

  it('leaves out a severity, state or sort it does not know, and keeps each known state once', () => {
    const f = filtersOf({ severity: 'urgent', state: 'open,bogus,open,resolved', sort: 'random', overdue: 'yes' });
    expect(f.severity).toBeNull();
    expect(f.states).toEqual(['open', 'resolved']);
    expect(f.sort).toBe('severity');
    expect(f.overdue).toBe(false);
  });

  it('round-trips through filterPatch, leaving defaults out of the URL', () => {
    const search =
      '?kind=FocusArea&overdue=true&owner=%C3%85se+%C3%98deg%C3%A5rd&rule=focus-area-not-started&severity=high&sort=owner&state=open%2Cacknowledged&view=gaps';
    const f = filtersOf(parseParams(search));
    expect(f.owner).toBe('Åse Ødegård');
    expect(patchSearch({ view: 'gaps' }, filterPatch(f))).toBe(search);
    expect(filterPatch({ states: [], overdue: false, sort: 'severity', rule: null })).toEqual({
      state: undefined,
      overdue: undefined,
      sort: undefined,
      rule: undefined,
    });
  });
});

describe('matchesFilters', () => {
  const all = filtersOf({});
  const only = (params: Record<string, string>) => ids(ITEMS.filter((i) => matchesFilters(i, filtersOf(params))));

  it('filters by rule, kind and severity', () => {
    expect(only({ rule: 'stale-status' })).toEqual(['stale-status:d', 'stale-status:e', 'stale-status:orphan']);
    expect(only({ kind: 'FocusArea' })).toEqual(['focus-area-not-started:okt-deling']);
    expect(only({ severity: 'low' })).toEqual(['stale-status:d', 'stale-status:e']);
    expect(ITEMS.every((i) => matchesFilters(i, all))).toBe(true);
  });

  it('filters by state; a finding nobody followed up is in no state', () => {
    expect(only({ state: 'acknowledged' })).toEqual(['initiative-without-lead:a', 'initiative-without-lead:b', 'stale-status:orphan']);
    expect(only({ state: 'resolved,accepted_risk' })).toEqual(['initiative-without-lead:c', 'stale-status:d']);
    expect(only({ state: 'open' })).not.toContain('stale-status:e');
  });

  it('filters by owner as the API does: the name in any case, or an agency id', () => {
    expect(only({ owner: 'digdir' })).toEqual(['initiative-without-lead:a']);
    expect(only({ owner: 'ÅSE ØDEGÅRD' })).toEqual(['initiative-without-lead:b']);
    expect(only({ owner: 'Kari' })).toEqual(['stale-status:orphan']);
    expect(only({ owner: 'nobody' })).toEqual([]);
  });

  it('keeps only the overdue ones, an accepted risk past its review date among them', () => {
    expect(only({ overdue: 'true' })).toEqual(['initiative-without-lead:a', 'stale-status:d']);
  });

  it('combines the filters', () => {
    expect(only({ rule: 'initiative-without-lead', severity: 'high', state: 'acknowledged' })).toEqual(['initiative-without-lead:a']);
  });
});

describe('sortFindings', () => {
  it('by severity keeps the order the API gave among equals', () => {
    const sorted = sortFindings(ITEMS, 'severity');
    expect(sorted.map((i) => i.severity)).toEqual(['high', 'high', 'high', 'medium', 'medium', 'medium', 'low', 'low']);
    expect(ids(sorted).slice(0, 3)).toEqual(['focus-area-not-started:okt-deling', 'initiative-without-lead:a', 'initiative-without-lead:c']);
  });

  it('by due date: the date by which something is to happen (a due date, or the review date of an accepted risk), none last', () => {
    expect(actionDate(ITEMS[4]!)).toBe('2026-06-01');
    expect(actionDate(ITEMS[3]!)).toBeNull();
    expect(ids(sortFindings(ITEMS, 'due')).slice(0, 4)).toEqual([
      'initiative-without-lead:a',
      'stale-status:orphan',
      'stale-status:d',
      'initiative-without-lead:b',
    ]);
  });

  it('by owner in Norwegian alphabetical order (Å after Z), findings without one last', () => {
    const extra = [item('x:z', { followUp: { owner: { kind: 'person', name: 'Zorro' } } }), ...ITEMS];
    expect(sortFindings(extra, 'owner').map((i) => i.followUp?.owner?.name ?? null)).toEqual([
      'Digdir',
      'kari',
      'Zorro',
      'Åse Ødegård',
      null,
      null,
      null,
      null,
      null,
    ]);
  });

  it('by state: open, acknowledged, resolved, accepted risk, closed by the data, then none', () => {
    expect(sortFindings(ITEMS, 'state').map((i) => i.followUp?.state ?? null)).toEqual([
      'open',
      'acknowledged',
      'acknowledged',
      'acknowledged',
      'resolved',
      'accepted_risk',
      'closed_by_data',
      null,
    ]);
  });
});

describe('sectionsOf', () => {
  it('groups by rule, orders rules by their most severe finding, and puts orphaned and gone follow-ups in sections of their own', () => {
    const sections = sectionsOf(sortFindings(ITEMS, 'severity'), RULES);
    expect(sections.map((s) => [s.anchor, s.items.length])).toEqual([
      ['rule-focus-area-not-started', 1],
      ['rule-initiative-without-lead', 3],
      ['rule-stale-status', 2],
      [ORPHANED_ANCHOR, 1],
      [GONE_ANCHOR, 1],
    ]);
    expect(sections.at(-2)!.items[0]!.id).toBe('stale-status:orphan');
    expect(sections.at(-1)!.items[0]!.id).toBe('initiative-without-lead:gone');
  });

  it("places a rule by its most severe finding, not by the rules' order", () => {
    const sections = sectionsOf([item('stale-status:x', { severity: 'high' }), item('focus-area-not-started:y', { severity: 'low' })], RULES);
    expect(sections.map((s) => s.rule)).toEqual(['stale-status', 'focus-area-not-started']);
  });

  it('orders the rules by their first finding under the chosen sort: by due date, the most pressing date first', () => {
    const list = [
      item('focus-area-not-started:x', { severity: 'high', followUp: { state: 'acknowledged', dueDate: '2030-01-01' } }),
      item('stale-status:y', { severity: 'low', followUp: { state: 'acknowledged', dueDate: '2024-01-15', overdue: true } }),
      item('initiative-without-lead:z', { severity: 'medium' }),
    ];
    expect(visibleSections(list, filtersOf({ sort: 'due' }), RULES).map((s) => s.rule)).toEqual([
      'stale-status',
      'focus-area-not-started',
      'initiative-without-lead',
    ]);
    expect(visibleSections(list, filtersOf({}), RULES).map((s) => s.rule)).toEqual(['focus-area-not-started', 'initiative-without-lead', 'stale-status']);
  });

  it('leaves empty sections out, and shows what the filters let through', () => {
    const sections = visibleSections(ITEMS, filtersOf({ state: 'acknowledged', sort: 'due' }), RULES);
    expect(sections.map((s) => s.kind)).toEqual(['rule', 'orphaned']);
    expect(ids(sections[0]!.items)).toEqual(['initiative-without-lead:a', 'initiative-without-lead:b']);
  });
});

describe('the filter choices', () => {
  it('offers each owner once, in Norwegian order, and the kinds the findings are about', () => {
    expect(ownersOf([...ITEMS, item('x:y', { followUp: { owner: { kind: 'person', name: 'DIGDIR' } } })])).toEqual(['Digdir', 'kari', 'Åse Ødegård']);
    expect(kindsOf(ITEMS).sort()).toEqual(['FocusArea', 'Initiative']);
  });
});
