// Talking to a running Strategigraf server over its HTTP API: requests with an optional bearer token, answers checked
// against a schema (the server is another process, so its answers are input like any other), and the API's error
// envelope {error: {code, message}} turned into an error that names the server and says what it answered.
import type { z } from 'zod';
import { UsageError } from './command.js';

/** Long enough for a whole export or a load; the server's own limits stop a query long before. */
const REQUEST_TIMEOUT_MS = 120_000;

/** What the server answered when it did not answer 2xx. */
export class ServerAnswerError extends Error {
  constructor(
    readonly server: string,
    readonly status: number,
    readonly code: string,
    /** The server's own message, without the prefix naming the server. */
    readonly serverMessage: string,
    readonly details: unknown[] | undefined,
  ) {
    super(`the server at ${server} answered ${status} (${code}): ${serverMessage}`);
    this.name = 'ServerAnswerError';
  }
}

/** A --server value: an http(s) URL, optionally with a path prefix (a reverse proxy), without credentials, query or fragment. */
export function parseServerUrl(raw: string): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new UsageError(`--server must be a URL such as http://127.0.0.1:3000 (got "${raw}")`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new UsageError(`--server must be an http:// or https:// URL (got "${raw}")`);
  if (url.username || url.password) throw new UsageError('--server must not hold a user name or password; give a token with --token or STRATEGIGRAF_TOKEN');
  if (url.search || url.hash) throw new UsageError(`--server must not have a query or fragment (got "${raw}")`);
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
}

function describeIssue(error: z.ZodError): string {
  const issue = error.issues[0]!;
  return `${issue.path.join('.') || 'the answer'}: ${issue.message}`;
}

interface RequestOptions {
  query?: Record<string, string | number | undefined>;
  /** Sent as JSON. */
  body?: unknown;
}

export class ServerClient {
  constructor(
    /** Where the server is, as parseServerUrl returns it. */
    readonly url: string,
    /** Sent with every request; the caller gives one only where the command needs it (store-session.ts). */
    private readonly token: string | undefined,
  ) {}

  /** Whether requests carry a token. */
  get hasToken(): boolean {
    return this.token !== undefined;
  }

  async getJson<T>(route: string, schema: z.ZodType<T>, what: string, query?: RequestOptions['query']): Promise<T> {
    return this.parse(await this.send('GET', route, { query: query ?? {} }), schema, what);
  }

  async sendJson<T>(method: 'POST' | 'PUT', route: string, body: unknown, schema: z.ZodType<T>, what: string): Promise<T> {
    return this.parse(await this.send(method, route, { body }), schema, what);
  }

  private async send(method: string, route: string, options: RequestOptions): Promise<Response> {
    const target = new URL(`${this.url}${route}`);
    for (const [key, value] of Object.entries(options.query ?? {})) if (value !== undefined) target.searchParams.set(key, String(value));
    const headers: Record<string, string> = { accept: 'application/json' };
    if (this.token !== undefined) headers['authorization'] = `Bearer ${this.token}`;
    if (options.body !== undefined) headers['content-type'] = 'application/json';
    let response: Response;
    try {
      response = await fetch(target, {
        method,
        headers,
        ...(options.body !== undefined ? { body: JSON.stringify(options.body) } : {}),
        // A redirect could carry the token elsewhere; the API never redirects.
        redirect: 'error',
        signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
      });
    } catch (err) {
      throw new Error(`could not reach the server at ${this.url}: ${reason(err)}`, { cause: err });
    }
    if (!response.ok) throw await this.answerError(response);
    return response;
  }

  private async parse<T>(response: Response, schema: z.ZodType<T>, what: string): Promise<T> {
    let json: unknown;
    try {
      json = await response.json();
    } catch (err) {
      throw new Error(`the server at ${this.url} did not answer with JSON for ${what}: ${reason(err)}`, { cause: err });
    }
    const parsed = schema.safeParse(json);
    if (!parsed.success) throw new Error(`the server at ${this.url} answered with something other than ${what} (${describeIssue(parsed.error)})`);
    return parsed.data;
  }

  private async answerError(response: Response): Promise<ServerAnswerError> {
    const text = await response.text().catch(() => '');
    let envelope: unknown = null;
    try {
      envelope = JSON.parse(text);
    } catch {
      // Not the API's envelope (a proxy's page, say): the status line says what there is to say.
    }
    const error = (envelope as { error?: { code?: unknown; message?: unknown; details?: unknown } } | null)?.error;
    const code = typeof error?.code === 'string' ? error.code : `http_${response.status}`;
    const message = typeof error?.message === 'string' ? error.message : `${response.statusText || 'no message'}`.trim();
    return new ServerAnswerError(this.url, response.status, code, message, Array.isArray(error?.details) ? error.details : undefined);
  }
}

function reason(err: unknown): string {
  if (!(err instanceof Error)) return String(err);
  if (err.name === 'TimeoutError') return `no answer within ${REQUEST_TIMEOUT_MS / 1000} s`;
  // fetch says "fetch failed"; the cause says why (ECONNREFUSED, a TLS problem, …).
  const cause = err.cause instanceof Error ? err.cause : null;
  const code = (cause as NodeJS.ErrnoException | null)?.code;
  return cause ? `${code ? `${code}: ` : ''}${cause.message}` : err.message;
}
