// The follow-up and audit routes on a real embedded store holding the gap fixture: who may do what (401, 403), the
// ETag rules (428 without If-Match, 412 when stale, never a silent overwrite when two editors race), bodies checked to
// the field (400, 422), transitions that do not fit (409), the audit entry of every change with its before and after,
// the CSV export with its escaping, and threads that survive a replaced dataset.
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { LadybugStore } from '../../graph/adapters/ladybug/store.js';
import { loadDatasetDir } from '../../graph/dataset/load.js';
import { exportGraph } from '../../graph/export/index.js';
import { snapshotFromDataset } from '../../graph/analysis/snapshot.js';
import type { Dataset } from '../../graph/schema/dataset.js';
import type { Role } from '../../graph/work/schema.js';
import { apiToken } from './auth-helpers.js';
import { ADMIN_TOKEN, auth, body, build, type TestApp } from './helpers.js';

const FA = 'focus-area-not-started:fa-kompetanse';
const INIT = 'initiative-without-lead:init-kompetanse';

/** The API tokens each test makes (test/server/auth-helpers.ts): a token's name is its actor's name in the trail. */
const TOKENS = {
  'reader-token': { role: 'reader', name: 'Rita Reader' },
  'editor-a': { role: 'editor', name: 'Kari Nordmann' },
  'editor-b': { role: 'editor', name: 'Ola Nordmann' },
  // A name a spreadsheet would run as a formula, and one with a quote and a line break.
  'editor-formula': { role: 'editor', name: '=HYPERLINK("http://evil.example","klikk")' },
  'editor-newline': { role: 'editor', name: 'Line "one"\nline two' },
} as const;
type TokenName = keyof typeof TOKENS;

let gaps: Dataset;
beforeAll(async () => {
  const loaded = await loadDatasetDir('test/fixtures/gaps');
  if (!loaded.ok) throw new Error('the gap fixture is invalid');
  gaps = loaded.dataset;
});

describe('follow-up of findings through the API', () => {
  let sut: TestApp;
  let tokens: Record<TokenName, { authorization: string }>;
  beforeEach(async () => {
    const store = new LadybugStore({ path: ':memory:' });
    await store.replaceDataset(gaps);
    sut = await build({ store, adminToken: ADMIN_TOKEN, rateLimits: { write: 1000 } });
    tokens = {} as typeof tokens;
    for (const [key, { role, name }] of Object.entries(TOKENS)) tokens[key as TokenName] = await apiToken(sut.app, role as Role, name);
    return () => sut.close();
  });

  const get = (url: string, headers: Record<string, string> = {}) => sut.app.inject({ method: 'GET', url, headers });
  const post = (url: string, payload: unknown, headers: Record<string, string> = {}) =>
    sut.app.inject({ method: 'POST', url, payload: payload as object, headers: { 'content-type': 'application/json', ...headers } });
  /** The headers of a request by one of TOKENS, or by the bootstrap admin token. */
  const as = (who: TokenName | typeof ADMIN_TOKEN, ifMatch?: string) => ({
    ...(who === ADMIN_TOKEN ? auth() : tokens[who as TokenName]),
    ...(ifMatch !== undefined ? { 'if-match': ifMatch } : {}),
  });
  /** The actor id a token signs with. */
  const actorOf = async (who: TokenName) => {
    const list = body(await get('/api/tokens', auth()));
    return `token:${list.items.find((t: any) => t.name === TOKENS[who].name).id}`;
  };
  const ack = { owner: { agency: 'digdir' }, dueDate: '2099-06-30', comment: 'Digdir tar dette' };

  it('lists every current finding with its follow-up, reconciled on first read: open, signed by the system', async () => {
    const res = await get('/api/findings');
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
    const list = body(res);
    expect(list.asOf).toBe(2021);
    const gapsRes = body(await get('/api/gaps'));
    expect(list.items.map((i: any) => i.id).sort()).toEqual(gapsRes.findings.map((f: any) => f.id).sort());
    expect(list.items.every((i: any) => i.present && i.followUp?.state === 'open' && i.followUp.version === 1)).toBe(true);
    expect(list.summary.byState).toMatchObject({ open: list.items.length, acknowledged: 0, untracked: 0 });
    // Each finding as /api/gaps has it, minus the evidence.
    const fa = list.items.find((i: any) => i.id === FA);
    expect(fa).toMatchObject({ rule: 'focus-area-not-started', subject: { id: 'fa-kompetanse' }, severity: 'high' });
    expect(fa.evidence).toBeUndefined();
  });

  it('serves one finding with its evidence, history and ETag; 404 for an unknown id, 400 for one that is not an id', async () => {
    const res = await get(`/api/findings/${FA}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers.etag).toBe('"1"');
    const detail = body(res);
    expect(detail.evidence.nodes.length).toBeGreaterThan(0);
    expect(detail.history.map((e: any) => [e.type, e.actor.via])).toEqual([['detected', 'system']]);
    expect(detail.thread).toEqual([]);
    expect((await get('/api/findings/focus-area-not-started:finnes-ikke')).statusCode).toBe(404);
    const bad = await get('/api/findings/not%20an%20id');
    expect(bad.statusCode).toBe(400);
    expect(body(bad).error.details[0]).toMatchObject({ field: 'id', in: 'params' });
  });

  describe('who may change a finding', () => {
    it('401 without credentials, 403 for a reader, and the record unchanged', async () => {
      const anonymous = await post(`/api/findings/${FA}/acknowledge`, ack, { 'if-match': '"1"' });
      expect(anonymous.statusCode).toBe(401);
      expect(body(anonymous).error.code).toBe('unauthorized');
      expect(anonymous.headers['www-authenticate']).toContain('Bearer');
      const reader = await post(`/api/findings/${FA}/acknowledge`, ack, as('reader-token', '"1"'));
      expect(reader.statusCode).toBe(403);
      expect(body(reader).error).toEqual({ code: 'forbidden', message: 'this route needs the editor role; Rita Reader has the reader role' });
      for (const path of ['resolve', 'accept-risk', 'reopen', 'comments']) {
        expect((await post(`/api/findings/${FA}/${path}`, {}, as('reader-token', '"1"'))).statusCode, path).toBe(403);
      }
      expect((await get(`/api/findings/${FA}`)).headers.etag).toBe('"1"');
    });

    it('403 writes_disabled on a server without any way to sign in', async () => {
      const bare = await build({ store: sut.store });
      try {
        const res = await bare.app.inject({ method: 'POST', url: `/api/findings/${FA}/comments`, payload: { text: 'x' }, headers: { 'if-match': '"1"' } });
        expect(res.statusCode).toBe(403);
        expect(body(res).error.code).toBe('writes_disabled');
      } finally {
        await bare.app.close();
      }
    });

    it('the admin token is an editor too', async () => {
      await get('/api/findings');
      const res = await post(`/api/findings/${FA}/comments`, { text: 'Fra admin' }, as(ADMIN_TOKEN, '"1"'));
      expect(res.statusCode).toBe(200);
      expect(body(res).thread.at(-1).actor).toEqual({ id: 'bootstrap-admin', name: 'STRATEGIGRAF_ADMIN_TOKEN', via: 'bootstrap' });
    });
  });

  describe('ETag and If-Match', () => {
    it('428 without If-Match or with *, 400 for a weak or malformed one', async () => {
      const missing = await post(`/api/findings/${FA}/acknowledge`, ack, as('editor-a'));
      expect(missing.statusCode).toBe(428);
      expect(body(missing).error.code).toBe('precondition_required');
      expect(body(missing).error.message).toContain('If-Match');
      const star = await post(`/api/findings/${FA}/acknowledge`, ack, as('editor-a', '*'));
      expect(star.statusCode).toBe(428);
      for (const value of ['W/"1"', '1', '"1", "2"', '"-1"']) {
        const res = await post(`/api/findings/${FA}/acknowledge`, ack, as('editor-a', value));
        expect(res.statusCode, value).toBe(400);
        expect(body(res).error.details[0], value).toMatchObject({ field: 'if-match', in: 'headers' });
      }
      expect((await get(`/api/findings/${FA}`)).headers.etag).toBe('"1"');
    });

    it('a change answers with the new ETag; the same ETag again is 412 with the current one, never a silent overwrite', async () => {
      const first = await post(`/api/findings/${FA}/acknowledge`, ack, as('editor-a', '"1"'));
      expect(first.statusCode).toBe(200);
      expect(first.headers.etag).toBe('"2"');
      expect(body(first)).toMatchObject({ followUp: { state: 'acknowledged', version: 2, dueDate: '2099-06-30', owner: { kind: 'agency', id: 'digdir' } } });

      // Ola read version 1 before Kari's change.
      const stale = await post(`/api/findings/${FA}/resolve`, { reason: 'Ferdig' }, as('editor-b', '"1"'));
      expect(stale.statusCode).toBe(412);
      expect(body(stale).error.code).toBe('precondition_failed');
      expect(stale.headers.etag).toBe('"2"');
      const now = body(await get(`/api/findings/${FA}`));
      expect(now.followUp).toMatchObject({ state: 'acknowledged', version: 2 });
      expect(now.history.map((e: any) => e.actor.name)).toEqual(['Strategigraf (data)', 'Kari Nordmann']);
    });

    it('two editors racing with the same ETag: one wins, the other gets 412, and the record holds exactly the winner’s change', async () => {
      await get('/api/findings');
      for (let round = 0; round < 3; round++) {
        const etag = (await get(`/api/findings/${INIT}`)).headers.etag as string;
        const [a, b] = await Promise.all([
          post(`/api/findings/${INIT}/comments`, { text: `Kari ${round}` }, as('editor-a', etag)),
          post(`/api/findings/${INIT}/comments`, { text: `Ola ${round}` }, as('editor-b', etag)),
        ]);
        expect([a.statusCode, b.statusCode].sort(), `round ${round}`).toEqual([200, 412]);
        const loser = a.statusCode === 412 ? a : b;
        expect(['precondition_failed', 'version_conflict']).toContain(body(loser).error.code);
        const winner = a.statusCode === 200 ? a : b;
        expect(winner.headers.etag).toBe(`"${Number(etag.replace(/"/g, '')) + 1}"`);
      }
      const thread = body(await get(`/api/findings/${INIT}`)).thread;
      expect(thread).toHaveLength(3);
    });

    it('a change before any read still needs the ETag: the route reconciles first, so "0" is stale and the answer says "1"', async () => {
      const zero = await post(`/api/findings/${INIT}/comments`, { text: 'x' }, as('editor-a', '"0"'));
      expect(zero.statusCode).toBe(412);
      expect(zero.headers.etag).toBe('"1"');
      const one = await post(`/api/findings/${INIT}/comments`, { text: 'x' }, as('editor-a', '"1"'));
      expect(one.statusCode).toBe(200);
      expect(one.headers.etag).toBe('"2"');
    });
  });

  describe('bodies and transitions', () => {
    it.each([
      ['acknowledge without an owner', 'acknowledge', { dueDate: '2099-01-01' }, 'owner'],
      ['acknowledge without a due date', 'acknowledge', { owner: { person: 'Kari' } }, 'dueDate'],
      ['a date that does not exist', 'acknowledge', { owner: { person: 'Kari' }, dueDate: '2025-02-29' }, 'dueDate'],
      ['a date with a time', 'acknowledge', { owner: { person: 'Kari' }, dueDate: '2025-02-01T10:00:00Z' }, 'dueDate'],
      ['an owner that is both', 'acknowledge', { owner: { person: 'Kari', agency: 'digdir' }, dueDate: '2099-01-01' }, 'owner'],
      ['an empty person', 'acknowledge', { owner: { person: '   ' }, dueDate: '2099-01-01' }, 'owner'],
      ['a resolve without a reason', 'resolve', {}, 'reason'],
      ['a reason too long', 'resolve', { reason: 'x'.repeat(2001) }, 'reason'],
      ['a comment too long', 'comments', { text: 'x'.repeat(4001) }, 'text'],
      ['a comment with a control character', 'comments', { text: 'hei\u0000' }, 'text'],
      ['an empty comment', 'comments', { text: '' }, 'text'],
      ['an unknown field', 'comments', { text: 'hei', state: 'resolved' }, 'state'],
      ['accept-risk without a review date', 'accept-risk', { reason: 'Lever med det' }, 'reviewDate'],
    ])('400 for %s, naming the field', async (_label, path, payload, field) => {
      const res = await post(`/api/findings/${FA}/${path}`, payload, as('editor-a', '"1"'));
      expect(res.statusCode).toBe(400);
      expect(body(res).error.code).toBe('invalid_request');
      expect(
        body(res)
          .error.details.map((d: any) => d.field)
          .join(' '),
      ).toContain(field);
    });

    it('422 for an owner agency that is not in the graph, or not an agency', async () => {
      await get('/api/findings');
      for (const agency of ['finnes-ikke', 'fa-data']) {
        const res = await post(`/api/findings/${FA}/acknowledge`, { owner: { agency }, dueDate: '2099-01-01' }, as('editor-a', '"1"'));
        expect(res.statusCode, agency).toBe(422);
        expect(body(res).error).toMatchObject({ code: 'invalid_owner', details: [{ field: 'owner.agency', in: 'body' }] });
      }
    });

    it('accepts a due date in the past and says so', async () => {
      await get('/api/findings');
      const res = await post(`/api/findings/${FA}/acknowledge`, { owner: { person: 'Per' }, dueDate: '2020-01-01' }, as('editor-a', '"1"'));
      expect(res.statusCode).toBe(200);
      expect(body(res).warnings).toEqual([expect.stringContaining('the due date 2020-01-01 is in the past')]);
      expect(body(res).followUp.overdue).toBe(true);
      const overdue = body(await get('/api/findings?overdue=true'));
      expect(overdue.items.map((i: any) => i.id)).toEqual([FA]);
      expect(overdue.summary.overdue).toBe(1);
    });

    it('409 for a transition that does not fit: resolve twice, reopen an open one', async () => {
      await get('/api/findings');
      const resolved = await post(`/api/findings/${FA}/resolve`, { reason: 'Kompetanseprogram startet' }, as('editor-a', '"1"'));
      expect(resolved.statusCode).toBe(200);
      const again = await post(`/api/findings/${FA}/resolve`, { reason: 'Igjen' }, as('editor-b', '"2"'));
      expect(again.statusCode).toBe(409);
      expect(body(again).error.code).toBe('invalid_transition');
      expect(body(again).error.message).toMatch(/already resolved \(by Kari Nordmann on \d{4}-\d\d-\d\d\); reopen it first/);
      const reopenOpen = await post(`/api/findings/${INIT}/reopen`, {}, as('editor-a', '"1"'));
      expect(reopenOpen.statusCode).toBe(409);
      // Reopen takes an empty body or none at all.
      const reopened = await sut.app.inject({ method: 'POST', url: `/api/findings/${FA}/reopen`, headers: as('editor-b', '"2"') });
      expect(reopened.statusCode).toBe(200);
      expect(body(reopened).followUp.state).toBe('open');
      expect(body(reopened).history.map((e: any) => e.type)).toEqual(['detected', 'resolved', 'reopened']);
    });
  });

  describe('filters and sorting', () => {
    it('filters by state, owner, rule, severity, kind, due date and sorts by due date', async () => {
      await get('/api/findings');
      await post(`/api/findings/${FA}/acknowledge`, { owner: { agency: 'digdir' }, dueDate: '2099-03-01' }, as('editor-a', '"1"'));
      await post(`/api/findings/${INIT}/acknowledge`, { owner: { person: 'Per Hansen' }, dueDate: '2099-01-01' }, as('editor-a', '"1"'));
      const ids = async (query: string) => body(await get(`/api/findings?${query}`)).items.map((i: any) => i.id);
      expect(await ids('state=acknowledged&sort=due')).toEqual([INIT, FA]);
      expect(await ids('state=acknowledged&sort=owner')).toEqual([FA, INIT]);
      expect(await ids('owner=digdir')).toEqual([FA]);
      expect(await ids('owner=DIGITALISERINGSDIREKTORATET')).toEqual(await ids('owner=digdir'));
      expect(await ids('owner=per%20hansen')).toEqual([INIT]);
      expect(await ids('dueBefore=2099-01-01')).toEqual([INIT]);
      expect(await ids('rule=focus-area-not-started')).toEqual([FA]);
      expect((await ids('state=open,acknowledged')).length).toBe((await ids('')).length);
      expect(await ids('kind=Initiative&severity=high&state=acknowledged')).toEqual([INIT]);
      const bad = await get('/api/findings?state=done&sort=colour&dueBefore=tomorrow');
      expect(bad.statusCode).toBe(400);
      expect(
        body(bad)
          .error.details.map((d: any) => d.field)
          .sort(),
      ).toEqual(['dueBefore', 'sort', 'state[0]']);
      expect((await get('/api/findings?asOf=1999')).statusCode).toBe(400);
    });

    it('lists the findings of an earlier year with the follow-up they have now', async () => {
      const res = body(await get('/api/findings?asOf=2020'));
      expect(res.asOf).toBe(2020);
      expect(res.items.some((i: any) => i.id === 'slipping-status:fa-tjenester:from-2020')).toBe(false);
      expect(res.items.find((i: any) => i.id === FA).followUp.state).toBe('open');
    });
  });

  describe('a replaced dataset', () => {
    const put = (dataset: Dataset) =>
      sut.app.inject({
        method: 'PUT',
        url: '/api/dataset',
        payload: exportGraph(snapshotFromDataset(dataset), 'json').body,
        headers: { ...auth(), 'content-type': 'application/json' },
      });

    it('keeps every thread, closes by data what disappeared and lists it, audits the replacement', async () => {
      await get('/api/findings');
      await post(`/api/findings/${FA}/acknowledge`, ack, as('editor-a', '"1"'));
      await post(`/api/findings/${INIT}/comments`, { text: 'Tråden skal overleve' }, as('editor-b', '"1"'));

      expect((await put(gaps)).statusCode).toBe(200);
      expect(body(await get(`/api/findings/${INIT}`)).thread.map((e: any) => e.comment)).toEqual(['Tråden skal overleve']);
      expect(body(await get(`/api/findings/${FA}`)).followUp).toMatchObject({ state: 'acknowledged', version: 2 });

      // The focus area has started in the new data: its finding is closed by the data (reconciled by the load itself).
      const started: Dataset = {
        ...gaps,
        nodes: gaps.nodes.map((n) => (n.id === 'fa-kompetanse' ? ({ ...n, status: 'in_progress' } as typeof n) : n)),
      };
      expect((await put(started)).statusCode).toBe(200);
      // The load reconciles after its answer; a follow-up read waits for that same run.
      const closed = body(await get(`/api/findings/${FA}`));
      expect((await sut.store.work.getRecord('followup', FA))?.version).toBe(3);
      expect(closed).toMatchObject({ present: false, evidence: null, followUp: { state: 'closed_by_data', owner: { id: 'digdir' } } });
      expect(closed.followUp.closedBy.source).toMatchObject({ id: 'rapport-2021', year: 2021 });
      expect(closed.thread.map((e: any) => e.comment)).toEqual(['Digdir tar dette']);
      const list = body(await get('/api/findings?state=closed_by_data'));
      expect(list.items.map((i: any) => [i.id, i.present])).toContainEqual([FA, false]);
      expect(list.items.every((i: any) => !i.present && i.followUp.state === 'closed_by_data')).toBe(true);

      const trail = body(await get('/api/audit?action=dataset.replace', auth()));
      expect(trail.items).toHaveLength(2);
      expect(trail.items[0]).toMatchObject({ actor: { id: 'bootstrap-admin' }, target: 'dataset', after: { name: gaps.dataset.name } });
    });
  });

  describe('GET /api/audit', () => {
    it('is for admins only: 401 anonymous, 403 for editors and readers', async () => {
      expect((await get('/api/audit')).statusCode).toBe(401);
      expect((await get('/api/audit', as('editor-a'))).statusCode).toBe(403);
      expect((await get('/api/audit', as('reader-token'))).statusCode).toBe(403);
      expect((await get('/api/audit?format=csv', as('reader-token'))).statusCode).toBe(403);
    });

    it('lists every change newest first with who, what, before and after, filtered and paged', async () => {
      await get('/api/findings');
      await post(`/api/findings/${FA}/acknowledge`, ack, { ...as('editor-a', '"1"'), 'x-request-id': 'req-ack-1' });
      await post(`/api/findings/${FA}/resolve`, { reason: 'Startet' }, as('editor-b', '"2"'));

      const page = body(await get(`/api/audit?target=followup/${FA}`, auth()));
      expect(page.items.map((e: any) => e.action)).toEqual(['followup.resolve', 'followup.acknowledge', 'followup.detect']);
      const [resolve, acknowledge, detect] = page.items;
      expect(resolve.seq).toBeGreaterThan(acknowledge.seq);
      const kari = await actorOf('editor-a');
      expect(acknowledge).toMatchObject({
        actor: { id: kari, name: 'Kari Nordmann', via: 'token' },
        requestId: 'req-ack-1',
        before: { state: 'open', owner: null, events: 1 },
        after: {
          state: 'acknowledged',
          owner: { kind: 'agency', id: 'digdir' },
          dueDate: '2099-06-30',
          events: 2,
          event: { type: 'acknowledged', comment: 'Digdir tar dette', actor: { id: kari } },
        },
      });
      expect(resolve).toMatchObject({ before: { state: 'acknowledged' }, after: { state: 'resolved', reason: 'Startet' } });
      expect(detect).toMatchObject({ actor: { via: 'system' }, before: null, after: { state: 'open' } });

      const ola = await actorOf('editor-b');
      expect(body(await get(`/api/audit?actor=${encodeURIComponent(ola)}`, auth())).items.map((e: any) => e.action)).toEqual(['followup.resolve']);
      expect(body(await get('/api/audit?action=followup.acknowledge', auth())).items).toHaveLength(1);
      const prefix = body(await get('/api/audit?action=followup.&limit=1000', auth())).items;
      expect(prefix.length).toBeGreaterThan(3);

      // Paging: two at a time, back to the start, every entry once.
      const seen: number[] = [];
      let before: number | null = null;
      do {
        const p: any = body(await get(`/api/audit?limit=2${before ? `&before=${before}` : ''}`, auth()));
        seen.push(...p.items.map((e: any) => e.seq));
        before = p.nextBefore;
      } while (before !== null);
      expect(seen).toEqual([...seen].sort((a, b) => b - a));
      expect(new Set(seen).size).toBe(seen.length);
      expect(seen.length).toBe(body(await get('/api/audit?limit=1000', auth())).items.length);
      expect((await get('/api/audit?limit=0', auth())).statusCode).toBe(400);
      expect((await get('/api/audit?before=abc', auth())).statusCode).toBe(400);
    });

    it('exports CSV with a BOM, quotes and line breaks escaped, and formula-like cells neutralised', async () => {
      await get('/api/findings');
      await post(`/api/findings/${FA}/comments`, { text: 'Hei' }, as('editor-formula', '"1"'));
      await post(`/api/findings/${FA}/comments`, { text: '@SUM(1+1)\n"sitat", komma' }, as('editor-newline', '"2"'));
      const res = await get(`/api/audit?format=csv&target=followup/${FA}`, auth());
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
      expect(res.headers['content-disposition']).toBe('attachment; filename="strategigraf-audit.csv"');
      const text = res.rawPayload.toString('utf8');
      expect(text.startsWith('\uFEFFseq,at,actor_id,actor_name,actor_via,action,target,request_id,before,after\r\n')).toBe(true);
      const rows = parseCsv(text.slice(1));
      expect(rows[0]).toHaveLength(10);
      const [newline, formula] = rows.slice(1);
      expect(formula![2]).toBe(await actorOf('editor-formula'));
      expect(formula![3]).toBe(`'=HYPERLINK("http://evil.example","klikk")`);
      expect(newline![3]).toBe('Line "one"\nline two');
      expect(JSON.parse(newline![9]!).event.comment).toBe('@SUM(1+1)\n"sitat", komma');
      // No cell a spreadsheet would evaluate.
      for (const row of rows) for (const cell of row) expect(cell, cell).not.toMatch(/^[=+\-@\t\r]/);
      expect(rows.every((r) => r.length === 10)).toBe(true);
    });
  });
});

/** RFC 4180, as a spreadsheet reads it: quoted fields may hold commas, doubled quotes and line breaks. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += c;
  }
  return rows;
}
