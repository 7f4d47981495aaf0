// Runs a real Neo4j Community 5.26 LTS server on 127.0.0.1 for development and tests, without Docker:
// an embedded Neo4j (Maven Central artifact org.neo4j:neo4j) with its Bolt server, started by the tiny
// Java launcher in scripts/neo4j-launcher/. Needs Java >= 17 and Maven (only to build the launcher; the first
// build downloads ~125 MB of jars into ~/.m2 and can take several minutes).
//
//   import { neo4jAvailable, startNeo4j } from './neo4j-server.mjs';
//   if (await neo4jAvailable()) {
//     const neo4j = await startNeo4j({ port: 0, dataDir: '/tmp/x' }); // port 0 = pick a free port
//     // ... connect to neo4j.uri (auth is disabled: any credentials, e.g. neo4j / strategigraf-dev, are accepted)
//     await neo4j.stop();
//   }
//
// The server runs with dbms.security.auth_enabled=false: Neo4j then accepts every auth token (basic auth with
// any user/password, or no auth at all). The child gets a stdin pipe and exits cleanly when it reaches EOF, so it
// never outlives this Node process, even if this process is killed with SIGKILL.

import { spawn } from 'node:child_process';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const LAUNCHER_DIR = path.join(ROOT, 'scripts', 'neo4j-launcher');
export const DEFAULT_DATA_DIR = path.join(ROOT, '.neo4j', 'data');
export const NEO4J_VERSION = '5.26.30'; // keep in sync with <neo4j.version> in scripts/neo4j-launcher/pom.xml

const POM = path.join(LAUNCHER_DIR, 'pom.xml');
const SOURCE = path.join(LAUNCHER_DIR, 'src', 'main', 'java', 'no', 'strategigraf', 'neo4j', 'Launcher.java');
const TARGET = path.join(LAUNCHER_DIR, 'target');
const CLASSES = path.join(TARGET, 'classes');
const CLASSPATH_FILE = path.join(TARGET, 'classpath.txt');
const STAMP = path.join(TARGET, 'launcher.stamp');
const BUILD_LOCK = path.join(TARGET, '.build-lock');

const READY_RE = /^NEO4J READY (bolt:\/\/\S+)\s*$/;
const READY_TIMEOUT_MS = 180_000;
const STOP_TIMEOUT_MS = 30_000;
const TAIL_LINES = 40;

/** JVM flags from the neo4j.conf that Neo4j 5.26 ships (server.jvm.additional), plus heap limits. */
export function jvmFlags({ heap = process.env.NEO4J_HEAP || '512m' } = {}) {
  return [
    '-Xms128m',
    `-Xmx${heap}`,
    '-XX:+UseG1GC',
    '-XX:-OmitStackTraceInFastThrow',
    '-XX:+UnlockExperimentalVMOptions',
    '-XX:+TrustFinalNonStaticFields',
    '-XX:+DisableExplicitGC',
    '-XX:+ExitOnOutOfMemoryError',
    '-Djdk.nio.maxCachedBufferSize=1024',
    '-Dio.netty.tryReflectionSetAccessible=true',
    '-Djdk.tls.ephemeralDHKeySize=2048',
    '-Djdk.tls.rejectClientInitiatedRenegotiation=true',
    '--add-opens=java.base/java.nio=ALL-UNNAMED',
    '--add-opens=java.base/java.io=ALL-UNNAMED',
    '--add-opens=java.base/sun.nio.ch=ALL-UNNAMED',
    '--enable-native-access=ALL-UNNAMED',
    '-Dlog4j2.disable.jmx=true',
    '-Dfile.encoding=UTF-8',
  ];
  // Deliberately not copied from neo4j.conf: -XX:+AlwaysPreTouch (would make the whole heap resident at once).
}

function javaCommand() {
  const home = process.env.JAVA_HOME;
  if (home) {
    const candidate = path.join(home, 'bin', process.platform === 'win32' ? 'java.exe' : 'java');
    if (fs.existsSync(candidate)) return candidate;
  }
  return 'java';
}

function onPath(cmd) {
  const exts = process.platform === 'win32' ? ['.cmd', '.exe', '.bat', ''] : [''];
  for (const dir of (process.env.PATH || '').split(path.delimiter)) {
    if (!dir) continue;
    for (const ext of exts) {
      try {
        fs.accessSync(path.join(dir, cmd + ext), fs.constants.X_OK);
        return true;
      } catch {
        // keep looking
      }
    }
  }
  return false;
}

/** Major version of the `java` that startNeo4j would run, or 0 if there is none. */
export async function javaMajorVersion() {
  const out = await new Promise((resolve) => {
    let text = '';
    let child;
    try {
      child = spawn(javaCommand(), ['-version'], { stdio: ['ignore', 'pipe', 'pipe'] });
    } catch {
      resolve('');
      return;
    }
    child.stdout.on('data', (d) => (text += d));
    child.stderr.on('data', (d) => (text += d));
    child.on('error', () => resolve(''));
    child.on('close', () => resolve(text));
  });
  const m = /version "(\d+)(?:\.(\d+))?/.exec(out);
  if (!m) return 0;
  const major = Number(m[1]);
  return major === 1 ? Number(m[2] ?? 0) : major;
}

let availableMemo;
/** True when this machine can run startNeo4j(): Java >= 17 and Maven are on PATH. */
export async function neo4jAvailable() {
  availableMemo ??= (async () => (await javaMajorVersion()) >= 17 && onPath('mvn'))();
  return availableMemo;
}

function mtimeMs(file) {
  try {
    return fs.statSync(file).mtimeMs;
  } catch {
    return -1;
  }
}

function readClasspath() {
  try {
    const cp = fs.readFileSync(CLASSPATH_FILE, 'utf8').trim();
    return cp ? cp.split(path.delimiter) : null;
  } catch {
    return null;
  }
}

/** The launcher is built when its stamp is newer than pom.xml and Launcher.java and every jar is still in ~/.m2. */
export function launcherIsBuilt() {
  const stamp = mtimeMs(STAMP);
  if (stamp < 0 || stamp < mtimeMs(POM) || stamp < mtimeMs(SOURCE)) return false;
  if (!fs.existsSync(path.join(CLASSES, 'no', 'strategigraf', 'neo4j', 'Launcher.class'))) return false;
  const jars = readClasspath();
  return !!jars && jars.length > 0 && jars.every((jar) => fs.existsSync(jar));
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

function pidAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return e.code === 'EPERM';
  }
}

/** Cross-process build lock (parallel test workers may all call startNeo4j at once). */
async function withBuildLock(fn, log) {
  await fsp.mkdir(TARGET, { recursive: true });
  let waitingSaid = false;
  for (;;) {
    try {
      await fsp.mkdir(BUILD_LOCK);
      await fsp.writeFile(path.join(BUILD_LOCK, 'pid'), String(process.pid));
      break;
    } catch (e) {
      if (e.code !== 'EEXIST') throw e;
      const owner = Number(await fsp.readFile(path.join(BUILD_LOCK, 'pid'), 'utf8').catch(() => 'NaN'));
      const age = Date.now() - mtimeMs(BUILD_LOCK);
      if ((Number.isInteger(owner) && !pidAlive(owner)) || (!Number.isInteger(owner) && age > 10_000)) {
        await fsp.rm(BUILD_LOCK, { recursive: true, force: true });
        continue;
      }
      if (!waitingSaid) {
        log(`[neo4j] waiting for another process (pid ${owner}) that is building the Neo4j launcher...`);
        waitingSaid = true;
      }
      await sleep(500);
    }
  }
  try {
    return await fn();
  } finally {
    await fsp.rm(BUILD_LOCK, { recursive: true, force: true });
  }
}

let buildMemo;
/** Builds scripts/neo4j-launcher with Maven unless it is up to date. Maven's output goes to `log` (stderr). */
export async function buildLauncher({ log = defaultLog } = {}) {
  if (launcherIsBuilt()) return;
  buildMemo ??= withBuildLock(async () => {
    if (launcherIsBuilt()) return; // built by another process while we waited
    if (!onPath('mvn')) throw new Error('Cannot build the Neo4j launcher: `mvn` (Maven) is not on PATH');
    const started = Date.now();
    log(`[neo4j] building the Neo4j ${NEO4J_VERSION} launcher with Maven (the first run downloads ~125 MB into ~/.m2 and can take several minutes)...`);
    const args = ['-B', '-f', POM, 'compile', 'dependency:build-classpath'];
    const tail = [];
    const code = await new Promise((resolve, reject) => {
      const child = spawn('mvn', args, { cwd: LAUNCHER_DIR, stdio: ['ignore', 'pipe', 'pipe'] });
      const onLine = (line) => {
        tail.push(line);
        if (tail.length > TAIL_LINES) tail.shift();
        // Downloads are the slow part: show them, plus errors; skip the rest of Maven's chatter.
        if (/^\[(ERROR|WARNING)\]|Downloaded from|BUILD/.test(line)) log(`[neo4j] mvn: ${line}`);
      };
      lineReader(child.stdout, onLine);
      lineReader(child.stderr, onLine);
      child.on('error', reject);
      child.on('close', (c) => resolve(c));
    });
    if (code !== 0) {
      throw new Error(`Building the Neo4j launcher failed (mvn exit code ${code}). Last output:\n${tail.join('\n')}`);
    }
    if (!readClasspath()) throw new Error(`Maven did not write ${CLASSPATH_FILE}`);
    await fsp.writeFile(STAMP, `${new Date().toISOString()}\n`);
    log(`[neo4j] launcher built in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }, log).finally(() => {
    buildMemo = undefined;
  });
  return buildMemo;
}

function defaultLog(line) {
  process.stderr.write(`${line}\n`);
}

function lineReader(stream, onLine) {
  let buf = '';
  stream.setEncoding('utf8');
  stream.on('data', (chunk) => {
    buf += chunk;
    let i;
    while ((i = buf.indexOf('\n')) >= 0) {
      onLine(buf.slice(0, i).replace(/\r$/, ''));
      buf = buf.slice(i + 1);
    }
  });
  stream.on('end', () => {
    if (buf) onLine(buf);
    buf = '';
  });
}

/** Asks the OS for a free TCP port on 127.0.0.1. */
export async function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

/** Whether something accepts TCP connections on 127.0.0.1:port (one try, at most a second). */
export function portInUse(port) {
  return new Promise((resolve) => {
    const sock = net.connect({ host: '127.0.0.1', port });
    sock.setTimeout(1000);
    sock.once('connect', () => {
      sock.destroy();
      resolve(true);
    });
    sock.once('timeout', () => {
      sock.destroy();
      resolve(false);
    });
    sock.once('error', () => resolve(false));
  });
}

function waitForExit(child) {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  // The child may have been unref()'d (keepAlive: false): hold the event loop open until it has exited,
  // or `await server.kill()` at the end of a script would let Node quit with the promise unsettled.
  child.ref();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}

/**
 * Starts Neo4j and resolves once it accepts Bolt connections.
 *
 * @param {object} [opts]
 * @param {number} [opts.port]   Bolt port on 127.0.0.1; default env NEO4J_BOLT_PORT or 7687; 0 picks a free port.
 * @param {string} [opts.dataDir] Neo4j home (store in DIR/data, logs in DIR/logs); default <repo>/.neo4j/data.
 * @param {(line: string) => void} [opts.log] receives build progress and the server's warnings; default stderr.
 * @param {string} [opts.heap]   max JVM heap, default env NEO4J_HEAP or 512m (page cache is fixed at 256m).
 * @param {number} [opts.transactionMaxMb] db.memory.transaction.max in MiB, default 256 (tests lower it).
 * @param {boolean} [opts.keepAlive] keep Node's event loop alive while the server runs (for a foreground CLI).
 *   Default false: the child does not hold the event loop open, and it shuts itself down when this process exits.
 */
export async function startNeo4j({ port, dataDir, log = defaultLog, heap, transactionMaxMb, keepAlive = false } = {}) {
  if ((await javaMajorVersion()) < 17) throw new Error('Neo4j 5.26 needs Java 17 or newer on PATH (or in JAVA_HOME)');
  await buildLauncher({ log });

  const boltPort = await resolveBoltPort(port);
  const home = path.resolve(dataDir ?? DEFAULT_DATA_DIR);
  await fsp.mkdir(home, { recursive: true });

  const classpath = [CLASSES, ...readClasspath()].join(path.delimiter);
  const uri = `bolt://127.0.0.1:${boltPort}`;
  let child = null;

  async function launch() {
    if (await portInUse(boltPort)) {
      throw new Error(`Cannot start Neo4j: something is already listening on 127.0.0.1:${boltPort}`);
    }
    const txMax = transactionMaxMb === undefined ? [] : [`-Dstrategigraf.transactionMaxMb=${Math.trunc(transactionMaxMb)}`];
    const args = [...jvmFlags({ heap }), ...txMax, '-cp', classpath, 'no.strategigraf.neo4j.Launcher', String(boltPort), home];
    const started = Date.now();
    const proc = spawn(javaCommand(), args, { cwd: home, stdio: ['pipe', 'pipe', 'pipe'] });
    child = proc;
    // A write to a child that is gone must not crash us.
    proc.stdin.on('error', () => {});
    await waitUntilReady(proc, log);
    log(`[neo4j] Neo4j ${NEO4J_VERSION} ready at ${uri} in ${((Date.now() - started) / 1000).toFixed(1)} s (pid ${proc.pid}, data ${home})`);
    if (!keepAlive) detach(proc);
  }

  const running = () => child !== null && child.exitCode === null && child.signalCode === null;

  const handle = {
    uri,
    port: boltPort,
    dataDir: home,
    get pid() {
      return child?.pid;
    },
    /** The current java ChildProcess (replaced by restart()). */
    get process() {
      return child;
    },
    get running() {
      return running();
    },
    /** SIGTERM (clean shutdown), SIGKILL after 30 s; resolves when the process has exited. */
    async stop() {
      if (!running()) return;
      await stopGracefully(child, log);
    },
    /** SIGKILL (no clean shutdown, like a crash); resolves when the process has exited. */
    async kill() {
      if (!running()) return;
      const exited = waitForExit(child);
      child.kill('SIGKILL');
      await exited;
    },
    /** Starts the server again on the same port and data dir (stopping it first if it still runs). */
    async restart() {
      await handle.stop();
      await launch();
    },
  };

  await launch();
  return handle;
}

/** The Bolt port to use: the one asked for, else env NEO4J_BOLT_PORT, else 7687; 0 picks a free port. */
async function resolveBoltPort(port) {
  const boltPort = port ?? (process.env.NEO4J_BOLT_PORT ? Number(process.env.NEO4J_BOLT_PORT) : 7687);
  if (!Number.isInteger(boltPort) || boltPort < 0 || boltPort > 65535) throw new Error(`Invalid Neo4j port: ${port}`);
  return boltPort === 0 ? freePort() : boltPort;
}

/**
 * Resolves when the launcher prints its ready line; rejects when it exits first, cannot be run, or is not ready within
 * READY_TIMEOUT_MS (then it is killed). The last lines of its output go into the error; once ready, its stderr goes to
 * `log`.
 */
function waitUntilReady(proc, log) {
  const tail = [];
  const remember = (line) => {
    tail.push(line);
    if (tail.length > TAIL_LINES) tail.shift();
  };
  return new Promise((resolve, reject) => {
    let ready = false;
    const fail = (err) => {
      if (ready) return;
      ready = true;
      clearTimeout(timer);
      reject(err);
    };
    const timer = setTimeout(() => {
      fail(new Error(`Neo4j did not become ready within ${READY_TIMEOUT_MS / 1000} s. Last output:\n${tail.join('\n')}`));
      proc.kill('SIGKILL');
    }, READY_TIMEOUT_MS);
    lineReader(proc.stdout, (line) => {
      remember(line);
      if (!ready && READY_RE.test(line)) {
        ready = true;
        clearTimeout(timer);
        resolve();
      }
    });
    lineReader(proc.stderr, (line) => {
      remember(line);
      // The launcher's stderr is quiet (Neo4j warnings only); pass it on after startup, keep it for errors before.
      if (ready) log(`[neo4j] ${line}`);
    });
    proc.once('error', (err) => fail(new Error(`Could not run ${javaCommand()}: ${err.message}`)));
    proc.once('exit', (code, signal) => {
      // Let the stdout/stderr 'end' events deliver the last lines first.
      setImmediate(() => {
        const cause = tail.findLast((l) => l.startsWith('neo4j-launcher: failed to start Neo4j: '));
        fail(
          new Error(
            `Neo4j exited before it was ready (${signal ? `signal ${signal}` : `exit code ${code}`})` +
              `${cause ? `: ${cause.slice('neo4j-launcher: failed to start Neo4j: '.length)}` : ''}\n` +
              `Last output:\n${tail.join('\n')}`,
          ),
        );
      });
    });
  });
}

/** Lets Node exit while the server runs: the child and its pipes no longer hold the event loop open. */
function detach(proc) {
  proc.unref();
  proc.stdin.unref?.();
  proc.stdout.unref?.();
  proc.stderr.unref?.();
}

/** SIGTERM (clean shutdown), SIGKILL after STOP_TIMEOUT_MS; resolves when the process has exited. */
async function stopGracefully(proc, log) {
  const exited = waitForExit(proc);
  proc.kill('SIGTERM');
  let timer;
  const timedOut = await Promise.race([exited.then(() => false), new Promise((r) => (timer = setTimeout(() => r(true), STOP_TIMEOUT_MS)))]);
  clearTimeout(timer);
  if (timedOut) {
    log(`[neo4j] Neo4j (pid ${proc.pid}) did not stop within ${STOP_TIMEOUT_MS / 1000} s; sending SIGKILL`);
    proc.kill('SIGKILL');
    await exited;
  }
}
