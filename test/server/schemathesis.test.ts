// Fuzzes the real server over HTTP with schemathesis, from the OpenAPI document it serves: every operation, positive
// and negative data, undeclared methods, auth, and every response checked against the document (status, content type,
// headers, schema). The write route is included, with the admin token.
//
// Runs when schemathesis is found (npm test passes its path as STRATEGIGRAF_TEST_SCHEMATHESIS; run directly, the test
// looks for it like npm test does). Without it, npm test reports this suite as not run, and fails when
// REQUIRE_SCHEMATHESIS=1 (as in CI) — so does this file.
import { spawn } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findSchemathesis } from '../../scripts/schemathesis.mjs';
import { startServer, type RunningServer } from '../../server/main.js';
import { ADMIN_TOKEN, FIXTURE_DIR } from './helpers.js';

const REPO_ROOT = path.resolve(import.meta.dirname, '../..');
const CONFIG = path.join(import.meta.dirname, 'schemathesis.toml');
const REPORT = path.join(REPO_ROOT, 'test-results', 'schemathesis.txt');
/** Examples per operation and phase: about 800 requests in all, a few seconds on one core. */
const MAX_EXAMPLES = Number(process.env['STRATEGIGRAF_SCHEMATHESIS_EXAMPLES'] || 25);
/** A fixed seed keeps CI reproducible; set STRATEGIGRAF_SCHEMATHESIS_SEED to explore others. */
const SEED = process.env['STRATEGIGRAF_SCHEMATHESIS_SEED'] || '20240601';
const RUN_TIMEOUT_MS = 150_000;

const executable = process.env['STRATEGIGRAF_TEST_SCHEMATHESIS'] || findSchemathesis()?.path;
const required = process.env['REQUIRE_SCHEMATHESIS'] === '1';

function run(command: string, args: string[]): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    // Its own process group, so that a run past the limit is ended whole: killing only schemathesis once left the test
    // waiting ten minutes for pipes that something it started still held.
    const child = spawn(command, args, {
      cwd: REPO_ROOT,
      env: { ...process.env, NO_COLOR: '1', COLUMNS: '120' },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    const timer = setTimeout(() => {
      output += `\n[killed after ${RUN_TIMEOUT_MS} ms]\n`;
      process.kill(-child.pid!, 'SIGKILL');
    }, RUN_TIMEOUT_MS);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, output });
    });
  });
}

// One test, not a second one that only fails when it is missing: CI must count no skipped test.
describe.runIf(executable || required)('schemathesis against the running server', { timeout: RUN_TIMEOUT_MS + 30_000 }, () => {
  let server: RunningServer;
  beforeAll(async () => {
    if (!executable) return;
    server = await startServer(
      {
        STRATEGIGRAF_DB: ':memory:',
        PORT: '0',
        LOG_LEVEL: 'silent',
        STRATEGIGRAF_ADMIN_TOKEN: ADMIN_TOKEN,
        // The fuzzer sends hundreds of queries and uploads a minute; the limiter is tested elsewhere.
        STRATEGIGRAF_QUERY_RATE_LIMIT: '1000000',
        STRATEGIGRAF_WRITE_RATE_LIMIT: '1000000',
        // Every response the fuzzer provokes is also encoded by zod and must match the compiled serialiser's JSON.
        STRATEGIGRAF_VERIFY_RESPONSES: '1',
      },
      { handleSignals: false, config: { seedsDir: FIXTURE_DIR, webRoot: null } },
    );
  });
  afterAll(() => server?.close());

  it('finds no failure in any operation', async () => {
    expect(executable, 'REQUIRE_SCHEMATHESIS=1 but no schemathesis was found: set STRATEGIGRAF_SCHEMATHESIS or make .venv-ci as .ci/run does').toBeTruthy();
    const spec = (await (await fetch(`${server.url}/openapi.json`)).json()) as { paths: Record<string, Record<string, unknown>> };
    const operations = Object.values(spec.paths).reduce((n, ops) => n + Object.keys(ops).length, 0);
    const args = [
      '--config-file',
      CONFIG,
      'run',
      `${server.url}/openapi.json`,
      '--checks',
      'all',
      '--max-examples',
      String(MAX_EXAMPLES),
      '--seed',
      SEED,
      '--header',
      `Authorization: Bearer ${ADMIN_TOKEN}`,
      '--request-timeout',
      '20',
      '--no-color',
    ];
    const { code, output } = await run(executable!, args);
    await mkdir(path.dirname(REPORT), { recursive: true });
    await writeFile(REPORT, `$ schemathesis ${args.join(' ').replace(ADMIN_TOKEN, '<token>')}\n\n${output}`);
    const report = `schemathesis exited with ${code}; its report (also in ${path.relative(REPO_ROOT, REPORT)}):\n\n${output}`;
    expect(code, report).toBe(0);
    // Every documented operation was exercised: none filtered out or skipped for an unusable schema.
    expect(output, report).toMatch(new RegExp(`Tested: ${operations}\\b`));
    expect(output, report).toMatch(/\d+ generated, \d+ passed/);
    expect(output, report).not.toMatch(/\d+ failures? in /);
  });
});
