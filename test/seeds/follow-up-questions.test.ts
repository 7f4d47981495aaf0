// Questions about the follow-up after 2020 (the annual reports, the action plan's and the life events' pages, RDT, the
// Auditor General), answered from seeds/ through the GraphStore port. Every expected value is read off
// ../shared/reference/oppfolging-2021-2025.md (section in each title), so a wrong, missing or invented seed fails here.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LadybugStore } from '../../graph/adapters/ladybug/store.js';
import { formatProblem } from '../../graph/dataset/validate.js';
import { loadDatasetDir } from '../../graph/dataset/load.js';
import { PROGRESS_RANK, type Progress } from '../../graph/ontology.js';
import type { GraphStore } from '../../graph/store/port.js';

const LIMITS = { timeoutMs: 5000, rowCap: 1000 };
const REFERENCE_FILE = '../shared/reference/oppfolging-2021-2025.md';

let sut: GraphStore;

/** Runs analyst Cypher and returns rows as objects keyed by column. */
async function rows(cypher: string, params: Record<string, unknown> = {}): Promise<Record<string, unknown>[]> {
  const result = await sut.readQuery(cypher, params, LIMITS);
  return result.rows.map((row) => Object.fromEntries(result.columns.map((c, i) => [c, row[i]])));
}

/** One column of a query, sorted, for order-independent comparison. */
async function ids(cypher: string, params: Record<string, unknown> = {}, column = 'id'): Promise<string[]> {
  return (await rows(cypher, params)).map((r) => String(r[column])).sort();
}

/** The status assessments of one subject: label, progress and the year and id of the source they are published in. */
async function assessmentsOf(subject: string): Promise<Record<string, unknown>[]> {
  const found = await rows(
    `MATCH (x {id: $id})-[:HAS_STATUS]->(s:StatusAssessment)-[:PUBLISHED_IN]->(r:Report)
     RETURN r.year AS year, r.id AS report, s.statusLabel AS label, s.progress AS progress,
            s.responsibleLabel AS responsible, s.executingLabel AS executing, s.startDate AS startDate, s.endDate AS endDate`,
    { id: subject },
  );
  return found.sort((a, b) => Number(a['year']) - Number(b['year']) || String(a['report']).localeCompare(String(b['report'])));
}

beforeAll(async () => {
  const result = await loadDatasetDir('seeds');
  if (!result.ok) throw new Error(`seeds/ is invalid:\n${result.problems.map(formatProblem).join('\n')}`);
  sut = new LadybugStore({ path: ':memory:' });
  await sut.open();
  await sut.replaceDataset(result.dataset);
});

afterAll(async () => {
  await sut?.close();
});

describe('follow-up questions on the sources after 2020', () => {
  describe('sources', () => {
    it('which years do the sources report on? 2020 to 2024 — none on 2025, and the gap stays visible', async () => {
      const years = (await rows('MATCH (r:Report) RETURN DISTINCT r.year AS year')).map((r) => Number(r['year'])).sort();
      expect(years).toEqual([2020, 2021, 2022, 2023, 2024]);
    });

    it('does every later source give its URL and the reference file as its text, and say how an undated page is dated?', async () => {
      const later = await rows("MATCH (r:Report) WHERE r.id <> 'erfaringsrapport-2020' RETURN r.id AS id, r.url AS url, r.sourceText AS text");
      expect(later.length).toBeGreaterThanOrEqual(30);
      for (const r of later) {
        expect(r['url'], String(r['id'])).toMatch(/^https:\/\//);
        expect(r['text'], String(r['id'])).toBe(REFERENCE_FILE);
      }
      // Pages the reference calls undated (S3, S4) carry the reason for their year.
      const undated = await rows(
        `MATCH (r:Report) WHERE r.id IN ['handlingsplanen-deling-av-data-eldre', 'handlingsplanen-deling-av-data', 'handlingsplanen-styring-og-samordning',
           'handlingsplanen-digital-kompetanse', 'livshendelsesside-frivillig-eldre', 'livshendelsesside-frivillig', 'livshendelser-nasjonalt-veikart']
         RETURN r.id AS id, r.year AS year, r.inferred AS inferred`,
      );
      expect(undated).toHaveLength(7);
      for (const r of undated) expect(JSON.parse(String(r['inferred'])), String(r['id'])).toHaveProperty('year');
      expect(Object.fromEntries(undated.map((r) => [r['id'], r['year']]))).toMatchObject({
        'handlingsplanen-deling-av-data-eldre': 2020, // mentions 21 September 2020
        'handlingsplanen-styring-og-samordning': 2022, // mentions autumn 2022
        'handlingsplanen-digital-kompetanse': 2021, // mentions April 2021
        'livshendelsesside-frivillig': 2022, // mentions December 2022
      });
    });
  });

  describe('focus areas (S1, S2)', () => {
    it('which focus areas have a labelled status for 2021 and 2022 in the annual reports, and which labels?', async () => {
      const found = await rows(
        `MATCH (f:FocusArea)-[:HAS_STATUS]->(s:StatusAssessment)-[:PUBLISHED_IN]->(r:Report)
         WHERE r.id STARTS WITH 'arsrapport-' RETURN r.year AS year, f.id AS focusArea, s.statusLabel AS label`,
      );
      const byYear: Record<string, Record<string, unknown>> = {};
      for (const r of found) byYear[String(r['year'])] = { ...byYear[String(r['year'])], [String(r['focusArea'])]: r['label'] };
      expect(byYear).toEqual({
        '2021': { 'sammenhengende-tjenester': 'Mindre forsinkelser', 'okt-deling-av-data': 'På plan' },
        '2022': { 'sammenhengende-tjenester': 'Mindre forsinkelser', 'okt-deling-av-data': 'Mindre forsinkelser' },
      });
    });

    it('do the six other focus areas have any status after 2020? no — none was found, and none is made up', async () => {
      expect(await ids('MATCH (f:FocusArea)-[:HAS_STATUS]->(:StatusAssessment) RETURN DISTINCT f.id AS id')).toEqual([
        'okt-deling-av-data',
        'sammenhengende-tjenester',
      ]);
    });

    it('did data sharing slip? «På plan» in 2021, «Mindre forsinkelser» in 2022', async () => {
      const labelled = (await assessmentsOf('okt-deling-av-data')).filter((a) => String(a['report']).startsWith('arsrapport-'));
      expect(labelled.map((a) => [a['year'], a['label'], a['progress']])).toEqual([
        [2021, 'På plan', 'on_track'],
        [2022, 'Mindre forsinkelser', 'minor_delays'],
      ]);
      const [before, after] = labelled.map((a) => PROGRESS_RANK[a['progress'] as Progress]!);
      expect(after).toBeLessThan(before!);
    });

    it('which focus areas carry a plan number, and is it the analyst’s reading? 3, 6 and 8, each inferred', async () => {
      const found = await rows('MATCH (f:FocusArea) WHERE f.planNumber IS NOT NULL RETURN f.id AS id, f.planNumber AS planNumber, f.inferred AS inferred');
      expect(Object.fromEntries(found.map((r) => [r['id'], r['planNumber']]))).toEqual({
        'okt-deling-av-data': '3',
        'styring-og-samordning': '6',
        'okt-digital-kompetanse': '8',
      });
      for (const r of found) expect(JSON.parse(String(r['inferred']))).toHaveProperty('planNumber');
    });
  });

  describe('initiatives (S3)', () => {
    it('is the resource centre one node, with the older page’s name as an alias and number 3.1?', async () => {
      const named = await ids(
        `MATCH (i:Initiative) WHERE i.name = $name OR list_contains(i.aliases, $name) OR i.name = $short OR list_contains(i.aliases, $short)
         RETURN i.id AS id`,
        { name: 'Etablere et nasjonalt ressurssenter for deling av data', short: 'Nasjonalt ressurssenter for deling av data' },
      );
      expect(named).toEqual(['ressurssenter-deling-av-data']);
      const [centre] = await rows("MATCH (i:Initiative {id: 'ressurssenter-deling-av-data'}) RETURN i.planNumber AS planNumber");
      expect(centre?.['planNumber']).toBe('3.1');
      expect((await assessmentsOf('ressurssenter-deling-av-data')).map((a) => [a['year'], a['label'], a['progress']])).toEqual([
        [2020, 'Ferdigstilt', 'completed'],
        [2021, 'Initiativ i drift', 'in_operation'],
      ]);
    });

    it('is 8.1 not started, with its executing agency «Uavklart» and so no lead?', async () => {
      const [assessment, ...rest] = await assessmentsOf('strategi-for-digital-kompetanse');
      expect(rest).toEqual([]);
      expect(assessment).toMatchObject({
        label: 'Ikke startet',
        progress: 'not_started',
        responsible: 'KMD',
        executing: 'Uavklart',
        startDate: null,
        endDate: null,
      });
      expect(await ids("MATCH (a:Agency)-[:RESPONSIBLE_FOR]->(i:Initiative {id: 'strategi-for-digital-kompetanse'}) RETURN a.id AS id")).toEqual(['kmd']);
      expect(await ids("MATCH (a:Agency)-[:LEADS]->(i:Initiative {id: 'strategi-for-digital-kompetanse'}) RETURN a.id AS id")).toEqual([]);
      expect(
        await ids("MATCH (r:Recommendation)-[:TARGETS]->(i:Initiative {id: 'strategi-for-digital-kompetanse', planNumber: '8.1'}) RETURN r.id AS id"),
      ).toEqual(['anbefaling-2021-strategi-for-digital-kompetanse']);
    });

    it('which governance initiatives does the 2022 page number, and is matching them to 2020’s nodes marked as inferred? 6.1 and 6.6', async () => {
      const found = await rows(
        `MATCH (i:Initiative)-[h:HAS_STATUS]->(s:StatusAssessment)-[:PUBLISHED_IN]->(r:Report {id: 'handlingsplanen-styring-og-samordning'})
         WHERE i.planNumber IS NOT NULL RETURN i.id AS id, i.planNumber AS planNumber, s.progress AS progress, h.basis AS basis`,
      );
      expect(found.sort((a, b) => String(a['planNumber']).localeCompare(String(b['planNumber'])))).toEqual([
        { id: 'nytt-mandat-for-skate', planNumber: '6.1', progress: 'completed', basis: 'inferred' },
        { id: 'konsultasjonsordningen', planNumber: '6.6', progress: 'completed', basis: 'inferred' },
      ]);
    });
  });

  describe('life events (S4)', () => {
    it('which life events have a status after 2020? Få barn, Alvorlig sykt barn and the voluntary organisation', async () => {
      expect(await ids('MATCH (l:LifeEvent)-[:HAS_STATUS]->(:StatusAssessment) RETURN DISTINCT l.id AS id')).toEqual([
        'livshendelse-alvorlig-sykt-barn',
        'livshendelse-fa-barn',
        'livshendelse-starte-og-drive-frivillig-organisasjon',
      ]);
    });

    it('do «Miste og finne jobb» and «Starte og drive en bedrift» have anything from a later source? no', async () => {
      const later = await rows(
        `MATCH (l:LifeEvent)-[r]-(x) WHERE l.id IN ['livshendelse-miste-og-finne-jobb', 'livshendelse-starte-og-drive-bedrift']
         RETURN l.id AS lifeEvent, r.source AS source`,
      );
      expect(later.length).toBeGreaterThan(0);
      expect([...new Set(later.map((r) => r['source']))].sort()).toEqual(['erfaringsrapport-2020', 'ref-livshendelser']);
    });

    it('who is the voluntary organisation’s ministry? «KUD» on the older page, «KLD» on the newer: one ministry renamed, so nothing is ended', async () => {
      const pages = await assessmentsOf('livshendelse-starte-og-drive-frivillig-organisasjon');
      expect(pages.map((a) => [a['year'], a['responsible'], a['startDate'], a['endDate'], a['progress']])).toEqual([
        [2021, 'KUD', '2019', '2022', 'minor_delays'],
        [2022, 'KLD', '2019', '2025', 'unknown'],
      ]);
      // Both labels name the one node kud; there is no second ministry for «KLD».
      expect(await ids("MATCH (a:Agency) WHERE a.shortName = 'KLD' OR list_contains(a.aliases, 'KLD') RETURN a.id AS id")).toEqual(['kud']);
      const ended = await rows(
        "MATCH (a:Agency)-[r]->(l:LifeEvent {id: 'livshendelse-starte-og-drive-frivillig-organisasjon'}) WHERE r.endedBy IS NOT NULL RETURN a.id AS id",
      );
      expect(ended).toEqual([]);
    });

    it('who executes the voluntary organisation and its sub-projects? DFØ with Lotteri- og stiftelsestilsynet; Tilskudd.no is Digitilskudd', async () => {
      // The life event's ministry (ref-livshendelser) is not asked about here: the executing agencies are the page's.
      const leads = await rows(
        "MATCH (a:Agency)-[r:LEADS]->(l:LifeEvent {id: 'livshendelse-starte-og-drive-frivillig-organisasjon'}) WHERE r.source = 'livshendelsesside-frivillig-eldre' RETURN a.id AS id, r.basis AS basis",
      );
      expect(Object.fromEntries(leads.map((r) => [r['id'], r['basis']]))).toEqual({ dfo: 'stated', 'lotteri-og-stiftelsestilsynet': 'inferred' });
      expect(await ids("MATCH (i:Initiative) WHERE list_contains(i.aliases, 'Tilskudd.no') RETURN i.id AS id")).toEqual(['digitilskudd']);
      expect(await ids("MATCH (i:Initiative {id: 'digitilskudd'})-[:HAS_MILESTONE]->(m:Milestone) RETURN m.date AS date", {}, 'date')).toEqual([
        '2022',
        '2022-12',
      ]);
    });

    it('how was ETI funded? a grant of NOK 57 383 633 from the co-funding scheme, autumn 2022–2025, to a measure of «Alvorlig sykt barn»', async () => {
      const [grant] = await rows(
        `MATCH (g:Funding)-[:PART_OF]->(s:Funding), (g)-[:FUNDS]->(i:Initiative)-[:SERVES]->(l:LifeEvent)
         RETURN g.amount AS amount, g.currency AS currency, g.fundingType AS type, g.startDate AS startDate, g.endDate AS endDate,
                s.id AS scheme, s.fundingType AS schemeType, i.id AS initiative, l.id AS lifeEvent`,
      );
      expect(grant).toEqual({
        amount: 57383633,
        currency: 'NOK',
        type: 'grant',
        startDate: '2022-autumn',
        endDate: '2025',
        scheme: 'medfinansieringsordningen',
        schemeType: 'scheme',
        initiative: 'enklere-tilgang-til-informasjon',
        lifeEvent: 'livshendelse-alvorlig-sykt-barn',
      });
    });

    it('what is the last word on «Alvorlig sykt barn»? «Noen utfordringer», 0 of 2 deliveries, ETI due 31.12.2024 and not delivered', async () => {
      const [latest] = (await assessmentsOf('livshendelse-alvorlig-sykt-barn')).slice(-1);
      expect(latest).toMatchObject({ year: 2024, label: 'Noen utfordringer', progress: 'minor_delays' });
      const [deliveries] = await rows(
        "MATCH (m:Measurement)-[:MEASURES]->(:Indicator)-[:INFORMS]->(:LifeEvent {id: 'livshendelse-alvorlig-sykt-barn'}) RETURN m.value AS value, m.outOf AS outOf",
      );
      expect(deliveries).toEqual({ value: 0, outOf: 2 });
      expect(
        await rows(
          "MATCH (:Initiative {id: 'enklere-tilgang-til-informasjon'})-[:HAS_MILESTONE]->(m:Milestone) RETURN m.date AS date, m.occurrence AS occurrence",
        ),
      ).toEqual([{ date: '2024-12-31', occurrence: 'planned' }]);
    });

    it('who received the insight report on «Dødsfall og arv» in June 2021? the ministry the page calls KDD, which is KMD', async () => {
      expect(await ids("MATCH (a:Agency)-[:RECEIVES]->(m:Milestone {id: 'milepael-dodsfall-og-arv-innsiktsrapport'}) RETURN a.id AS id")).toEqual(['kmd']);
      expect(await ids("MATCH (a:Agency) WHERE list_contains(a.aliases, 'KDD') RETURN a.id AS id")).toEqual(['kmd']);
    });
  });

  describe('indicators and obstacles (S5, S6)', () => {
    it('what rank had Norway in the eGovernment Benchmark for 2021? 11 of 36 by Digdir, 9 by a third party — both kept, each with its source', async () => {
      const found = await rows(
        "MATCH (m:Measurement)-[r:MEASURES]->(:Indicator {id: 'egov-benchmark-rangering'}) WHERE m.year = 2021 RETURN m.value AS value, m.outOf AS outOf, r.source AS source",
      );
      expect(found.sort((a, b) => Number(b['value']) - Number(a['value']))).toEqual([
        { value: 11, outOf: 36, source: 'arsrapport-2021-rikets-digitale-tilstand' },
        { value: 9, outOf: null, source: 'statogstyring-digital-utvikling' },
      ]);
      const years = (await rows("MATCH (m:Measurement)-[:MEASURES]->(:Indicator {id: 'egov-benchmark-rangering'}) RETURN DISTINCT m.year AS year"))
        .map((r) => Number(r['year']))
        .sort();
      expect(years).toEqual([2019, 2020, 2021, 2022, 2024]); // no value found for 2023
    });

    it('what does Open Data Maturity say about data sharing? rank 13, 10, 13 for 2021–2023', async () => {
      const found = await rows(
        "MATCH (m:Measurement)-[:MEASURES]->(:Indicator {id: 'odm-rangering'})-[:INFORMS]->(f:FocusArea) RETURN m.year AS year, m.value AS value, f.id AS focusArea",
      );
      expect(found.sort((a, b) => Number(a['year']) - Number(b['year']))).toEqual([
        { year: 2021, value: 13, focusArea: 'okt-deling-av-data' },
        { year: 2022, value: 10, focusArea: 'okt-deling-av-data' },
        { year: 2023, value: 13, focusArea: 'okt-deling-av-data' },
      ]);
    });

    it('how many of the action plan’s initiatives had started by early 2021? 23 of 28', async () => {
      expect(
        await rows(
          "MATCH (m:Measurement)-[:MEASURES]->(:Indicator)-[:INFORMS]->(:ActionPlan {id: 'handlingsplan'}) RETURN m.value AS value, m.outOf AS outOf, m.year AS year",
        ),
      ).toEqual([{ value: 23, outOf: 28, year: 2021 }]);
    });

    it('what held the strategy back by RDT 2024, in its own order? capacity, then legal issues, then financing of joint efforts', async () => {
      const found = await rows(
        "MATCH (o:Obstacle)-[:BLOCKS]->(:Strategy {id: 'en-digital-offentlig-sektor'}) WHERE o.source = 'rdt-2024-hindringer' RETURN o.rank AS rank, o.nameEn AS name",
      );
      expect(found.sort((a, b) => Number(a['rank']) - Number(b['rank'])).map((r) => r['name'])).toEqual([
        'Lack of capacity at the executing agency',
        'Legal issues',
        'Financing of joint efforts',
      ]);
    });

    it('is financing named as an obstacle in 2021, 2022 and 2024, each source’s statement its own node?', async () => {
      const found = await rows(
        "MATCH (o:Obstacle) WHERE lower(o.nameEn) CONTAINS 'financing' OR lower(o.nameEn) CONTAINS 'funding' RETURN o.year AS year, o.source AS source",
      );
      expect(found.map((r) => `${r['year']} ${r['source']}`).sort()).toEqual([
        '2021 loypemelding-2021',
        '2022 arsrapport-2022-rikets-digitale-tilstand',
        '2024 rdt-2024-hindringer',
        '2024 riksrevisjonen-sammenhengende-tjenester',
      ]);
    });
  });

  describe('provenance', () => {
    it('is every status assessment about one subject and published in one source?', async () => {
      const found = await rows(
        `MATCH (s:StatusAssessment) OPTIONAL MATCH (x)-[:HAS_STATUS]->(s) OPTIONAL MATCH (s)-[:PUBLISHED_IN]->(r:Report)
         RETURN s.id AS id, count(DISTINCT x) AS subjects, count(DISTINCT r) AS reports`,
      );
      expect(found.length).toBeGreaterThanOrEqual(20);
      for (const r of found) expect([r['id'], Number(r['subjects']), Number(r['reports'])]).toEqual([r['id'], 1, 1]);
    });

    it('does every judgement from label to progress say why? each assessment without the source’s own label, or with «Noen utfordringer», is inferred or on no scale', async () => {
      const found = await rows('MATCH (s:StatusAssessment) RETURN s.id AS id, s.statusLabel AS label, s.progress AS progress, s.inferred AS inferred');
      const judged = found.filter(
        (r) => r['label'] === 'Noen utfordringer' || (['major_delays', 'minor_delays'].includes(String(r['progress'])) && r['label'] === null),
      );
      expect(judged.length).toBeGreaterThan(0);
      for (const r of judged) expect(JSON.parse(String(r['inferred'] ?? '{}')), String(r['id'])).toHaveProperty('progress');
    });
  });
});
