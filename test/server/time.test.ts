// The routes about time on a real embedded store holding the gap fixture, whose sources cover 2020 and 2021: history,
// years, diff, and asOf on gaps, coverage and timeline — with every bad year a 400 that names the parameter.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LadybugStore } from '../../graph/adapters/ladybug/store.js';
import { loadDatasetDir } from '../../graph/dataset/load.js';
import { body, build, type TestApp } from './helpers.js';

describe('the graph over years through the API', () => {
  let sut: TestApp;
  beforeAll(async () => {
    const loaded = await loadDatasetDir('test/fixtures/gaps');
    if (!loaded.ok) throw new Error('the gap fixture is invalid');
    const store = new LadybugStore({ path: ':memory:' });
    await store.replaceDataset(loaded.dataset);
    sut = await build({ store });
  });
  afterAll(async () => {
    await sut?.close();
  });
  const get = (url: string) => sut.app.inject({ method: 'GET', url });

  it('GET /api/years lists the years with the sources that report on each, the latest, and the references by name', async () => {
    const res = await get('/api/years');
    expect(res.statusCode).toBe(200);
    expect(body(res)).toEqual({
      items: [
        { year: 2020, sources: [{ id: 'rapport-2020', name: 'Erfaringsrapport 2020', year: 2020 }] },
        { year: 2021, sources: [{ id: 'rapport-2021', name: 'Erfaringsrapport 2021', year: 2021 }] },
      ],
      latest: 2021,
      // Sources with no year, so that a client names them instead of showing their ids.
      references: [{ id: 'ref-livshendelser', name: 'Livshendelser og ansvarlige departementer', year: null }],
    });
  });

  it('GET /api/history/:id gives the dated statuses with their sources, and 404 for an unknown id', async () => {
    const res = await get('/api/history/fa-tjenester');
    expect(res.statusCode).toBe(200);
    const history = body(res);
    expect(history.statuses.map((p: any) => [p.year, p.progress, p.label, p.source.id])).toEqual([
      [2020, 'on_track', 'På plan', 'rapport-2020'],
      [2021, 'minor_delays', 'Mindre forsinkelser', 'rapport-2021'],
    ]);
    expect(history.years).toEqual([2020, 2021]);
    expect(body(await get('/api/history/fa-data')).silentYears).toEqual([2021]);
    const missing = await get('/api/history/finnes-ikke');
    expect(missing.statusCode).toBe(404);
    expect(body(missing).error.message).toContain('finnes-ikke');
  });

  it('GET /api/diff names what slipped, which findings opened, and the sources on both sides', async () => {
    const res = await get('/api/diff?from=2020&to=2021');
    expect(res.statusCode).toBe(200);
    const diff = body(res);
    expect(diff.statusChanges).toContainEqual(
      expect.objectContaining({
        subject: expect.objectContaining({ id: 'fa-tjenester' }),
        direction: 'slipped',
        before: expect.objectContaining({ source: expect.objectContaining({ id: 'rapport-2020', year: 2020 }) }),
        after: expect.objectContaining({ source: expect.objectContaining({ id: 'rapport-2021', year: 2021 }) }),
      }),
    );
    expect(diff.findingsOpened.map((f: any) => `${f.rule}:${f.subject.id}`)).toContain('slipping-status:fa-tjenester');
  });

  it('GET /api/timeline gives the dated statuses beside the milestones, each in its year with its source, and none as of an earlier year', async () => {
    const res = await get('/api/timeline');
    expect(res.statusCode).toBe(200);
    const answer = body(res);
    // Backward compatible: the milestones are still `items` (the gap fixture has none).
    expect(answer.items).toEqual([]);
    expect(answer.years).toEqual([2020, 2021]);
    const of = (id: string) => answer.statuses.filter((s: any) => s.subject.id === id);
    expect(of('fa-tjenester').map((s: any) => [s.year, s.progress, s.label, s.source.id, s.source.name])).toEqual([
      [2020, 'on_track', 'På plan', 'rapport-2020', 'Erfaringsrapport 2020'],
      [2021, 'minor_delays', 'Mindre forsinkelser', 'rapport-2021', 'Erfaringsrapport 2021'],
    ]);
    expect(of('fa-tjenester')[0].subject).toEqual({ id: 'fa-tjenester', kind: 'FocusArea', name: 'Sammenhengende tjenester' });
    expect(of('fa-kompetanse').map((s: any) => [s.year, s.progress, s.label])).toEqual([
      [2020, 'not_started', null],
      [2021, 'not_started', 'Ikke startet'],
    ]);
    // Not carried forward: «Økt deling av data» has its 2020 status and no 2021 one.
    expect(of('fa-data').map((s: any) => s.year)).toEqual([2020]);
    const in2020 = body(await get('/api/timeline?asOf=2020'));
    expect(in2020.years).toEqual([2020]);
    expect(new Set(in2020.statuses.map((s: any) => s.year))).toEqual(new Set([2020]));
    expect(in2020.statuses).toEqual(answer.statuses.filter((s: any) => s.year === 2020));
  });

  it('answers gaps, coverage and timeline as of a year; the default is the latest year', async () => {
    const rulesIn = async (url: string) => new Set(body(await get(url)).findings.map((f: any) => f.rule));
    expect(await rulesIn('/api/gaps?asOf=2020')).not.toContain('slipping-status');
    expect(await rulesIn('/api/gaps')).toContain('slipping-status');
    expect(body(await get('/api/gaps')).asOf).toBe(2021);
    expect(body(await get('/api/gaps?asOf=2020')).asOf).toBe(2020);
    expect((await get('/api/coverage?preset=focus-area-goal&asOf=2020')).statusCode).toBe(200);
    expect((await get('/api/timeline?asOf=2020')).statusCode).toBe(200);
  });

  it('GET /api/years lists a year no source reports on with no sources, and asOf accepts it', async () => {
    // The fixture with a 2018 status note that has a web address: 2019 lies between the sources and none covers it.
    const loaded = await loadDatasetDir('test/fixtures/gaps');
    if (!loaded.ok) throw new Error('the gap fixture is invalid');
    const note = { kind: 'Report', id: 'notat-2018', name: 'Statusnotat 2018', source: 'rapport-2020', year: 2018, url: 'https://example.org/notat-2018' };
    const store = new LadybugStore({ path: ':memory:' });
    await store.replaceDataset({ ...loaded.dataset, nodes: [...loaded.dataset.nodes, note] as typeof loaded.dataset.nodes });
    const gapped = await build({ store });
    try {
      const list = body(await gapped.app.inject({ method: 'GET', url: '/api/years' }));
      expect(list.items.map((i: any) => [i.year, i.sources.map((s: any) => s.name)])).toEqual([
        [2018, ['Statusnotat 2018']],
        [2019, []],
        [2020, ['Erfaringsrapport 2020']],
        [2021, ['Erfaringsrapport 2021']],
      ]);
      expect(list.items[0].sources[0]).toEqual({ id: 'notat-2018', name: 'Statusnotat 2018', year: 2018, url: 'https://example.org/notat-2018' });
      expect(list.latest).toBe(2021);
      const silent = await gapped.app.inject({ method: 'GET', url: '/api/gaps?asOf=2019' });
      expect(silent.statusCode).toBe(200);
      expect(body(silent).asOf).toBe(2019);
    } finally {
      await gapped.close();
    }
  });

  it.each([
    ['/api/gaps?asOf=abc', 'asOf', 'must be a whole number'],
    ['/api/gaps?asOf=1990', 'asOf', 'no source in the data covers 1990 or earlier (the data covers 2020–2021)'],
    ['/api/timeline?asOf=2030', 'asOf', 'no source in the data covers 2030 (the data covers 2020–2021; the latest year is 2021)'],
    ['/api/coverage?preset=focus-area-goal&asOf=', 'asOf', 'is empty'],
    ['/api/diff?from=2021&to=2020', 'from', 'must not be after to (2021 > 2020)'],
    ['/api/diff?from=2019&to=2021', 'from', 'no source in the data covers 2019 or earlier'],
    ['/api/diff?to=2021', 'from', ''],
  ])('%s is a 400 naming %s', async (url, field, message) => {
    const res = await get(url);
    expect(res.statusCode).toBe(400);
    const error = body(res).error;
    expect(error.code).toBe('invalid_request');
    expect(error.details.map((d: any) => d.field)).toContain(field);
    expect(error.message).toContain(message);
  });
});
