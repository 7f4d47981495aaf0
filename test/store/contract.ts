// One contract for every GraphStore adapter: each adapter's test file calls defineStoreContract with a factory.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDatasetDir } from '../../graph/dataset/load.js';
import type { Dataset } from '../../graph/schema/dataset.js';
import type { GraphStore } from '../../graph/store/port.js';
import { StoreError } from '../../graph/store/errors.js';
import { toDatasetNode, toDatasetRelationship } from '../../graph/schema/records.js';

export async function fixtureDataset(dir = 'test/fixtures/small'): Promise<Dataset> {
  const result = await loadDatasetDir(dir);
  if (!result.ok) throw new Error(`fixture ${dir} is invalid: ${JSON.stringify(result.problems)}`);
  return result.dataset;
}

const LIMITS = { timeoutMs: 5000, rowCap: 1000 };
const sortById = <T extends { id: string }>(xs: T[]) => [...xs].sort((a, b) => a.id.localeCompare(b.id));
const relKey = (r: { type: string; from: string; to: string }) => `${r.from}:${r.type}:${r.to}`;
const byRelKey = (a: { type: string; from: string; to: string }, b: { type: string; from: string; to: string }) => relKey(a).localeCompare(relKey(b));

async function expectStoreError(promise: Promise<unknown>, code: StoreError['code']): Promise<StoreError> {
  const err = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err, `expected a StoreError ${code}`).toBeInstanceOf(StoreError);
  expect((err as StoreError).code).toBe(code);
  return err as StoreError;
}

export function defineStoreContract(label: string, makeStore: () => Promise<GraphStore>): void {
  describe(`GraphStore contract: ${label}`, () => {
    let sut: GraphStore;
    let fixture: Dataset;

    beforeAll(async () => {
      sut = await makeStore();
      await sut.open();
      fixture = await fixtureDataset();
      await sut.replaceDataset(fixture);
    });
    afterAll(async () => {
      await sut?.close();
    });

    it('reports itself healthy', async () => {
      expect(await sut.health()).toMatchObject({ available: true, backend: sut.backend });
    });

    it('counts every kind and type of the fixture', async () => {
      const stats = await sut.stats();
      expect(stats.backend).toBe(sut.backend);
      expect(stats.nodes).toMatchObject({ FocusArea: 2, Initiative: 3, Agency: 3, Goal: 2, Report: 2 });
      expect(stats.relationships).toMatchObject({ PART_OF: 6, LEADS: 2, CONTRIBUTES_TO: 2 });
      expect(Object.values(stats.nodes).reduce((a, b) => a + b, 0)).toBe(fixture.nodes.length);
      expect(Object.values(stats.relationships).reduce((a, b) => a + b, 0)).toBe(fixture.relationships.length);
    });

    it('gives back exactly the dataset it was given', async () => {
      const snapshot = await sut.snapshot();
      const sortById = <T extends { id: string }>(xs: T[]) => [...xs].sort((a, b) => a.id.localeCompare(b.id));
      expect(sortById(snapshot.nodes.map(toDatasetNode))).toEqual(sortById(fixture.nodes));
      const relKey = (r: { type: string; from: string; to: string }) => `${r.from}:${r.type}:${r.to}`;
      expect(snapshot.edges.map(toDatasetRelationship).sort((a, b) => relKey(a).localeCompare(relKey(b)))).toEqual(
        [...fixture.relationships].sort((a, b) => relKey(a).localeCompare(relKey(b))),
      );
      expect(snapshot.meta).toEqual(fixture.dataset);
      expect(snapshot.references).toEqual(fixture.references);
      // The header alone, as partial exports read it, is the snapshot's.
      expect(await sut.datasetMeta()).toEqual({ meta: snapshot.meta, references: snapshot.references });
    });

    it('reads a node with its degree per relationship type', async () => {
      const node = await sut.getNode('init-stimulab');
      expect(node).toMatchObject({ id: 'init-stimulab', kind: 'Initiative', name: 'StimuLab' });
      expect(node?.properties).toMatchObject({ category: 'supporting', status: 'in_progress', source: 'rapport-2020' });
      expect(node?.degree).toEqual({
        PART_OF: { out: 1, in: 0 },
        LEADS: { out: 0, in: 1 },
        PARTICIPATES_IN: { out: 0, in: 1 },
        SERVES: { out: 1, in: 0 },
        HAS_STATUS: { out: 1, in: 0 },
      });
    });

    it('keeps integers, booleans, lists and explicit nulls as plain values', async () => {
      const [goal] = await sut.getNodes(['sdg-4']);
      expect(goal?.properties['number']).toBe(4);
      const status = await sut.getNode('status-stimulab-2020');
      expect(status?.properties['complete']).toBe(false);
      expect(status?.properties['missing']).toEqual(['challenges', 'learnings', 'nextTasks']);
      expect(status?.properties).not.toHaveProperty('challenges');
    });

    it('answers null for an unknown node', async () => {
      expect(await sut.getNode('does-not-exist')).toBeNull();
      expect(await sut.getNodes(['does-not-exist'])).toEqual([]);
    });

    it('searches names accent- and case-insensitively, exact before prefix before contains', async () => {
      const okt = await sut.searchNodes({ q: 'OKT digital', limit: 10, offset: 0 });
      expect(okt.items.map((n) => n.id)).toEqual(['fa-kompetanse']);
      const digital = await sut.searchNodes({ q: 'digital', limit: 10, offset: 0 });
      // Ties sort by the accent-folded name: «Én» as e, «Økt» as o.
      expect(digital.items.map((n) => n.id)).toEqual(['digdir', 'strategi', 'fa-kompetanse', 'init-kompetansestrategi']);
      const exact = await sut.searchNodes({ q: 'ks', limit: 10, offset: 0 });
      expect(exact.items[0]?.id).toBe('ks');
      const english = await sut.searchNodes({ q: 'quality educ', limit: 10, offset: 0 });
      expect(english.items.map((n) => n.id)).toEqual(['sdg-4']);
    });

    it('filters search by kind and pages with a stable total', async () => {
      const all = await sut.searchNodes({ kind: 'Agency', limit: 2, offset: 0 });
      expect(all.total).toBe(3);
      expect(all.items).toHaveLength(2);
      const rest = await sut.searchNodes({ kind: 'Agency', limit: 2, offset: 2 });
      expect(rest.items).toHaveLength(1);
      expect(new Set([...all.items, ...rest.items].map((n) => n.id))).toEqual(new Set(['digdir', 'kmd', 'ks']));
    });

    it('treats search input as text, never as query syntax', async () => {
      for (const q of ["' OR 1=1 --", '") RETURN n //', '\\', '%_*']) {
        const result = await sut.searchNodes({ q, limit: 10, offset: 0 });
        expect(result.total, q).toBe(0);
      }
    });

    it('expands neighbours to the requested depth', async () => {
      const one = await sut.neighbors('init-stimulab', { depth: 1, limit: 100 });
      expect(one.nodes.map((n) => n.id).sort()).toEqual(['digdir', 'fa-tjenester', 'init-stimulab', 'ks', 'le-alvorlig-sykt-barn', 'status-stimulab-2020']);
      expect(one.edges).toHaveLength(5);
      const two = await sut.neighbors('init-stimulab', { depth: 2, limit: 100 });
      expect(two.nodes.map((n) => n.id)).toEqual(expect.arrayContaining(['handlingsplan', 'rapport-2020', 'init-ki', 'drv-tech', 'ex-chatbot']));
    });

    it('filters neighbours by relationship type, basis and kind, and caps the node count', async () => {
      const leads = await sut.neighbors('init-stimulab', { depth: 1, types: ['LEADS'], limit: 100 });
      expect(leads.edges.map((e) => e.id)).toEqual(['digdir:LEADS:init-stimulab']);
      const inferred = await sut.neighbors('ex-chatbot', { depth: 1, basis: 'inferred', limit: 100 });
      expect(inferred.edges.map((e) => e.id).sort()).toEqual(['ex-chatbot:CONTRIBUTES_TO:sdg-9', 'ex-chatbot:INVOLVES:ks']);
      const agencies = await sut.neighbors('init-stimulab', { depth: 1, kinds: ['Agency'], limit: 100 });
      expect(agencies.nodes.map((n) => n.id).sort()).toEqual(['digdir', 'init-stimulab', 'ks']);
      const capped = await sut.neighbors('init-stimulab', { depth: 2, limit: 3 });
      expect(capped.nodes).toHaveLength(3);
      expect(capped.truncated).toBe(true);
      expect(agencies.truncated).toBe(false);
      for (const edge of capped.edges) {
        expect(capped.nodes.map((n) => n.id)).toEqual(expect.arrayContaining([edge.from, edge.to]));
      }
    });

    it('gives an empty neighbourhood for an unknown node', async () => {
      expect(await sut.neighbors('nope', { depth: 2, limit: 10 })).toEqual({ nodes: [], edges: [], truncated: false });
    });

    it('finds shortest paths ignoring direction, or only along it when asked', async () => {
      const paths = await sut.shortestPaths('ks', 'le-alvorlig-sykt-barn', { maxLength: 4, directed: false, limit: 5 });
      expect(paths.map((p) => p.nodes.map((n) => n.id))).toEqual([['ks', 'init-stimulab', 'le-alvorlig-sykt-barn']]);
      expect(paths[0]?.edges.map((e) => e.id)).toEqual(['ks:PARTICIPATES_IN:init-stimulab', 'init-stimulab:SERVES:le-alvorlig-sykt-barn']);
      const directed = await sut.shortestPaths('ks', 'le-alvorlig-sykt-barn', { maxLength: 4, directed: true, limit: 5 });
      expect(directed).toHaveLength(1);
      const against = await sut.shortestPaths('le-alvorlig-sykt-barn', 'ks', { maxLength: 4, directed: true, limit: 5 });
      expect(against).toEqual([]);
    });

    it('returns every shortest path, all of the same length', async () => {
      const paths = await sut.shortestPaths('digdir', 'fa-kompetanse', { maxLength: 6, directed: false, limit: 10 });
      expect(paths.length).toBeGreaterThan(0);
      const lengths = new Set(paths.map((p) => p.edges.length));
      expect(lengths.size).toBe(1);
      expect(paths[0]?.nodes[0]?.id).toBe('digdir');
      expect(paths[0]?.nodes.at(-1)?.id).toBe('fa-kompetanse');
    });

    it('finds no path beyond maxLength, to an unknown node or to itself', async () => {
      expect(await sut.shortestPaths('ks', 'le-alvorlig-sykt-barn', { maxLength: 1, directed: false, limit: 5 })).toEqual([]);
      expect(await sut.shortestPaths('ks', 'nope', { maxLength: 4, directed: false, limit: 5 })).toEqual([]);
      expect(await sut.shortestPaths('ks', 'ks', { maxLength: 4, directed: false, limit: 5 })).toEqual([]);
    });

    it('runs the named relationship queries', async () => {
      expect((await sut.runNamed('agencies-of-initiative', { id: 'init-stimulab' })).rows).toEqual([
        { agency: 'digdir', name: 'Digitaliseringsdirektoratet', role: 'LEADS' },
        { agency: 'ks', name: 'KS', role: 'PARTICIPATES_IN' },
      ]);
      expect((await sut.runNamed('initiatives-of-focus-area', { id: 'fa-kompetanse' })).rows).toEqual([
        { initiative: 'init-kompetansestrategi', name: 'Strategi for digital kompetanse', status: 'planned', leads: [], responsible: [] },
      ]);
      expect((await sut.runNamed('dependencies', { id: 'init-kompetansestrategi' })).rows).toEqual([
        { initiative: 'init-ki', name: 'Nasjonal strategi for kunstig intelligens', status: 'completed', distance: 1 },
      ]);
      expect((await sut.runNamed('recommendation-follow-up', { id: 'rec-sdg' })).rows).toEqual([
        { relation: 'PROPOSES', id: 'init-kompetansestrategi', name: 'Strategi for digital kompetanse', kind: 'Initiative' },
        { relation: 'TARGETS', id: 'handlingsplan', name: 'Handlingsplan', kind: 'ActionPlan' },
      ]);
      expect((await sut.runNamed('drivers-of', { id: 'fa-tjenester' })).rows).toEqual([
        { driver: 'drv-tech', name: 'Teknologisk utvikling', trends: ['trend-ki'] },
      ]);
      expect((await sut.runNamed('work-of-agency', { id: 'nobody' })).rows).toEqual([]);
    });

    it('refuses unknown named queries and malformed parameters', async () => {
      await expectStoreError(sut.runNamed('drop-everything', {}), 'query_invalid');
      await expectStoreError(sut.runNamed('dependencies', { id: 42 }), 'query_invalid');
    });

    it('runs read-only analyst Cypher and serialises nodes and relationships', async () => {
      const result = await sut.readQuery('MATCH (a:Agency)-[r:LEADS]->(i:Initiative) WHERE a.id = $id RETURN a.name AS name, r, i', { id: 'digdir' }, LIMITS);
      expect(result.columns).toEqual(['name', 'r', 'i']);
      expect(result.rows).toHaveLength(1);
      expect(result.rows[0]?.[0]).toBe('Digitaliseringsdirektoratet');
      expect(result.rows[0]?.[1]).toMatchObject({
        id: 'digdir:LEADS:init-stimulab',
        type: 'LEADS',
        from: 'digdir',
        to: 'init-stimulab',
        properties: { page: 7, basis: 'stated' },
      });
      expect(result.rows[0]?.[2]).toMatchObject({ id: 'init-stimulab', kind: 'Initiative', name: 'StimuLab' });
    });

    it('refuses writes through the analyst path and leaves the graph unchanged', async () => {
      const before = await sut.stats();
      for (const cypher of [
        "MATCH (a:Agency {id: 'digdir'}) SET a.name = 'hacked' RETURN a",
        "CREATE (:Agency {id: 'evil', name: 'Evil'})",
        "MATCH (a:Agency {id: 'ks'}) DETACH DELETE a",
        "MERGE (:Goal {id: 'sdg-99'})",
      ]) {
        await expectStoreError(sut.readQuery(cypher, {}, LIMITS), 'read_only');
      }
      expect(await sut.stats()).toEqual(before);
      expect((await sut.getNode('digdir'))?.name).toBe('Digitaliseringsdirektoratet');
    });

    it('stops a query at the row cap with a clear error', async () => {
      const err = await expectStoreError(sut.readQuery('MATCH (n:Agency) RETURN n.id', {}, { timeoutMs: 5000, rowCap: 2 }), 'row_cap_exceeded');
      expect(err.message).toContain('2 rows');
    });

    it('stops a query that runs past the timeout', async () => {
      await expectStoreError(
        // Relationships, not unlabelled nodes: on Neo4j a query may not start from a node pattern without a label.
        sut.readQuery(
          'MATCH ()-[a]->(), ()-[b]->(), ()-[c]->(), ()-[d]->(), ()-[e]->(), ()-[f]->() WHERE a.basis <> f.basis RETURN count(*) AS c',
          {},
          {
            timeoutMs: 200,
            rowCap: 10,
          },
        ),
        'query_timeout',
      );
    });

    it('rejects invalid Cypher, file access and several statements as invalid queries', async () => {
      await expectStoreError(sut.readQuery('MATCH (n RETURN n', {}, LIMITS), 'query_invalid');
      await expectStoreError(sut.readQuery("LOAD CSV FROM 'file:///etc/passwd' AS l RETURN l", {}, LIMITS), 'query_invalid');
      await expectStoreError(sut.readQuery('MATCH (n:Agency) RETURN n; MATCH (m) RETURN m', {}, LIMITS), 'query_invalid');
      await expectStoreError(sut.readQuery('   ', {}, LIMITS), 'query_invalid');
    });

    it('keeps the previous graph when a load fails midway', async () => {
      const before = await sut.snapshot();
      const broken: Dataset = {
        ...fixture,
        nodes: [...fixture.nodes, { kind: 'Agency', id: 'new-agency', name: 'Ny virksomhet', sector: 'state', source: 'rapport-2020' }],
        relationships: [...fixture.relationships, { ...fixture.relationships[0]!, from: 'missing-node' }],
      };
      await expectStoreError(sut.replaceDataset(broken), 'load_failed');
      expect(await sut.snapshot()).toEqual(before);
      expect(await sut.getNode('new-agency')).toBeNull();
    });

    it('rolls back a load that fails inside the transaction', async () => {
      const before = await sut.snapshot();
      // Validation would catch the duplicate; given straight to the store, the database's own uniqueness check fails it midway.
      const duplicate: Dataset = { ...fixture, nodes: [...fixture.nodes, { ...fixture.nodes.find((n) => n.id === 'ks')!, name: 'KS igjen' }] };
      await expectStoreError(sut.replaceDataset(duplicate), 'load_failed');
      expect(await sut.snapshot()).toEqual(before);
    });

    it('reports missing or malformed query parameters as invalid queries', async () => {
      await expectStoreError(sut.readQuery('MATCH (a:Agency) WHERE a.id = $id RETURN a.name', {}, LIMITS), 'query_invalid');
      await expectStoreError(sut.readQuery('MATCH (a:Agency) RETURN a.name LIMIT $n', { n: 'ten' }, LIMITS), 'query_invalid');
      const ok = await sut.readQuery('MATCH (a:Agency) RETURN a.name AS name ORDER BY name LIMIT $n', { n: 2 }, LIMITS);
      expect(ok.rows).toEqual([['Digitaliseringsdirektoratet'], ['KS']]);
    });

    it('holds the second model round: new kinds and roles, decimals, seasons, aliases and inferred fields, exactly', async () => {
      const model = await fixtureDataset('test/fixtures/model');
      try {
        await sut.replaceDataset(model);
        const snapshot = await sut.snapshot();
        expect(sortById(snapshot.nodes.map(toDatasetNode))).toEqual(sortById(model.nodes));
        expect(snapshot.edges.map(toDatasetRelationship).sort(byRelKey)).toEqual([...model.relationships].sort(byRelKey));
        const stats = await sut.stats();
        expect(stats.nodes).toMatchObject({ Objective: 1, Indicator: 1, Measurement: 3, Obstacle: 1, Funding: 2 });
        expect(stats.relationships).toMatchObject({ RESPONSIBLE_FOR: 3, LEADS: 1, MEASURES: 3, INFORMS: 1, BLOCKS: 1, FUNDS: 1 });

        const measurement = await sut.getNode('odm-2021');
        expect(measurement?.properties).toMatchObject({ value: 0.91, outOf: 1, year: 2021, valueLabel: '91 %' });
        const area = await sut.getNode('fa-data');
        expect(area?.inferred).toEqual(model.nodes.find((n) => n.id === 'fa-data')!.inferred);
        expect(area?.properties).not.toHaveProperty('inferred');
        const initiative = await sut.getNode('init-ressurssenter');
        expect(initiative?.properties).toMatchObject({
          aliases: ['Etablere et nasjonalt ressurssenter for deling av data', 'Ressurssenteret'],
          startDate: '2020-autumn',
        });
        expect(initiative?.inferred).toBeUndefined();
        const assessment = await sut.getNode('vurdering-fa-data-2022');
        expect(assessment?.properties).toMatchObject({ progress: 'minor_delays', statusLabel: 'Mindre forsinkelser', executingLabel: 'Uavklart' });
        const ended = snapshot.edges.find((e) => e.id === 'kmd:RESPONSIBLE_FOR:fa-data');
        expect(ended?.properties.endedBy).toBe('rapport-2022');
        const grant = await sut.getNode('tilskudd-eti');
        expect(grant?.properties).toMatchObject({ amount: 57383633, currency: 'NOK', fundingType: 'grant' });

        // A series is read back in year order through the analysts' Cypher, with the values' decimals intact.
        const series = await sut.readQuery(
          'MATCH (m:Measurement)-[:MEASURES]->(i:Indicator {id: $id}) RETURN m.year AS year, m.value AS value ORDER BY year',
          { id: 'ind-odm' },
          LIMITS,
        );
        expect(series.rows).toEqual([
          [2021, 0.91],
          [2022, 89.5],
          [2023, 90],
        ]);
      } finally {
        await sut.replaceDataset(fixture);
      }
    });

    it('keeps the review decisions a dataset records, and marks every inferred link and field with its state', async () => {
      const model = await fixtureDataset('test/fixtures/model');
      const at = '2025-03-01T09:30:00+01:00';
      const reviewed: Dataset = {
        ...model,
        nodes: model.nodes.map((n) =>
          n.id === 'fa-data' ? { ...n, review: { status: { decision: 'rejected' as const, by: 'Kari «K» Nordmann', at, note: 'Nei – «s. 8».' } } } : n,
        ),
        relationships: model.relationships.map((r) =>
          r.basis === 'inferred' ? { ...r, review: { decision: 'accepted' as const, by: 'Ola', at: '2025-03-02T10:00:00Z' } } : r,
        ),
      };
      const inferredLinks = reviewed.relationships.filter((r) => r.basis === 'inferred');
      expect(inferredLinks.length).toBeGreaterThan(0);
      try {
        await sut.replaceDataset(reviewed);
        const snapshot = await sut.snapshot();
        expect(sortById(snapshot.nodes.map(toDatasetNode))).toEqual(sortById(reviewed.nodes));
        expect(snapshot.edges.map(toDatasetRelationship).sort(byRelKey)).toEqual([...reviewed.relationships].sort(byRelKey));
        const area = await sut.getNode('fa-data');
        expect(area?.review).toEqual({ number: { state: 'unreviewed' }, status: { state: 'rejected', by: 'Kari «K» Nordmann', at, note: 'Nei – «s. 8».' } });
        expect(area?.properties).not.toHaveProperty('review');
        for (const edge of snapshot.edges) {
          if (edge.properties.basis === 'inferred')
            expect(edge.properties.review, edge.id).toEqual({ state: 'accepted', by: 'Ola', at: '2025-03-02T10:00:00Z' });
          else expect(edge.properties, edge.id).not.toHaveProperty('review');
        }
        const link = inferredLinks[0]!;
        const around = await sut.neighbors(link.from, { depth: 1, limit: 100 });
        expect(around.edges.find((e) => e.id === `${link.from}:${link.type}:${link.to}`)?.properties.review).toMatchObject({ state: 'accepted' });
      } finally {
        await sut.replaceDataset(fixture);
      }
    });

    it("keeps an inferred link's note in English and in bokmål apart, and either one alone, exactly", async () => {
      const inferred = fixture.relationships.filter((r) => r.basis === 'inferred');
      expect(inferred.length).toBeGreaterThanOrEqual(3);
      const [both, bokmalOnly, englishOnly] = inferred.map((r) => `${r.from}:${r.type}:${r.to}`);
      const notes: Record<string, { note?: string; noteNb?: string }> = {
        [both!]: { note: 'The page says «neste år» – "next year"; read as 2021.', noteNb: 'Siden sier «neste år» – «neste år»; lest som 2021. Æ ø å ✓' },
        [bokmalOnly!]: { noteNb: 'Bare på bokmål: «kilden» sier det ikke rett ut.' },
        [englishOnly!]: { note: "English only: the source's own words are «s. 8»." },
      };
      const twoLanguages: Dataset = {
        ...fixture,
        relationships: fixture.relationships.map((r) => {
          const own = notes[`${r.from}:${r.type}:${r.to}`];
          if (!own) return r;
          const { note: _en, noteNb: _nb, ...rest } = r;
          return { ...rest, ...own };
        }),
      };
      try {
        await sut.replaceDataset(twoLanguages);
        const snapshot = await sut.snapshot();
        expect(snapshot.edges.map(toDatasetRelationship).sort(byRelKey)).toEqual([...twoLanguages.relationships].sort(byRelKey));
        const edge = (id: string) => snapshot.edges.find((e) => e.id === id)!.properties;
        expect(edge(both!)).toMatchObject({ note: notes[both!]!.note, noteNb: notes[both!]!.noteNb });
        // The language a dataset leaves out is null in the API's shape, never the other language's text.
        expect(edge(bokmalOnly!)).toMatchObject({ note: null, noteNb: notes[bokmalOnly!]!.noteNb });
        expect(edge(englishOnly!)).toMatchObject({ note: notes[englishOnly!]!.note, noteNb: null });
        const from = both!.split(':')[0]!;
        const around = await sut.neighbors(from, { depth: 1, limit: 100 });
        expect(around.edges.find((e) => e.id === both)?.properties.noteNb).toBe(notes[both!]!.noteNb);
      } finally {
        await sut.replaceDataset(fixture);
      }
    });

    it("answers the named queries with both of an initiative's roles and an explicit follow-up", async () => {
      const model = await fixtureDataset('test/fixtures/model');
      try {
        await sut.replaceDataset(model);
        expect((await sut.runNamed('agencies-of-initiative', { id: 'init-ressurssenter' })).rows).toEqual([
          { agency: 'digdir', name: 'Digitaliseringsdirektoratet', role: 'LEADS' },
          { agency: 'kmd', name: 'Kommunal- og moderniseringsdepartementet', role: 'RESPONSIBLE_FOR' },
        ]);
        expect((await sut.runNamed('initiatives-of-focus-area', { id: 'fa-data' })).rows).toEqual([
          {
            initiative: 'init-ressurssenter',
            name: 'Nasjonalt ressurssenter for deling av data',
            status: 'completed',
            leads: ['digdir'],
            responsible: ['kmd'],
          },
        ]);
        // The whole graph, every year: KMD's responsibility for the focus area that a 2022 report ended is listed too.
        expect((await sut.runNamed('work-of-agency', { id: 'kmd' })).rows).toEqual([
          { id: 'fa-data', name: 'Økt deling av data', kind: 'FocusArea', role: 'RESPONSIBLE_FOR' },
          { id: 'init-ressurssenter', name: 'Nasjonalt ressurssenter for deling av data', kind: 'Initiative', role: 'RESPONSIBLE_FOR' },
        ]);
        expect((await sut.runNamed('recommendation-follow-up', { id: 'anb-1' })).rows).toEqual([
          { relation: 'FOLLOWS_UP', id: 'digdir', name: 'Digitaliseringsdirektoratet', kind: 'Agency' },
        ]);
      } finally {
        await sut.replaceDataset(fixture);
      }
    });

    it('replaces the whole graph with a new dataset', async () => {
      const smaller: Dataset = {
        ...fixture,
        dataset: { name: 'smaller', version: '2' },
        nodes: fixture.nodes.filter((n) => n.kind !== 'Example'),
        relationships: fixture.relationships.filter((r) => !r.from.startsWith('ex-')),
      };
      await sut.replaceDataset(smaller);
      const stats = await sut.stats();
      expect(stats.nodes['Example']).toBe(0);
      expect(stats.relationships['ILLUSTRATES']).toBe(0);
      expect((await sut.snapshot()).meta).toEqual({ name: 'smaller', version: '2' });
      await sut.replaceDataset(fixture);
      expect((await sut.stats()).nodes['Example']).toBe(1);
    });

    it('gives one frozen snapshot object while the graph is unchanged, and the new graph after a replace', async () => {
      // The port's promise that the as-of views rely on: they are cached per snapshot object.
      const first = await sut.snapshot();
      expect(await sut.snapshot()).toBe(first);
      expect(Object.isFrozen(first.nodes) && Object.isFrozen(first.edges)).toBe(true);
      const renamed: Dataset = { ...fixture, dataset: { name: 'renamed', version: '3' } };
      await sut.replaceDataset(renamed);
      const second = await sut.snapshot();
      expect(second).not.toBe(first);
      expect(second.meta).toEqual(renamed.dataset);
      expect(await sut.snapshot()).toBe(second);
      await sut.replaceDataset(fixture);
      expect((await sut.snapshot()).meta).toEqual(fixture.dataset);
    });
  });
}
