// The views' loading/error store: latest request wins, failures become ApiFailure, reset forgets what is on its way.
import { describe, expect, it } from 'vitest';
import { ApiFailure } from '../../web/src/api/client.js';
import { Loader } from '../../web/src/lib/loader.svelte.js';

/** A promise settled by hand, to order answers as a slow network would. */
function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (err: unknown) => void;
  const promise = new Promise<T>((res, rej) => ((resolve = res), (reject = rej)));
  return { promise, resolve, reject };
}

describe('Loader', () => {
  it('starts idle, or loading when asked to, and holds the data of a successful request', async () => {
    expect(new Loader().loading).toBe(false);
    const loader = new Loader<number>({ loading: true });
    expect(loader).toMatchObject({ loading: true, data: null, error: null });
    const pending = loader.run(async () => 42);
    expect(loader.loading).toBe(true);
    await expect(pending).resolves.toBe(true);
    expect(loader).toMatchObject({ loading: false, data: 42, error: null });
  });

  it('keeps only the latest answer when an older one arrives later', async () => {
    const loader = new Loader<string>();
    const first = deferred<string>();
    const second = deferred<string>();
    const a = loader.run(() => first.promise);
    const b = loader.run(() => second.promise);
    second.resolve('new');
    await expect(b).resolves.toBe(true);
    expect(loader).toMatchObject({ data: 'new', loading: false });
    first.resolve('old');
    await expect(a).resolves.toBe(false);
    expect(loader.data).toBe('new');
  });

  it("keeps the spinner for the latest request when an older one settles first, and ignores the older one's error", async () => {
    const loader = new Loader<string>();
    const first = deferred<string>();
    const second = deferred<string>();
    void loader.run(() => first.promise);
    const b = loader.run(() => second.promise);
    first.reject(new ApiFailure(500, 'internal_error', 'old failure'));
    await Promise.resolve();
    await Promise.resolve();
    expect(loader).toMatchObject({ loading: true, error: null });
    second.resolve('ok');
    await b;
    expect(loader).toMatchObject({ loading: false, error: null, data: 'ok' });
  });

  it('turns a failure into an ApiFailure and drops the data; a retry clears the error', async () => {
    const loader = new Loader<string>();
    await loader.run(async () => 'before');
    const failure = new ApiFailure(503, 'store_unavailable', 'down');
    await loader.run(async () => Promise.reject(failure));
    expect(loader).toMatchObject({ loading: false, data: null });
    expect(loader.error).toBe(failure);
    await loader.run(async () => Promise.reject(new Error('boom')));
    expect(loader.error).toMatchObject({ status: 0, code: 'unknown', message: 'boom' });
    const retry = deferred<string>();
    const pending = loader.run(() => retry.promise);
    expect(loader.error).toBeNull();
    retry.resolve('after');
    await pending;
    expect(loader.data).toBe('after');
  });

  it('keeps the current data while loading unless asked to clear it', async () => {
    const loader = new Loader<string>();
    await loader.run(async () => 'one');
    const next = deferred<string>();
    void loader.run(() => next.promise);
    expect(loader.data).toBe('one');
    void loader.run(() => next.promise, { clear: true });
    expect(loader.data).toBeNull();
  });

  it('reset forgets the data and whatever is on its way', async () => {
    const loader = new Loader<string>();
    const late = deferred<string>();
    const pending = loader.run(() => late.promise);
    loader.reset();
    expect(loader).toMatchObject({ loading: false, data: null, error: null });
    late.resolve('late');
    await expect(pending).resolves.toBe(false);
    expect(loader.data).toBeNull();
  });
});
