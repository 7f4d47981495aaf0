import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LadybugStore } from '../../graph/adapters/ladybug/store.js';
import { loadDatasetDir } from '../../graph/dataset/load.js';
import { build, type TestApp } from './helpers.js';

describe('gap and coverage routes on the 2020 dataset', () => {
  let sut: TestApp;
  beforeAll(async () => {
    const seeds = await loadDatasetDir('seeds');
    if (!seeds.ok) throw new Error('seeds/ is invalid');
    const store = new LadybugStore({ path: ':memory:' });
    await store.replaceDataset(seeds.dataset);
    sut = await build({ store });
  });
  afterAll(async () => {
    await sut.close();
  });

  it('lists every rule and the findings with their evidence', async () => {
    const res = await sut.app.inject({ method: 'GET', url: '/api/gaps' });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.rules.length).toBeGreaterThanOrEqual(10);
    expect(body.summary.total).toBe(body.findings.length);
    expect(body.truncated).toBe(false);
    const notStarted = body.findings.find((f: { rule: string }) => f.rule === 'focus-area-not-started');
    expect(notStarted.subject).toMatchObject({ id: 'okt-digital-kompetanse', kind: 'FocusArea' });
    expect(notStarted.severity).toBe('high');
    expect(notStarted.message.nb.length).toBeGreaterThan(0);
    expect(notStarted.message.en.length).toBeGreaterThan(0);
  });

  it('filters by rule, severity and kind', async () => {
    const byRule = (await sut.app.inject({ method: 'GET', url: '/api/gaps?rule=thin-life-event-coverage' })).json();
    expect(new Set(byRule.findings.map((f: { rule: string }) => f.rule))).toEqual(new Set(['thin-life-event-coverage']));
    expect(byRule.findings.map((f: { subject: { id: string } }) => f.subject.id)).toEqual(
      expect.arrayContaining(['livshendelse-fa-barn', 'livshendelse-miste-og-finne-jobb', 'livshendelse-ny-i-norge', 'livshendelse-starte-og-drive-bedrift']),
    );
    const high = (await sut.app.inject({ method: 'GET', url: '/api/gaps?severity=high' })).json();
    expect(high.findings.every((f: { severity: string }) => f.severity === 'high')).toBe(true);
    const focusAreas = (await sut.app.inject({ method: 'GET', url: '/api/gaps?kind=FocusArea' })).json();
    expect(focusAreas.findings.every((f: { subject: { kind: string } }) => f.subject.kind === 'FocusArea')).toBe(true);
  });

  it('gives each finding its basis, counts them per basis, and files a lowered one under its own severity', async () => {
    const all = (await sut.app.inject({ method: 'GET', url: '/api/gaps' })).json();
    const { stated, mixed, inferred } = all.summary.byBasis;
    expect(stated + mixed + inferred).toBe(all.summary.total);
    expect(inferred).toBeGreaterThan(0);
    // A finding resting on inferences sits one step below its rule, and the severity filter finds it there.
    const lowered = all.findings.find((f: { basis: string; rule: string }) => f.basis === 'inferred' && f.rule === 'dependency-not-started');
    expect(lowered, 'the 2020 dataset holds a dependency finding built on inferred links').toBeDefined();
    expect(lowered.severity).toBe('medium');
    const medium = (await sut.app.inject({ method: 'GET', url: '/api/gaps?severity=medium&rule=dependency-not-started' })).json();
    expect(medium.findings).toContainEqual(lowered);
    expect(lowered.message.en).toContain('hence medium rather than high severity');
    expect(lowered.evidence.edges.filter((e: { decisive?: boolean }) => e.decisive).length).toBeGreaterThan(0);
  });

  it('pages the findings with limit and offset, counting every match in the summary', async () => {
    const all = (await sut.app.inject({ method: 'GET', url: '/api/gaps' })).json();
    expect(all.findings.length).toBeGreaterThan(12);
    const first = (await sut.app.inject({ method: 'GET', url: '/api/gaps?limit=5' })).json();
    expect(first.findings).toEqual(all.findings.slice(0, 5));
    expect(first.truncated).toBe(true);
    expect(first.summary).toEqual(all.summary);
    const next = (await sut.app.inject({ method: 'GET', url: '/api/gaps?limit=5&offset=5' })).json();
    expect(next.findings).toEqual(all.findings.slice(5, 10));
    const last = (await sut.app.inject({ method: 'GET', url: `/api/gaps?limit=5&offset=${all.findings.length - 2}` })).json();
    expect(last.findings).toHaveLength(2);
    expect(last.truncated).toBe(false);
    for (const bad of ['limit=0', 'limit=5001', 'offset=-1', 'limit=ten', 'offset=', 'limit=']) {
      const res = await sut.app.inject({ method: 'GET', url: `/api/gaps?${bad}` });
      expect(res.statusCode, bad).toBe(400);
      expect(JSON.stringify(res.json().error.details), bad).toContain(`"field":"${bad.split('=')[0]}"`);
    }
  });

  it('400s an unknown rule, severity or kind, naming the field', async () => {
    const rule = await sut.app.inject({ method: 'GET', url: '/api/gaps?rule=everything' });
    expect(rule.statusCode).toBe(400);
    expect(rule.json().error.message).toContain('unknown gap rule "everything"');
    expect(rule.json().error.details).toEqual([
      { field: 'rule', in: 'querystring', message: expect.stringContaining('expected one of focus-area-not-started') },
    ]);
    const severity = await sut.app.inject({ method: 'GET', url: '/api/gaps?severity=urgent' });
    expect(severity.statusCode).toBe(400);
    expect(JSON.stringify(severity.json().error.details)).toContain('"field":"severity"');
    expect((await sut.app.inject({ method: 'GET', url: '/api/gaps?kind=Ministry' })).statusCode).toBe(400);
  });

  it('answers the named coverage matrices, each cell with the links behind it', async () => {
    const presets = (await sut.app.inject({ method: 'GET', url: '/api/coverage/presets' })).json();
    expect(presets.items.map((p: { id: string }) => p.id)).toEqual([
      'focus-area-goal',
      'life-event-agency',
      'focus-area-agency',
      'driver-focus-area',
      'recommendation-focus-area',
    ]);
    for (const preset of presets.items) {
      const res = await sut.app.inject({ method: 'GET', url: `/api/coverage?preset=${preset.id}` });
      expect(res.statusCode, preset.id).toBe(200);
      const matrix = res.json();
      const edgeIds = new Set(matrix.edges.map((e: { id: string }) => e.id));
      for (const cell of matrix.cells) for (const id of cell.edges) expect(edgeIds.has(id), `${preset.id} ${id}`).toBe(true);
    }
    const goals = (await sut.app.inject({ method: 'GET', url: '/api/coverage?preset=focus-area-goal' })).json();
    expect(goals.rowNodes).toHaveLength(8);
    expect(goals.colNodes).toHaveLength(17);
    expect(goals.emptyColShare).toBeGreaterThan(0);
  });

  it('builds a matrix for any two kinds, and refuses half a request', async () => {
    const any = await sut.app.inject({ method: 'GET', url: '/api/coverage?rows=Initiative&cols=LifeEvent' });
    expect(any.statusCode).toBe(200);
    expect(any.json()).toMatchObject({ rows: 'Initiative', cols: 'LifeEvent' });
    const half = await sut.app.inject({ method: 'GET', url: '/api/coverage?rows=Initiative' });
    expect(half.statusCode).toBe(400);
    expect(JSON.stringify(half.json().error.details)).toContain('"field":"cols"');
    const both = await sut.app.inject({ method: 'GET', url: '/api/coverage?preset=focus-area-goal&rows=Agency' });
    expect(both.statusCode).toBe(400);
  });
});
