// Typed store errors: the same class on every backend, so callers (API, CLI) map them once.

export type StoreErrorCode =
  | 'store_unavailable'
  | 'read_only'
  | 'query_timeout'
  | 'row_cap_exceeded'
  | 'query_invalid'
  | 'load_failed';

export class StoreError extends Error {
  constructor(
    readonly code: StoreErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'StoreError';
  }
}

export const storeUnavailable = (backend: string, cause?: unknown) =>
  new StoreError('store_unavailable', `the ${backend} store is unavailable${cause instanceof Error ? `: ${cause.message}` : ''}`, { cause });
export const readOnlyViolation = () =>
  new StoreError('read_only', 'the query would change the graph; only read queries are allowed here');
export const queryTimeout = (ms: number) => new StoreError('query_timeout', `the query ran longer than the limit of ${ms} ms and was stopped`);
export const rowCapExceeded = (cap: number) =>
  new StoreError('row_cap_exceeded', `the query returned more than the limit of ${cap} rows; add a LIMIT or narrow it`);
export const queryInvalid = (message: string, cause?: unknown) => new StoreError('query_invalid', message, { cause });

/** A replace that failed: always says the previous graph is unchanged, which both adapters guarantee. */
export const loadFailed = (cause: unknown) =>
  new StoreError('load_failed', `loading the dataset failed, the previous graph is unchanged: ${cause instanceof Error ? cause.message.split('\n')[0] : String(cause)}`, { cause });
