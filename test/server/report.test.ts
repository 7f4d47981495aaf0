// GET /api/report: the Skate meeting's coverage report as a printable HTML page, on a real embedded store. Its language,
// its year (the years fixture: 2020–2022, an agency first attested in 2022), the page's own strict CSP, every parameter
// checked with a 400 that names it, and data that tries to become markup escaped.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LadybugStore } from '../../graph/adapters/ladybug/store.js';
import { loadDatasetDir } from '../../graph/dataset/load.js';
import type { Dataset } from '../../graph/schema/dataset.js';
import { REPORT_CSP } from '../../server/routes/report.js';
import { body, build, fixtureDataset, type TestApp } from './helpers.js';

async function appOn(dataset: Dataset): Promise<TestApp> {
  const store = new LadybugStore({ path: ':memory:' });
  await store.replaceDataset(dataset);
  return build({ store });
}

async function yearsFixture(): Promise<Dataset> {
  const loaded = await loadDatasetDir('test/fixtures/years');
  if (!loaded.ok) throw new Error('the years fixture is invalid');
  return loaded.dataset;
}

describe('GET /api/report on the years fixture', () => {
  let sut: TestApp;
  beforeAll(async () => {
    sut = await appOn(await yearsFixture());
  });
  afterAll(() => sut?.close());
  const get = (url: string) => sut.app.inject({ method: 'GET', url });

  it('answers the report as an HTML page in bokmål by default, shown in the browser (inline) with its own strict CSP', async () => {
    const res = await get('/api/report');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(res.headers['content-disposition']).toBe('inline; filename="strategigraf-report-nb.html"');
    expect(res.headers['content-security-policy']).toBe(REPORT_CSP);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.body).toMatch(/^<!doctype html>\n<html lang="nb">/);
    expect(res.body).toContain('<h1>Dekningsrapport</h1>');
    expect(res.body).toContain('Oppfølging siden forrige møte');
    // The page needs nothing its CSP forbids: no script, nothing loaded from anywhere.
    expect(res.body).not.toMatch(/<script|<link|<img|src=|@import|url\(/i);
    // Without a year: the latest, without saying "as of".
    expect(res.body).toContain('Erfaringsrapport 2022 (2022)');
    expect(res.body).not.toContain('data-as-of');
  });

  it('answers in English with lang=en', async () => {
    const res = await get('/api/report?lang=en');
    expect(res.statusCode).toBe(200);
    expect(res.body).toMatch(/<html lang="en">/);
    expect(res.body).toContain('<h1>Coverage report</h1>');
    expect(res.body).not.toContain('Dekningsrapport');
    expect(res.headers['content-disposition']).toBe('inline; filename="strategigraf-report-en.html"');
  });

  it('answers as the graph stood in the year asked for, and says so in the header', async () => {
    const early = await get('/api/report?asOf=2020&lang=en');
    expect(early.statusCode).toBe(200);
    expect(early.body).toContain('<li data-as-of="2020"><strong>As of:</strong> 2020</li>');
    expect(early.body).toContain('Erfaringsrapport 2020 (2020)');
    expect(early.body).not.toContain('Klima- og miljødepartementet'); // first attested in 2022
    expect(early.headers['content-disposition']).toBe('inline; filename="strategigraf-report-en-2020.html"');
    const late = await get('/api/report?asOf=2022');
    expect(late.body).toContain('<li data-as-of="2022"><strong>Per år:</strong> 2022</li>');
    expect(late.body).toContain('Klima- og miljødepartementet');
  });

  it('refuses a year outside the data with a 400 naming asOf and the years there are', async () => {
    const res = await get('/api/report?asOf=2019');
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    expect(body(res).error).toEqual({
      code: 'invalid_request',
      message: 'asOf: no source in the data covers 2019 or earlier (the data covers 2020–2022)',
      details: [{ field: 'asOf', in: 'querystring', message: 'no source in the data covers 2019 or earlier (the data covers 2020–2022)' }],
    });
  });

  it.each([
    ['lang=de', 'lang', /must be one of nb, en \(got "de"\)/],
    ['lang=%3Cscript%3Ealert(1)%3C%2Fscript%3E', 'lang', /must be one of nb, en/],
    ['lang=nb&lang=en', 'lang', /must be one of nb, en/],
    ['lang=', 'lang', /must be one of nb, en \(got ""\)/],
    ['asOf=2021abc', 'asOf', /must be a whole number/],
    ['asOf=1e3', 'asOf', /must be a whole number/],
    ['asOf=', 'asOf', /is empty/],
    ['asOf=99999', 'asOf', /must be at most 2200/],
    ['since=2026-02-30', 'since', /must be a calendar date written YYYY-MM-DD/],
    ['since=%22%3E%3Cb%3E', 'since', /must be a calendar date/],
  ])('refuses %s with a 400 that names %s in the query string', async (query, field, message) => {
    const res = await get(`/api/report?${query}`);
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    const error = body(res).error;
    expect(error.code).toBe('invalid_request');
    expect(error.details).toEqual([expect.objectContaining({ field, in: 'querystring', message: expect.stringMatching(message) })]);
  });

  it('refuses a parameter it does not know, by name', async () => {
    const res = await get('/api/report?format=pdf');
    expect(res.statusCode).toBe(400);
    expect(JSON.stringify(body(res).error)).toContain('format');
  });

  it('takes the last meeting from since: the follow-up section says the date', async () => {
    const res = await get('/api/report?since=2026-01-15&lang=en');
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('15 January 2026');
  });
});

describe('GET /api/report with data that tries to be markup', () => {
  let sut: TestApp;
  const hostile = '<script>alert(1)</script>"><img src=x onerror=alert(2)>';
  beforeAll(async () => {
    const dataset = structuredClone(await fixtureDataset());
    dataset.nodes = dataset.nodes.map((n) => (n.id === 'fa-kompetanse' ? { ...n, name: `Kompetanse ${hostile}` } : n));
    dataset.dataset = { ...dataset.dataset, name: `Fixture ${hostile}` };
    sut = await appOn(dataset);
  });
  afterAll(() => sut?.close());

  it('escapes it wherever it lands: title, header, findings, matrices', async () => {
    const res = await sut.app.inject({ method: 'GET', url: '/api/report' });
    expect(res.statusCode).toBe(200);
    expect(res.body).not.toContain('<script>');
    expect(res.body).not.toContain('<img');
    // In an attribute, a quote must not end it early: the dataset's name goes into <title> and the generator meta only as text.
    expect(res.body).not.toMatch(/="[^"]*<script/);
    expect(res.body).toContain('Fixture &lt;script&gt;alert(1)&lt;/script&gt;&quot;&gt;&lt;img src=x onerror=alert(2)&gt;');
    expect(res.body).toContain('Kompetanse &lt;script&gt;');
  });
});
