// A failed request in the reader's language. The API answers errors in English for people reading logs and API answers,
// with a stable code (an enum in the contract, so a new code fails to compile here until it has words); the UI says
// what the code means in bokmål or English and keeps the server's own message, its status and the fields it named for a
// "technical detail" disclosure, each raw value quoted and labelled.
import type { ApiFailure } from '../api/client.js';
import type { components } from '../api/schema.js';
import type { MessageKey } from '../i18n/nb.js';

export type ApiErrorCode = components['schemas']['Error']['error']['code'];

/** Every code the API can answer with, and the sentence for it. */
const API_MESSAGES: Record<ApiErrorCode, MessageKey> = {
  invalid_request: 'error.invalid_request',
  not_found: 'error.not_found',
  method_not_allowed: 'error.method_not_allowed',
  unauthorized: 'error.unauthorized',
  forbidden: 'error.forbidden',
  precondition_failed: 'error.precondition_failed',
  precondition_required: 'error.precondition_required',
  version_conflict: 'error.version_conflict',
  invalid_transition: 'error.invalid_transition',
  invalid_owner: 'error.invalid_owner',
  thread_full: 'error.thread_full',
  conflict: 'error.conflict',
  writes_disabled: 'error.writes_disabled',
  sign_in_unavailable: 'error.sign_in_unavailable',
  payload_too_large: 'error.payload_too_large',
  unsupported_media_type: 'error.unsupported_media_type',
  rate_limited: 'error.rate_limited',
  read_only: 'error.read_only',
  query_invalid: 'error.query_invalid',
  query_timeout: 'error.query_timeout',
  row_cap_exceeded: 'error.row_cap_exceeded',
  response_too_large: 'error.response_too_large',
  query_too_costly: 'error.query_too_costly',
  query_crashed: 'error.query_crashed',
  too_many_queries: 'error.too_many_queries',
  invalid_dataset: 'error.invalid_dataset',
  store_unavailable: 'error.store_unavailable',
  load_failed: 'error.load_failed',
  internal_error: 'error.internal_error',
};

/** The codes web/src/api/client.ts gives failures that never got an API answer. */
const CLIENT_MESSAGES: Record<string, MessageKey> = { network: 'error.network', unknown: 'error.unknown' };

export interface ErrorReading {
  /** The sentence to show, in the reader's language. */
  key: MessageKey;
  params: Record<string, string | number>;
  /** What an analyst may want to see or report: the server's words, kept as they are. */
  technical: {
    status: number | null;
    code: string;
    /** The server's (or the browser's) message, English. */
    message: string;
    /** The fields the server named, each with its (English) message. */
    fields: { field: string; message: string }[];
  };
}

const isApiCode = (code: string): code is ApiErrorCode => Object.hasOwn(API_MESSAGES, code);

export function readError(failure: Pick<ApiFailure, 'status' | 'code' | 'message'> & { details?: ApiFailure['details'] }): ErrorReading {
  const key = isApiCode(failure.code)
    ? API_MESSAGES[failure.code]
    : Object.hasOwn(CLIENT_MESSAGES, failure.code)
      ? CLIENT_MESSAGES[failure.code]!
      : failure.status > 0
        ? 'error.http'
        : 'error.unknown';
  return {
    key,
    params: { status: failure.status },
    technical: {
      status: failure.status > 0 ? failure.status : null,
      code: failure.code,
      message: failure.message,
      fields: (failure.details ?? []).map((d) => ({ field: d.field || d.in, message: d.message })),
    },
  };
}
