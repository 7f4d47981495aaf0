// Errors in the reader's language: every code the API can answer with has a sentence in bokmål and English, the
// sentence never carries the server's English text, and the server's words stay available, labelled, for analysts.
import { afterEach, describe, expect, it } from 'vitest';
import { ERROR_CODES } from '../../server/schemas/common.js';
import { ApiFailure } from '../../web/src/api/client.js';
import { en } from '../../web/src/i18n/en.js';
import { i18n } from '../../web/src/i18n/i18n.svelte.js';
import { nb } from '../../web/src/i18n/nb.js';
import { readError } from '../../web/src/lib/error-text.js';

afterEach(() => {
  i18n.lang = 'nb';
});

describe('readError', () => {
  it.each(ERROR_CODES)('gives %s its own sentence in both languages, not the generic one', (code) => {
    const reading = readError(new ApiFailure(400, code, 'an English message from the server'));
    expect(reading.key).toBe(`error.${code}`);
    expect(nb[reading.key]).toBeTruthy();
    expect(en[reading.key]).toBeTruthy();
    expect(nb[reading.key]).not.toBe(en[reading.key]);
    for (const lang of ['nb', 'en'] as const) {
      i18n.lang = lang;
      expect(i18n.t(reading.key, reading.params)).not.toContain('English message');
    }
  });

  it('keeps the server message, status, code and each named field for the technical detail', () => {
    const failure = new ApiFailure(400, 'invalid_request', 'invalid querystring: depth must be at most 3', [
      { field: 'depth', in: 'querystring', message: 'must be at most 3' },
      { field: '', in: 'body', message: 'is not valid' },
    ]);
    expect(readError(failure).technical).toEqual({
      status: 400,
      code: 'invalid_request',
      message: 'invalid querystring: depth must be at most 3',
      // A whole-part issue is named by the part it is about.
      fields: [
        { field: 'depth', message: 'must be at most 3' },
        { field: 'body', message: 'is not valid' },
      ],
    });
  });

  it('tells a network failure, a browser fault and an unknown HTTP error apart', () => {
    expect(readError(new ApiFailure(0, 'network', 'Failed to fetch')).key).toBe('error.network');
    expect(readError(new ApiFailure(0, 'unknown', 'TypeError: x is undefined')).key).toBe('error.unknown');
    const proxy = readError(new ApiFailure(502, 'http_error', '502 Bad Gateway'));
    expect(proxy.key).toBe('error.http');
    i18n.lang = 'nb';
    expect(i18n.t(proxy.key, proxy.params)).toBe('Serveren svarte med en feil (502).');
    expect(readError(new ApiFailure(0, 'network', 'x')).technical.status).toBeNull();
  });

  it('does not take a code inherited from Object.prototype for a known one', () => {
    expect(readError(new ApiFailure(500, 'constructor', 'x')).key).toBe('error.http');
  });
});

describe('the client keeps the field issues of an error answer', () => {
  it('reads details from the envelope', async () => {
    const original = globalThis.fetch;
    globalThis.fetch = (async () =>
      new Response(
        JSON.stringify({
          error: {
            code: 'invalid_request',
            message: 'invalid querystring: depth …',
            details: [{ field: 'depth', in: 'querystring', message: 'must be at most 3' }],
          },
        }),
        { status: 400, headers: { 'content-type': 'application/json' } },
      )) as typeof fetch;
    try {
      const { request } = await import('../../web/src/api/client.js');
      const err = await request('GET', '/api/x', undefined).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(ApiFailure);
      expect((err as ApiFailure).details).toEqual([{ field: 'depth', in: 'querystring', message: 'must be at most 3' }]);
    } finally {
      globalThis.fetch = original;
    }
  });
});
