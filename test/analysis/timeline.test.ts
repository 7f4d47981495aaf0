// The timeline as a pure function: ordering by partial dates, undated last, initiatives deduplicated and ordered; and
// the dated statuses beside the milestones, on the gap fixture (2020 and 2021) and on small built cases.
import { describe, expect, it } from 'vitest';
import { snapshotFromDataset } from '../../graph/analysis/snapshot.js';
import { timeline, timelineStatuses } from '../../graph/analysis/timeline.js';
import { snapshotAsOf } from '../../graph/analysis/time/years.js';
import type { GraphEdge, GraphNode } from '../../graph/schema/graph.js';
import { dataset } from './builders.js';
import { GAP_FIXTURE, loadFixture } from './store-contract.js';

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
  properties: { source: 'r', page: null, quote: null, basis: 'stated', note: null, noteNb: null, endedBy: null },
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

  it('gives each milestone its provenance (the source named) and its initiatives, once each and ordered by id', () => {
    const nodes = [
      node('Milestone', 'm', { date: '2020-06', source: 'report-2020', page: 8, quote: 'in June' }, 'Milestone M'),
      node('Milestone', 'alone', { date: '2021', source: 'report-2020' }),
      node('Report', 'report-2020', { year: 2020, url: 'https://example.org/report-2020' }, 'Report 2020'),
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
        sourceRef: { id: 'report-2020', name: 'report-2020 (nb)', nameEn: 'Report 2020', year: 2020, url: 'https://example.org/report-2020' },
        page: 8,
        quote: 'in June',
        initiatives: [
          { id: 'alpha', name: 'alpha (nb)' },
          { id: 'zeta', name: 'zeta (nb)', nameEn: 'Zeta' },
        ],
      },
      {
        id: 'alone',
        name: 'alone (nb)',
        date: '2021',
        source: 'report-2020',
        sourceRef: { id: 'report-2020', name: 'report-2020 (nb)', nameEn: 'Report 2020', year: 2020, url: 'https://example.org/report-2020' },
        page: null,
        quote: null,
        initiatives: [],
      },
    ]);
  });
});

describe('timelineStatuses', () => {
  it('dates each status by its source on the gap fixture, focus areas first, and carries none into a year its source does not cover', async () => {
    const snapshot = snapshotFromDataset(await loadFixture(GAP_FIXTURE));
    const statuses = timelineStatuses(snapshot);
    const row = (s: (typeof statuses)[number]) => [s.year, s.subject.id, s.progress, s.label, s.source.id];
    expect(statuses.filter((s) => s.subject.kind === 'FocusArea').map(row)).toEqual([
      [2020, 'fa-tjenester', 'on_track', 'På plan', 'rapport-2020'],
      [2020, 'fa-kompetanse', 'not_started', null, 'rapport-2020'],
      [2020, 'fa-data', 'in_progress', null, 'rapport-2020'],
      [2021, 'fa-tjenester', 'minor_delays', 'Mindre forsinkelser', 'rapport-2021'],
      [2021, 'fa-kompetanse', 'not_started', 'Ikke startet', 'rapport-2021'],
    ]);
    // «Økt deling av data» has a 2020 status and none in 2021: the 2021 column has no entry for it.
    expect(statuses.filter((s) => s.subject.id === 'fa-data').map((s) => s.year)).toEqual([2020]);
    // Every status's year is its source's, the source named for a reader; the subject named as a node reference.
    for (const s of statuses) expect(s.year).toBe(s.source.year);
    expect(statuses.find((s) => s.record === 'vurdering-tjenester-2021')).toMatchObject({
      subject: { id: 'fa-tjenester', kind: 'FocusArea', name: 'Sammenhengende tjenester' },
      source: { id: 'rapport-2021', name: 'Erfaringsrapport 2021', year: 2021 },
      inferred: null,
    });
    // Initiatives too: a 2020 status report and a 2021 one for the resource centre, each in its year.
    expect(statuses.filter((s) => s.subject.id === 'init-data').map((s) => [s.year, s.record])).toEqual([
      [2020, 'status-data-2020'],
      [2021, 'status-data-2021'],
    ]);
    // Ordered by year, then kind: the focus areas of a year before its initiatives.
    const keys = statuses.map((s) => `${s.year}:${['FocusArea', 'Initiative', 'LifeEvent'].indexOf(s.subject.kind)}`);
    expect(keys).toEqual([...keys].sort());
    expect(statuses).toHaveLength(13);
    // As of 2020 the 2021 report says nothing yet.
    expect(timelineStatuses(snapshotAsOf(snapshot, 2020)).map((s) => s.year)).toEqual(statuses.filter((s) => s.year === 2020).map(() => 2020));
  });

  it('keeps two sources of one year apart, passes on why the analyst placed a label on the scale, and gives the source a link where it has one', () => {
    const built = dataset()
      .report('r2022', 2022)
      .node('Report', 'nettside', { year: 2022, genre: 'web_page', publisher: 'Digdir', url: 'https://www.digdir.no/status' })
      .lifeEvent('le-barn')
      .assessment('le-barn', 'r2022', 'minor_delays', 'Noe forsinket')
      .assessment('le-barn', 'nettside', 'on_track', 'I rute', { inferred: { progress: '«I rute» er lest som «På plan».' } })
      .snapshot();
    const statuses = timelineStatuses(built).filter((s) => s.subject.id === 'le-barn');
    expect(statuses.map((s) => [s.year, s.progress, s.label, s.source.id, s.inferred])).toEqual([
      [2022, 'on_track', 'I rute', 'nettside', '«I rute» er lest som «På plan».'],
      [2022, 'minor_delays', 'Noe forsinket', 'r2022', null],
    ]);
    expect(statuses[0]!.source.url).toBe('https://www.digdir.no/status');
    expect(statuses[1]!.source).not.toHaveProperty('url');
  });
});
