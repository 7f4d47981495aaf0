// Typed store errors: the same class on every backend, so callers (API, CLI) map them once.

export type StoreErrorCode =
  | 'store_unavailable'
  | 'read_only'
  | 'query_timeout'
  | 'row_cap_exceeded'
  | 'query_invalid'
  | 'response_too_large'
  | 'query_too_costly'
  | 'query_crashed'
  | 'too_many_queries'
  | 'load_failed'
  | 'version_conflict'
  | 'payload_too_large';

/** One record of a batch whose stored version was not the expected one. */
export interface VersionConflict {
  target: string;
  expected: number;
  actual: number;
}

export class StoreError extends Error {
  constructor(
    readonly code: StoreErrorCode,
    message: string,
    options?: { cause?: unknown; retryAfterSeconds?: number },
  ) {
    super(message, options);
    this.name = 'StoreError';
    if (options?.retryAfterSeconds !== undefined) this.retryAfterSeconds = options.retryAfterSeconds;
  }

  /** For a version_conflict of a batch write (WorkStore.writeRecords): every record whose version was not the one expected. */
  conflicts?: VersionConflict[];

  /** For too_many_queries: when the client may try again, sent as Retry-After. */
  readonly retryAfterSeconds?: number;
}

export const storeUnavailable = (backend: string, cause?: unknown) =>
  new StoreError('store_unavailable', `the ${backend} store is unavailable${cause instanceof Error ? `: ${cause.message}` : ''}`, { cause });
/** While a dataset load stages or promotes its graph (Neo4j), analysts' queries would see part of it: a 503, retry later. */
export const LOAD_UNDER_WAY_MESSAGE = 'a load of the dataset is under way; try again shortly';
export const loadUnderWay = () => new StoreError('store_unavailable', LOAD_UNDER_WAY_MESSAGE);
export const readOnlyViolation = () => new StoreError('read_only', 'the query would change the graph; only read queries are allowed here');
export const queryTimeout = (ms: number) => new StoreError('query_timeout', `the query ran longer than the limit of ${ms} ms and was stopped`);
export const rowCapExceeded = (cap: number) =>
  new StoreError('row_cap_exceeded', `the query returned more than the limit of ${cap} rows; add a LIMIT or narrow it`);
/** The query never ran: it waited its turn in the analyst queue past its deadline. */
export const queueTimeout = (ms: number) =>
  new StoreError(
    'query_timeout',
    `the query waited for its turn longer than the limit of ${ms} ms and was not run; the server is busy with other queries, try again shortly`,
  );
export const responseTooLarge = (bytes: number) =>
  new StoreError(
    'response_too_large',
    `the query's result is larger than the limit of ${bytes} bytes of JSON; return fewer or smaller values (add a LIMIT, or return properties instead of whole nodes and paths)`,
  );
export const queryTooCostly = (mb: number) =>
  new StoreError(
    'query_too_costly',
    `the query needed more than the limit of ${mb} MB of memory and was stopped; narrow it (a smaller range, fewer hops, a LIMIT earlier)`,
  );
export const queryCrashed = (detail: string) =>
  new StoreError(
    'query_crashed',
    `the query engine stopped while running this query (${detail}); it has been restarted and other queries are unaffected, but this query may crash it again`,
  );
export const tooManyQueries = (waiting: number, retryAfterSeconds: number) =>
  new StoreError('too_many_queries', `you already have ${waiting} queries waiting to run; wait for them to finish and try again`, { retryAfterSeconds });
export const queryInvalid = (message: string, cause?: unknown) => new StoreError('query_invalid', message, { cause });

/** A replace that failed: always says the previous graph is unchanged, which both adapters guarantee. */
export const loadFailed = (cause: unknown) =>
  new StoreError(
    'load_failed',
    `loading the dataset failed, the previous graph is unchanged: ${cause instanceof Error ? cause.message.split('\n')[0] : String(cause)}`,
    { cause },
  );

/** A work-store write whose expected version is not the stored one: someone else wrote the record first. */
export const versionConflict = (target: string, expected: number, actual: number) =>
  new StoreError('version_conflict', `${target} has changed since version ${expected} (it is now version ${actual}); read it again and reapply the change`);

/** A work-store value larger than the store keeps (graph/work/limits.ts): refused whole, nothing written. */
export const workValueTooLarge = (what: string, bytes: number, limit: number) =>
  new StoreError(
    'payload_too_large',
    `${what} is ${bytes} bytes of JSON, more than the limit of ${limit} bytes; shorten it (a long comment, a large attachment)`,
  );

/** A batch write with records others changed first: nothing of it was written; `conflicts` names each of them. */
export function batchVersionConflict(conflicts: VersionConflict[]): StoreError {
  const [first] = conflicts;
  const more = conflicts.length > 1 ? ` and ${conflicts.length - 1} more record${conflicts.length > 2 ? 's' : ''}` : '';
  const err = new StoreError(
    'version_conflict',
    `${first!.target} has changed since version ${first!.expected} (it is now version ${first!.actual})${more}; nothing of the batch was written: read them again and reapply the changes`,
  );
  err.conflicts = conflicts;
  return err;
}
