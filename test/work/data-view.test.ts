// The follow-up's view of the data (graph/work/followup/data-view.ts) keeps a digest of each past year's findings, not
// the findings and graph of every year (at 100,000 nodes those took a server past 1 GiB). What it tells the reconcile
// must be what the plain computation says: every year's findings worked out from that year's graph and kept.
import { describe, expect, it } from 'vitest';
import { generateDataset } from '../../bench/synthetic/dataset.js';
import { LadybugStore } from '../../graph/adapters/ladybug/store.js';
import { findGaps } from '../../graph/analysis/gaps.js';
import { snapshotAsOf } from '../../graph/analysis/time/years.js';
import { loadDatasetDir } from '../../graph/dataset/load.js';
import { keptYearViews, yearsOfGraph } from '../../graph/projection/as-of.js';
import type { Dataset } from '../../graph/schema/dataset.js';
import type { GapFinding } from '../../graph/schema/analysis.js';
import type { GraphSnapshot } from '../../graph/store/port.js';
import { latestSourceOf, preparedDataView, summaryOf } from '../../graph/work/followup/data-view.js';
import type { Observation } from '../../graph/work/followup/state.js';

/** What the data says about a finding, from every year's findings held in full (how the view worked before). */
function plainObservation(snapshot: GraphSnapshot, byYear: Map<number, GapFinding[]>, findingId: string, subjectId: string): Observation {
  const years = yearsOfGraph(snapshot);
  const latest = years.latest;
  const now = latest === null ? undefined : byYear.get(latest)!.find((f) => f.id === findingId);
  const subjectExists = snapshot.nodes.some((n) => n.id === subjectId);
  const presentIn = subjectExists ? years.all.filter((y) => byYear.get(y)!.some((f) => f.id === findingId)) : [];
  const firstYear = now ? (presentIn[0] ?? latest) : (presentIn[0] ?? null);
  if (now) return { present: true, subjectExists: true, finding: summaryOf(now), closing: null, firstYear };
  const lastYear = presentIn.at(-1);
  const lastSeen = lastYear === undefined ? null : byYear.get(lastYear)!.find((f) => f.id === findingId)!;
  const goneIn = lastYear === undefined ? latest : (years.all.find((y) => y > lastYear) ?? latest);
  const closing = goneIn === null ? { source: null, year: null } : { source: latestSourceOf(snapshot, years, goneIn), year: goneIn };
  return { present: false, subjectExists, finding: lastSeen ? summaryOf(lastSeen) : null, closing, firstYear };
}

async function fixture(dir: string): Promise<Dataset> {
  const loaded = await loadDatasetDir(dir);
  if (!loaded.ok) throw new Error(`${dir} is invalid`);
  return loaded.dataset;
}

describe('the follow-up view of the data', () => {
  for (const [name, make, someGone] of [
    ['the years fixture', () => fixture('test/fixtures/years'), false],
    ['a generated graph', async () => generateDataset({ nodes: 1500, relationships: 6000, seed: 5 }), true],
  ] as const) {
    it(`tells of every finding of any year what the plain computation does, keeping no past year's graph (${name})`, async () => {
      const store = new LadybugStore({ path: ':memory:' });
      try {
        await store.open();
        await store.replaceDataset(await make());
        const snapshot = await store.snapshot();
        const years = yearsOfGraph(snapshot);
        expect(years.all.length).toBeGreaterThanOrEqual(2);

        const view = await preparedDataView(snapshot);
        expect(view.analysedYears()).toBe(years.all.length);
        // Only the latest year's graph stays: each past year was visited without being kept.
        expect(keptYearViews(snapshot)).toEqual(years.latest === null ? [] : [years.latest]);

        // Every finding id of every year, and one of a subject the data lacks.
        const byYear = new Map(years.all.map((y) => [y, findGaps(snapshotAsOf(snapshot, y, years))]));
        const ids = new Map<string, string>();
        for (const found of byYear.values()) for (const f of found) ids.set(f.id, f.subject.id);
        const gone = [...ids.keys()].filter((id) => !view.currentById.has(id));
        // On the generated graph the comparison reaches findings that are gone by the latest year.
        if (someGone) expect(gone.length).toBeGreaterThan(0);
        ids.set('missing-rule:no-such-node', 'no-such-node');
        for (const [id, subject] of ids) expect(view.observe(id, subject), id).toEqual(plainObservation(snapshot, byYear, id, subject));

        // A past year asked for by a reader gives that year's findings in full.
        const past = years.all[0]!;
        expect(view.findingsOf(past)).toEqual(byYear.get(past));
      } finally {
        await store.close();
      }
    }, 120_000);
  }
});
