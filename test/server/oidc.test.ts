import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestProvider, type TestProvider } from './oidc-provider.js';
import { oidcSettings, testClient, TestBrowser } from './auth-helpers.js';
import { build, type TestApp } from './helpers.js';

describe('smoke', () => {
  let provider: TestProvider;
  let t: TestApp;
  beforeAll(async () => {
    provider = await startTestProvider({ clients: [testClient()], accounts: { alice: { name: 'Alice', groups: ['sg-admin'] } } });
    t = await build({ auth: oidcSettings(provider) });
  });
  afterAll(async () => {
    await t?.close();
    await provider?.close();
  });
  it('signs in', async () => {
    const b = new TestBrowser(t.app);
    const hop = await b.signIn('alice', '/gaps');
    console.log(hop);
    console.log(await b.session());
  });
});
