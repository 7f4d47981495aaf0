// Browser sessions with people signed in: the real app on the seeds, with sign-in through a real OpenID provider on a
// loopback port (test/server/oidc-provider.ts) whose accounts carry the groups the app maps to roles, and Chromium.
// A page signs in the way a person does — the header's «Logg inn», the provider, the callback — choosing the account
// at the provider's sign-in step. The bootstrap admin token is set too, so a test can act beside the browser through
// the API (another editor's decision, say) exactly as a script would.
import net from 'node:net';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import { LadybugStore } from '../../graph/adapters/ladybug/store.js';
import { buildApp } from '../../server/app.js';
import { oidcSettings, testClient } from '../server/auth-helpers.js';
import { startTestProvider, type TestProvider } from '../server/oidc-provider.js';
import { ensureWebBuild, launchBrowser, seedDataset, WEB_ROOT } from './support.js';

/** The bootstrap admin token of the app under test (STRATEGIGRAF_ADMIN_TOKEN). */
export const ADMIN_TOKEN = 'e2e-bootstrap-admin-token-0123456789';

/** The people who can sign in, by account id; groups map to roles as ROLE_GROUPS says (sg-admin, sg-editor). */
export const ACCOUNTS = {
  erik: { name: 'Erik Redaktør', groups: ['sg-editor'] },
  anna: { name: 'Anna Admin', groups: ['sg-admin'] },
  lise: { name: 'Lise Leser', groups: [] as string[] },
} as const;
export type Account = keyof typeof ACCOUNTS;

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

export interface SignedInSession {
  url: string;
  store: LadybugStore;
  browser: Browser;
  /** A fresh browser context at `path`, once the app shell has rendered; signed in as `as` if given. */
  open(path: string, options?: { as?: Account; viewport?: { width: number; height: number } }): Promise<Page>;
  /** A call to the API with the bootstrap admin token, as a script would make it. */
  api(method: string, path: string, init?: { body?: unknown; headers?: Record<string, string> }): Promise<Response>;
}

/** Signs the page in through the header's link and the provider, as `account`; back on the page it started from. */
export async function signIn(page: Page, account: Account): Promise<void> {
  const link = page.getByTestId('sign-in');
  await link.waitFor();
  // The provider's sign-in step names the account in its URL (the test provider's stand-in for a login form).
  const interaction = page.waitForURL((u) => u.pathname.startsWith('/interaction/'));
  await link.click();
  await interaction;
  const at = new URL(page.url());
  at.searchParams.set('as', account);
  await page.goto(at.href);
  await page.getByTestId('session-who').waitFor();
}

export function useSignedInSession(): SignedInSession {
  let provider: TestProvider | undefined;
  let browser: Browser | undefined;
  let close: (() => Promise<void>) | undefined;
  const contexts: BrowserContext[] = [];
  let errors: string[] = [];
  const state = {} as { url: string; store: LadybugStore };

  beforeAll(async () => {
    await ensureWebBuild();
    const port = await freePort();
    state.url = `http://127.0.0.1:${port}`;
    provider = await startTestProvider({
      clients: [testClient({ redirect_uris: [`${state.url}/api/auth/callback`], post_logout_redirect_uris: [`${state.url}/`] })],
      accounts: ACCOUNTS,
    });
    state.store = new LadybugStore({ path: ':memory:' });
    await state.store.open();
    await state.store.replaceDataset(await seedDataset());
    const app = await buildApp({
      store: state.store,
      webRoot: WEB_ROOT,
      adminToken: ADMIN_TOKEN,
      auth: oidcSettings(provider, { STRATEGIGRAF_PUBLIC_URL: state.url }),
      rateLimits: { query: 10_000, write: 10_000 },
    });
    await app.listen({ host: '127.0.0.1', port });
    browser = await launchBrowser();
    close = async () => {
      await browser?.close();
      await app.close();
      await state.store.close();
      await provider?.close();
    };
  });
  afterAll(async () => {
    await close?.();
  });
  afterEach(async () => {
    const closing = contexts.splice(0);
    await Promise.all(closing.map((c) => c.close()));
    const seen = errors;
    errors = [];
    expect(seen, 'uncaught errors in the page').toEqual([]);
  });

  return {
    get url() {
      return state.url;
    },
    get store() {
      return state.store;
    },
    get browser() {
      return browser!;
    },
    async open(path, options = {}) {
      const context = await browser!.newContext({ viewport: options.viewport ?? { width: 1280, height: 900 }, acceptDownloads: true });
      contexts.push(context);
      const page = await context.newPage();
      page.on('pageerror', (err) => errors.push(`${page.url()}: ${err.message}`));
      await page.goto(`${state.url}${path}`);
      await page.getByTestId('nav-explore').waitFor();
      if (options.as) await signIn(page, options.as);
      return page;
    },
    api(method, path, init = {}) {
      return fetch(`${state.url}${path}`, {
        method,
        headers: {
          authorization: `Bearer ${ADMIN_TOKEN}`,
          ...(init.body !== undefined ? { 'content-type': 'application/json' } : {}),
          ...init.headers,
        },
        ...(init.body !== undefined ? { body: JSON.stringify(init.body) } : {}),
      });
    },
  };
}
