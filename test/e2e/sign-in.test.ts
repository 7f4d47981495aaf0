// The header's sign-in control in Chromium, against a real OpenID provider on a loopback port: anonymous with a
// sign-in link, signed in as an admin with the name and role shown and a sign-out button, and signed out again; axe
// finds no serious or critical violation in either state.
import net from 'node:net';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LadybugStore } from '../../graph/adapters/ladybug/store.js';
import { buildApp } from '../../server/app.js';
import { oidcSettings, testClient } from '../server/auth-helpers.js';
import { startTestProvider, type TestProvider } from '../server/oidc-provider.js';
import { ensureWebBuild, fixtureDataset, formatViolations, launchBrowser, runAxe, screenshot, WEB_ROOT } from './support.js';

const enabled = Boolean(process.env['STRATEGIGRAF_TEST_CHROMIUM']);

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe.runIf(enabled)('the sign-in control', { timeout: 60_000 }, () => {
  let provider: TestProvider;
  let browser: Browser;
  let url: string;
  let close: () => Promise<void>;

  beforeAll(async () => {
    await ensureWebBuild();
    const port = await freePort();
    url = `http://127.0.0.1:${port}`;
    provider = await startTestProvider({
      clients: [testClient({ redirect_uris: [`${url}/api/auth/callback`], post_logout_redirect_uris: [`${url}/`] })],
      accounts: { alice: { name: 'Alice Admin', groups: ['sg-admin'] } },
      defaultAccount: 'alice',
    });
    const store = new LadybugStore({ path: ':memory:' });
    await store.open();
    await store.replaceDataset(await fixtureDataset('test/fixtures/small'));
    const app = await buildApp({ store, webRoot: WEB_ROOT, auth: oidcSettings(provider, { STRATEGIGRAF_PUBLIC_URL: url }) });
    await app.listen({ host: '127.0.0.1', port });
    browser = await launchBrowser();
    close = async () => {
      await browser.close();
      await app.close();
      await store.close();
      await provider.close();
    };
  });
  afterAll(async () => {
    await close?.();
  });

  async function axe(page: Page, what: string) {
    expect(formatViolations(await runAxe(page)), `axe ${what}`).toBe('');
  }

  it('signs in and out through the provider, showing who and with which role, accessibly', async () => {
    const page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
    const errors: string[] = [];
    page.on('pageerror', (err) => errors.push(err.message));
    await page.goto(`${url}/?view=gaps`);

    const signIn = page.getByRole('link', { name: 'Logg inn' });
    await signIn.waitFor();
    expect(await page.getByRole('group', { name: 'Innlogging' }).count()).toBe(1);
    expect(await signIn.getAttribute('href')).toBe(`/api/auth/login?returnTo=${encodeURIComponent('/?view=gaps')}`);
    await axe(page, 'signed out');
    await screenshot(page, 'sign-in-control-signed-out');

    await signIn.click();
    await page.getByTestId('session-who').waitFor();
    expect(new URL(page.url()).search).toBe('?view=gaps');
    expect(await page.getByTestId('session-who').innerText()).toMatch(/Innlogget som Alice Admin\s+rolle: administrator/);
    const signOut = page.getByRole('button', { name: 'Logg ut' });
    await signOut.focus();
    expect(await page.evaluate(() => document.activeElement?.textContent?.trim())).toBe('Logg ut');
    await axe(page, 'signed in');
    await screenshot(page, 'sign-in-control-signed-in');

    await page.goto(`${url}/?view=gaps&lang=en`);
    await page.getByTestId('session-who').waitFor();
    expect(await page.getByTestId('session-who').innerText()).toMatch(/Signed in as Alice Admin\s+role: administrator/);

    await page.getByRole('button', { name: 'Sign out' }).press('Enter');
    await page.waitForURL((u) => u.origin === provider.issuer);
    await page.goto(`${url}/?view=gaps&lang=en`);
    await page.getByRole('link', { name: 'Sign in' }).waitFor();
    expect(await page.getByTestId('session-who').count()).toBe(0);
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
