// What the programme office must see across the years in the real data (seeds/, 2020–2024): the time rules' findings
// and the diff, each resting on the follow-up sources. Pure functions of the dataset; the stores' equality over years
// is the analysis store contract's.
import { beforeAll, describe, expect, it } from 'vitest';
import { findGaps } from '../../graph/analysis/gaps.js';
import { snapshotFromDataset } from '../../graph/analysis/snapshot.js';
import { diffYears } from '../../graph/analysis/time/diff.js';
import { snapshotAsOf, yearsOf } from '../../graph/analysis/time/years.js';
import type { GapFinding } from '../../graph/schema/analysis.js';
import type { GraphSnapshot } from '../../graph/store/port.js';
import { loadFixture } from './store-contract.js';

describe('the seeds over the years', () => {
  let snapshot: GraphSnapshot;
  let latest: GapFinding[];
  const of = (rule: string) => latest.filter((f) => f.rule === rule);

  beforeAll(async () => {
    snapshot = snapshotFromDataset(await loadFixture('seeds'));
    latest = findGaps(snapshot);
  });

  it('covers 2020 to 2024: no source reports on 2025', () => {
    expect(yearsOf(snapshot).all).toEqual([2020, 2021, 2022, 2023, 2024]);
  });

  it('finds the data-sharing focus area slipping from «På plan» (2021) to «Mindre forsinkelser» (2022), with both sources', () => {
    const slip = of('slipping-status').find((f) => f.subject.id === 'okt-deling-av-data')!;
    expect(slip.years).toEqual([2021, 2022]);
    expect(slip.message.nb).toContain('fra «På plan» i 2021');
    expect(slip.message.nb).toContain('til «Mindre forsinkelser» i 2022');
  });

  it('finds the two sources that disagree on the eGovernment Benchmark rank for 2021', () => {
    const disagree = of('sources-disagree').find((f) => f.subject.id === 'egov-benchmark-rangering')!;
    expect(disagree.years).toEqual([2021]);
    expect(disagree.evidence.nodes.filter((n) => n.kind === 'Measurement')).toHaveLength(2);
  });

  it('finds the 2021 recommendation to start the competence strategy not acted on, and says that its timing is the analyst’s reading', () => {
    const [finding] = of('recommendation-not-acted-on').filter((f) => f.subject.id === 'anbefaling-2021-strategi-for-digital-kompetanse');
    expect(finding).toMatchObject({ basis: 'inferred', severity: 'medium' });
    expect(finding!.message.nb).toContain('«Strategi for digital kompetanse» har fortsatt status «Ikke startet»');
    expect(finding!.message.nb).toContain('utførende «Uavklart»');
    expect(finding!.message.nb).toContain('Funnet bygger på analytikerens slutninger');
  });

  it('finds the life events no later source reports on as stale, naming none of their statuses as current', () => {
    const stale = of('stale-status').map((f) => f.subject.id);
    expect(stale).toEqual(expect.arrayContaining(['livshendelse-miste-og-finne-jobb', 'livshendelse-starte-og-drive-bedrift']));
    for (const f of of('stale-status')) expect(f.message.nb).toMatch(/^Ingen kilde (gir|har gitt) status for /);
  });

  it('as of 2020 finds nothing that needs later years: no slip, no stale status, no recommendation judged by later sources', () => {
    const rules = new Set(findGaps(snapshotAsOf(snapshot, 2020)).map((f) => f.rule));
    for (const rule of ['slipping-status', 'stale-status', 'recommendation-not-acted-on']) expect(rules.has(rule), rule).toBe(false);
  });

  it('gives the diff 2021 → 2022 the slip, with the annual reports on both sides', () => {
    const change = diffYears(snapshot, 2021, 2022).statusChanges.find((c) => c.subject.id === 'okt-deling-av-data')!;
    expect(change.direction).toBe('slipped');
    expect([change.before?.source.id, change.after.source.id]).toEqual(['arsrapport-2021-handlingsplanen', 'arsrapport-2022-handlingsplanen']);
  });
});
