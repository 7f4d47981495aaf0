// The analysis on a store: findings and matrices from a store's snapshot must equal those from the dataset itself,
// so every store gives the same results. Each store's test file calls defineAnalysisStoreContract with a factory.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COVERAGE_PRESETS, coverageByPreset } from '../../graph/analysis/coverage.js';
import { findGaps, GAP_RULES } from '../../graph/analysis/gaps.js';
import { snapshotFromDataset } from '../../graph/analysis/snapshot.js';
import { timeline, timelineStatuses } from '../../graph/analysis/timeline.js';
import { diffYears } from '../../graph/analysis/time/diff.js';
import { subjectHistory } from '../../graph/analysis/time/history.js';
import { snapshotAsOf, yearsOf } from '../../graph/analysis/time/years.js';
import { loadDatasetDir } from '../../graph/dataset/load.js';
import { renderReport } from '../../graph/report/index.js';
import type { Dataset } from '../../graph/schema/dataset.js';
import type { GraphStore } from '../../graph/store/port.js';

export const GAP_FIXTURE = 'test/fixtures/gaps';

/** The gap fixture triggers every rule; the store contract's small fixture some of them. */
const EXPECTED_RULES: Record<string, readonly string[]> = {
  [GAP_FIXTURE]: GAP_RULES.map((r) => r.id),
  'test/fixtures/small': [
    'focus-area-not-started',
    'thin-life-event-coverage',
    'no-stated-sdg-effect',
    'initiative-without-lead',
    'missing-status',
    'unanswered-driver',
    'report-placeholders',
    'stale-status',
  ],
};

export async function loadFixture(dir: string): Promise<Dataset> {
  const result = await loadDatasetDir(dir);
  if (!result.ok) throw new Error(`${dir} is not a valid dataset: ${JSON.stringify(result.problems.slice(0, 5))}`);
  return result.dataset;
}

export function defineAnalysisStoreContract(label: string, makeStore: () => Promise<GraphStore>): void {
  describe.each([GAP_FIXTURE, 'test/fixtures/small'])(`gap analysis on ${label}: %s`, (dir) => {
    let store: GraphStore;
    let dataset: Dataset;

    beforeAll(async () => {
      dataset = await loadFixture(dir);
      store = await makeStore();
      await store.open();
      await store.replaceDataset(dataset);
    });
    afterAll(async () => {
      await store?.close();
    });

    it('finds exactly what the dataset itself gives', async () => {
      const fromStore = findGaps(await store.snapshot());
      expect(fromStore).toEqual(findGaps(snapshotFromDataset(dataset)));
      expect(fromStore.length).toBeGreaterThan(0);
    });

    it('builds the same coverage matrices and report', async () => {
      const snapshot = await store.snapshot();
      const reference = snapshotFromDataset(dataset);
      for (const preset of COVERAGE_PRESETS) expect(coverageByPreset(snapshot, preset.id), preset.id).toEqual(coverageByPreset(reference, preset.id));
      const options = { format: 'html', generatedAt: '2021-03-01T09:00:00Z' } as const;
      expect(renderReport(snapshot, options)).toBe(renderReport(reference, options));
    });

    it('gives the same timeline: milestones, and the dated statuses as of every year of the data', async () => {
      const snapshot = await store.snapshot();
      const reference = snapshotFromDataset(dataset);
      expect(timeline(snapshot)).toEqual(timeline(reference));
      const statuses = timelineStatuses(reference);
      expect(statuses.length).toBeGreaterThan(0);
      expect(timelineStatuses(snapshot)).toEqual(statuses);
      for (const year of yearsOf(reference).all) {
        expect(timelineStatuses(snapshotAsOf(snapshot, year)), `as of ${year}`).toEqual(timelineStatuses(snapshotAsOf(reference, year)));
      }
    });

    it('gives the same history, diff and as-of findings for every year of the data', async () => {
      const snapshot = await store.snapshot();
      const reference = snapshotFromDataset(dataset);
      const years = yearsOf(reference).all;
      expect(years.length).toBeGreaterThan(0);
      for (const year of years) {
        expect(findGaps(snapshotAsOf(snapshot, year)), `as of ${year}`).toEqual(findGaps(snapshotAsOf(reference, year)));
        expect(diffYears(snapshot, years[0]!, year), `diff to ${year}`).toEqual(diffYears(reference, years[0]!, year));
      }
      for (const node of reference.nodes.filter((n) => ['FocusArea', 'Initiative', 'LifeEvent'].includes(n.kind))) {
        expect(subjectHistory(snapshot, node.id), node.id).toEqual(subjectHistory(reference, node.id));
      }
    });

    it('triggers the rules the fixture is built for', async () => {
      const rules = new Set(findGaps(await store.snapshot()).map((f) => f.rule));
      expect([...rules].sort()).toEqual([...EXPECTED_RULES[dir]!].sort());
    });
  });
}
