// Stable finding ids: the follow-up of findings is keyed by them, so the same problem must keep its id from one load
// and one year to the next, and two problems must never share one. Checked on the real data (seeds/, every year it
// covers), through the embedded store as well as from the files, and on small datasets for the rules with keys.
import { beforeAll, describe, expect, it } from 'vitest';
import { LadybugStore } from '../../graph/adapters/ladybug/store.js';
import { FINDING_ID_PATTERN, findingId, MAX_FINDING_ID_LENGTH } from '../../graph/analysis/finding-id.js';
import { findGaps } from '../../graph/analysis/gaps.js';
import { snapshotFromDataset } from '../../graph/analysis/snapshot.js';
import { snapshotAsOf, yearsOf } from '../../graph/analysis/time/years.js';
import type { GapFinding } from '../../graph/schema/analysis.js';
import type { Dataset } from '../../graph/schema/dataset.js';
import type { GraphSnapshot } from '../../graph/store/port.js';
import { dataset } from './builders.js';
import { loadFixture } from './store-contract.js';

/** The rules that may report one subject more than once, and so give a key. */
const KEYED_RULES = new Set(['sources-disagree', 'slipping-status']);

const findingsByYear = (snapshot: GraphSnapshot): Map<number, GapFinding[]> => {
  const years = yearsOf(snapshot);
  return new Map(years.all.map((year) => [year, findGaps(snapshotAsOf(snapshot, year, years))]));
};

describe('stable finding ids on the real data', () => {
  let seeds: Dataset;
  let byYear: Map<number, GapFinding[]>;

  beforeAll(async () => {
    seeds = await loadFixture('seeds');
    byYear = findingsByYear(snapshotFromDataset(seeds));
  });

  it('are unique within the analysis of every year the data covers, and well-formed', () => {
    expect([...byYear.keys()]).toEqual([2020, 2021, 2022, 2023, 2024]);
    for (const [year, findings] of byYear) {
      const ids = findings.map((f) => f.id);
      const repeated = ids.filter((id, i) => ids.indexOf(id) !== i);
      expect(repeated, `repeated ids in ${year}`).toEqual([]);
      for (const f of findings) {
        expect(f.id, `${year}`).toMatch(FINDING_ID_PATTERN);
        expect(f.id.length).toBeLessThanOrEqual(MAX_FINDING_ID_LENGTH);
        expect(f.id.startsWith(`${f.rule}:${f.subject.id}`), f.id).toBe(true);
      }
    }
  });

  it('are the same after a second load, and through the embedded store as from the files', async () => {
    const again = findingsByYear(snapshotFromDataset(await loadFixture('seeds')));
    const store = new LadybugStore({ path: ':memory:' });
    try {
      await store.open();
      await store.replaceDataset(seeds);
      await store.replaceDataset(seeds);
      const stored = findingsByYear(await store.snapshot());
      for (const [year, findings] of byYear) {
        const ids = findings.map((f) => f.id).sort();
        expect(
          again
            .get(year)!
            .map((f) => f.id)
            .sort(),
          `${year}, second load`,
        ).toEqual(ids);
        expect(
          stored
            .get(year)!
            .map((f) => f.id)
            .sort(),
          `${year}, embedded store`,
        ).toEqual(ids);
      }
    } finally {
      await store.close();
    }
  });

  it('stay the same from one year to the next while the problem persists, though its message and evidence change', () => {
    const years = [...byYear.keys()];
    let persistedWithNewWords = 0;
    let compared = 0;
    for (let i = 1; i < years.length; i++) {
      const before = byYear.get(years[i - 1]!)!;
      const after = new Map(byYear.get(years[i]!)!.map((f) => [`${f.rule} ${f.subject.id}`, f]));
      for (const f of before) {
        const next = after.get(`${f.rule} ${f.subject.id}`);
        if (!next) continue;
        compared++;
        if (!KEYED_RULES.has(f.rule)) expect(next.id, `${f.id} ${years[i - 1]}→${years[i]}`).toBe(f.id);
        if (next.id === f.id && (next.message.en !== f.message.en || JSON.stringify(next.evidence) !== JSON.stringify(f.evidence))) persistedWithNewWords++;
      }
    }
    expect(compared).toBeGreaterThan(100);
    // The id rests on neither the message nor the evidence: findings whose words or sources grew kept it.
    expect(persistedWithNewWords).toBeGreaterThan(0);
  });

  it('keep a run of slipping and a year of disagreement under one id in every later year', () => {
    const slip = findingId('slipping-status', 'okt-deling-av-data', 'from-2021');
    const disagree = findingId('sources-disagree', 'egov-benchmark-rangering', '2021');
    for (const year of [2022, 2023, 2024]) {
      const ids = byYear.get(year)!.map((f) => f.id);
      expect(ids, `${year}`).toContain(disagree);
      if (year === 2022) expect(ids).toContain(slip);
    }
  });
});

describe('finding ids of the rules that can report a subject more than once', () => {
  it('sources-disagree: an indicator the sources disagree on in two years gives two findings, one id per year', () => {
    const b = dataset()
      .report('r2021a', 2021)
      .report('r2021b', 2021)
      .report('r2022a', 2022)
      .report('r2022b', 2022)
      .node('Indicator', 'ind', { unit: 'rank', direction: 'lower_is_better' });
    for (const [id, source, year, value] of [
      ['m1', 'r2021a', 2021, 3],
      ['m2', 'r2021b', 2021, 4],
      ['m3', 'r2022a', 2022, 5],
      ['m4', 'r2022b', 2022, 6],
    ] as const) {
      b.node('Measurement', id, { source, year, value }).link('MEASURES', id, 'ind', { source });
    }
    const ids = b.gaps({ rule: 'sources-disagree' }).map((f) => f.id);
    expect(ids).toEqual(['sources-disagree:ind:2021', 'sources-disagree:ind:2022']);
  });

  it('slipping-status: a run that goes on keeps its id; a new slip after a recovery is a new finding', () => {
    const b = dataset()
      .report('r2021', 2021)
      .report('r2022', 2022)
      .report('r2023', 2023)
      .report('r2024', 2024)
      .report('r2025', 2025)
      .focusArea('fa')
      .assessment('fa', 'r2021', 'on_track', 'På plan')
      .assessment('fa', 'r2022', 'minor_delays', 'Mindre forsinkelser')
      .assessment('fa', 'r2023', 'major_delays', 'Store forsinkelser')
      .assessment('fa', 'r2024', 'on_track', 'På plan')
      .assessment('fa', 'r2025', 'minor_delays', 'Mindre forsinkelser');
    const snapshot = b.snapshot();
    const slipIn = (year: number) => findGaps(snapshotAsOf(snapshot, year), { rule: 'slipping-status' }).map((f) => f.id);
    expect(slipIn(2022)).toEqual(['slipping-status:fa:from-2021']);
    expect(slipIn(2023)).toEqual(['slipping-status:fa:from-2021']);
    expect(slipIn(2024)).toEqual([]);
    expect(slipIn(2025)).toEqual(['slipping-status:fa:from-2024']);
  });
});
