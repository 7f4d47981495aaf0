#!/usr/bin/env node
// `npm run neo4j`: runs a local Neo4j Community 5.26 (Bolt on 127.0.0.1) in the foreground until Ctrl-C.
import path from 'node:path';
import { parsePort } from '../server/port.mjs';
import { DEFAULT_DATA_DIR, NEO4J_VERSION, neo4jAvailable, startNeo4j } from './neo4j-server.mjs';

const USAGE = `Usage: npm run neo4j -- [--port N] [--data DIR] [--transaction-max-mb N]
       node scripts/neo4j.mjs [--port N] [--data DIR] [--transaction-max-mb N]

Runs a local Neo4j Community ${NEO4J_VERSION} server (embedded Neo4j + Bolt, from Maven Central; no Docker)
on 127.0.0.1 in the foreground. Stop it with Ctrl-C (it shuts down cleanly).

Options:
  --port N     Bolt port (default: $NEO4J_BOLT_PORT or 7687; 0 picks a free port)
  --data DIR   Neo4j home: store in DIR/data, logs in DIR/logs (default: ${path.relative(process.cwd(), DEFAULT_DATA_DIR) || DEFAULT_DATA_DIR})
  --transaction-max-mb N  db.memory.transaction.max in MiB (default 256, a guard for analysts' queries)
  -h, --help   Show this help

Needs Java 17+ and Maven on PATH. The first run builds scripts/neo4j-launcher, which downloads ~125 MB
of jars into ~/.m2 (a few minutes). Authentication is disabled: any user/password is accepted
(the app's defaults, neo4j / strategigraf-dev, just work). Max heap: $NEO4J_HEAP or 512m; page cache 256m.`;

function parseArgs(argv) {
  const opts = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const [name, inline] = arg.startsWith('--') && arg.includes('=') ? arg.split(/=(.*)/s, 2) : [arg, undefined];
    const value = () => {
      const v = inline ?? argv[++i];
      if (v === undefined || v === '') throw new Error(`${name} needs a value`);
      return v;
    };
    switch (name) {
      case '-h':
      case '--help':
        opts.help = true;
        break;
      case '--port': {
        const v = value();
        const port = parsePort(v);
        if (port === undefined) throw new Error(`invalid --port: ${v}`);
        opts.port = port;
        break;
      }
      case '--data':
        opts.dataDir = path.resolve(value());
        break;
      case '--transaction-max-mb': {
        const v = Number(value());
        if (!Number.isInteger(v) || v < 1) throw new Error(`invalid --transaction-max-mb: ${v}`);
        opts.transactionMaxMb = v;
        break;
      }
      default:
        throw new Error(`unknown argument: ${arg}`);
    }
  }
  return opts;
}

async function main() {
  let opts;
  try {
    opts = parseArgs(process.argv.slice(2));
  } catch (err) {
    console.error(`neo4j: ${err.message}\n\n${USAGE}`);
    return 2;
  }
  if (opts.help) {
    console.log(USAGE);
    return 0;
  }
  if (!(await neo4jAvailable())) {
    console.error('neo4j: needs Java 17+ (`java`) and Maven (`mvn`) on PATH.');
    return 1;
  }

  // Ctrl-C during the (possibly long) build/startup: stop whatever has started, then exit.
  let server = null;
  let stopping = false;
  const onSignal = async (signal) => {
    if (stopping) return;
    stopping = true;
    console.error(`neo4j: ${signal}, shutting down...`);
    if (server) await server.stop();
    process.exit(0);
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  process.on('SIGHUP', onSignal);
  // `npm run neo4j` killed with SIGTERM does not pass the signal on to us: when our parent goes away
  // (we get re-parented), shut down too instead of lingering as an orphan.
  const parentPid = process.ppid;
  setInterval(() => {
    if (process.ppid !== parentPid) onSignal('parent process exited');
  }, 1000).unref();

  try {
    server = await startNeo4j({ port: opts.port, dataDir: opts.dataDir, transactionMaxMb: opts.transactionMaxMb, keepAlive: true });
  } catch (err) {
    if (stopping) return 0;
    console.error(`neo4j: ${err.message}`);
    return 1;
  }
  if (stopping) {
    await server.stop();
    return 0;
  }
  console.log(`Neo4j 5.26 ready at ${server.uri} (export NEO4J_URI=${server.uri})`);

  // Stay in the foreground until a signal stops us or the server dies on its own.
  const { code, signal } = await new Promise((resolve) => server.process.once('exit', (c, s) => resolve({ code: c, signal: s })));
  if (stopping) return new Promise(() => {}); // onSignal exits the process
  console.error(`neo4j: the Neo4j process exited unexpectedly (${signal ? `signal ${signal}` : `exit code ${code}`})`);
  return 1;
}

process.exitCode = await main();
