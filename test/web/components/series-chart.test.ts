// The measurement series: from the neighbours the API gives, to the chart's geometry, to the SVG, summary and table
// SeriesChart renders (svelte/server). A missing year stays a gap (no line across it, a row that says so), a rank
// series says lower is better, and everything is in the current language.
import { render } from 'svelte/server';
import { afterEach, describe, expect, it } from 'vitest';
import type { Edge, Node } from '../../../web/src/api/types.js';
import SeriesChart from '../../../web/src/components/SeriesChart.svelte';
import { i18n } from '../../../web/src/i18n/i18n.svelte.js';
import { chartGeometry, mixedScales, runsOf, seriesFor, valueAxis, yearsOf, type SeriesPoint } from '../../../web/src/lib/series.js';

const text = (html: string) =>
  html
    .replace(/<!--.*?-->/g, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/[\u00a0\u202f]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

afterEach(() => {
  i18n.lang = 'nb';
});

const node = (kind: Node['kind'], id: string, properties: Node['properties'], extra: Partial<Node> = {}): Node => ({
  id,
  kind,
  name: id,
  properties,
  ...extra,
});
const edge = (type: Edge['type'], from: string, to: string): Edge => ({
  id: `${from}:${type}:${to}`,
  type,
  from,
  to,
  properties: { source: 'r', page: null, quote: null, basis: 'stated', note: null, noteNb: null, endedBy: null },
});

/** DESI-like: a rank out of 27, 2019–2023 with no figure for 2021. */
const rank = node(
  'Indicator',
  'ind-desi',
  { unit: 'rank', direction: 'lower_is_better' },
  { name: 'DESI digitale offentlige tjenester', nameEn: 'DESI digital public services' },
);
const rankPoints: SeriesPoint[] = [
  { id: 'd19', year: 2019, value: 11, outOf: 27, source: 'ref-desi', page: 4 },
  { id: 'd20', year: 2020, value: 9, outOf: 27, source: 'ref-desi' },
  { id: 'd22', year: 2022, value: 7, outOf: 27, source: 'ref-desi', valueLabel: '7. plass' },
  { id: 'd23', year: 2023, value: 5, outOf: 27, source: 'ref-desi', inferred: { value: 'Lest av figuren; tabellen mangler.' } },
];
const score = node('Indicator', 'ind-odm', { unit: 'score', direction: 'higher_is_better' }, { name: 'Open Data Maturity' });

describe('series from the API', () => {
  const nodes = [
    node('FocusArea', 'fa', {}),
    node('Indicator', 'ind-b', { unit: 'percent' }, { name: 'Beta' }),
    node('Indicator', 'ind-a', { unit: 'rank' }, { name: 'Alfa' }),
    node('Measurement', 'm-a-2021', { year: 2021, value: 3, date: '2021-Q4' }),
    node('Measurement', 'm-a-2020', { year: 2020, value: 4 }),
    node('Measurement', 'm-a-2021-early', { year: 2021, value: 5, date: '2021-Q1' }),
    node('Measurement', 'm-broken', { year: 2022 }),
    node('Measurement', 'm-b', { year: 2019, value: 50.5, outOf: 100, valueLabel: '50,5 %', source: 'ref', page: 2 }, { inferred: { value: 'x' } }),
  ];
  const edges = [
    edge('INFORMS', 'ind-b', 'fa'),
    edge('INFORMS', 'ind-a', 'fa'),
    edge('MEASURES', 'm-a-2021', 'ind-a'),
    edge('MEASURES', 'm-a-2020', 'ind-a'),
    edge('MEASURES', 'm-a-2021-early', 'ind-a'),
    edge('MEASURES', 'm-broken', 'ind-a'),
    edge('MEASURES', 'm-b', 'ind-b'),
  ];

  it('gives one series per indicator that informs the node, by name, each in time order; a figure without a value is left out', () => {
    const series = seriesFor('fa', nodes, edges);
    expect(series.map((s) => s.indicator.id)).toEqual(['ind-a', 'ind-b']);
    expect(series[0]!.points.map((p) => p.id)).toEqual(['m-a-2020', 'm-a-2021-early', 'm-a-2021']);
    expect(series[1]!.points).toEqual([
      { id: 'm-b', year: 2019, value: 50.5, outOf: 100, valueLabel: '50,5 %', source: 'ref', page: 2, inferred: { value: 'x' } },
    ]);
  });

  it('gives an indicator its own series', () => {
    expect(seriesFor('ind-b', nodes, edges).map((s) => [s.indicator.id, s.points.length])).toEqual([['ind-b', 1]]);
  });
});

describe('the chart’s geometry', () => {
  it('keeps every year between the first and the last, and a missing year breaks the line', () => {
    expect(yearsOf(rankPoints)).toEqual({ years: [2019, 2020, 2021, 2022, 2023], missing: [2021] });
    expect(runsOf(rankPoints).map((run) => run.map((p) => p.year))).toEqual([
      [2019, 2020],
      [2022, 2023],
    ]);
  });

  it('draws no line through a year with two figures (which one the line should pass is not the chart’s to pick)', () => {
    const twice: SeriesPoint[] = [
      { id: 'a', year: 2020, value: 1 },
      { id: 'b', year: 2021, value: 2 },
      { id: 'c', year: 2021, value: 3 },
      { id: 'd', year: 2022, value: 4 },
      { id: 'e', year: 2023, value: 5 },
    ];
    expect(runsOf(twice).map((run) => run.map((p) => p.id))).toEqual([['d', 'e']]);
  });

  it('runs a rank axis from 1 to the size of the field, in whole places', () => {
    expect(valueAxis(rankPoints, 'rank')).toEqual({ min: 1, max: 27, ticks: [1, 10, 20, 27] });
    const axis = valueAxis([{ id: 'a', year: 2020, value: 11 }], 'rank');
    expect(axis.ticks.every(Number.isInteger)).toBe(true);
    expect(axis.min).toBe(1);
  });

  it('rounds other axes out to whole steps around the data, at most five, never below zero for figures that cannot be negative, nor past 100 %', () => {
    const percent = valueAxis(
      [
        { id: 'a', year: 2021, value: 89.5 },
        { id: 'b', year: 2022, value: 91 },
      ],
      'percent',
    );
    expect(percent.min).toBeLessThanOrEqual(89.5);
    expect(percent.max).toBeGreaterThanOrEqual(91);
    expect(percent.max).toBeLessThanOrEqual(100);
    // The fixture's Open Data Maturity (0,91 beside 89,5 and 90): 0 to 100, not to 150.
    expect(
      valueAxis(
        [
          { id: 'a', year: 2021, value: 0.91 },
          { id: 'b', year: 2022, value: 89.5 },
          { id: 'c', year: 2023, value: 90 },
        ],
        'score',
      ),
    ).toEqual({ min: 0, max: 100, ticks: [0, 20, 40, 60, 80, 100] });
    expect(valueAxis([{ id: 'a', year: 2021, value: 0.2 }], 'score').min).toBe(0);
    for (const values of [
      [1, 2],
      [0.91, 0.93],
      [12_000_000, 57_383_633],
      [-3, 4],
    ]) {
      const axis = valueAxis(
        values.map((value, i) => ({ id: String(i), year: 2020 + i, value })),
        undefined,
      );
      expect(axis.ticks.length, String(values)).toBeLessThanOrEqual(6);
      expect(axis.min, String(values)).toBeLessThanOrEqual(Math.min(...values));
      expect(axis.max, String(values)).toBeGreaterThanOrEqual(Math.max(...values));
    }
  });

  it('places years left to right and higher values higher', () => {
    const g = chartGeometry(rankPoints, 'rank', { width: 320, height: 190 });
    expect(g.x(2019)).toBeLessThan(g.x(2020));
    // SVG's y runs down: the higher figure (11th place) is drawn above the lower (5th).
    expect(g.y(11)).toBeLessThan(g.y(5));
    expect(g.x(2023)).toBeLessThan(g.plot.right);
    expect(g.missing).toEqual([2021]);
  });

  it('notices figures given on different scales', () => {
    expect(mixedScales(rankPoints)).toBe(false);
    expect(
      mixedScales([
        { id: 'a', year: 2021, value: 0.91, outOf: 1 },
        { id: 'b', year: 2022, value: 89.5 },
      ]),
    ).toBe(true);
  });
});

describe('SeriesChart', () => {
  it('draws a rank series with its gap year: two stretches of line, a hatched gap, every point labelled', () => {
    const { body } = render(SeriesChart, { props: { indicator: rank, points: rankPoints } });
    const svg = /<svg class="chart[^>]*>.*?<\/svg>/s.exec(body)![0];
    expect(svg).toMatch(/role="img"/);
    expect(/aria-label="([^"]+)"/.exec(svg)![1]).toBe('Diagram over DESI digitale offentlige tjenester: plass per år, 2019–2023');
    expect(svg.match(/<polyline/g)).toHaveLength(2);
    expect(svg.match(/<circle/g)).toHaveLength(4);
    expect(svg.match(/<rect class="gap[^"]*" data-year="(\d+)"/g)).toHaveLength(1);
    expect(svg).toContain('data-year="2021"');
    // A point for each measured year, none for 2021; every point carries its figure.
    expect([...svg.matchAll(/<circle[^>]*data-year="(\d+)"/g)].map((m) => m[1])).toEqual(['2019', '2020', '2022', '2023']);
    expect([...svg.matchAll(/<text class="point-label[^"]*"[^>]*>([^<]+)<\/text>/g)].map((m) => m[1])).toEqual(['11', '9', '7', '5']);
    // The inferred value is a hollow point, and the key says what that means.
    expect(svg).toMatch(/<circle class="point [^"]*\bhollow\b[^"]*"[^>]*data-year="2023"/);
    expect(text(body)).toContain('Hul prikk: verdien er analytikerens lesning.');
    // Axis words in the current language, and that lower is better, on the axis and as a note.
    expect(svg).toContain('Plass (lavere er bedre)');
    expect(svg).toMatch(/>År<\/text>/);
    expect(text(body)).toContain('Lavere verdi er bedre.');
  });

  it('says the same in words, pointed to by the chart, and as a table with the missing year as a row', () => {
    const { body } = render(SeriesChart, { props: { indicator: rank, points: rankPoints } });
    const described = /aria-describedby="([^"]+)"/.exec(body)![1]!;
    const summary = new RegExp(`<p id="${described}"[^>]*>(.*?)</p>`, 's').exec(body)![1]!;
    expect(text(summary)).toBe('4 målinger fra 2019 til 2023. Første: 11 av 27 i 2019. Siste: 5 av 27 i 2023. Det er bedre enn i 2019. Ingen måling for 2021.');
    const table = /<table[^>]*>.*?<\/table>/s.exec(body)![0];
    const rows = [...table.matchAll(/<tr[^>]*data-testid="series-row(?:-missing)?"[^>]*>(.*?)<\/tr>/gs)].map((m) => text(m[1]!));
    expect(rows).toEqual([
      '2019 11 av 27 ref-desi, s. 4',
      '2020 9 av 27 ref-desi, uten sidetall',
      '2021 Ingen måling —',
      '2022 7 av 27 kilden skriver «7. plass» ref-desi, uten sidetall',
      '2023 5 av 27 ▸ Utledet : vis analytikerens begrunnelse Analytikerens lesning: Lest av figuren; tabellen mangler. ref-desi, uten sidetall',
    ]);
    expect(table).toMatch(/<th scope="col"[^>]*>År<\/th><th scope="col"[^>]*>Verdi<\/th><th scope="col"[^>]*>Kilde<\/th>/);
    expect(text(/<caption[^>]*>(.*?)<\/caption>/s.exec(table)![1]!)).toBe('DESI digitale offentlige tjenester: målinger per år');
  });

  it('speaks English when the reader does: the label, the axis, the summary and the figures', () => {
    i18n.lang = 'en';
    const { body } = render(SeriesChart, { props: { indicator: rank, points: rankPoints } });
    expect(/aria-label="([^"]+)"/.exec(body)![1]).toBe('Chart of DESI digital public services: rank by year, 2019–2023');
    expect(body).toContain('Rank (lower is better)');
    expect(text(body)).toContain(
      '4 measurements from 2019 to 2023. First: 11 of 27 in 2019. Latest: 5 of 27 in 2023. That is better than in 2019. No measurement for 2021.',
    );
  });

  it('writes decimals as the language does and warns when the figures are on different scales, without calling a trend', () => {
    const points: SeriesPoint[] = [
      { id: 'a', year: 2021, value: 0.91, outOf: 1, valueLabel: '91 %' },
      { id: 'b', year: 2022, value: 89.5, date: '2022-Q4' },
      { id: 'c', year: 2023, value: 90 },
    ];
    const { body } = render(SeriesChart, { props: { indicator: score, points } });
    expect([...body.matchAll(/<text class="point-label[^"]*"[^>]*>([^<]+)<\/text>/g)].map((m) => m[1])).toEqual(['0,91', '89,5', '90']);
    expect(body).toContain('data-testid="series-mixed"');
    expect(text(body)).not.toMatch(/bedre enn|svakere enn/);
    expect(text(body)).toContain('målt 4. kvartal 2022');
    // Higher is better needs no warning note; it is in the indicator's facts.
    expect(body).not.toContain('series-direction');
    // One line through three consecutive years, no gap.
    expect(body.match(/<polyline/g)).toHaveLength(1);
    expect(body).not.toContain('class="gap');
  });

  it('folds the table away when compact, and says so when there is nothing to draw', () => {
    const compact = render(SeriesChart, { props: { indicator: score, points: [{ id: 'a', year: 2021, value: 3 }], compact: true } }).body;
    expect(compact).toMatch(/<details class="table[^"]*">/);
    expect(compact).not.toMatch(/<details class="table[^"]*" open/);
    expect(text(compact)).toContain('Én måling: 3 i 2021.');
    const none = render(SeriesChart, { props: { indicator: score, points: [] } }).body;
    expect(text(none)).toBe('Ingen målinger er registrert for indikatoren.');
    expect(none).not.toContain('<svg');
  });
});
