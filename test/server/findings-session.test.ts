// The follow-up as the web UI will use it: signed in at a real OpenID provider (test/server/oidc-provider.ts), with the
// session cookie, the CSRF token and the ETag. An editor's change is signed with their name; a cookie write without
// the CSRF proof, or from another site, changes nothing; a signed-in reader is refused.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LadybugStore } from '../../graph/adapters/ladybug/store.js';
import { loadDatasetDir } from '../../graph/dataset/load.js';
import { oidcSettings, testClient, TestBrowser } from './auth-helpers.js';
import { body, build, type TestApp } from './helpers.js';
import { startTestProvider, type TestProvider } from './oidc-provider.js';

const FA = 'focus-area-not-started:fa-kompetanse';
const ACCOUNTS = {
  erik: { name: 'Erik Editor', groups: ['sg-editor'] },
  rita: { name: 'Rita Reader', groups: ['everyone'] },
};

describe('follow-up through a signed-in browser session', () => {
  let provider: TestProvider;
  let t: TestApp;
  let erik: TestBrowser;
  let rita: TestBrowser;

  beforeAll(async () => {
    provider = await startTestProvider({ clients: [testClient()], accounts: ACCOUNTS });
    const loaded = await loadDatasetDir('test/fixtures/gaps');
    if (!loaded.ok) throw new Error('the gap fixture is invalid');
    const store = new LadybugStore({ path: ':memory:' });
    await store.replaceDataset(loaded.dataset);
    t = await build({ store, auth: oidcSettings(provider) });
    erik = new TestBrowser(t.app);
    await erik.signIn('erik');
    rita = new TestBrowser(t.app);
    await rita.signIn('rita');
  });
  afterAll(async () => {
    await t?.close();
    await provider?.close();
  });

  const acknowledge = { owner: { agency: 'digdir' }, dueDate: '2099-06-30', comment: 'Tatt fra Gaps-visningen' };

  it('refuses a cookie write without the CSRF token, or from another site, and changes nothing', async () => {
    const etag = (await erik.send(`/api/findings/${FA}`)).headers['etag'] as string;
    expect(etag).toBe('"1"');
    const noCsrf = await erik.send(`/api/findings/${FA}/acknowledge`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'if-match': etag },
      payload: acknowledge,
    });
    expect(noCsrf.status).toBe(403);
    const crossSite = await erik.write(
      'POST',
      `/api/findings/${FA}/comments`,
      { text: 'x' },
      {
        'content-type': 'application/json',
        'if-match': etag,
        origin: 'https://evil.example',
        'sec-fetch-site': 'cross-site',
      },
    );
    expect(crossSite.status).toBe(403);
    expect((await erik.send(`/api/findings/${FA}`)).headers['etag']).toBe('"1"');
  });

  it('refuses a signed-in reader', async () => {
    const res = await rita.write('POST', `/api/findings/${FA}/comments`, { text: 'Kan jeg?' }, { 'content-type': 'application/json', 'if-match': '"1"' });
    expect(res.status).toBe(403);
    expect(body(res).error.message).toContain('needs the editor role');
  });

  it('lets a signed-in editor change a finding with the ETag, signed with their name from the sign-in', async () => {
    const res = await erik.write('POST', `/api/findings/${FA}/acknowledge`, acknowledge, { 'content-type': 'application/json', 'if-match': '"1"' });
    expect(res.status).toBe(200);
    expect(res.headers['etag']).toBe('"2"');
    const detail = body(res);
    expect(detail.followUp).toMatchObject({ state: 'acknowledged', owner: { kind: 'agency', id: 'digdir' } });
    expect(detail.history.at(-1).actor).toMatchObject({ name: 'Erik Editor', via: 'oidc' });
    expect(detail.thread.map((e: { comment: string }) => e.comment)).toEqual(['Tatt fra Gaps-visningen']);
  });
});
