// The CLI's side of talking to a server (server/cli/server-client.ts, remote-graph.ts), against a fake HTTP server that
// answers what a broken proxy, an old server or a hostile one might: every answer is checked, every failure is a
// message that names the server, and the refusals the store would throw come back as the same StoreErrors.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { StoreError } from '../../graph/store/errors.js';
import { main } from '../../server/cli/main.js';
import { RemoteGraph } from '../../server/cli/remote-graph.js';
import { parseServerUrl, ServerAnswerError, ServerClient } from '../../server/cli/server-client.js';
import { UsageError } from '../../server/cli/command.js';
import { capture } from './capture.js';

type Handler = (req: IncomingMessage, body: string, res: ServerResponse) => void;
let handler: Handler;
let seen: { method: string; url: string; authorization: string | undefined; body: string }[];
let server: Server;
let url: string;

const json = (res: ServerResponse, status: number, body: unknown) => res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
const envelope = (code: string, message: string, details?: unknown[]) => ({ error: { code, message, ...(details ? { details } : {}) } });

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      seen.push({ method: req.method!, url: req.url!, authorization: req.headers.authorization, body });
      handler(req, body, res);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
beforeEach(() => {
  seen = [];
});

describe('parseServerUrl', () => {
  it('takes an http(s) origin, with a path prefix for a reverse proxy, without a trailing slash', () => {
    expect(parseServerUrl('http://127.0.0.1:3000/')).toBe('http://127.0.0.1:3000');
    expect(parseServerUrl('https://example.org/strategigraf/')).toBe('https://example.org/strategigraf');
  });

  it.each([
    ['not a url', /must be a URL such as/],
    ['ftp://example.org', /must be an http:\/\/ or https:\/\/ URL/],
    ['http://admin:secret@example.org', /must not hold a user name or password/],
    ['http://example.org/?x=1', /must not have a query or fragment/],
    ['http://example.org/#top', /must not have a query or fragment/],
  ])('refuses %s as a usage error', (raw, message) => {
    expect(() => parseServerUrl(raw)).toThrow(UsageError);
    expect(() => parseServerUrl(raw)).toThrow(message);
  });
});

describe('ServerClient', () => {
  it("turns the API's error envelope into an error naming the server, the status, the code and the message", async () => {
    handler = (_req, _body, res) => json(res, 503, envelope('store_unavailable', 'the graph store is unavailable; try again shortly'));
    const error = await new RemoteGraph(new ServerClient(url, undefined)).stats().catch((err: unknown) => err);
    expect(error).toBeInstanceOf(ServerAnswerError);
    expect((error as Error).message).toBe(`the server at ${url} answered 503 (store_unavailable): the graph store is unavailable; try again shortly`);
  });

  it("says what there is to say about an answer that is not the API's (a proxy's error page)", async () => {
    handler = (_req, _body, res) => res.writeHead(502, { 'content-type': 'text/html' }).end('<h1>Bad gateway</h1>');
    await expect(new RemoteGraph(new ServerClient(url, undefined)).stats()).rejects.toThrow(`the server at ${url} answered 502 (http_502): Bad Gateway`);
  });

  it('refuses an answer of the wrong shape or that is not JSON, instead of printing nonsense', async () => {
    handler = (_req, _body, res) => json(res, 200, { backend: 'ladybug', nodeKinds: 'many' });
    await expect(new RemoteGraph(new ServerClient(url, undefined)).stats()).rejects.toThrow(
      `the server at ${url} answered with something other than the graph schema (nodeKinds: `,
    );
    handler = (_req, _body, res) => json(res, 200, { dataset: { name: 'x', version: '1' }, references: [], nodes: [{ kind: 'Nope' }], relationships: [] });
    await expect(new RemoteGraph(new ServerClient(url, undefined)).snapshot()).rejects.toThrow(
      /answered with something other than the graph as a dataset \(nodes\.0/,
    );
    handler = (_req, _body, res) => res.writeHead(200, { 'content-type': 'application/json' }).end('{"columns": [');
    await expect(new RemoteGraph(new ServerClient(url, undefined)).readQuery('RETURN 1', {})).rejects.toThrow(
      `the server at ${url} did not answer with JSON for a query result`,
    );
  });

  it('does not follow a redirect, which could carry the token to another host', async () => {
    handler = (_req, _body, res) => res.writeHead(302, { location: 'http://attacker.example/steal' }).end();
    await expect(new RemoteGraph(new ServerClient(url, 'secret')).stats()).rejects.toThrow(`could not reach the server at ${url}`);
    expect(seen).toHaveLength(1);
  });

  it('says when nothing listens', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const gone = `http://127.0.0.1:${(closed.address() as AddressInfo).port}`;
    await new Promise((resolve) => closed.close(resolve));
    await expect(new RemoteGraph(new ServerClient(gone, undefined)).stats()).rejects.toThrow(`could not reach the server at ${gone}: ECONNREFUSED`);
  });

  it('sends the token as a bearer token when it has one, and no authorization header when it has none', async () => {
    handler = (_req, _body, res) => json(res, 200, { backend: 'ladybug', nodeKinds: [{ kind: 'Agency', count: 2 }], relationshipTypes: [] });
    await new RemoteGraph(new ServerClient(url, 'secret')).stats();
    await new RemoteGraph(new ServerClient(url, undefined)).stats();
    expect(seen.map((s) => s.authorization)).toEqual(['Bearer secret', undefined]);
  });
});

describe('RemoteGraph', () => {
  it('gives the counts of /api/schema in its order, as store.stats() does', async () => {
    handler = (_req, _body, res) =>
      json(res, 200, {
        backend: 'ladybug',
        nodeKinds: [
          { kind: 'Strategy', count: 1, label: {} },
          { kind: 'Agency', count: 0 },
        ],
        relationshipTypes: [{ type: 'LEADS', count: 4 }],
      });
    expect(await new RemoteGraph(new ServerClient(url, undefined)).stats()).toEqual({
      backend: 'ladybug',
      nodes: { Strategy: 1, Agency: 0 },
      relationships: { LEADS: 4 },
    });
    expect(seen[0]!.url).toBe('/api/schema');
  });

  it("turns the query route's refusals into the store's errors, and passes others on", async () => {
    const graph = new RemoteGraph(new ServerClient(url, undefined));
    handler = (_req, _body, res) => json(res, 400, envelope('read_only', 'the clause CREATE would change the graph'));
    const refused = await graph.readQuery("CREATE (n:Agency {id: 'x'})", { a: 1 }).catch((err: unknown) => err);
    expect(refused).toBeInstanceOf(StoreError);
    expect(refused).toMatchObject({ code: 'read_only', message: 'the clause CREATE would change the graph' });
    expect(JSON.parse(seen[0]!.body)).toEqual({ cypher: "CREATE (n:Agency {id: 'x'})", params: { a: 1 } });
    handler = (_req, _body, res) => json(res, 429, envelope('rate_limited', 'Rate limit exceeded, retry in 1 minute'));
    await expect(graph.readQuery('RETURN 1', {})).rejects.toBeInstanceOf(ServerAnswerError);
  });

  it('takes a 404 for the focus as "no such node", but not a 404 for the route (an older server)', async () => {
    const graph = new RemoteGraph(new ServerClient(url, undefined));
    handler = (_req, _body, res) => json(res, 404, envelope('not_found', 'no node with focus "ghost"'));
    expect(await graph.neighborhoodSnapshot('ghost', { depth: 2, limit: 10 })).toBeNull();
    expect(seen[0]!.url).toBe('/api/export?format=json&focus=ghost&depth=2');
    handler = (_req, _body, res) => json(res, 404, envelope('not_found', 'no route GET /api/export; see /docs for the API'));
    await expect(graph.neighborhoodSnapshot('ghost', { depth: 1, limit: 10 })).rejects.toThrow('answered 404 (not_found): no route GET /api/export');
  });

  it('says how to give a token when a load is refused for want of one, and that the one given was not accepted otherwise', async () => {
    const dataset = { dataset: { name: 'x', version: '1' }, references: [], nodes: [], relationships: [] };
    handler = (_req, _body, res) => json(res, 401, envelope('unauthorized', 'this route needs the admin role'));
    await expect(new RemoteGraph(new ServerClient(url, undefined)).replaceDataset(dataset)).rejects.toThrow(
      `the server at ${url} answered 401 (unauthorized): this route needs the admin role; loading needs an admin token: give --token, or set STRATEGIGRAF_TOKEN or STRATEGIGRAF_ADMIN_TOKEN`,
    );
    handler = (_req, _body, res) => json(res, 403, envelope('forbidden', 'this route needs the admin role; you are an editor'));
    await expect(new RemoteGraph(new ServerClient(url, 'editor-token')).replaceDataset(dataset)).rejects.toThrow(
      'answered 403 (forbidden): this route needs the admin role; you are an editor; the token given was not accepted for replacing the dataset (it needs the admin role)',
    );
    expect(seen.map((s) => [s.method, s.url, s.authorization])).toEqual([
      ['PUT', '/api/dataset', undefined],
      ['PUT', '/api/dataset', 'Bearer editor-token'],
    ]);
    expect(JSON.parse(seen[1]!.body)).toEqual(dataset);
  });

  it("lists the server's problems with a dataset it refuses (a server that validates differently)", async () => {
    handler = (_req, _body, res) =>
      json(
        res,
        422,
        envelope('invalid_dataset', 'the dataset has 1 problem; the graph is unchanged', [
          { file: 'request body', line: 3, path: 'nodes[0].id', message: 'is taken' },
        ]),
      );
    await expect(
      new RemoteGraph(new ServerClient(url, 't')).replaceDataset({ dataset: { name: 'x', version: '1' }, references: [], nodes: [], relationships: [] }),
    ).rejects.toThrow('answered 422 (invalid_dataset): the dataset has 1 problem; the graph is unchanged\n  request body:3 nodes[0].id: is taken');
  });
});

describe('the commands with --server', () => {
  it('print a server error as the CLI prints errors, exit 3, after saying where they read', async () => {
    handler = (_req, _body, res) => json(res, 503, envelope('store_unavailable', 'the graph store is unavailable; try again shortly'));
    const io = capture({});
    expect(await main(['report', '--server', url], io)).toBe(3);
    expect(io.stderr).toEqual([
      `reading from the server at ${url} (--server)`,
      `strategigraf report: the server at ${url} answered 503 (store_unavailable): the graph store is unavailable; try again shortly`,
    ]);
  });

  it('print a refused query as a refusal, exit 1, as from the store', async () => {
    handler = (_req, _body, res) => json(res, 400, envelope('query_timeout', 'the query ran longer than the limit of 5000 ms and was stopped'));
    const io = capture({});
    expect(await main(['query', 'MATCH (n) RETURN n', '--server', url], io)).toBe(1);
    expect(io.stderr.at(-1)).toBe('query refused (query_timeout): the query ran longer than the limit of 5000 ms and was stopped');
  });

  it('warn in the same line when a token would travel unencrypted to another machine (a host name counts as another)', async () => {
    handler = (_req, _body, res) => json(res, 503, envelope('store_unavailable', 'down'));
    const named = url.replace('127.0.0.1', 'localhost');
    const io = capture({ STRATEGIGRAF_TOKEN: 'secret' });
    expect(await main(['stats', '--server', named], io)).toBe(3);
    expect(io.stderr[0]).toBe(`reading from the server at ${named} (--server; the token travels unencrypted over plain HTTP)`);
    const loopback = capture({ STRATEGIGRAF_TOKEN: 'secret' });
    await main(['stats', '--server', url], loopback);
    expect(loopback.stderr[0]).toBe(`reading from the server at ${url} (--server)`);
  });

  it('each mention --server and --token in their help', async () => {
    for (const command of ['stats', 'gaps', 'report', 'export', 'query', 'diff', 'load']) {
      const io = capture({});
      expect(await main([command, '--help'], io)).toBe(0);
      expect(io.stdout.join('\n'), command).toMatch(/\[--server URL\] \[--token T\][\s\S]*--server[\s\S]*--token/);
    }
  });
});
