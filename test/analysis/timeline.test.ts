// The timeline as a pure function: ordering by partial dates, undated last, initiatives deduplicated and ordered.
import { describe, expect, it } from 'vitest';
import { timeline } from '../../graph/analysis/timeline.js';
import type { GraphEdge, GraphNode } from '../../graph/schema/graph.js';

const node = (kind: GraphNode['kind'], id: string, properties: GraphNode['properties'] = {}, nameEn?: string): GraphNode => ({
  id,
  kind,
  name: `${id} (nb)`,
  ...(nameEn ? { nameEn } : {}),
  properties,
});
const hasMilestone = (from: string, to: string): GraphEdge => ({
  id: `${from}:HAS_MILESTONE:${to}`,
  type: 'HAS_MILESTONE',
  from,
  to,
  properties: { source: 'r', page: null, quote: null, basis: 'stated', note: null, endedBy: null },
});

describe('timeline', () => {
  it('orders by date as given (a year before its months, a month before its days), then id, undated last', () => {
    const nodes = [
      node('Milestone', 'm-none'),
      node('Milestone', 'm-day', { date: '2020-01-14' }),
      node('Milestone', 'm-year', { date: '2020' }),
      node('Milestone', 'b-month', { date: '2020-01' }),
      node('Milestone', 'a-month', { date: '2020-01' }),
      node('Milestone', 'm-2019', { date: '2019-12-31' }),
      node('Initiative', 'not-a-milestone', { date: '2000' }),
    ];
    expect(timeline({ nodes, edges: [] }).map((m) => [m.id, m.date])).toEqual([
      ['m-2019', '2019-12-31'],
      ['m-year', '2020'],
      ['a-month', '2020-01'],
      ['b-month', '2020-01'],
      ['m-day', '2020-01-14'],
      ['m-none', null],
    ]);
  });

  it('places seasons, halves and quarters in time: a year, its half, quarter, season and month, then the days; winter opens its year', () => {
    const dates = [
      '2021-01',
      '2020-autumn',
      '2020-09',
      '2020-H2',
      '2020',
      '2021-winter',
      '2020-Q3',
      '2020-09-15',
      '2021-spring',
      '2020-12',
      '2021-Q1',
      '2021-H1',
    ];
    const nodes = dates.map((date) => node('Milestone', `m-${date}`, { date }));
    expect(timeline({ nodes, edges: [] }).map((m) => m.date)).toEqual([
      '2020',
      '2020-H2',
      '2020-Q3',
      '2020-autumn',
      '2020-09',
      '2020-09-15',
      '2020-12',
      '2021-H1',
      '2021-Q1',
      '2021-winter',
      '2021-01',
      '2021-spring',
    ]);
  });

  it('says whether a milestone is planned or reached, and passes on the analyst’s notes on its fields', () => {
    const nodes = [
      node('Milestone', 'planned', { date: '2021-spring', occurrence: 'planned' }, undefined),
      node('Milestone', 'reached', { date: '2020-09', occurrence: 'achieved' }),
      node('Milestone', 'unsaid', { date: '2020-10', occurrence: 'someday' }),
    ];
    nodes[0]!.inferred = { date: 'Kilden sier «neste år».' };
    const items = timeline({ nodes, edges: [] });
    expect(items.find((m) => m.id === 'planned')).toMatchObject({ occurrence: 'planned', inferred: { date: 'Kilden sier «neste år».' } });
    expect(items.find((m) => m.id === 'reached')).toMatchObject({ occurrence: 'achieved' });
    expect(items.find((m) => m.id === 'reached')).not.toHaveProperty('inferred');
    // A value outside the vocabulary is not passed on as if it were one.
    expect(items.find((m) => m.id === 'unsaid')).not.toHaveProperty('occurrence');
  });

  it('gives each milestone its provenance and its initiatives, once each and ordered by id', () => {
    const nodes = [
      node('Milestone', 'm', { date: '2020-06', source: 'report-2020', page: 8, quote: 'in June' }, 'Milestone M'),
      node('Milestone', 'alone', { date: '2021', source: 'report-2020' }),
      node('Initiative', 'zeta', {}, 'Zeta'),
      node('Initiative', 'alpha'),
      node('Agency', 'not-an-initiative'),
    ];
    const edges = [hasMilestone('zeta', 'm'), hasMilestone('alpha', 'm'), hasMilestone('zeta', 'm'), hasMilestone('not-an-initiative', 'm')];
    expect(timeline({ nodes, edges })).toEqual([
      {
        id: 'm',
        name: 'm (nb)',
        nameEn: 'Milestone M',
        date: '2020-06',
        source: 'report-2020',
        page: 8,
        quote: 'in June',
        initiatives: [
          { id: 'alpha', name: 'alpha (nb)' },
          { id: 'zeta', name: 'zeta (nb)', nameEn: 'Zeta' },
        ],
      },
      { id: 'alone', name: 'alone (nb)', date: '2021', source: 'report-2020', page: null, quote: null, initiatives: [] },
    ]);
  });
});
