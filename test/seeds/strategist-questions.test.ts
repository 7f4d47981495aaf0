// Questions a strategist who knows the 2020 report would ask, answered from seeds/ through the GraphStore port.
// Every expected value is read off the report (page in each title), so a wrong or missing seed fails here.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LadybugStore } from '../../graph/adapters/ladybug/store.js';
import { formatProblem } from '../../graph/dataset/validate.js';
import { loadDatasetDir } from '../../graph/dataset/load.js';
import { report2020Only } from './report-2020.js';
import type { GraphStore } from '../../graph/store/port.js';

const LIMITS = { timeoutMs: 5000, rowCap: 1000 };

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

beforeAll(async () => {
  const result = await loadDatasetDir('seeds');
  if (!result.ok) throw new Error(`seeds/ is invalid:\n${result.problems.map(formatProblem).join('\n')}`);
  sut = new LadybugStore({ path: ':memory:' });
  await sut.open();
  // The questions are about what the 2020 report says: the later sources' statements are left out.
  await sut.replaceDataset(report2020Only(result.dataset));
});

afterAll(async () => {
  await sut?.close();
});

describe('strategist questions on the 2020 report', () => {
  describe('focus areas', () => {
    it('has eight focus areas in the action plan (pp. 7–14)', async () => {
      expect(await ids('MATCH (f:FocusArea)-[:PART_OF]->(p:ActionPlan {id: $id}) RETURN f.id AS id', { id: 'handlingsplan' })).toHaveLength(8);
    });

    it('which focus area has not started? «Økt digital kompetanse» (p. 4)', async () => {
      expect(await ids("MATCH (f:FocusArea) WHERE f.status = 'not_started' RETURN f.id AS id")).toEqual(['okt-digital-kompetanse']);
    });

    it('what does each focus area aim for? one «Hva skal vi oppnå?» box each, named by its own opening words (pp. 7–14)', async () => {
      const found = await rows(
        'MATCH (f:FocusArea)-[r:HAS_OBJECTIVE]->(o:Objective) RETURN f.id AS area, o.name AS name, o.description AS text, o.page AS page, r.quote AS quote',
      );
      expect(found).toHaveLength(8);
      expect(new Set(found.map((o) => o['area'])).size).toBe(8);
      for (const o of found) {
        expect(String(o['quote']), String(o['area'])).toMatch(/^Hva skal vi oppnå\? /);
        // The name is the box's own opening, never a title of the analyst's.
        expect(String(o['text']).startsWith(String(o['name'])), String(o['area'])).toBe(true);
      }
      const data = found.find((o) => o['area'] === 'okt-deling-av-data')!;
      expect(data).toMatchObject({ name: 'Brukerne skal unngå å oppgi informasjon som det offentlige allerede har innhentet', page: 8 });
      expect(data['text']).toContain('Offentlig sektor skal dele data når den kan og skjerme data når den må.');
    });

    it('what does the competence focus area, which has not started, aim for? digital competence as a critical factor (p. 13)', async () => {
      const [o] = await rows('MATCH (f:FocusArea {id: $id})-[:HAS_OBJECTIVE]->(o:Objective) RETURN o.description AS text', { id: 'okt-digital-kompetanse' });
      expect(o?.['text']).toBe(
        'Digital kompetanse blir fremover en kritisk faktor for offentlige virksomheters evne til digital transformasjon og uthenting av gevinster fra digitalisering.',
      );
    });

    it('which focus area does the AI strategy belong to? Økt deling av data (p. 8)', async () => {
      expect(await ids('MATCH (i:Initiative {id: $id})-[:PART_OF]->(f:FocusArea) RETURN f.id AS id', { id: 'ki-strategi' })).toEqual(['okt-deling-av-data']);
    });

    it('what is under the competence focus area? a planned strategy and two supporting measures (p. 13)', async () => {
      const found = await rows('MATCH (i:Initiative)-[:PART_OF]->(f:FocusArea {id: $id}) RETURN i.id AS id, i.category AS category, i.status AS status', {
        id: 'okt-digital-kompetanse',
      });
      expect(found.sort((a, b) => String(a['id']).localeCompare(String(b['id'])))).toEqual([
        { id: 'digital-ledelse', category: 'supporting', status: 'in_progress' },
        { id: 'digitaliseringsstrategi-uh-sektoren', category: 'supporting', status: 'in_progress' },
        { id: 'strategi-for-digital-kompetanse', category: 'action_plan', status: 'planned' },
      ]);
    });

    it('does the report state an SDG effect for any focus area? no — only inferred links (recommendation 1)', async () => {
      const links = await rows('MATCH (f:FocusArea)-[r:CONTRIBUTES_TO]->(g:Goal) RETURN f.id AS focusArea, r.basis AS basis, r.note AS note');
      expect(links.filter((l) => l['basis'] !== 'inferred')).toEqual([]);
      for (const link of links) expect(link['note']).toEqual(expect.any(String));
    });
  });

  describe('initiatives and agencies', () => {
    it('who leads the national AI strategy? KMD (cited as its former name, p. 23)', async () => {
      expect(await ids('MATCH (a:Agency)-[:LEADS]->(i:Initiative {id: $id}) RETURN a.id AS id', { id: 'ki-strategi' })).toEqual(['kmd']);
    });

    it('which agencies take part in StartOFF? DFØ, Digdir, LUP and Innovasjon Norge (p. 38)', async () => {
      expect(await ids('MATCH (a:Agency)-[:PARTICIPATES_IN]->(i:Initiative {id: $id}) RETURN a.id AS id', { id: 'startoff' })).toEqual([
        'dfo',
        'digdir',
        'innovasjon-norge',
        'lup',
      ]);
    });

    it('who runs the information-security project? Digdir leads with DFØ, DSB, NSM and NorSIS (p. 14)', async () => {
      expect(await ids('MATCH (a:Agency)-[:LEADS]->(i:Initiative {id: $id}) RETURN a.id AS id', { id: 'samarbeidsprosjekt-informasjonssikkerhet' })).toEqual([
        'digdir',
      ]);
      expect(
        await ids('MATCH (a:Agency)-[:PARTICIPATES_IN]->(i:Initiative {id: $id}) RETURN a.id AS id', { id: 'samarbeidsprosjekt-informasjonssikkerhet' }),
      ).toEqual(['dfo', 'dsb', 'norsis', 'nsm']);
    });

    it('who is in the DSOP cooperation the PPP principles build on? (p. 12)', async () => {
      expect(await ids('MATCH (a:Agency)-[:PARTICIPATES_IN]->(i:Initiative {id: $id}) RETURN a.id AS id', { id: 'dsop' })).toEqual([
        'bits',
        'bronnoysundregistrene',
        'kartverket',
        'nav',
        'politiet',
        'skatteetaten',
      ]);
      expect(await ids('MATCH (i:Initiative {id: $id})-[:DEPENDS_ON]->(d:Initiative) RETURN d.id AS id', { id: 'ops-prinsipper' })).toEqual(['dsop']);
    });

    it('who leads the higher-education strategy, and when is it launched? UNIT, 1 April 2021 (p. 13)', async () => {
      expect(await ids('MATCH (a:Agency)-[:LEADS]->(i:Initiative {id: $id}) RETURN a.id AS id', { id: 'digitaliseringsstrategi-uh-sektoren' })).toEqual([
        'unit',
      ]);
      expect(
        await ids(
          'MATCH (i:Initiative {id: $id})-[:HAS_MILESTONE]->(m:Milestone) RETURN m.date AS date',
          { id: 'digitaliseringsstrategi-uh-sektoren' },
          'date',
        ),
      ).toEqual(['2021-04-01']);
    });

    it('in how many initiatives does Digdir lead or take part? nine: seven it leads (three inferred from respondent lines), two it takes part in', async () => {
      const leads = await rows('MATCH (a:Agency {id: $id})-[r:LEADS]->(i:Initiative) RETURN i.id AS id, r.basis AS basis', { id: 'digdir' });
      const takesPart = await ids('MATCH (a:Agency {id: $id})-[:PARTICIPATES_IN]->(i:Initiative) RETURN i.id AS id', { id: 'digdir' });
      expect(
        leads
          .filter((l) => l['basis'] === 'stated')
          .map((l) => l['id'])
          .sort(),
      ).toEqual([
        'prinsipper-for-kostnadsdeling',
        'ressurssenter-deling-av-data',
        'samarbeidsprosjekt-informasjonssikkerhet',
        'sammenhengende-tjenester-prosjekt',
      ]);
      expect(
        leads
          .filter((l) => l['basis'] === 'inferred')
          .map((l) => l['id'])
          .sort(),
      ).toEqual(['hindringer-i-regelverk', 'nytt-mandat-for-skate', 'verktoykasse-deling-av-data']);
      expect(takesPart).toEqual(['digital-ledelse', 'startoff']);
      const node = await sut.getNode('digdir');
      expect(node?.degree['LEADS']?.out).toBe(7);
    });

    it('is the KS–government agreement signed by KS, with KMD only inferred as the other party? (p. 11)', async () => {
      const parties = await rows('MATCH (a:Agency)-[r:PARTICIPATES_IN]->(i:Initiative {id: $id}) RETURN a.id AS id, r.basis AS basis', {
        id: 'samarbeidsavtale-ks-regjeringen',
      });
      expect(parties.sort((a, b) => String(a['id']).localeCompare(String(b['id'])))).toEqual([
        { id: 'kmd', basis: 'inferred' },
        { id: 'ks', basis: 'stated' },
      ]);
    });

    it('which initiatives did chapter 4 propose, and from what? Datafabrikken and AI measures from the AI strategy (p. 30)', async () => {
      expect(await ids("MATCH (i:Initiative) WHERE i.category = 'proposed' RETURN i.id AS id")).toEqual(['datafabrikken', 'ki-tiltak-fra-ki-strategien']);
      expect(await ids('MATCH (i:Initiative {id: $id})-[:DEPENDS_ON]->(d:Initiative) RETURN d.id AS id', { id: 'ki-tiltak-fra-ki-strategien' })).toEqual([
        'ki-strategi',
      ]);
    });
  });

  describe('governance roles', () => {
    it("who adopted Skate's new mandate, and who executes it? KMD adopted it (p. 37); Digdir, inferred from the respondent line", async () => {
      expect(await ids('MATCH (a:Agency)-[:ADOPTS]->(i:Initiative {id: $id}) RETURN a.id AS id', { id: 'nytt-mandat-for-skate' })).toEqual(['kmd']);
      expect(await rows('MATCH (a:Agency)-[r:LEADS]->(i:Initiative {id: $id}) RETURN a.id AS id, r.basis AS basis', { id: 'nytt-mandat-for-skate' })).toEqual([
        { id: 'digdir', basis: 'inferred' },
      ]);
    });

    it('who received the recommendations for the new financing model? KMD, from Digdir (p. 10)', async () => {
      expect(await ids('MATCH (a:Agency)-[:RECEIVES]->(i:Initiative {id: $id}) RETURN a.id AS id', { id: 'prinsipper-for-kostnadsdeling' })).toEqual(['kmd']);
      expect(await ids('MATCH (a:Agency)-[:LEADS]->(i:Initiative {id: $id}) RETURN a.id AS id', { id: 'prinsipper-for-kostnadsdeling' })).toEqual(['digdir']);
    });

    it('to whom does the Skate secretariat report status on supporting measures? the programme office (introduction)', async () => {
      expect(await ids('MATCH (a:Agency {id: $id})-[:REPORTS_TO]->(b:Agency) RETURN b.id AS id', { id: 'skatesekretariatet' })).toEqual(['programkontoret']);
    });

    it("what does Skate's working committee follow up? supporting measures, each link inferred because the report lists none", async () => {
      const found = await rows('MATCH (a:Agency {id: $id})-[r:FOLLOWS_UP]->(x) RETURN x.id AS id, r.basis AS basis', { id: 'skate-au' });
      expect(found.map((r) => r['id']).sort()).toEqual(['digital-ledelse', 'digitaliseringsstrategi-uh-sektoren']);
      expect(new Set(found.map((r) => r['basis']))).toEqual(new Set(['inferred']));
    });

    it('does any inferred lead rest on no text of the report? no: every LEADS cites a page or the introduction with a quote', async () => {
      expect(await rows('MATCH (a:Agency)-[r:LEADS]->(i) WHERE r.quote IS NULL RETURN a.id AS a, i.id AS i')).toEqual([]);
    });

    it('is every role read from a respondent line inferred? yes, wherever it appears', async () => {
      const fromRespondents = await rows(
        "MATCH (a:Agency)-[r]->(i:Initiative) WHERE r.quote STARTS WITH 'Respondent:' OR r.quote CONTAINS ' Respondent:' RETURN label(r) AS type, r.basis AS basis, i.id AS id",
      );
      expect(fromRespondents.length).toBeGreaterThanOrEqual(5);
      for (const r of fromRespondents) expect(r, String(r['id'])).toMatchObject({ type: 'LEADS', basis: 'inferred' });
    });
  });

  describe("the analyst's readings (node `inferred` maps)", () => {
    const inferredOf = async (kind: string) =>
      (await rows(`MATCH (n:${kind}) RETURN n.id AS id, n.inferred AS inferred`)).map((r) => ({
        id: String(r['id']),
        fields: r['inferred'] ? Object.keys(JSON.parse(String(r['inferred'])) as Record<string, string>) : [],
      }));

    it('is the numbering of focus areas, drivers and recommendations marked as the analyst’s? yes, every one (the report numbers none)', async () => {
      for (const kind of ['FocusArea', 'Driver', 'Recommendation']) {
        for (const node of await inferredOf(kind)) expect(node.fields, `${kind} ${node.id}`).toContain('number');
      }
    });

    it('is every agency’s sector marked as the analyst’s? yes (the sources classify none)', async () => {
      const agencies = await inferredOf('Agency');
      expect(agencies.length).toBeGreaterThanOrEqual(50);
      for (const a of agencies) expect(a.fields, a.id).toContain('sector');
    });

    it('which initiative categories are the analyst’s? those the report does not place in or outside the plan', async () => {
      const inferredCategory = (await inferredOf('Initiative')).filter((i) => i.fields.includes('category')).map((i) => i.id);
      expect(inferredCategory.sort()).toEqual([
        'digital-ledelse',
        'digitaliseringsstrategi-uh-sektoren',
        'digitaliseringsvennlig-regelverk',
        'dsop',
        'ops-prinsipper',
        'sammenhengende-tjenester-prosjekt',
        'stimulab',
        'strategi-for-digital-kompetanse',
      ]);
      // Every supporting measure is one by the analyst's reading: the report calls none «understøttende tiltak».
      const supporting = await ids("MATCH (i:Initiative) WHERE i.category = 'supporting' RETURN i.id AS id");
      for (const id of supporting) expect(inferredCategory, id).toContain(id);
    });

    it('is a status the report does not put in words marked as the analyst’s? e.g. the mandate «completed», the competence strategy «planned» as stated', async () => {
      const byId = new Map((await inferredOf('Initiative')).map((i) => [i.id, i.fields]));
      expect(byId.get('nytt-mandat-for-skate')).toContain('status');
      expect(byId.get('digitaliseringsvennlig-regelverk')).toContain('status');
      expect(byId.get('strategi-for-digital-kompetanse')).not.toContain('status');
      expect(byId.get('ki-strategi')).not.toContain('status');
      const [note] = await rows('MATCH (i:Initiative {id: $id}) RETURN i.inferred AS inferred', { id: 'nytt-mandat-for-skate' });
      expect(JSON.parse(String(note?.['inferred']))['status']).toContain('analytikerens');
    });
  });

  describe('dependencies', () => {
    it('which initiatives depend on the resource centre for data sharing? the regulation work (p. 9)', async () => {
      expect(await ids('MATCH (d:Initiative)-[:DEPENDS_ON]->(i:Initiative {id: $id}) RETURN d.id AS id', { id: 'ressurssenter-deling-av-data' })).toEqual([
        'digitaliseringsvennlig-regelverk',
        'hindringer-i-regelverk',
      ]);
    });

    it("what does the life event «Alvorlig sykt barn» lean on? StimuLab and Digdir's support project (p. 7)", async () => {
      expect(
        await ids('MATCH (i:Initiative {id: $id})-[:DEPENDS_ON]->(d:Initiative) RETURN d.id AS id', { id: 'livshendelsesprosjekt-alvorlig-sykt-barn' }),
      ).toEqual(['sammenhengende-tjenester-prosjekt', 'stimulab']);
    });
  });

  describe('life events', () => {
    it('which is the responsible ministry for «Dødsfall og arv»? KMD (ref-livshendelser)', async () => {
      expect(await ids('MATCH (a:Agency)-[:RESPONSIBLE_FOR]->(l:LifeEvent {id: $id}) RETURN a.id AS id', { id: 'livshendelse-dodsfall-og-arv' })).toEqual([
        'kmd',
      ]);
    });

    it('does any agency lead (execute) a life event? no: the sources name only the responsible ministries', async () => {
      expect(await rows('MATCH (a:Agency)-[:LEADS]->(l:LifeEvent) RETURN a.id AS a, l.id AS l')).toEqual([]);
    });

    it('does every life event have exactly one responsible ministry?', async () => {
      const found = await rows('MATCH (a:Agency)-[:RESPONSIBLE_FOR]->(l:LifeEvent) RETURN l.id AS lifeEvent, a.shortName AS ministry');
      expect(found).toHaveLength(7);
      expect(Object.fromEntries(found.map((r) => [r['lifeEvent'], r['ministry']]))).toEqual({
        'livshendelse-fa-barn': 'ASD',
        'livshendelse-alvorlig-sykt-barn': 'HOD',
        'livshendelse-miste-og-finne-jobb': 'ASD',
        'livshendelse-ny-i-norge': 'KD',
        'livshendelse-dodsfall-og-arv': 'KMD',
        'livshendelse-starte-og-drive-bedrift': 'NFD',
        'livshendelse-starte-og-drive-frivillig-organisasjon': 'KUD',
      });
    });

    it('which life events are in StimuLab? Alvorlig sykt barn and frivillig organisasjon (p. 7)', async () => {
      expect(await ids('MATCH (i:Initiative {id: $id})-[:SERVES]->(l:LifeEvent) RETURN l.id AS id', { id: 'stimulab' })).toEqual([
        'livshendelse-alvorlig-sykt-barn',
        'livshendelse-starte-og-drive-frivillig-organisasjon',
      ]);
    });

    it("does Digdir's support project serve all seven life events? (p. 7)", async () => {
      expect(await ids('MATCH (i:Initiative {id: $id})-[:SERVES]->(l:LifeEvent) RETURN l.id AS id', { id: 'sammenhengende-tjenester-prosjekt' })).toHaveLength(
        7,
      );
    });

    it('which life events does no initiative serve on its own, only work for all seven? all but the two in StimuLab (pp. 7, 9)', async () => {
      const served = await rows('MATCH (i:Initiative)-[:SERVES]->(l:LifeEvent) RETURN l.id AS lifeEvent, i.id AS initiative');
      const perInitiative = new Map<string, number>();
      for (const r of served) perInitiative.set(String(r['initiative']), (perInitiative.get(String(r['initiative'])) ?? 0) + 1);
      const servesAll = new Set([...perInitiative].filter(([, n]) => n === 7).map(([initiative]) => initiative));
      expect([...servesAll].sort()).toEqual(['hindringer-i-regelverk', 'sammenhengende-tjenester-prosjekt']);
      const specific = new Set(served.filter((r) => !servesAll.has(String(r['initiative']))).map((r) => String(r['lifeEvent'])));
      const thin = [...new Set(served.map((r) => String(r['lifeEvent'])))].filter((l) => !specific.has(l));
      expect(thin.sort()).toEqual([
        'livshendelse-dodsfall-og-arv',
        'livshendelse-fa-barn',
        'livshendelse-miste-og-finne-jobb',
        'livshendelse-ny-i-norge',
        'livshendelse-starte-og-drive-bedrift',
      ]);
    });

    it('is a statement about the seven life events linked to all seven wherever it appears? yes (pp. 7, 9)', async () => {
      const collective = await rows(
        "MATCH (i:Initiative)-[r:SERVES]->(l:LifeEvent) WHERE r.quote CONTAINS 'sju livshendelsene' OR r.quote CONTAINS '7 livshendelsene' RETURN i.id AS initiative, count(l) AS n",
      );
      // Digdir's project: all seven on one quote; the regulation work: six on p. 9, «Dødsfall og arv» on its own p. 36 quote.
      expect(Object.fromEntries(collective.map((r) => [r['initiative'], Number(r['n'])]))).toEqual({
        'sammenhengende-tjenester-prosjekt': 7,
        'hindringer-i-regelverk': 6,
      });
      expect(await ids('MATCH (i:Initiative {id: $id})-[:SERVES]->(l:LifeEvent) RETURN l.id AS id', { id: 'hindringer-i-regelverk' })).toHaveLength(7);
    });

    it('which initiatives serve «Dødsfall og arv»? the regulation-obstacles work (p. 36) and the support project', async () => {
      expect(await ids('MATCH (i:Initiative)-[:SERVES]->(l:LifeEvent {id: $id}) RETURN i.id AS id', { id: 'livshendelse-dodsfall-og-arv' })).toEqual([
        'hindringer-i-regelverk',
        'sammenhengende-tjenester-prosjekt',
      ]);
    });
  });

  describe('dates', () => {
    it('when was the AI strategy presented? 14 January 2020 (p. 8)', async () => {
      expect(await ids('MATCH (i:Initiative {id: $id})-[:HAS_MILESTONE]->(m:Milestone) RETURN m.date AS date', { id: 'ki-strategi' }, 'date')).toEqual([
        '2020-01-14',
      ]);
    });

    it("when was Skate's mandate adopted? 3 April 2020, and the initiative is completed (p. 37)", async () => {
      expect(
        await ids('MATCH (i:Initiative {id: $id})-[:HAS_MILESTONE]->(m:Milestone) RETURN m.date AS date', { id: 'nytt-mandat-for-skate' }, 'date'),
      ).toEqual(['2020-04-03']);
      expect((await sut.getNode('nytt-mandat-for-skate'))?.properties['status']).toBe('completed');
    });

    it('when did Digdir set up the programme office? June 2020, and the office is an agency that follows up the plan', async () => {
      const node = await sut.getNode('milepael-programkontor-opprettet');
      expect(node?.properties).toMatchObject({ date: '2020-06', occurrence: 'achieved' });
      expect(await ids('MATCH (a:Agency {id: $id})-[:FOLLOWS_UP]->(p:ActionPlan) RETURN p.id AS id', { id: 'programkontoret' })).toEqual(['handlingsplan']);
    });

    it('when was the financing model delivered to KMD? 13 November 2020 (p. 10)', async () => {
      expect(
        await ids('MATCH (i:Initiative {id: $id})-[:HAS_MILESTONE]->(m:Milestone) RETURN m.date AS date', { id: 'prinsipper-for-kostnadsdeling' }, 'date'),
      ).toEqual(['2020-11-13']);
    });

    it('are the cost-sharing principles (p. 40) and the financing model (p. 10) one initiative? yes, one node with both names', async () => {
      const found = await rows(
        "MATCH (i:Initiative) WHERE i.name CONTAINS 'kostnadsdeling' OR i.name CONTAINS 'finansieringsmodell' RETURN i.id AS id, i.aliases AS aliases",
      );
      expect(found).toEqual([{ id: 'prinsipper-for-kostnadsdeling', aliases: ['Ny styrings- og finansieringsmodell', 'Styrings- og finansieringsmodellen'] }]);
      expect(await ids('MATCH (i:Initiative {id: $id})-[:DEPENDS_ON]-(d:Initiative) RETURN d.id AS id', { id: 'prinsipper-for-kostnadsdeling' })).toEqual([]);
    });

    it('when is StartOFF to launch? 1 January 2021, after pilots in autumn 2020 (p. 12)', async () => {
      expect(await ids('MATCH (i:Initiative {id: $id})-[:HAS_MILESTONE]->(m:Milestone) RETURN m.date AS date', { id: 'startoff' }, 'date')).toEqual([
        '2020-autumn',
        '2021-01-01',
      ]);
    });

    it('which milestones had the report reached, and which were still ahead? (pp. 6–41)', async () => {
      const found = await rows('MATCH (m:Milestone) RETURN m.id AS id, m.occurrence AS occurrence, m.date AS date');
      const by = (o: string) =>
        found
          .filter((m) => m['occurrence'] === o)
          .map((m) => String(m['id']))
          .sort();
      expect(by('planned')).toEqual([
        'milepael-informasjonssikkerhet-leveranser',
        'milepael-startoff-lansering',
        'milepael-startoff-pilotering',
        'milepael-uh-strategi-lansering',
      ]);
      expect(by('achieved')).toHaveLength(9);
      expect(found).toHaveLength(13);
      // Every planned date lies in or after the report's year; no reached date lies after it.
      for (const m of found) if (m['occurrence'] === 'achieved') expect(String(m['date']).slice(0, 4), String(m['id'])).toBe('2020');
    });

    it('how precise is each date? as the report gives it: a day, a month, a season or a year, with the supplied year marked', async () => {
      const found = await rows('MATCH (m:Milestone) RETURN m.id AS id, m.date AS date, m.inferred AS inferred');
      const date = (id: string) => found.find((m) => m['id'] === id)?.['date'];
      expect(date('milepael-startoff-pilotering')).toBe('2020-autumn');
      expect(date('milepael-baerekraft-handlingsplan-besluttet')).toBe('2020-spring');
      expect(date('milepael-forste-konsultasjonsmote')).toBe('2020');
      // «14. januar», «i september», «13. november»: the year is the report's, and said so.
      for (const id of ['milepael-ki-strategi-lagt-fram', 'milepael-ressurssenter-lansert', 'milepael-finansieringsmodell-levert']) {
        const inferred = found.find((m) => m['id'] === id)?.['inferred'];
        expect(JSON.parse(String(inferred)), id).toHaveProperty('date');
      }
      expect(found.find((m) => m['id'] === 'milepael-skate-mandat-vedtatt')?.['inferred'] ?? null).toBeNull();
    });
  });

  describe('indicators and measurements', () => {
    it('how much did ID-porten traffic grow? 82 % from February to March 2020 (p. 6)', async () => {
      const [m] = await rows(
        'MATCH (m:Measurement)-[:MEASURES]->(i:Indicator {id: $id}) RETURN m.value AS value, m.year AS year, m.date AS date, m.valueLabel AS label, m.page AS page',
        { id: 'indikator-id-porten-trafikk' },
      );
      expect(m).toEqual({ value: 82, year: 2020, date: '2020-03', label: 'økte med 82 prosent fra februar til mars i 2020', page: 6 });
    });

    it('what figures inform the driver «Befolkningen etterlyser bedre brukerretting»? 54 % strong users, 2 % non-users, 78 % want connected services (p. 21)', async () => {
      const found = await rows(
        'MATCH (m:Measurement)-[:MEASURES]->(i:Indicator)-[r:INFORMS]->(d:Driver {id: $id}) RETURN i.id AS id, m.value AS value, m.year AS year, r.basis AS basis',
        { id: 'drivkraft-brukerretting' },
      );
      expect(found.sort((a, b) => String(a['id']).localeCompare(String(b['id'])))).toEqual([
        { id: 'indikator-ikke-digitale-brukere', value: 2, year: 2018, basis: 'stated' },
        { id: 'indikator-sterke-digitale-brukere', value: 54, year: 2018, basis: 'stated' },
        { id: 'indikator-vil-ha-sammenhengende-tjenester', value: 78, year: 2020, basis: 'stated' },
      ]);
    });

    it('how does Norway score on transparency in the EU eGovernment benchmark, against the EU average? 73 and 65.6 of 100 (p. 23)', async () => {
      const score = async (id: string) =>
        (await rows('MATCH (m:Measurement)-[:MEASURES]->(i:Indicator {id: $id}) RETURN m.value AS value, m.outOf AS outOf', { id }))[0];
      expect(await score('indikator-egovernment-transparency-norge')).toEqual({ value: 73, outOf: 100 });
      expect(await score('indikator-egovernment-transparency-eu')).toEqual({ value: 65.6, outOf: 100 });
    });

    it('which figure has no value in the text? the Gallup trust chart (p. 22): an indicator without a measurement', async () => {
      expect(await ids('MATCH (i:Indicator) WHERE NOT EXISTS { MATCH (:Measurement)-[:MEASURES]->(i) } RETURN i.id AS id')).toEqual([
        'indikator-tillit-til-myndighetene',
      ]);
    });

    it('does every indicator inform something, and is every link to a focus area the page does not name inferred?', async () => {
      const links = await rows('MATCH (i:Indicator)-[r:INFORMS]->(x) RETURN i.id AS id, label(x) AS kind, r.basis AS basis');
      const indicators = await ids('MATCH (i:Indicator) RETURN i.id AS id');
      expect(new Set(links.map((l) => l['id']))).toEqual(new Set(indicators));
      for (const l of links.filter((x) => x['kind'] === 'FocusArea')) expect(l, String(l['id'])).toMatchObject({ basis: 'inferred' });
      for (const l of links.filter((x) => x['kind'] === 'Driver')) expect(l, String(l['id'])).toMatchObject({ basis: 'stated' });
    });
  });

  describe('obstacles', () => {
    const blocking = (id: string) => ids('MATCH (o:Obstacle)-[:BLOCKS]->(x {id: $id}) RETURN o.id AS id', { id });

    it('what stands in the way of the resource centre? capacity and the varying maturity of those it serves (p. 35)', async () => {
      expect(await blocking('ressurssenter-deling-av-data')).toEqual(['hindring-kapasitet-ressurssenteret', 'hindring-varierende-modenhet-deling-av-data']);
    });

    it('what blocks data sharing? regulations and their interpretation (p. 35, stated), and the hurdles of AI (p. 19, inferred)', async () => {
      const found = await rows('MATCH (o:Obstacle)-[r:BLOCKS]->(f:FocusArea {id: $id}) RETURN o.id AS id, r.basis AS basis', { id: 'okt-deling-av-data' });
      expect(found.sort((a, b) => String(a['id']).localeCompare(String(b['id'])))).toEqual([
        { id: 'hindring-hensyn-ved-bruk-av-ki', basis: 'inferred' },
        { id: 'hindring-regelverk-begrenser-deling-av-data', basis: 'stated' },
      ]);
    });

    it('what holds back seamless services? laws that regulate the same matter differently, and rule-making that must be tightly coordinated (p. 36)', async () => {
      expect(await blocking('sammenhengende-tjenester')).toEqual(['hindring-tett-koordinert-regelutvikling', 'hindring-ulik-regulering-i-saerlover']);
    });

    it("what was the toolbox's biggest challenge? conveying relevant information to those who share data, ranked first (p. 34)", async () => {
      const found = await rows('MATCH (o:Obstacle)-[:BLOCKS]->(i:Initiative {id: $id}) RETURN o.id AS id, o.rank AS rank', {
        id: 'verktoykasse-deling-av-data',
      });
      expect(found).toHaveLength(4);
      expect(found.filter((o) => o['rank'] !== null)).toEqual([{ id: 'hindring-formidle-relevant-informasjon', rank: 1 }]);
    });

    it('does every appendix answer that names a challenge have an obstacle? yes, except cost sharing, whose answers are «…»', async () => {
      const withObstacle = await ids('MATCH (o:Obstacle)-[:BLOCKS]->(i:Initiative)-[:HAS_STATUS]->(s:StatusReport) RETURN DISTINCT i.id AS id');
      const answered = await ids("MATCH (i:Initiative)-[:HAS_STATUS]->(s:StatusReport) WHERE s.challenges <> '…' RETURN i.id AS id");
      expect(withObstacle).toEqual(answered);
      expect(answered).not.toContain('prinsipper-for-kostnadsdeling');
    });

    it('does the 2020 report name financing as an obstacle? no', async () => {
      expect(await rows("MATCH (o:Obstacle) WHERE o.name CONTAINS 'finansier' OR o.description CONTAINS 'finansier' RETURN o.id AS id")).toEqual([]);
    });
  });

  describe('funding', () => {
    it('what funds the life events in StimuLab? StimuLab’s financial support, no amount given (p. 7)', async () => {
      const found = await rows(
        'MATCH (f:Funding)-[:FUNDS]->(l:LifeEvent) RETURN f.id AS funding, f.fundingType AS type, f.amount AS amount, l.id AS lifeEvent',
      );
      expect(found.sort((a, b) => String(a['lifeEvent']).localeCompare(String(b['lifeEvent'])))).toEqual([
        { funding: 'finansiering-stimulab-stotte', type: 'support', amount: null, lifeEvent: 'livshendelse-alvorlig-sykt-barn' },
        { funding: 'finansiering-stimulab-stotte', type: 'support', amount: null, lifeEvent: 'livshendelse-starte-og-drive-frivillig-organisasjon' },
      ]);
    });

    it('what does the budget proposal for 2021 fund? Datafabrikken (inferred from «prioriteringen», p. 30) and, through its part, Lære hele livet (p. 25)', async () => {
      const direct = await rows('MATCH (f:Funding {id: $id})-[r:FUNDS]->(x) RETURN x.id AS id, r.basis AS basis', { id: 'statsbudsjettforslag-2021' });
      expect(direct).toEqual([{ id: 'datafabrikken', basis: 'inferred' }]);
      expect(
        await ids('MATCH (p:Funding)-[:PART_OF]->(f:Funding {id: $id}) MATCH (p)-[:FUNDS]->(x) RETURN x.id AS id', { id: 'statsbudsjettforslag-2021' }),
      ).toEqual(['eksempel-laere-hele-livet']);
    });

    it('does the 2020 report name the co-funding scheme (medfinansieringsordningen) or any amount? no', async () => {
      expect(await rows("MATCH (f:Funding) WHERE f.name CONTAINS 'edfinansiering' RETURN f.id AS id")).toEqual([]);
      expect(await rows('MATCH (f:Funding) WHERE f.amount IS NOT NULL RETURN f.id AS id')).toEqual([]);
    });
  });

  describe('status reports (appendix)', () => {
    it('who answered for StartOFF, and is the answer complete? Johan Englund, DFØ (p. 38)', async () => {
      const [status] = await rows('MATCH (i:Initiative {id: $id})-[:HAS_STATUS]->(s:StatusReport) RETURN s.respondent AS respondent, s.complete AS complete', {
        id: 'startoff',
      });
      expect(status).toEqual({ respondent: 'Johan Englund, DFØ', complete: true });
    });

    it('is the status report for «Prinsipper for kostnadsdeling» complete? no: no respondent and «…» answers (p. 40)', async () => {
      const [status] = await rows(
        'MATCH (i:Initiative {id: $id})-[:HAS_STATUS]->(s:StatusReport) RETURN s.respondent AS respondent, s.complete AS complete, s.missing AS missing, s.learnings AS learnings',
        { id: 'prinsipper-for-kostnadsdeling' },
      );
      expect(status).toEqual({
        respondent: null,
        complete: false,
        missing: ['respondent', 'successFactors', 'challenges', 'learnings', 'nextTasks'],
        learnings: '…',
      });
    });

    it('which status reports are incomplete? cost sharing and the consultation arrangement', async () => {
      expect(await ids('MATCH (s:StatusReport) WHERE s.complete = false RETURN s.id AS id')).toEqual([
        'status-konsultasjonsordningen-2020',
        'status-prinsipper-for-kostnadsdeling-2020',
      ]);
    });

    it('are all nine appendix answers published in the 2020 report?', async () => {
      expect(await ids('MATCH (s:StatusReport)-[:PUBLISHED_IN]->(r:Report {id: $id}) RETURN s.id AS id', { id: 'erfaringsrapport-2020' })).toHaveLength(9);
    });

    it('what does the regulation-obstacles work do next year? go deeper into «Dødsfall og arv» (p. 36)', async () => {
      const [status] = await rows(
        'MATCH (i:Initiative {id: $id})-[:HAS_STATUS]->(s:StatusReport) RETURN s.nextTasks AS nextTasks, s.respondent AS respondent',
        {
          id: 'hindringer-i-regelverk',
        },
      );
      expect(status?.['nextTasks']).toContain('«Dødsfall og arv»');
      expect(status?.['respondent']).toBe('Tone Bringedal, Digitaliseringsdirektoratet');
    });
  });

  describe('recommendations', () => {
    it('how many recommendations does chapter 4 make? three headlines, one a page, pp. 29–31', async () => {
      const found = await rows(
        'MATCH (r:Report {id: $id})-[:RECOMMENDS]->(a:Recommendation) RETURN a.name AS name, a.page AS page, size(a.points) AS points ORDER BY a.page',
        { id: 'erfaringsrapport-2020' },
      );
      expect(found).toEqual([
        { name: 'Handlingsplanen må synliggjøre hvordan den svarer ut FNs bærekraftsmål', page: 29, points: 2 },
        { name: 'Forslag om å inkludere nye initiativer i handlingsplanen', page: 30, points: 2 },
        { name: 'Digitaliseringstiltak i andre virksomheter som er av nasjonal betydning bør inkluderes i handlingsplanen', page: 31, points: 2 },
      ]);
    });

    it('what are the points of the SDG recommendation? the effect on each focus area, and the Trondheim example for the resource centre (p. 29)', async () => {
      const [rec] = await rows('MATCH (a:Recommendation {id: $id}) RETURN a.points AS points', { id: 'anbefaling-baerekraftsmal-i-handlingsplanen' });
      const points = rec?.['points'] as string[];
      expect(points).toHaveLength(2);
      expect(points[0]).toMatch(/^Regjeringens bestemmelse om at alle strategier.*på det enkelte innsatsområdet\.$/s);
      expect(points[1]).toMatch(/^Eksempelet fra Trondheim med individualisert karbonavtrykk.*bør tas opp nasjonalt ressurssenter for deling av data\.$/s);
    });

    it('does any recommendation carry a name the report never wrote? no: each is its page headline, numbered only as an inference', async () => {
      const found = await rows('MATCH (a:Recommendation) RETURN a.id AS id, a.name AS name, a.quote AS quote, a.inferred AS inferred');
      expect(found).toHaveLength(3);
      for (const rec of found) {
        expect(rec['quote'], String(rec['id'])).toBe(rec['name']);
        expect(JSON.parse(String(rec['inferred'])), String(rec['id'])).toHaveProperty('number');
      }
    });

    it('what did the new-initiatives recommendation propose? Datafabrikken and AI measures from the AI strategy (p. 30)', async () => {
      expect(await ids('MATCH (a:Recommendation {id: $id})-[:PROPOSES]->(i:Initiative) RETURN i.id AS id', { id: 'anbefaling-nye-initiativer' })).toEqual([
        'datafabrikken',
        'ki-tiltak-fra-ki-strategien',
      ]);
    });

    it('what does the SDG recommendation target? the plan, all eight focus areas and the resource centre (p. 29)', async () => {
      const targets = await rows('MATCH (a:Recommendation {id: $id})-[:TARGETS]->(x) RETURN x.id AS id, label(x) AS kind', {
        id: 'anbefaling-baerekraftsmal-i-handlingsplanen',
      });
      expect(targets.filter((t) => t['kind'] === 'FocusArea')).toHaveLength(8);
      expect(targets.filter((t) => t['kind'] !== 'FocusArea').map((t) => t['id'])).toEqual(
        expect.arrayContaining(['handlingsplan', 'ressurssenter-deling-av-data']),
      );
      expect(targets).toHaveLength(10);
    });

    it("which recommendation concerns Skate's working committee? the one on national measures (p. 31)", async () => {
      expect(await ids('MATCH (a:Recommendation)-[:TARGETS]->(s:Agency {id: $id}) RETURN a.id AS id', { id: 'skate-au' })).toEqual([
        'anbefaling-nasjonale-digitaliseringstiltak',
      ]);
    });
  });

  describe('drivers, trends and examples', () => {
    it("which examples illustrate blockchain? KLP's pension register (p. 18)", async () => {
      expect(await ids('MATCH (e:Example)-[:ILLUSTRATES]->(t:Trend {id: $id}) RETURN e.id AS id', { id: 'blokkjede' })).toEqual(['eksempel-klp-blokkjede']);
    });

    it('which trend does the Helse Bergen example illustrate, and whom does it involve? IoT; Helse Bergen and RETRAMS (p. 18)', async () => {
      expect(await ids('MATCH (e:Example {id: $id})-[:ILLUSTRATES]->(t:Trend) RETURN t.id AS id', { id: 'eksempel-helse-bergen-retrams' })).toEqual([
        'tingenes-internett',
      ]);
      expect(await ids('MATCH (e:Example {id: $id})-[:INVOLVES]->(a:Agency) RETURN a.id AS id', { id: 'eksempel-helse-bergen-retrams' })).toEqual([
        'helse-bergen',
        'retrams',
      ]);
    });

    it('which trends belong to «Teknologien gjør det meste mulig»? VR/AR, RPA, blockchain, IoT and AI (pp. 18–19)', async () => {
      expect(await ids('MATCH (t:Trend)-[:PART_OF]->(d:Driver {id: $id}) RETURN t.id AS id', { id: 'drivkraft-teknologi' })).toEqual([
        'blokkjede',
        'kunstig-intelligens',
        'rpa',
        'tingenes-internett',
        'vr-ar',
      ]);
    });

    it('what does the shrinking economic room influence? life events, data sharing and the common ecosystem (p. 24)', async () => {
      expect(
        await ids("MATCH (d:Driver {id: $id})-[r:INFLUENCES]->(f:FocusArea) WHERE r.basis = 'stated' RETURN f.id AS id", {
          id: 'drivkraft-okonomisk-handlingsrom',
        }),
      ).toEqual(['felles-okosystem', 'okt-deling-av-data', 'sammenhengende-tjenester']);
    });

    it('which examples illustrate the sustainability driver? Nye Asker, Trondheim, self-driving buses (p. 26)', async () => {
      expect(await ids('MATCH (e:Example)-[:ILLUSTRATES]->(d:Driver {id: $id}) RETURN e.id AS id', { id: 'drivkraft-baerekraft' })).toEqual([
        'eksempel-nye-asker-baerekraftsmal',
        'eksempel-selvkjorende-busser',
        'eksempel-trondheim-karbonavtrykk',
      ]);
    });

    it('how are seven drivers numbered as in the chapter summary (p. 17)?', async () => {
      const drivers = await rows('MATCH (d:Driver) RETURN d.number AS n, d.name AS name');
      expect(drivers.sort((a, b) => Number(a['n']) - Number(b['n'])).map((d) => d['name'])).toEqual([
        'Teknologien gjør det meste mulig',
        'Befolkningen etterlyser bedre brukerretting',
        'Nye forretningsmodeller og plattformteknologier',
        'Tillit på prøve?',
        'Det økonomiske handlingsrommet krymper',
        'Vi må utvikle ny kompetanse og lære hele livet',
        'Økt fokus på bærekraft driver endring',
      ]);
    });
  });

  describe('search, neighbourhoods, paths and provenance', () => {
    it('finds StimuLab and Datafabrikken by name', async () => {
      expect((await sut.searchNodes({ q: 'stimulab', limit: 10, offset: 0 })).items.map((n) => n.id)).toContain('stimulab');
      expect((await sut.searchNodes({ q: 'Datafabrikken', kind: 'Initiative', limit: 10, offset: 0 })).items.map((n) => n.id)).toEqual(['datafabrikken']);
    });

    it('links Datafabrikken to the recommendation that proposes it', async () => {
      const around = await sut.neighbors('datafabrikken', { depth: 1, limit: 50 });
      expect(around.edges.map((e) => e.id)).toContain('anbefaling-nye-initiativer:PROPOSES:datafabrikken');
    });

    it('connects the regulation-obstacles work to «Dødsfall og arv» in one step', async () => {
      const paths = await sut.shortestPaths('hindringer-i-regelverk', 'livshendelse-dodsfall-og-arv', { maxLength: 4, directed: false, limit: 5 });
      expect(paths[0]?.edges.map((e) => e.type)).toEqual(['SERVES']);
      expect(paths[0]?.edges[0]?.properties).toMatchObject({ source: 'erfaringsrapport-2020', page: 36, basis: 'stated' });
    });

    it("keeps the draft's placeholders: «Navn navnesen i virksomhet x» on pp. 12–13", async () => {
      expect(await ids("MATCH (f:FocusArea) WHERE f.description CONTAINS 'Navn navnesen i virksomhet x' RETURN f.id AS id")).toEqual([
        'okt-digital-kompetanse',
        'samarbeid-med-privat-sektor',
      ]);
    });

    it('gives every inferred link a reason', async () => {
      const types = ['LEADS', 'PARTICIPATES_IN', 'PART_OF', 'DEPENDS_ON', 'INFLUENCES', 'CONTRIBUTES_TO'];
      for (const type of types) {
        const unexplained = await rows(`MATCH (a)-[r:${type}]->(b) WHERE r.basis = 'inferred' AND r.note IS NULL RETURN a.id AS a, b.id AS b`);
        expect(unexplained, type).toEqual([]);
      }
    });
  });
});
