import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LadybugStore } from '../../graph/adapters/ladybug/store.js';
import { loadDatasetDir } from '../../graph/dataset/load.js';
import { coverageByPreset } from '../../graph/analysis/index.js';
import { reviewedSnapshot } from '../../graph/review/read.js';
import { snapshotForYear } from '../../server/routes/years.js';
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

  it('answers the named coverage matrices with counts, and the links behind each cell from the cell route', async () => {
    const presets = (await sut.app.inject({ method: 'GET', url: '/api/coverage/presets' })).json();
    expect(presets.items.map((p: { id: string }) => p.id)).toEqual([
      'focus-area-goal',
      'life-event-agency',
      'focus-area-agency',
      'driver-focus-area',
      'recommendation-focus-area',
    ]);
    const full = snapshotForYear(await reviewedSnapshot(sut.store), undefined);
    for (const preset of presets.items) {
      const res = await sut.app.inject({ method: 'GET', url: `/api/coverage?preset=${preset.id}` });
      expect(res.statusCode, preset.id).toBe(200);
      const matrix = res.json();
      // Counts only: no chains in the matrix, and the counts are those of the whole analysis.
      expect(matrix.edges, preset.id).toBeUndefined();
      const expected = coverageByPreset(full, preset.id);
      expect(matrix.cells, preset.id).toEqual(expected.cells.map(({ row, col, count, stated }) => ({ row, col, count, stated })));
      expect(matrix.totals).toEqual(expected.totals);
      // The same text again (kept with the graph version), not a matrix written anew.
      expect((await sut.app.inject({ method: 'GET', url: `/api/coverage?preset=${preset.id}` })).body).toBe(res.body);
      for (const cell of expected.cells.slice(0, 5)) {
        const url = `/api/coverage/cell?preset=${preset.id}&row=${encodeURIComponent(cell.row)}&col=${encodeURIComponent(cell.col)}`;
        const links = await sut.app.inject({ method: 'GET', url });
        expect(links.statusCode, url).toBe(200);
        const body = links.json();
        expect(body).toMatchObject({ row: cell.row, col: cell.col, count: cell.count, stated: cell.stated, paths: cell.paths });
        expect(body.edges.map((e: { id: string }) => e.id)).toEqual(cell.edges);
        expect(body.edges.every((e: { properties: { basis: string } }) => ['stated', 'inferred'].includes(e.properties.basis))).toBe(true);
      }
    }
    const goals = (await sut.app.inject({ method: 'GET', url: '/api/coverage?preset=focus-area-goal' })).json();
    expect(goals.rowNodes).toHaveLength(8);
    expect(goals.colNodes).toHaveLength(17);
    expect(goals.emptyColShare).toBeGreaterThan(0);
  });

  it('answers an empty cell with no chains, and a row or column not on the axes with a 404', async () => {
    const goals = coverageByPreset(snapshotForYear(await reviewedSnapshot(sut.store), undefined), 'focus-area-goal');
    const filled = new Set(goals.cells.map((c) => `${c.row}|${c.col}`));
    const row = goals.rowNodes.find((r) => goals.colNodes.some((c) => !filled.has(`${r.id}|${c.id}`)))!;
    const col = goals.colNodes.find((c) => !filled.has(`${row.id}|${c.id}`))!;
    const empty = await sut.app.inject({ method: 'GET', url: `/api/coverage/cell?preset=focus-area-goal&row=${row.id}&col=${col.id}` });
    expect(empty.statusCode).toBe(200);
    expect(empty.json()).toEqual({ row: row.id, col: col.id, count: 0, stated: 0, edges: [], paths: [] });
    // A column id that is a real node, but on the other axis: not a cell of this matrix.
    const swapped = await sut.app.inject({ method: 'GET', url: `/api/coverage/cell?preset=focus-area-goal&row=${row.id}&col=${row.id}` });
    expect(swapped.statusCode).toBe(404);
    expect(swapped.json().error.code).toBe('not_found');
    const half = await sut.app.inject({ method: 'GET', url: `/api/coverage/cell?rows=FocusArea&row=${row.id}&col=${col.id}` });
    expect(half.statusCode).toBe(400);
    const noCol = await sut.app.inject({ method: 'GET', url: `/api/coverage/cell?preset=focus-area-goal&row=${row.id}` });
    expect(noCol.statusCode).toBe(400);
    expect(JSON.stringify(noCol.json().error.details)).toContain('"field":"col"');
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

  // Last: it replaces the graph. The matrix and its JSON are kept per graph version; a load must never see the old ones.
  it('answers the new graph after a replace, never the kept matrix of the previous one', async () => {
    const before = await sut.app.inject({ method: 'GET', url: '/api/coverage?preset=focus-area-goal' });
    const cell = before.json().cells[0];
    const links = (await sut.app.inject({ method: 'GET', url: `/api/coverage/cell?preset=focus-area-goal&row=${cell.row}&col=${cell.col}` })).json();
    // The relationships on the cell's chains, by what a dataset knows them by (ids are made from these).
    const dropped = new Set(links.edges.map((e: { from: string; type: string; to: string }) => `${e.from} ${e.type} ${e.to}`));
    const seeds = await loadDatasetDir('seeds');
    if (!seeds.ok) throw new Error('seeds/ is invalid');
    await sut.store.replaceDataset({ ...seeds.dataset, relationships: seeds.dataset.relationships.filter((r) => !dropped.has(`${r.from} ${r.type} ${r.to}`)) });
    const after = await sut.app.inject({ method: 'GET', url: '/api/coverage?preset=focus-area-goal' });
    expect(after.body).not.toBe(before.body);
    expect(after.json().cells.find((c: { row: string; col: string }) => c.row === cell.row && c.col === cell.col)).toBeUndefined();
    const gone = await sut.app.inject({ method: 'GET', url: `/api/coverage/cell?preset=focus-area-goal&row=${cell.row}&col=${cell.col}` });
    expect(gone.json()).toMatchObject({ count: 0, paths: [] });
  });
});
