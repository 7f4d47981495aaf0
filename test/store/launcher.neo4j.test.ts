// `npm run neo4j` (scripts/neo4j.mjs) as a user runs it: it must serve Bolt on the port it was given, and on
// Ctrl-C, SIGTERM or the death of its parent it must shut Neo4j down and free the port, leaving no JVM behind.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import neo4j from 'neo4j-driver';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { freePort, portInUse } from '../../scripts/neo4j-server.mjs';
import { neo4jTestConfig } from './neo4j-config.js';

const SCRIPT = path.resolve(import.meta.dirname, '../../scripts/neo4j.mjs');
const START_TIMEOUT_MS = 180_000; // the launcher's own ready timeout
// Neo4j's clean shutdown takes a second or two here; the launcher's SIGKILL fallback only comes after 30 s.
const STOP_WITHIN_MS = 25_000;

/** Alive and not a zombie (an orphan may wait for a reaper that never comes in a container). */
function alive(pid: number): boolean {
  if (process.platform === 'linux') {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
    } catch {
      return false;
    }
  }
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Polls until `check` holds; returns how long it took, or throws after `timeoutMs`. */
async function within(timeoutMs: number, what: string, check: () => boolean | Promise<boolean>): Promise<number> {
  const started = Date.now();
  while (!(await check())) {
    if (Date.now() - started > timeoutMs) throw new Error(`${what} did not happen within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 200));
  }
  return Date.now() - started;
}

interface Launched {
  child: ChildProcess;
  uri: string;
  javaPid: number;
  /** pid of scripts/neo4j.mjs when it runs under an intermediate parent (it prints `LAUNCHER PID n`). */
  launcherPid: number | undefined;
  output: () => string;
}

const spawned: Launched[] = [];

/** Spawns `node args…` and waits for the ready line on stdout and the Java pid the launcher logs on stderr. */
function launch(args: string[], env: NodeJS.ProcessEnv = {}): Promise<Launched> {
  const child = spawn(process.execPath, args, {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, NEO4J_HEAP: '256m', ...env },
  });
  let out = '';
  const output = () => out;
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no ready line within ${START_TIMEOUT_MS} ms:\n${out}`)), START_TIMEOUT_MS);
    const onData = (chunk: Buffer) => {
      out += chunk.toString('utf8');
      const uri = /^Neo4j 5\.26 ready at (bolt:\/\/\S+) /m.exec(out)?.[1];
      const javaPid = /ready at \S+ in [\d.]+ s \(pid (\d+),/.exec(out)?.[1];
      if (uri && javaPid) {
        clearTimeout(timer);
        const launched = { child, uri, javaPid: Number(javaPid), launcherPid: Number(/^LAUNCHER PID (\d+)$/m.exec(out)?.[1]) || undefined, output };
        spawned.push(launched);
        resolve(launched);
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`exited before it was ready (${signal ?? code}):\n${out}`));
    });
  });
}

function exitOf(child: ChildProcess, timeoutMs: number): Promise<{ code: number | null; signal: NodeJS.Signals | null; ms: number }> {
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`still running ${timeoutMs} ms after the signal`)), timeoutMs);
    const done = (code: number | null, signal: NodeJS.Signals | null) => {
      clearTimeout(timer);
      resolve({ code, signal, ms: Date.now() - started });
    };
    if (child.exitCode !== null || child.signalCode !== null) done(child.exitCode, child.signalCode);
    else child.once('exit', done);
  });
}

async function answers(uri: string): Promise<unknown> {
  const driver = neo4j.driver(uri, neo4j.auth.basic('neo4j', 'strategigraf-dev'), { disableLosslessIntegers: true });
  try {
    const { records } = await driver.executeQuery('RETURN 1 + 1 AS two');
    return records[0]?.get('two');
  } finally {
    await driver.close();
  }
}

// A clean shutdown checkpoints and stops the database and logs it; a killed JVM does not.
function cleanStops(dataDir: string): number {
  const log = path.join(dataDir, 'logs', 'debug.log');
  return existsSync(log) ? (readFileSync(log, 'utf8').match(/Stopped 'DatabaseId\{\w+\[neo4j\]\}' successfully/g) ?? []).length : 0;
}

// Spawns Neo4js of its own, so it runs where the runner could start Neo4j locally (always in CI).
describe.runIf(neo4jTestConfig())('npm run neo4j: lifecycle of the launcher script', () => {
  let dataDir: string;

  beforeAll(async () => {
    // One store for all cases: each clean shutdown must also leave it fit for the next start.
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'strategigraf-launcher-'));
  });

  afterEach(() => {
    // Whatever a failed case left running must not outlive it (or hold the next case's port).
    for (const { child, javaPid, launcherPid } of spawned.splice(0)) {
      for (const pid of [launcherPid, javaPid]) if (pid && alive(pid)) process.kill(pid, 'SIGKILL');
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    }
  });

  afterAll(async () => {
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  async function stopsOn(signal: 'SIGINT' | 'SIGTERM', args: string[], env: NodeJS.ProcessEnv, port: number) {
    const stopsBefore = cleanStops(dataDir);
    const server = await launch([SCRIPT, ...args], env);
    expect(server.uri).toBe(`bolt://127.0.0.1:${port}`);
    expect(await answers(server.uri)).toBe(2);
    expect(alive(server.javaPid)).toBe(true);

    server.child.kill(signal);
    const exit = await exitOf(server.child, STOP_WITHIN_MS);
    expect(exit).toMatchObject({ code: 0, signal: null }); // the script's onSignal handler exits 0
    expect(server.output()).toContain(`neo4j: ${signal}, shutting down...`);
    // stop() resolves only after the JVM has exited, so both must already be true the moment the script is gone.
    expect(alive(server.javaPid)).toBe(false);
    expect(await portInUse(port)).toBe(false);
    expect(cleanStops(dataDir)).toBe(stopsBefore + 1);
  }

  it('serves Bolt on NEO4J_BOLT_PORT and stops cleanly on SIGINT (Ctrl-C)', async () => {
    const port = await freePort();
    await stopsOn('SIGINT', ['--data', dataDir], { NEO4J_BOLT_PORT: String(port) }, port);
  }, 240_000);

  it('serves Bolt on --port and stops cleanly on SIGTERM', async () => {
    const port = await freePort();
    await stopsOn('SIGTERM', ['--port', String(port), '--data', dataDir], {}, port);
  }, 240_000);

  it('shuts Neo4j down when its parent is SIGKILLed (no orphaned JVM, port freed)', async () => {
    const port = await freePort();
    // The parent shares its stdout/stderr with the launcher, so the test still sees the launcher's output after
    // the parent is gone; the launcher's stdin is not a pipe, so only its ppid polling can notice the death.
    const parentCode = `
      const { spawn } = require('node:child_process');
      const child = spawn(process.execPath, ${JSON.stringify([SCRIPT, '--port', String(port), '--data', dataDir])}, { stdio: ['ignore', 'inherit', 'inherit'] });
      console.log('LAUNCHER PID ' + child.pid);
      setInterval(() => {}, 60000);
    `;
    const stopsBefore = cleanStops(dataDir);
    const server = await launch(['-e', parentCode]);
    const launcherPid = server.launcherPid!;
    expect(launcherPid).toBeGreaterThan(0);
    expect(server.uri).toBe(`bolt://127.0.0.1:${port}`);
    expect(await answers(server.uri)).toBe(2);

    server.child.kill('SIGKILL');
    expect(await exitOf(server.child, 5000)).toMatchObject({ signal: 'SIGKILL' });
    // ppid polling every second, then a clean stop: bounded well below the 30 s SIGKILL fallback.
    await within(STOP_WITHIN_MS, 'the Neo4j JVM exiting', () => !alive(server.javaPid));
    await within(5000, 'the launcher script exiting', () => !alive(launcherPid));
    expect(await portInUse(port)).toBe(false);
    await within(5000, 'the shutdown message', () => server.output().includes('neo4j: parent process exited, shutting down...'));
    expect(cleanStops(dataDir)).toBe(stopsBefore + 1);
  }, 240_000);
});
