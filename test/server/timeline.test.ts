// GET /api/timeline on the real embedded store holding the seed graph: what the Timeline view shows. (Its 503 with the
// store down is in health.test.ts, which calls every route documenting one.)
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LadybugStore } from '../../graph/adapters/ladybug/store.js';
import { loadDatasetDir } from '../../graph/dataset/load.js';
import type { Dataset } from '../../graph/schema/dataset.js';
import { build, type TestApp } from './helpers.js';

interface Milestone {
  id: string;
  name: string;
  nameEn?: string;
  date: string | null;
  occurrence?: 'planned' | 'achieved';
  source: string | null;
  sourceRef: { id: string; name: string; year: number | null; url?: string } | null;
  page: number | null;
  quote: string | null;
  initiatives: { id: string; name: string; nameEn?: string }[];
}

describe('GET /api/timeline on the 2020 dataset', () => {
  let sut: TestApp;
  let seeds: Dataset;
  beforeAll(async () => {
    const loaded = await loadDatasetDir('seeds');
    if (!loaded.ok) throw new Error('seeds/ is invalid');
    seeds = loaded.dataset;
    const store = new LadybugStore({ path: ':memory:' });
    await store.replaceDataset(seeds);
    sut = await build({ store });
  });
  afterAll(async () => {
    await sut.close();
  });

  it('lists every milestone once, ordered by date then id, with its provenance and initiatives', async () => {
    const res = await sut.app.inject({ method: 'GET', url: '/api/timeline' });
    expect(res.statusCode).toBe(200);
    const items = res.json<{ items: Milestone[] }>().items;
    const milestones = seeds.nodes.filter((n) => n.kind === 'Milestone');
    expect(items.map((m) => m.id).sort()).toEqual(milestones.map((m) => m.id).sort());
    // In time: by the first month a date can mean ("2020-autumn" is September 2020), undated last.
    const SEASON: Record<string, number> = { winter: 1, spring: 3, summer: 6, autumn: 9 };
    const firstMonth = (date: string | null) => {
      if (date === null) return Infinity;
      const [y, rest] = [Number(date.slice(0, 4)), date.slice(5, 7)];
      const month = /^\d\d$/.test(rest)
        ? Number(rest)
        : (SEASON[date.slice(5)] ?? (rest[0] === 'H' ? (Number(rest[1]) - 1) * 6 + 1 : rest[0] === 'Q' ? (Number(rest[1]) - 1) * 3 + 1 : 1));
      return y * 12 + month;
    };
    for (const [a, b] of items.slice(1).map((m, i) => [items[i]!, m] as const)) {
      expect(firstMonth(a.date) <= firstMonth(b.date), `${a.id} (${a.date}) before ${b.id} (${b.date})`).toBe(true);
    }
    // The StartOFF pilots (autumn 2020) come after June 2020 and before the September 2020 milestones, not after 2020-12.
    const at = (id: string) => items.findIndex((m) => m.id === id);
    expect(at('milepael-startoff-pilotering')).toBeGreaterThan(at('milepael-programkontor-opprettet'));
    expect(at('milepael-startoff-pilotering')).toBeLessThan(at('milepael-ressurssenter-lansert'));
    // Planned or reached, as the data says.
    expect(items.find((m) => m.id === 'milepael-startoff-pilotering')).toMatchObject({ date: '2020-autumn', occurrence: 'planned' });
    expect(items.find((m) => m.id === 'milepael-ressurssenter-lansert')).toMatchObject({ occurrence: 'achieved' });

    const ai = items.find((m) => m.id === 'milepael-ki-strategi-lagt-fram')!;
    expect(ai).toMatchObject({ date: '2020-01-14', source: 'erfaringsrapport-2020', page: 8, nameEn: 'AI strategy presented' });
    expect(ai.quote).toContain('14. januar');
    // The source named for a reader, beside its id.
    const report = seeds.nodes.find((n) => n.id === 'erfaringsrapport-2020')!;
    expect(ai.sourceRef).toMatchObject({ id: 'erfaringsrapport-2020', name: report.name, year: 2020 });
    expect(ai.sourceRef!.name).not.toBe('erfaringsrapport-2020');
    expect(ai.initiatives.map((i) => i.id)).toEqual(['ki-strategi']);
    // A month alone is kept as given, and a milestone without a page says so.
    expect(items.find((m) => m.id === 'milepael-programkontor-opprettet')).toMatchObject({ date: '2020-06', page: null });
    // Events the ontology cannot tie to an initiative stand alone.
    expect(items.find((m) => m.id === 'milepael-hjemmekontor-12-mars')!.initiatives).toEqual([]);
    // Every HAS_MILESTONE link in the data is on its milestone.
    const links = seeds.relationships
      .filter((r) => r.type === 'HAS_MILESTONE')
      .map((r) => `${r.from}>${r.to}`)
      .sort();
    expect(items.flatMap((m) => m.initiatives.map((i) => `${i.id}>${m.id}`)).sort()).toEqual(links);
  });
});
