// One browser session for a describe block: the real app (on the seeds, or the dataset asked for) and Chromium started
// before its tests, and after each test its pages closed and checked for uncaught errors and CSP violations. Kept apart
// from support.ts, which the UI benchmark imports outside vitest.
import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import { startSession, type BrowserSession, type SessionOptions } from './support.js';

export function useBrowserSession(options: SessionOptions = {}): { readonly session: BrowserSession; open: BrowserSession['open'] } {
  let current: BrowserSession | undefined;
  beforeAll(async () => {
    current = await startSession(options);
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
    open: (path, viewport, options) => current!.open(path, viewport, options),
  };
}
