import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);

describe('strategigraf CLI', () => {
  let dir: string;
  let env: NodeJS.ProcessEnv;

  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'strategigraf-cli-'));
    env = { ...process.env, STRATEGIGRAF_DB: path.join(dir, 'graph.lbug') };
    delete env['NEO4J_URI'];
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  async function cli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
    try {
      const { stdout, stderr } = await run(process.execPath, ['bin/strategigraf.mjs', ...args], { env });
      return { code: 0, stdout, stderr };
    } catch (err) {
      const e = err as { code: number; stdout: string; stderr: string };
      return { code: e.code, stdout: e.stdout, stderr: e.stderr };
    }
  }

  it('lists its commands with --help', async () => {
    const { code, stdout } = await cli('--help');
    expect(code).toBe(0);
    for (const command of ['validate', 'load', 'stats', 'query', 'export', 'serve']) expect(stdout).toMatch(new RegExp(`^  ${command}\\s`, 'm'));
  });

  it('explains each command with --help', async () => {
    const { code, stdout } = await cli('stats', '--help');
    expect(code).toBe(0);
    expect(stdout).toContain('Usage: strategigraf stats [--json]');
  });

  it('exits 2 with usage on an unknown command or option', async () => {
    const unknown = await cli('frobnicate');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('unknown command "frobnicate"');
    const badOption = await cli('stats', '--colour');
    expect(badOption.code).toBe(2);
    expect(badOption.stderr).toContain("Unknown option '--colour'");
  });

  it('validates a good dataset', async () => {
    const { code, stdout } = await cli('validate', 'test/fixtures/small');
    expect(code).toBe(0);
    expect(stdout).toContain('valid (23 nodes, 23 relationships)');
  });

  it('lists every problem of a bad dataset with file and line, and exits 1', async () => {
    const { code, stderr } = await cli('validate', 'test/fixtures/broken');
    expect(code).toBe(1);
    expect(stderr).toContain('4 problems in test/fixtures/broken');
    expect(stderr).toContain('test/fixtures/broken/dataset.yaml:4 nodes[0].sector: must be one of');
    expect(stderr).toContain('test/fixtures/broken/dataset.yaml:5 nodes[1]: duplicate id "digdir" (first defined at test/fixtures/broken/dataset.yaml:4)');
    expect(stderr).toContain('test/fixtures/broken/dataset.yaml:7 relationships[0].to: unknown node id "ghost"');
    expect(stderr).toContain('dataset.yaml:7 relationships[0].source: unknown source "nowhere"');
  });

  it('refuses a YAML alias bomb as a problem, exit 1', async () => {
    const { code, stderr } = await cli('validate', 'test/fixtures/alias-bomb');
    expect(code).toBe(1);
    expect(stderr).toContain('test/fixtures/alias-bomb/dataset.yaml: the YAML expands its aliases (*name) too often');
  });

  it('loads a dataset and reports counts as JSON', async () => {
    const load = await cli('load', 'test/fixtures/small');
    expect(load.code).toBe(0);
    expect(load.stdout).toContain('loaded 23 nodes and 23 relationships');
    const stats = await cli('stats', '--json');
    expect(stats.code).toBe(0);
    const parsed = JSON.parse(stats.stdout);
    expect(parsed.backend).toBe('ladybug');
    expect(parsed.nodes).toMatchObject({ FocusArea: 2, Initiative: 3, Agency: 3 });
    expect(parsed.relationships).toMatchObject({ PART_OF: 6, LEADS: 2 });
  });

  it('refuses to load an invalid dataset and keeps the graph it had', async () => {
    await cli('load', 'test/fixtures/small');
    const bad = await cli('load', 'test/fixtures/broken');
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('not loaded: 4 problems');
    const stats = JSON.parse((await cli('stats', '--json')).stdout);
    expect(stats.nodes.Agency).toBe(3);
  });

  it('exports JSON that validates and loads again, and a focused GraphML neighbourhood', async () => {
    await cli('load', 'test/fixtures/small');
    const out = path.join(dir, 'export.json');
    const exported = await cli('export', '--format', 'json', '--out', out);
    expect(exported.code).toBe(0);
    expect(exported.stderr).toContain('wrote 23 nodes and 23 relationships');
    const revalidated = await cli('validate', out);
    expect(revalidated.code).toBe(0);
    expect(revalidated.stdout).toContain('valid (23 nodes, 23 relationships)');
    const focused = await cli('export', '--format', 'graphml', '--focus', 'init-stimulab', '--depth', '1');
    expect(focused.code).toBe(0);
    expect(focused.stdout.match(/<node /g)).toHaveLength(6);
  });

  it('refuses a bad export format, depth or focus with a clear message', async () => {
    const format = await cli('export', '--format', 'pdf');
    expect(format.code).toBe(2);
    expect(format.stderr).toContain('--format must be one of json, graphml, csv, cypher (got "pdf")');
    const depth = await cli('export', '--format', 'csv', '--focus', 'ks', '--depth', '9');
    expect(depth.code).toBe(2);
    const focus = await cli('export', '--format', 'csv', '--focus', 'nobody');
    expect(focus.code).toBe(1);
    expect(focus.stderr).toContain('no node with id "nobody"');
  });

  it('says clearly when the seed directory does not exist', async () => {
    const { code, stderr } = await cli('validate', 'no/such/dir');
    expect(code).toBe(3);
    expect(stderr).toContain('seed directory not found: no/such/dir');
  });
});
