// The review threads every read of the graph needs, cached per work store: on the embedded store, whose files this
// process alone holds, the store's write mark says whether they are current without a database query, and a
// decision made here is seen by the very next read. (Neo4j, where other processes write: reviews.neo4j.test.ts.)
import path from 'node:path';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { LadybugStore } from '../../graph/adapters/ladybug/store.js';
import { actOnReview } from '../../graph/review/actions.js';
import { reviewedSnapshot, reviewRecords } from '../../graph/review/read.js';
import { fixtureDataset } from '../server/helpers.js';

const editor = { id: 'kari', name: 'Kari', via: 'token' as const };
const LINK = 'ex-chatbot:INVOLVES:ks';

let store: LadybugStore | null = null;
afterEach(async () => {
  await store?.close();
  store = null;
});

describe('the review threads on the embedded store', () => {
  it('are read once while nothing is written, and without asking the database whether they changed', async () => {
    store = new LadybugStore({ path: ':memory:' });
    await store.replaceDataset(await fixtureDataset());
    const first = await reviewRecords(store.work);
    const listAudit = vi.spyOn(store.work, 'listAudit');
    const listRecords = vi.spyOn(store.work, 'listRecords');
    for (let i = 0; i < 5; i++) expect(await reviewRecords(store.work)).toBe(first);
    expect(listAudit).not.toHaveBeenCalled();
    expect(listRecords).not.toHaveBeenCalled();
  });

  it('show a decision made in this process to the next read, and any other write makes them read again', async () => {
    store = new LadybugStore({ path: ':memory:' });
    await store.replaceDataset(await fixtureDataset());
    const before = await reviewRecords(store.work);
    expect((await reviewedSnapshot(store)).edges.some((e) => e.id === LINK)).toBe(true);
    await actOnReview(store.work, await store.snapshot(), LINK, { action: 'reject', note: 'Nei.', actor: editor, expectedVersion: null });
    const after = await reviewRecords(store.work);
    expect(after).not.toBe(before);
    expect(after.map((r) => r.id)).toContain(LINK);
    expect((await reviewedSnapshot(store)).edges.some((e) => e.id === LINK)).toBe(false);

    const mark = store.work.writeMark();
    await store.work.appendAudit({ at: new Date().toISOString(), actor: editor, action: 'dataset.replace', target: 'dataset', before: null, after: null });
    expect(store.work.writeMark()).not.toBe(mark);
    expect(await reviewRecords(store.work)).not.toBe(after);
  });

  it('are read again after the work file was closed, when another process may have written it', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'strategigraf-review-cache-'));
    try {
      store = new LadybugStore({ path: path.join(dir, 'g.lbug') });
      await store.replaceDataset(await fixtureDataset());
      const first = await reviewRecords(store.work);
      expect(await reviewRecords(store.work)).toBe(first);
      const mark = store.work.writeMark();
      await store.work.close();
      await store.work.listRecords('review');
      expect(store.work.writeMark()).not.toBe(mark);
      expect(await reviewRecords(store.work)).not.toBe(first);
    } finally {
      await store?.close();
      store = null;
      await rm(dir, { recursive: true, force: true });
    }
  });
});
