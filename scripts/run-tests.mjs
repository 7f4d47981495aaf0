#!/usr/bin/env node
// `npm test`: provides a real Neo4j for the Neo4j suites (NEO4J_URI, or a local one started here), checks for a
// browser and for schemathesis (the API fuzzing suite), runs vitest, and ends with one line `tests: N passed, N failed`.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { findSchemathesis, SCHEMATHESIS_VERSION } from './schemathesis.mjs';

const env = { ...process.env };
const requireNeo4j = env.REQUIRE_NEO4J === '1';
const requireBrowser = env.REQUIRE_BROWSER === '1';
const requireSchemathesis = env.REQUIRE_SCHEMATHESIS === '1';
const resultsDir = path.resolve('test-results');
const summaryFile = path.join(resultsDir, 'summary.txt');
const loud = (lines) => console.error(['', '='.repeat(78), ...lines.map((l) => `!! ${l}`), '='.repeat(78), ''].join('\n'));

async function provideNeo4j() {
  if (env.NEO4J_URI) return { uri: env.NEO4J_URI, stop: async () => {} };
  const { neo4jAvailable, startNeo4j } = await import('./neo4j-server.mjs');
  if (!(await neo4jAvailable())) return null;
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'strategigraf-test-neo4j-'));
  console.error('Starting a local Neo4j 5.26 for the Neo4j suites (the first run downloads it from Maven Central)…');
  const server = await startNeo4j({ port: 0, dataDir, log: (line) => process.stderr.write(`[neo4j] ${line}\n`) });
  console.error(`Neo4j ready at ${server.uri}`);
  return {
    uri: server.uri,
    stop: async () => {
      await server.stop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** Prints the one summary line and records it for .ci/run, which tails summary.txt after `npm test`. */
async function finish(passed, failed) {
  const summary = `tests: ${passed} passed, ${failed} failed`;
  await mkdir(resultsDir, { recursive: true });
  await writeFile(summaryFile, `${summary}\n`);
  console.log(summary);
}

function findChromium() {
  return [env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => p && existsSync(p));
}

async function main() {
  // A summary left by an earlier run must never pass for this one's, whichever way this run ends.
  await rm(summaryFile, { force: true });
  let neo4j = null;
  try {
    neo4j = await provideNeo4j();
  } catch (err) {
    loud([`Could not start the local Neo4j: ${err instanceof Error ? err.message : err}`]);
    if (requireNeo4j) {
      await finish(0, 1);
      return 1;
    }
  }
  if (neo4j) {
    // The suites wipe the database they use; they take the URI under their own name so nothing else in the test
    // process (CLI, server) silently switches to Neo4j.
    env.STRATEGIGRAF_TEST_NEO4J_URI = neo4j.uri;
  } else {
    loud([
      'NEO4J SUITES NOT RUN: no NEO4J_URI, and no Java 17+ with Maven to start a local Neo4j.',
      'Set NEO4J_URI (its database will be wiped) or install Java 17 and Maven, then run `npm test` again.',
    ]);
    if (requireNeo4j) {
      await finish(0, 1);
      return 1;
    }
  }
  delete env.NEO4J_URI;

  const chromium = findChromium();
  if (chromium) env.STRATEGIGRAF_TEST_CHROMIUM = chromium;
  else {
    loud(['BROWSER SUITES NOT RUN: no Chromium found (apt-get install chromium, or set CHROMIUM_PATH).']);
    if (requireBrowser) {
      await neo4j?.stop();
      await finish(0, 1);
      return 1;
    }
  }

  const schemathesis = findSchemathesis(env);
  if (schemathesis) env.STRATEGIGRAF_TEST_SCHEMATHESIS = schemathesis.path;
  else {
    loud([
      'SCHEMATHESIS SUITE NOT RUN: no schemathesis found (STRATEGIGRAF_SCHEMATHESIS, .venv-ci/bin/schemathesis or PATH).',
      `Install it as .ci/run does: python3 -m venv .venv-ci && .venv-ci/bin/pip install schemathesis==${SCHEMATHESIS_VERSION}`,
    ]);
    if (requireSchemathesis) {
      await neo4j?.stop();
      await finish(0, 1);
      return 1;
    }
  }

  await mkdir(resultsDir, { recursive: true });
  const jsonFile = path.join(resultsDir, 'vitest.json');
  await rm(jsonFile, { force: true });
  const vitest = path.resolve('node_modules', 'vitest', 'vitest.mjs');
  const code = await new Promise((resolve) => {
    const child = spawn(process.execPath, [vitest, 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${jsonFile}`, ...process.argv.slice(2)], {
      stdio: 'inherit',
      env,
    });
    const forward = (signal) => child.kill(signal);
    process.on('SIGINT', forward);
    process.on('SIGTERM', forward);
    child.on('exit', (exitCode, signal) => resolve(exitCode ?? (signal ? 1 : 0)));
  });
  await neo4j?.stop().catch((err) => console.error(`stopping Neo4j failed: ${err.message}`));

  let passed = 0;
  let failed = 0;
  try {
    const report = JSON.parse(await readFile(jsonFile, 'utf8'));
    passed = report.numPassedTests;
    // A file that fails to load has no failed tests of its own, but it is a failure all the same.
    failed = report.numFailedTests || report.numFailedTestSuites;
    if (report.numPendingTests > 0 || report.numTodoTests > 0) console.error(`(${report.numPendingTests} skipped, ${report.numTodoTests} todo)`);
  } catch {
    failed = Math.max(1, failed);
  }
  if (code !== 0 && failed === 0) failed = 1;
  await finish(passed, failed);
  return code;
}

try {
  process.exitCode = await main();
} catch (err) {
  // An unexpected crash still ends with a (failing) summary instead of none.
  console.error(err);
  await finish(0, 1).catch(() => undefined);
  process.exitCode = 1;
}
