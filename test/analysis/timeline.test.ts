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
