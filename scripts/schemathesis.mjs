// Where the schemathesis CLI is, for `npm test` (scripts/run-tests.mjs) and test/server/schemathesis.test.ts:
// STRATEGIGRAF_SCHEMATHESIS, else the CI venv (.venv-ci, made by .ci/run), else `schemathesis` on PATH.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '..');

/** The version .ci/run installs; the test was tuned against it (flags and the config file format are schemathesis 4's). */
export const SCHEMATHESIS_VERSION = '4.32.5';

/** Runs `<candidate> --version`; the version string, or null when it is not a working schemathesis. */
function versionOf(candidate) {
  const result = spawnSync(candidate, ['--version'], { encoding: 'utf8', timeout: 30_000 });
  if (result.status !== 0) return null;
  const match = /schemathesis, version (\S+)/.exec(result.stdout);
  return match ? match[1] : null;
}

/** @returns {{ path: string, version: string } | null} */
export function findSchemathesis(env = process.env) {
  const candidates = [env.STRATEGIGRAF_SCHEMATHESIS, path.join(ROOT, '.venv-ci', 'bin', 'schemathesis'), 'schemathesis'].filter(Boolean);
  for (const candidate of candidates) {
    if (candidate.includes(path.sep) && !existsSync(candidate)) continue;
    const version = versionOf(candidate);
    if (version) return { path: candidate, version };
  }
  return null;
}
