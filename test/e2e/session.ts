// One browser session for a describe block: the real app and Chromium started before its tests, and after each test
// its pages closed and checked for uncaught errors and CSP violations. Kept apart from support.ts, which the UI
// benchmark imports outside vitest.
import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import type { Dataset } from '../../graph/schema/dataset.js';
import { startSession, type BrowserSession } from './support.js';

/** `dataset`: what the app serves, made when the session starts; the seeds when left out. */
export function useBrowserSession(options: { dataset?: () => Promise<Dataset> } = {}): { readonly session: BrowserSession; open: BrowserSession['open'] } {
  let current: BrowserSession | undefined;
  beforeAll(async () => {
    current = await startSession(options.dataset ? { dataset: await options.dataset() } : {});
  });
  afterAll(async () => {
    await current?.close();
  });
  afterEach(async () => {
    expect(await current!.closePages(), 'uncaught errors in the page').toEqual([]);
  });
  return {
    get session() {
      return current!;
    },
    open: (path, viewport) => current!.open(path, viewport),
  };
}
