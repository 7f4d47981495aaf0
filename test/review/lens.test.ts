// The review lens: which decision is in force, what it does to the graph the reads and the gap analysis see, and that
// an unchanged review leaves the store's own snapshot (and what is cached on it) as it is.
import { beforeAll, describe, expect, it } from 'vitest';
import { findGaps } from '../../graph/analysis/gaps.js';
import { snapshotFromDataset } from '../../graph/analysis/snapshot.js';
import { loadDatasetDir } from '../../graph/dataset/load.js';
import { decisionInForce, type AppDecision } from '../../graph/review/decisions.js';
import { appDecisions, ReviewLens } from '../../graph/review/lens.js';
import { parseReviewTargetId, reviewTargetId } from '../../graph/review/targets.js';
import type { Dataset } from '../../graph/schema/dataset.js';
import type { GraphSnapshot } from '../../graph/store/port.js';
import type { WorkRecord } from '../../graph/work/port.js';

const editor = { id: 'oidc:kari', name: 'Kari', via: 'oidc' as const };
const decide = (decision: AppDecision['decision'], at: string, note?: string): AppDecision => ({ decision, by: editor, at, ...(note ? { note } : {}) });
const LINK = 'init-data:DEPENDS_ON:init-kompetanse';
const FIELD = 'init-kompetanse.status';

let dataset: Dataset;
let whole: GraphSnapshot;
beforeAll(async () => {
  const result = await loadDatasetDir('test/fixtures/gaps');
  if (!result.ok) throw new Error('the gaps fixture is invalid');
  dataset = result.dataset;
  whole = snapshotFromDataset(dataset);
});

const lens = (decisions: [string, AppDecision][], includeRejected = false) => new ReviewLens(new Map(decisions), { includeRejected });
const dependencyFindings = (snapshot: GraphSnapshot) => findGaps(snapshot, { rule: 'dependency-not-started' }).filter((f) => f.subject.id === 'init-data');

describe('review target ids', () => {
  it('name a link by its edge id and a field by "<node>.<field>", and nothing else', () => {
    expect(parseReviewTargetId(LINK)).toEqual({ kind: 'link', type: 'DEPENDS_ON', from: 'init-data', to: 'init-kompetanse' });
    expect(parseReviewTargetId(FIELD)).toEqual({ kind: 'attribute', node: 'init-kompetanse', field: 'status' });
    for (const ref of [parseReviewTargetId(LINK)!, parseReviewTargetId(FIELD)!]) expect(parseReviewTargetId(reviewTargetId(ref))).toEqual(ref);
    for (const bad of ['a:NOT_A_TYPE:b', 'A:LEADS:b', 'a:LEADS', 'a.b.c', 'a.', '.status', '../etc/passwd', 'a:LEADS:b\n', ''])
      expect(parseReviewTargetId(bad), bad).toBeNull();
  });
});

describe('the decision in force', () => {
  const recorded = { decision: 'rejected' as const, by: 'Ola', at: '2025-03-02T10:00:00+01:00', note: 'Nei.' };
  it('is the later of the app’s and the dataset’s, comparing instants, not texts', () => {
    // 2025-03-02T10:00+01:00 is 09:00Z: an app decision at 09:30Z is later though its text sorts earlier.
    expect(decisionInForce(decide('accepted', '2025-03-02T09:30:00Z'), recorded)).toMatchObject({ decision: 'accepted', madeIn: 'app' });
    expect(decisionInForce(decide('accepted', '2025-03-02T08:30:00Z'), recorded)).toMatchObject({
      decision: 'rejected',
      madeIn: 'dataset',
      by: { name: 'Ola' },
    });
    // A tie is an exported decision read back: the app's, which names the actor by id.
    expect(decisionInForce(decide('rejected', '2025-03-02T09:00:00Z', 'Nei.'), recorded)).toMatchObject({ madeIn: 'app', by: { id: 'oidc:kari' } });
    expect(decisionInForce(null, recorded)).toMatchObject({ madeIn: 'dataset' });
    expect(decisionInForce(null, undefined)).toBeNull();
  });

  it('is the last decision of a thread; comments decide nothing', () => {
    const record: WorkRecord = {
      collection: 'review',
      id: LINK,
      version: 3,
      updatedAt: '2025-03-01T10:00:00Z',
      body: {
        target: { kind: 'link', type: 'DEPENDS_ON', from: 'init-data', to: 'init-kompetanse' },
        events: [
          { seq: 1, action: 'reject', at: '2025-03-01T08:00:00Z', by: editor, note: 'Nei.' },
          { seq: 2, action: 'accept', at: '2025-03-01T09:00:00Z', by: editor },
          { seq: 3, action: 'comment', at: '2025-03-01T10:00:00Z', by: editor, note: 'Enig.' },
        ],
      },
    };
    expect(appDecisions([record]).get(LINK)).toMatchObject({ decision: 'accepted', at: '2025-03-01T09:00:00Z' });
    expect(() => appDecisions([{ ...record, body: { events: 'no' } }])).toThrow(/not a review thread/);
  });
});

describe('the review lens', () => {
  it('leaves the store’s snapshot itself when it changes nothing', () => {
    expect(lens([]).view(whole)).toBe(whole);
    expect(lens([]).hides(whole)).toBe(false);
    // A decision on a target the data does not hold changes nothing either.
    expect(lens([['nobody:LEADS:nothing', decide('rejected', '2025-03-01T09:00:00Z', 'x')]]).view(whole)).toBe(whole);
  });

  it('gives one view per snapshot and review, and a new one once a decision changes', () => {
    const a = lens([[LINK, decide('accepted', '2025-03-01T09:00:00Z')]]);
    const view = a.view(whole);
    expect(view).not.toBe(whole);
    expect(lens([[LINK, decide('accepted', '2025-03-01T09:00:00Z')]]).view(whole)).toBe(view);
    expect(lens([[LINK, decide('accepted', '2025-03-01T09:01:00Z')]]).view(whole)).not.toBe(view);
    expect(Object.isFrozen(view.edges) && Object.isFrozen(view.nodes)).toBe(true);
    expect(whole.edges.find((e) => e.id === LINK)?.properties.review).toEqual({ state: 'unreviewed' });
  });

  it('marks an accepted link and keeps it; leaves a rejected one out unless asked, and never changes the store’s graph', () => {
    const accepted = lens([[LINK, decide('accepted', '2025-03-01T09:00:00Z')]]).view(whole);
    expect(accepted.edges.find((e) => e.id === LINK)?.properties.review).toEqual({ state: 'accepted', by: 'Kari', at: '2025-03-01T09:00:00Z' });
    const rejecting = [[LINK, decide('rejected', '2025-03-01T09:00:00Z', 'Nei.')]] as [string, AppDecision][];
    expect(
      lens(rejecting)
        .view(whole)
        .edges.some((e) => e.id === LINK),
    ).toBe(false);
    expect(lens(rejecting).hides(whole)).toBe(true);
    const shown = lens(rejecting, true).view(whole);
    expect(shown.edges.find((e) => e.id === LINK)?.properties.review).toMatchObject({ state: 'rejected', note: 'Nei.' });
    expect(lens(rejecting, true).hides(whole)).toBe(false);
    expect(whole.edges.find((e) => e.id === LINK)?.properties.review).toEqual({ state: 'unreviewed' });
  });

  it('lets no finding rest on a rejected link or field: the finding that rested on one is gone, one that stands on others stays', () => {
    const before = dependencyFindings(whole);
    expect(before).toHaveLength(1);
    expect(before[0]!.basis).toBe('inferred');
    expect(dependencyFindings(lens([[LINK, decide('rejected', '2025-03-01T09:00:00Z', 'Ingen avhengighet.')]]).view(whole))).toEqual([]);
    expect(dependencyFindings(lens([[FIELD, decide('rejected', '2025-03-01T09:00:00Z', 'Strategien er i gang.')]]).view(whole))).toEqual([]);
    // Accepting keeps the finding as it was: the inference is vouched for, not turned into the source's word.
    const accepted = dependencyFindings(lens([[LINK, decide('accepted', '2025-03-01T09:00:00Z')]]).view(whole));
    expect(accepted.map((f) => [f.basis, f.severity])).toEqual(before.map((f) => [f.basis, f.severity]));
    expect(accepted[0]!.evidence.edges.find((e) => e.id === LINK)?.properties.review).toMatchObject({ state: 'accepted' });
  });

  it('lets a later decision recorded in the dataset override an earlier one made in the app', () => {
    const recorded: Dataset = {
      ...dataset,
      relationships: dataset.relationships.map((r) =>
        `${r.from}:${r.type}:${r.to}` === LINK ? { ...r, review: { decision: 'rejected', by: 'Ola', at: '2025-04-01T09:00:00Z', note: 'Nei.' } } : r,
      ),
    };
    const reloaded = snapshotFromDataset(recorded);
    expect(
      lens([])
        .view(reloaded)
        .edges.some((e) => e.id === LINK),
    ).toBe(false);
    expect(
      lens([[LINK, decide('accepted', '2025-03-01T09:00:00Z')]])
        .view(reloaded)
        .edges.some((e) => e.id === LINK),
    ).toBe(false);
    expect(
      lens([[LINK, decide('accepted', '2025-05-01T09:00:00Z')]])
        .view(reloaded)
        .edges.some((e) => e.id === LINK),
    ).toBe(true);
  });
});
