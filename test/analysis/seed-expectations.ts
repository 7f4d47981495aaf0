// What the gap analysis must find in the real 2020 dataset (seeds/), on any store. The lead runs this on every store:
// defineSeedExpectations('Neo4j', () => …) next to the LadybugDB call in seed-expectations.test.ts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findGaps } from '../../graph/analysis/gaps.js';
import { snapshotFromDataset } from '../../graph/analysis/snapshot.js';
import { timeline } from '../../graph/analysis/timeline.js';
import { renderReport } from '../../graph/report/index.js';
import { GapFinding } from '../../graph/schema/analysis.js';
import type { Dataset } from '../../graph/schema/dataset.js';
import type { GraphSnapshot, GraphStore } from '../../graph/store/port.js';
import { report2020Only } from '../seeds/report-2020.js';
import { loadFixture } from './store-contract.js';

export const SEEDS_DIR = 'seeds';

// «Dødsfall og arv» is served by the regulation-obstacles work, which takes all seven life events as its starting point
// (p. 9) and so serves every life event; the rule counts no such initiative, so it is thin like the other four.
const THIN = [
  'livshendelse-fa-barn',
  'livshendelse-miste-og-finne-jobb',
  'livshendelse-ny-i-norge',
  'livshendelse-starte-og-drive-bedrift',
  'livshendelse-dodsfall-og-arv',
];
const COVERED = ['livshendelse-alvorlig-sykt-barn', 'livshendelse-starte-og-drive-frivillig-organisasjon'];

export function defineSeedExpectations(label: string, makeStore: () => Promise<GraphStore>): void {
  describe(`gap analysis of the 2020 dataset on ${label}`, () => {
    let store: GraphStore;
    let dataset: Dataset;
    let snapshot: GraphSnapshot;
    let findings: GapFinding[];
    const of = (rule: string) => findings.filter((f) => f.rule === rule);
    const subjectsOf = (rule: string) => of(rule).map((f) => f.subject.id);

    beforeAll(async () => {
      dataset = report2020Only(await loadFixture(SEEDS_DIR));
      store = await makeStore();
      await store.open();
      await store.replaceDataset(dataset);
      snapshot = await store.snapshot();
      findings = findGaps(snapshot);
    });
    afterAll(async () => {
      await store?.close();
    });

    it('gives the same findings as the seed files themselves, each a valid GapFinding', () => {
      expect(findings).toEqual(findGaps(snapshotFromDataset(dataset)));
      expect(() => GapFinding.array().parse(findings)).not.toThrow();
    });

    it('gives the same timeline as the seed files, partial dates kept as given', () => {
      const milestones = timeline(snapshot);
      expect(milestones).toEqual(timeline(snapshotFromDataset(dataset)));
      expect(milestones.find((m) => m.id === 'milepael-programkontor-opprettet')).toMatchObject({ date: '2020-06', page: null });
      expect(milestones.find((m) => m.id === 'milepael-ki-strategi-lagt-fram')!.initiatives.map((i) => i.id)).toEqual(['ki-strategi']);
    });

    it('finds «Økt digital kompetanse i offentlig sektor» not started', () => {
      const [f, ...rest] = of('focus-area-not-started');
      expect(rest).toEqual([]);
      expect(f!.subject).toMatchObject({ id: 'okt-digital-kompetanse', name: 'Økt digital kompetanse i offentlig sektor' });
      expect(f!.evidence.nodes[0]!.quote).toBeTruthy();
    });

    it('finds no stated SDG effect for any of the eight focus areas, with inferred links as suggestions', () => {
      const focusAreas = snapshot.nodes.filter((n) => n.kind === 'FocusArea').map((n) => n.id);
      expect(focusAreas).toHaveLength(8);
      const reported = of('no-stated-sdg-effect').filter((f) => f.subject.kind === 'FocusArea');
      expect(reported.map((f) => f.subject.id).sort()).toEqual([...focusAreas].sort());
      for (const f of reported) for (const e of f.evidence.edges) expect(e).toMatchObject({ suggestion: true, properties: { basis: 'inferred' } });
    });

    it('finds thin coverage of every life event but the two in StimuLab', () => {
      const thin = subjectsOf('thin-life-event-coverage');
      expect([...thin].sort()).toEqual([...THIN].sort());
      for (const id of COVERED) expect(thin, id).not.toContain(id);
      // Digdir's project and the regulation work, each for all seven life events, do not count as coverage.
      const faBarn = of('thin-life-event-coverage').find((f) => f.subject.id === 'livshendelse-fa-barn')!;
      expect(faBarn.evidence.edges.some((e) => e.from === 'sammenhengende-tjenester-prosjekt' && e.note)).toBe(true);
      expect(faBarn.evidence.edges.some((e) => e.from === 'hindringer-i-regelverk' && e.note)).toBe(true);
    });

    it('finds the status of «Prinsipper for kostnadsdeling» incomplete', () => {
      const f = of('missing-status').find((x) => x.subject.id === 'prinsipper-for-kostnadsdeling');
      expect(f, 'a missing-status finding for prinsipper-for-kostnadsdeling').toBeDefined();
      expect(f!.message.en).toContain('is incomplete');
      expect(f!.evidence.nodes.some((n) => n.kind === 'StatusReport' && n.facts?.['complete'] === false)).toBe(true);
    });

    it('finds the new-initiatives recommendation (p. 30) not followed up: both its proposals are outside the plan', () => {
      expect(subjectsOf('recommendation-without-follow-up')).toEqual(['anbefaling-nye-initiativer']);
      const [f] = of('recommendation-without-follow-up');
      expect(
        f!.evidence.edges
          .filter((e) => e.type === 'PROPOSES')
          .map((e) => e.to)
          .sort(),
      ).toEqual(['datafabrikken', 'ki-tiltak-fra-ki-strategien']);
    });

    it('finds StimuLab without a lead: the report never says who runs it', () => {
      expect(subjectsOf('initiative-without-lead')).toContain('stimulab');
      expect(subjectsOf('initiative-without-lead')).not.toContain('nytt-mandat-for-skate');
    });

    it('finds Digdir a concentration risk', () => {
      const f = of('concentration-risk').find((x) => x.subject.id === 'digdir');
      expect(f, 'a concentration-risk finding for digdir').toBeDefined();
      expect(f!.evidence.nodes[0]!.facts?.['share']).toBeGreaterThan(0.25);
    });

    it('lists the placeholders of the draft report', () => {
      const placeholders = of('report-placeholders');
      const messages = placeholders.map((f) => f.message.nb).join('\n');
      for (const marker of ['«[Overskrift]»', '«Navn navnesen»', '«…»', '«En anbefaling»']) expect(messages).toContain(marker);
      expect(placeholders.map((f) => f.subject.kind)).toContain('StatusReport');
      expect(placeholders.some((f) => f.subject.kind === 'FocusArea' && f.message.nb.includes('«Navn navnesen»'))).toBe(true);
    });

    it('renders the coverage report in both formats', () => {
      const md = renderReport(snapshot, { format: 'md', generatedAt: '2021-03-01T09:00:00Z' });
      expect(md).toContain('Økt digital kompetanse i offentlig sektor');
      expect(md).toContain('versjon 2020.1');
      const html = renderReport(snapshot, { format: 'html', generatedAt: '2021-03-01T09:00:00Z', lang: 'en' });
      expect(html).toContain('<html lang="en">');
      expect(html).toContain('Concentration risk');
    });
  });
}
