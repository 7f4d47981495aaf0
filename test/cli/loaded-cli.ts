// The real CLI as a child process, on its own embedded store loaded with a dataset before the describe block's tests.
import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, expect } from 'vitest';

const run = promisify(execFile);

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** `cli(...args)` runs `strategigraf` against a fresh store holding `dataset`; `dir()` is its scratch directory. */
export function useLoadedCli(dataset: string): { cli: (...args: string[]) => Promise<CliRun>; dir: () => string } {
  let dir = '';
  let env: NodeJS.ProcessEnv = {};
  const cli = async (...args: string[]): Promise<CliRun> => {
    try {
      const { stdout, stderr } = await run(process.execPath, ['bin/strategigraf.mjs', ...args], { env, maxBuffer: 16 * 1024 * 1024 });
      return { code: 0, stdout, stderr };
    } catch (err) {
      const e = err as CliRun;
      return { code: e.code, stdout: e.stdout, stderr: e.stderr };
    }
  };
  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'strategigraf-cli-'));
    env = { ...process.env, STRATEGIGRAF_DB: path.join(dir, 'graph.lbug') };
    delete env['NEO4J_URI'];
    const load = await cli('load', dataset);
    expect(load.code, load.stderr).toBe(0);
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });
  return { cli, dir: () => dir };
}
