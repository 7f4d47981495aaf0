// Request timeouts on a real socket: inject bypasses them, so the app listens on loopback and a raw client sends a
// request whose headers never end. The server must give up on it after its configured timeout, not the 60 s default.
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_REQUEST_TIMEOUT_MS } from '../../server/app.js';
import { build, type TestApp } from './helpers.js';

const TIMEOUT_MS = 300;
// Generous for a loaded CI machine, and still far below the default it must not fall back to.
const BOUND_MS = 5_000;

interface Outcome {
  elapsedMs: number;
  received: string;
  /** True when the client's own guard fired first: the server never closed the connection. */
  timedOut: boolean;
}

/** Opens a socket, writes `request`, and waits for the server to close it (or `guardMs` to pass). */
function send(port: number, request: string, guardMs: number): Promise<Outcome> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const socket = net.connect({ host: '127.0.0.1', port });
    let received = '';
    let done = false;
    const finish = (timedOut: boolean) => {
      if (done) return;
      done = true;
      clearTimeout(guard);
      socket.destroy();
      resolve({ elapsedMs: Date.now() - started, received, timedOut });
    };
    const guard = setTimeout(() => finish(true), guardMs);
    socket.setEncoding('latin1');
    socket.on('data', (chunk: string) => (received += chunk));
    socket.on('end', () => finish(false));
    socket.on('close', () => finish(false));
    socket.on('error', (err: NodeJS.ErrnoException) => (err.code === 'ECONNRESET' ? finish(false) : reject(err)));
    socket.on('connect', () => socket.write(request));
  });
}

describe('request timeouts on a listening server', () => {
  let t: TestApp;
  let port: number;
  beforeAll(async () => {
    t = await build({ requestTimeoutMs: TIMEOUT_MS });
    await t.app.listen({ host: '127.0.0.1', port: 0 });
    port = (t.app.server.address() as net.AddressInfo).port;
  });
  afterAll(() => t.close());

  it('passes the option through to the Node server', () => {
    expect(BOUND_MS).toBeLessThan(DEFAULT_REQUEST_TIMEOUT_MS);
    expect(t.app.server.requestTimeout).toBe(TIMEOUT_MS);
    expect(t.app.server.timeout).toBe(TIMEOUT_MS);
  });

  it('still answers a complete request (so a closed socket below is the timeout, not a broken server)', async () => {
    const res = await send(port, 'GET /api/health HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n', BOUND_MS);
    expect(res.timedOut).toBe(false);
    expect(res.received).toMatch(/^HTTP\/1\.1 200 /);
  });

  it('drops a request whose headers never finish, soon after the configured timeout', async () => {
    // No blank line after the headers: the server is left waiting for the rest.
    const res = await send(port, 'GET /api/health HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ', BOUND_MS);
    expect(res.timedOut, 'the server never closed the connection').toBe(false);
    // Not at once (it did wait for the headers), and well within the bound.
    expect(res.elapsedMs).toBeGreaterThanOrEqual(TIMEOUT_MS - 50);
    expect(res.elapsedMs).toBeLessThan(BOUND_MS);
    // Either silently closed or told 408; never a normal answer to the half-sent request.
    if (res.received) expect(res.received).toMatch(/^HTTP\/1\.1 408 /);
  });
});
