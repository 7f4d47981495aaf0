// API tokens on the real embedded work store: created once with their secret, stored hashed, listed without secrets,
// expired and revoked tokens refused, every change on the audit trail, and who may do what on the write routes.
import { createHash } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { apiToken } from './auth-helpers.js';
import { ADMIN_TOKEN, auth, body, build, fixtureStore, type TestApp } from './helpers.js';

const create = (t: TestApp, payload: unknown, headers: Record<string, string> = auth()) =>
  t.app.inject({ method: 'POST', url: '/api/tokens', headers, payload: payload as object });

const session = async (t: TestApp, headers: Record<string, string>) => body(await t.app.inject({ url: '/api/session', headers }));

const SMALL_DATASET = `dataset: { name: Replacement, version: "2" }
references: [{ id: ref-a, title: A reference }]
nodes:
  - { kind: Agency, id: nav, name: NAV, sector: state, source: ref-a }
relationships: []
`;

describe('API tokens', () => {
  let t: TestApp;
  let clock: number;
  beforeEach(async () => {
    clock = Date.parse('2026-03-01T12:00:00Z');
    t = await build({ adminToken: ADMIN_TOKEN, now: () => clock });
  });
  afterEach(() => t.close());

  it('shows the secret once, stores only its SHA-256, and lists tokens without either', async () => {
    const res = await create(t, { name: 'nightly CI', role: 'editor', expiresInDays: 30 });
    expect(res.statusCode).toBe(201);
    expect(res.headers['cache-control']).toBe('no-store');
    const created = body(res);
    expect(created.secret).toMatch(/^sgt_[0-9a-f]{16}_[\w-]{43}$/);
    expect(created.secret.slice(4, 20)).toBe(created.id);
    expect(created).toMatchObject({
      name: 'nightly CI',
      role: 'editor',
      status: 'active',
      createdAt: '2026-03-01T12:00:00.000Z',
      expiresAt: '2026-03-31T12:00:00.000Z',
      createdBy: { id: 'bootstrap-admin', via: 'bootstrap' },
      revokedAt: null,
    });
    expect(created).not.toHaveProperty('hash');

    const record = await t.store.work.getRecord('token', created.id);
    const stored = JSON.stringify(record);
    expect(stored).not.toContain(created.secret);
    expect(stored).not.toContain(created.secret.slice(21));
    expect((record!.body as { hash: string }).hash).toBe(`sha256:${createHash('sha256').update(created.secret).digest('hex')}`);

    const list = await t.app.inject({ url: '/api/tokens', headers: auth() });
    expect(list.statusCode).toBe(200);
    const { items } = body(list);
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ id: created.id, name: 'nightly CI', status: 'active' });
    expect(JSON.stringify(items)).not.toMatch(/secret|hash|sgt_/);
  });

  it('authenticates with the role it was given, and a bearer token needs no CSRF token from any origin', async () => {
    const editor = await apiToken(t.app, 'editor', 'editor script');
    expect(await session(t, editor)).toMatchObject({ role: 'editor', via: 'token', actor: { name: 'editor script', via: 'token' }, csrfToken: null });
    const admin = await apiToken(t.app, 'admin');
    const res = await create(t, { name: 'from a script', role: 'reader', expiresInDays: 1 }, { ...admin, origin: 'https://elsewhere.example' });
    expect(res.statusCode).toBe(201);
    expect(body(res).createdBy.via).toBe('token');
  });

  it('stops working when it expires', async () => {
    const reader = await apiToken(t.app, 'reader');
    clock += 24 * 60 * 60_000 - 1;
    expect((await t.app.inject({ url: '/api/session', headers: reader })).statusCode).toBe(200);
    clock += 1;
    const res = await t.app.inject({ url: '/api/session', headers: reader });
    expect(res.statusCode).toBe(401);
    expect(body(res).error.message).toMatch(/expired/);
    const list = body(await t.app.inject({ url: '/api/tokens', headers: auth() }));
    expect(list.items[0].status).toBe('expired');
  });

  it('stops working when revoked; the record stays as a new version; revoking again changes nothing', async () => {
    const created = body(await create(t, { name: 'to revoke', role: 'admin', expiresInDays: 10 }));
    const headers = { authorization: `Bearer ${created.secret}` };
    expect((await t.app.inject({ url: '/api/tokens', headers })).statusCode).toBe(200);
    clock += 60_000;
    const res = await t.app.inject({ method: 'DELETE', url: `/api/tokens/${created.id}`, headers: auth() });
    expect(res.statusCode).toBe(200);
    expect(body(res)).toMatchObject({ id: created.id, status: 'revoked', revokedAt: '2026-03-01T12:01:00.000Z', revokedBy: { id: 'bootstrap-admin' } });
    const refused = await t.app.inject({ url: '/api/tokens', headers });
    expect(refused.statusCode).toBe(401);
    expect(body(refused).error.message).toMatch(/revoked/);
    expect((await t.store.work.getRecord('token', created.id))!.version).toBe(2);
    const again = await t.app.inject({ method: 'DELETE', url: `/api/tokens/${created.id}`, headers: auth() });
    expect(again.statusCode).toBe(200);
    expect((await t.store.work.getRecord('token', created.id))!.version).toBe(2);
  });

  it('answers an unknown token id with 404 and a malformed one with 400', async () => {
    expect((await t.app.inject({ method: 'DELETE', url: '/api/tokens/0123456789abcdef', headers: auth() })).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'DELETE', url: '/api/tokens/nope', headers: auth() })).statusCode).toBe(400);
  });

  it('refuses altered, unknown and malformed secrets alike with a 401', async () => {
    const { secret } = body(await create(t, { name: 'real', role: 'admin', expiresInDays: 1 }));
    const last = secret.at(-1) === 'A' ? 'B' : 'A';
    const candidates = [
      `${secret.slice(0, -1)}${last}`, // altered secret
      `sgt_0123456789abcdef_${secret.slice(21)}`, // another id with the real secret
      'sgt_short',
      `${secret}x`,
    ];
    const messages = new Set<string>();
    for (const candidate of candidates) {
      const res = await t.app.inject({ url: '/api/tokens', headers: { authorization: `Bearer ${candidate}` } });
      expect(res.statusCode, candidate).toBe(401);
      messages.add(body(res).error.message);
    }
    expect([...messages].sort()).toEqual(['the API token is malformed', 'the API token is not valid']);
  });

  it.each([
    ['no expiry', { name: 'x', role: 'reader' }],
    ['an expiry of 0 days', { name: 'x', role: 'reader', expiresInDays: 0 }],
    ['an expiry over a year', { name: 'x', role: 'reader', expiresInDays: 366 }],
    ['an unknown role', { name: 'x', role: 'root', expiresInDays: 1 }],
    ['an empty name', { name: '  ', role: 'reader', expiresInDays: 1 }],
    ['an unknown field', { name: 'x', role: 'reader', expiresInDays: 1, secret: 'mine' }],
  ])('refuses a token with %s (400) and stores nothing', async (_what, payload) => {
    const res = await create(t, payload);
    expect(res.statusCode).toBe(400);
    expect(await t.store.work.listRecords('token')).toEqual([]);
  });

  it('puts creation and revocation on the audit trail, without the secret or its hash', async () => {
    const created = body(await create(t, { name: 'audited', role: 'editor', expiresInDays: 5 }));
    await t.app.inject({ method: 'DELETE', url: `/api/tokens/${created.id}`, headers: auth() });
    const [revoke, make] = await t.store.work.listAudit({ limit: 10 });
    expect(make).toMatchObject({
      action: 'token.create',
      target: `token/${created.id}`,
      actor: { id: 'bootstrap-admin', via: 'bootstrap' },
      before: null,
      after: { id: created.id, name: 'audited', role: 'editor', status: 'active' },
    });
    expect(revoke).toMatchObject({
      action: 'token.revoke',
      target: `token/${created.id}`,
      before: { status: 'active', revokedAt: null },
      after: { status: 'revoked' },
    });
    const trail = JSON.stringify([make, revoke]);
    expect(trail).not.toContain(created.secret);
    expect(trail).not.toMatch(/sha256|"hash"/);
  });

  it('keeps working on a server started later without the bootstrap token', async () => {
    const store = await fixtureStore();
    const first = await build({ store, adminToken: ADMIN_TOKEN });
    const admin = await apiToken(first.app, 'admin');
    await first.app.close();
    const later = await build({ store });
    try {
      expect((await later.app.inject({ url: '/api/tokens', headers: admin })).statusCode).toBe(200);
      const anonymous = await later.app.inject({ url: '/api/tokens' });
      expect(anonymous.statusCode).toBe(403);
      expect(body(anonymous).error.code).toBe('writes_disabled');
    } finally {
      await later.close();
    }
  });
});

describe('who may use the write routes', () => {
  let t: TestApp;
  let principals: Record<'anonymous' | 'reader' | 'editor' | 'admin', Record<string, string>>;
  let revocable: string;
  beforeEach(async () => {
    t = await build({ adminToken: ADMIN_TOKEN });
    principals = {
      anonymous: {},
      reader: await apiToken(t.app, 'reader'),
      editor: await apiToken(t.app, 'editor'),
      admin: await apiToken(t.app, 'admin'),
    };
    revocable = body(await create(t, { name: 'revocable', role: 'reader', expiresInDays: 1 })).id;
  });
  afterEach(() => t.close());

  const routes = [
    { name: 'POST /api/tokens', ok: 201, send: (h: Record<string, string>) => create(t, { name: 'x', role: 'reader', expiresInDays: 1 }, h) },
    { name: 'GET /api/tokens', ok: 200, send: (h: Record<string, string>) => t.app.inject({ url: '/api/tokens', headers: h }) },
    {
      name: 'DELETE /api/tokens/:id',
      ok: 200,
      send: (h: Record<string, string>) => t.app.inject({ method: 'DELETE', url: `/api/tokens/${revocable}`, headers: h }),
    },
    {
      name: 'PUT /api/dataset',
      ok: 200,
      send: (h: Record<string, string>) =>
        t.app.inject({ method: 'PUT', url: '/api/dataset', headers: { 'content-type': 'application/yaml', ...h }, payload: SMALL_DATASET }),
    },
  ];

  it.each(routes.map((r) => [r.name, r] as const))('%s: anonymous 401, reader and editor 403, admin allowed', async (_name, route) => {
    const anonymous = await route.send(principals.anonymous);
    expect(anonymous.statusCode).toBe(401);
    expect(body(anonymous).error.code).toBe('unauthorized');
    for (const role of ['reader', 'editor'] as const) {
      const res = await route.send(principals[role]);
      expect(res.statusCode, role).toBe(403);
      expect(body(res).error).toMatchObject({ code: 'forbidden', message: expect.stringMatching(/needs the admin role/) });
    }
    expect((await route.send(principals.admin)).statusCode).toBe(route.ok);
  });
});
