// The review routes, one suite for every store (reviews.test.ts: embedded; reviews.neo4j.test.ts: Neo4j): listing, a
// target's thread with its ETag, decisions guarded by role and If-Match and audited, and what a rejection does to the
// graph's reads — answered by the store's own reads while only marks change, by the projection once a link is hidden.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadDatasetDir } from '../../graph/dataset/load.js';
import type { Dataset } from '../../graph/schema/dataset.js';
import type { GraphStore } from '../../graph/store/port.js';
import { ADMIN_TOKEN, auth, body, build, fixtureDataset, type TestApp } from './helpers.js';

/** A store holding `dataset` and no review threads, opened; the suite closes it. */
export type ReviewStoreFactory = (dataset: Dataset) => Promise<GraphStore>;

const LINK = 'ex-chatbot:INVOLVES:ks';
const url = (target: string, action = '') => `/api/reviews/${encodeURIComponent(target)}${action}`;

export function defineReviewRouteSuite(label: string, makeStore: ReviewStoreFactory): void {
  describe(`review routes: ${label}`, () => {
    let t: TestApp;
    beforeEach(async () => {
      t = await build({ store: await makeStore(await fixtureDataset()), adminToken: ADMIN_TOKEN });
    });
    afterEach(async () => {
      await t.close();
    });
    // The bootstrap admin token: an admin may do what an editor may.
    const editor = auth();

    const post = (target: string, action: 'accept' | 'reject' | 'comments', payload: object, headers: Record<string, string> = {}) =>
      t.app.inject({ method: 'POST', url: url(target, `/${action}`), headers: { ...editor, ...headers }, payload });

    it('lists every inferred link of the data, unreviewed, with counts', async () => {
      const res = await t.app.inject({ url: '/api/reviews' });
      expect(res.statusCode).toBe(200);
      const list = body(res);
      expect(list.items.map((i: { id: string }) => i.id)).toEqual([
        'ex-chatbot:CONTRIBUTES_TO:sdg-9',
        'ex-chatbot:INVOLVES:ks',
        'fa-kompetanse:CONTRIBUTES_TO:sdg-4',
        'init-kompetansestrategi:DEPENDS_ON:init-ki',
        'rec-sdg:PROPOSES:init-kompetansestrategi',
      ]);
      expect(list.summary).toEqual({ total: 5, byState: { unreviewed: 5, accepted: 0, rejected: 0 }, orphaned: 0, pendingExport: 0 });
      expect(list.items[1]).toMatchObject({
        target: { kind: 'link', type: 'INVOLVES', from: 'ex-chatbot', to: 'ks' },
        link: { fromName: expect.any(String), toName: 'KS', properties: { basis: 'inferred', review: { state: 'unreviewed' } } },
        reason: 'Test link.',
        state: 'unreviewed',
        decision: null,
        recorded: null,
        version: 0,
        orphaned: false,
      });
      expect(list.items[0]).not.toHaveProperty('events');
    });

    it('gives one target with its thread and ETag "0" before anyone decides, and a 404 for what is not a target', async () => {
      const res = await t.app.inject({ url: url(LINK) });
      expect(res.statusCode).toBe(200);
      expect(res.headers['etag']).toBe('"0"');
      expect(body(res)).toMatchObject({ id: LINK, events: [], version: 0 });
      for (const id of ['handlingsplan:OPERATIONALISES:strategi', 'nobody:LEADS:nothing', 'not an id', 'ks.name']) {
        const missing = await t.app.inject({ url: url(id) });
        expect(missing.statusCode, id).toBe(404);
        expect(body(missing).error.code).toBe('not_found');
      }
    });

    it('refuses decisions without the editor role: 401 anonymous, 403 when the server cannot sign anyone in', async () => {
      const anonymous = await t.app.inject({ method: 'POST', url: url(LINK, '/reject'), payload: { note: 'Nei.' } });
      expect(anonymous.statusCode).toBe(401);
      expect(body(anonymous).error.code).toBe('unauthorized');
      const wrong = await t.app.inject({ method: 'POST', url: url(LINK, '/accept'), headers: { authorization: 'Bearer wrong' }, payload: {} });
      expect(wrong.statusCode).toBe(401);
      const closed = await build({ store: await makeStore(await fixtureDataset()) });
      try {
        const res = await closed.app.inject({ method: 'POST', url: url(LINK, '/comments'), payload: { note: 'Hei' } });
        expect(res.statusCode).toBe(403);
        expect(body(res).error.code).toBe('writes_disabled');
      } finally {
        await closed.close();
      }
      expect(await t.store.work.listRecords('review')).toEqual([]);
    });

    it('rejects with a reason, signed and dated, audited in the same write, and the next decision needs the version it was made on', async () => {
      // The trail is the store's and outlives a test on a shared server: only entries from here on count.
      const since = (await t.store.work.listAudit({ limit: 1 }))[0]?.seq ?? 0;
      const noReason = await post(LINK, 'reject', {});
      expect(noReason.statusCode).toBe(400);
      const blank = await post(LINK, 'reject', { note: '   ' });
      expect(blank.statusCode).toBe(400);
      // A reason goes into the seed files, so it is short; a comment stays in the app and may be longer.
      expect((await post(LINK, 'reject', { note: 'x'.repeat(501) })).statusCode).toBe(400);

      const first = await post(LINK, 'reject', { note: 'KS er ikke nevnt i eksempelet.' });
      expect(first.statusCode).toBe(200);
      expect(first.headers['etag']).toBe('"1"');
      expect(body(first)).toMatchObject({
        state: 'rejected',
        version: 1,
        decision: { decision: 'rejected', by: { id: 'bootstrap-admin' }, note: 'KS er ikke nevnt i eksempelet.', madeIn: 'app' },
        pendingExport: true,
        link: { properties: { review: { state: 'rejected', by: 'STRATEGIGRAF_ADMIN_TOKEN', note: 'KS er ikke nevnt i eksempelet.' } } },
        events: [{ seq: 1, action: 'reject', by: { id: 'bootstrap-admin', via: 'bootstrap' }, note: 'KS er ikke nevnt i eksempelet.' }],
      });
      expect(Number.isNaN(Date.parse(body(first).events[0].at))).toBe(false);
      const [entry] = await t.store.work.listAudit({ limit: 10 });
      expect(entry).toMatchObject({ action: 'review.reject', target: `review/${LINK}`, actor: { id: 'bootstrap-admin' }, before: null });
      expect(entry!.after).toEqual(expect.objectContaining({ events: [expect.objectContaining({ action: 'reject' })] }));

      const missing = await post(LINK, 'accept', {});
      expect(missing.statusCode).toBe(428);
      expect(body(missing).error.code).toBe('precondition_required');
      const stale = await post(LINK, 'accept', {}, { 'if-match': '"0"' });
      expect(stale.statusCode).toBe(412);
      expect(body(stale).error.code).toBe('version_conflict');
      expect((await post(LINK, 'accept', {}, { 'if-match': '*' })).statusCode).toBe(428);
      for (const bad of ['1', 'W/"1"', '"1", "2"']) {
        const res = await post(LINK, 'accept', {}, { 'if-match': bad });
        expect(res.statusCode, bad).toBe(400);
      }
      const second = await post(LINK, 'accept', { note: 'Likevel.' }, { 'if-match': '"1"' });
      expect(second.statusCode).toBe(200);
      expect(body(second)).toMatchObject({ state: 'accepted', version: 2, events: [{ action: 'reject' }, { action: 'accept', note: 'Likevel.' }] });
      // Nothing was written by the refused attempts: two decisions, two audit entries.
      const trail = (await t.store.work.listAudit({ limit: 10 })).filter((e) => e.seq > since);
      expect(trail.map((e) => e.action)).toEqual(['review.accept', 'review.reject']);
    });

    it('gives two editors deciding on the same version one success and one 412, never a silent overwrite', async () => {
      await post(LINK, 'comments', { note: 'Se på dette.' });
      const [a, b] = await Promise.all([post(LINK, 'accept', {}, { 'if-match': '"1"' }), post(LINK, 'reject', { note: 'Nei.' }, { 'if-match': '"1"' })]);
      expect([a.statusCode, b.statusCode].sort()).toEqual([200, 412]);
      const now = body(await t.app.inject({ url: url(LINK) }));
      expect(now.version).toBe(2);
      expect(now.events).toHaveLength(2);
    });

    it('takes comments without If-Match (they append), but refuses a stale one when given', async () => {
      expect((await post(LINK, 'comments', { note: 'Første.' })).statusCode).toBe(200);
      expect((await post(LINK, 'comments', { note: 'Andre.' })).statusCode).toBe(200);
      expect((await post(LINK, 'comments', { note: 'Tredje.' }, { 'if-match': '"1"' })).statusCode).toBe(412);
      const thread = body(await t.app.inject({ url: url(LINK) }));
      expect(thread).toMatchObject({ state: 'unreviewed', comments: 2, version: 2 });
      expect(thread.events.map((e: { note: string }) => e.note)).toEqual(['Første.', 'Andre.']);
      expect((await post(LINK, 'comments', { note: '' })).statusCode).toBe(400);
      expect((await post(LINK, 'comments', { note: 'x'.repeat(2001) })).statusCode).toBe(400);
    });

    it('leaves a rejected link out of node details, neighbours, paths and named queries unless asked, marked in every answer', async () => {
      const before = body(await t.app.inject({ url: '/api/nodes/ex-chatbot/neighbors' }));
      expect(before.edges.find((e: { id: string }) => e.id === LINK).properties.review).toEqual({ state: 'unreviewed' });
      const degreeBefore = body(await t.app.inject({ url: '/api/nodes/ks' })).degree;
      expect(degreeBefore['INVOLVES']).toEqual({ out: 0, in: 1 });

      await post(LINK, 'reject', { note: 'Nei.' });

      const hidden = body(await t.app.inject({ url: '/api/nodes/ex-chatbot/neighbors' }));
      expect(hidden.edges.map((e: { id: string }) => e.id)).not.toContain(LINK);
      expect(body(await t.app.inject({ url: '/api/nodes/ks' })).degree['INVOLVES']).toBeUndefined();
      const shown = body(await t.app.inject({ url: '/api/nodes/ex-chatbot/neighbors?includeRejected=true' }));
      expect(shown.edges.find((e: { id: string }) => e.id === LINK).properties.review).toMatchObject({
        state: 'rejected',
        by: 'STRATEGIGRAF_ADMIN_TOKEN',
        note: 'Nei.',
      });
      expect(body(await t.app.inject({ url: '/api/nodes/ks?includeRejected=true' })).degree['INVOLVES']).toEqual({ out: 0, in: 1 });

      const pathsHidden = body(await t.app.inject({ url: '/api/paths?from=ex-chatbot&to=ks&maxLength=1' }));
      expect(pathsHidden.paths).toEqual([]);
      const pathsShown = body(await t.app.inject({ url: '/api/paths?from=ex-chatbot&to=ks&maxLength=1&includeRejected=true' }));
      expect(pathsShown.paths[0].edges[0]).toMatchObject({ id: LINK, properties: { review: { state: 'rejected' } } });

      // A named query that answers from the links: who takes part in what.
      await post('init-kompetansestrategi:DEPENDS_ON:init-ki', 'reject', { note: 'Ikke en avhengighet.' });
      const deps = body(await t.app.inject({ url: '/api/queries/dependencies?id=init-kompetansestrategi' }));
      expect(deps.rows).toEqual([]);
      const depsShown = body(await t.app.inject({ url: '/api/queries/dependencies?id=init-kompetansestrategi&includeRejected=true' }));
      expect(depsShown.rows.map((r: { initiative: string }) => r.initiative)).toEqual(['init-ki']);

      // Never deleted: the data still holds it, and the export (the data as loaded) keeps it.
      expect((await t.store.snapshot()).edges.some((e) => e.id === LINK)).toBe(true);
      const exported = JSON.parse((await t.app.inject({ url: '/api/export?format=json' })).body) as Dataset;
      expect(exported.relationships.some((r) => `${r.from}:${r.type}:${r.to}` === LINK)).toBe(true);
    });

    it('keeps a thread whose link the data no longer holds, as orphaned: comments yes, decisions no', async () => {
      await post(LINK, 'reject', { note: 'Nei.' });
      const fixture = await fixtureDataset();
      await t.store.replaceDataset({ ...fixture, relationships: fixture.relationships.filter((r) => !(r.type === 'INVOLVES' && r.from === 'ex-chatbot')) });
      const orphans = body(await t.app.inject({ url: '/api/reviews?orphaned=true' }));
      expect(orphans.items).toEqual([
        expect.objectContaining({ id: LINK, orphaned: true, state: 'rejected', pendingExport: false, link: expect.objectContaining({ properties: null }) }),
      ]);
      expect(orphans.summary.orphaned).toBe(1);
      const decide = await post(LINK, 'accept', {}, { 'if-match': '"1"' });
      expect(decide.statusCode).toBe(409);
      expect(body(decide).error.code).toBe('conflict');
      expect((await post(LINK, 'comments', { note: 'Lenken er borte fra dataene.' })).statusCode).toBe(200);
      // It comes back with its history when the data holds the link again.
      await t.store.replaceDataset(fixture);
      expect(body(await t.app.inject({ url: url(LINK) }))).toMatchObject({ orphaned: false, state: 'rejected', comments: 1, version: 2 });
    });

    it('filters by state, kind and node, and pages', async () => {
      await post(LINK, 'reject', { note: 'Nei.' });
      await post('fa-kompetanse:CONTRIBUTES_TO:sdg-4', 'accept', {});
      const ids = async (query: string) => body(await t.app.inject({ url: `/api/reviews?${query}` })).items.map((i: { id: string }) => i.id);
      expect(await ids('state=rejected')).toEqual([LINK]);
      expect(await ids('state=accepted')).toEqual(['fa-kompetanse:CONTRIBUTES_TO:sdg-4']);
      expect(await ids('state=unreviewed')).toHaveLength(3);
      expect(await ids('node=ks')).toEqual([LINK]);
      expect(await ids('kind=attribute')).toEqual([]);
      expect(await ids('limit=2&offset=1')).toEqual(['ex-chatbot:INVOLVES:ks', 'fa-kompetanse:CONTRIBUTES_TO:sdg-4']);
      expect(await ids('pendingExport=true')).toEqual(['ex-chatbot:INVOLVES:ks', 'fa-kompetanse:CONTRIBUTES_TO:sdg-4']);
      const bad = await t.app.inject({ url: '/api/reviews?state=maybe' });
      expect(bad.statusCode).toBe(400);
      expect(body(bad).error.details[0]).toMatchObject({ field: 'state', in: 'querystring' });
    });

    it('takes a finding that rested on a rejected link or field out of the gaps, and a field keeps its value with its mark', async () => {
      const gaps = await loadDatasetDir('test/fixtures/gaps');
      if (!gaps.ok) throw new Error('the gaps fixture is invalid');
      await t.close();
      const g = (t = await build({ store: await makeStore(gaps.dataset), adminToken: ADMIN_TOKEN }));
      const findings = async () =>
        body(await g.app.inject({ url: '/api/gaps?rule=dependency-not-started' })).findings.filter(
          (f: { subject: { id: string } }) => f.subject.id === 'init-data',
        );
      // The follow-up works on the same reviewed graph as the gaps: a finding the review takes away is closed there too.
      const followed = async () =>
        body(await g.app.inject({ url: '/api/findings?rule=dependency-not-started' }))
          .items.filter((f: { subject: { id: string }; present: boolean }) => f.subject.id === 'init-data' && f.present)
          .map((f: { id: string }) => f.id);
      const agree = async () => expect(await followed()).toEqual((await findings()).map((f: { id: string }) => f.id));
      expect(await findings()).toEqual([expect.objectContaining({ basis: 'inferred' })]);
      await agree();

      const field = await g.app.inject({
        method: 'POST',
        url: url('init-kompetanse.status', '/reject'),
        headers: editor,
        payload: { note: 'Strategien er i gang.' },
      });
      expect(field.statusCode).toBe(200);
      expect(body(field)).toMatchObject({ target: { kind: 'attribute', node: 'init-kompetanse', field: 'status' }, attribute: { value: 'planned' } });
      expect(await findings()).toEqual([]);
      await agree();
      // The Skate report's follow-up reads the same reviewed graph: the finding the rejection took away is closed there.
      const report = (await g.app.inject({ url: '/api/report' })).body;
      expect(report).toMatch(/Lukket \(1\)/);
      expect(report).toContain('lukket av data');
      const node = body(await g.app.inject({ url: '/api/nodes/init-kompetanse' }));
      expect(node.properties.status).toBe('planned');
      expect(node.review.status).toMatchObject({ state: 'rejected', note: 'Strategien er i gang.' });

      await g.app.inject({ method: 'POST', url: url('init-kompetanse.status', '/accept'), headers: { ...editor, 'if-match': '"1"' }, payload: {} });
      expect(await findings()).toHaveLength(1);
      await agree();
      await g.app.inject({
        method: 'POST',
        url: url('init-data:DEPENDS_ON:init-kompetanse', '/reject'),
        headers: editor,
        payload: { note: 'Ingen avhengighet.' },
      });
      expect(await findings()).toEqual([]);
      await agree();
      const list = body(await g.app.inject({ url: '/api/reviews?kind=attribute&node=init-kompetanse' }));
      expect(list.items).toEqual([expect.objectContaining({ id: 'init-kompetanse.status', state: 'accepted', reason: expect.any(String) })]);
    });
  });
}
