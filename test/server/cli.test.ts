// The `query` and `serve` commands of the CLI.
import { spawnSync } from 'node:child_process';
import { mkdtemp, mkdir, rm, utimes, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CliIO } from '../../server/cli/command.js';
import { formatTable } from '../../server/cli/commands/query.js';
import { main } from '../../server/cli/main.js';
import { clearWebBuildStamp, webBuildInputs, webBuildReason, webBuildStamp, writeWebBuildStamp } from '../../server/cli/web-build.js';
import { FIXTURE_DIR } from './helpers.js';

function capture(env: Record<string, string>): CliIO & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return { stdout, stderr, out: (t) => stdout.push(t), err: (t) => stderr.push(t), env };
}

describe('strategigraf query', () => {
  let dir: string;
  let env: Record<string, string>;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'strategigraf-cli-'));
    env = { STRATEGIGRAF_DB: path.join(dir, 'graph.lbug') };
    // Loaded by another process: this one then only reads the file, opening it once per command.
    const cli = path.resolve(import.meta.dirname, '../../bin/strategigraf.mjs');
    const loaded = spawnSync(process.execPath, [cli, 'load', FIXTURE_DIR], { env: { ...process.env, ...env }, encoding: 'utf8' });
    expect(loaded.status, loaded.stderr).toBe(0);
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('prints the rows as a table', async () => {
    const io = capture(env);
    const code = await main(['query', 'MATCH (a:Agency)-[r:LEADS]->(i) RETURN a.id AS agency, r, i ORDER BY agency'], io);
    expect(code).toBe(0);
    const lines = io.stdout.join('\n').split('\n');
    expect(lines[0]).toMatch(/^agency\s+r\s+i$/);
    expect(lines[2]).toMatch(/^digdir\s+digdir-\[LEADS\]->init-stimulab\s+\(Initiative init-stimulab\)$/);
    expect(lines.at(-1)).toBe('(2 rows)');
  });

  it('prints {columns, rows} with --json and takes --params', async () => {
    const io = capture(env);
    const code = await main(['query', 'MATCH (a:Agency {id: $id}) RETURN a.shortName AS short', '--params', '{"id": "digdir"}', '--json'], io);
    expect(code).toBe(0);
    expect(JSON.parse(io.stdout.join('\n'))).toEqual({ columns: ['short'], rows: [['Digdir']] });
  });

  it('refuses a write with exit code 1 and leaves the graph alone', async () => {
    const io = capture(env);
    expect(await main(['query', "MATCH (a:Agency {id: 'digdir'}) DETACH DELETE a"], io)).toBe(1);
    expect(io.stderr.join('\n')).toMatch(/read_only/);
    const check = capture(env);
    await main(['query', "MATCH (a:Agency {id: 'digdir'}) RETURN count(a) AS n", '--json'], check);
    expect(JSON.parse(check.stdout.join('\n')).rows).toEqual([[1]]);
  });

  it('reports usage errors with exit code 2', async () => {
    expect(await main(['query'], capture(env))).toBe(2);
    expect(await main(['query', 'RETURN 1', '--params', '{not json'], capture(env))).toBe(2);
    expect(await main(['query', 'RETURN 1', '--params', '[1]'], capture(env))).toBe(2);
  });

  it('formats nodes, edges, paths, lists and nulls', () => {
    const table = formatTable({
      columns: ['n', 'list', 'none'],
      rows: [[{ id: 'ks', kind: 'Agency', name: 'KS', properties: {} }, [1, 2], null]],
    });
    expect(table.split('\n')[2]).toBe('(Agency ks)  [1,2]');
  });
});

describe('strategigraf serve', () => {
  it('lists its options', async () => {
    const io = capture({});
    expect(await main(['serve', '--help'], io)).toBe(0);
    expect(io.stdout.join('\n')).toMatch(/--port N[\s\S]*--host H[\s\S]*--build-web/);
  });

  it('refuses a bad port or an unknown option', async () => {
    expect(await main(['serve', '--port', 'eighty'], capture({}))).toBe(2);
    expect(await main(['serve', '--port', '99999'], capture({}))).toBe(2);
    expect(await main(['serve', '--verbose'], capture({}))).toBe(2);
  });

  it('rebuilds the web UI when dist/web is missing, has no record, or any input of it changed', async () => {
    const root = await mkdtemp(path.join(os.tmpdir(), 'strategigraf-web-build-'));
    try {
      const outDir = path.join(root, 'dist', 'web');
      await mkdir(path.join(root, 'web', 'src'), { recursive: true });
      await mkdir(path.join(root, 'graph'), { recursive: true });
      await mkdir(path.join(root, 'web', 'node_modules', 'x'), { recursive: true });
      await writeFile(path.join(root, 'web', 'src', 'App.svelte'), '<p>hi</p>');
      await writeFile(path.join(root, 'graph', 'ontology.ts'), "export const NODE_KINDS = ['Goal'] as const;");
      await writeFile(path.join(root, 'vite.config.ts'), 'export default {};');
      await writeFile(path.join(root, 'package-lock.json'), '{}');
      expect(webBuildReason(root)).toBe('dist/web is missing');
      await mkdir(outDir, { recursive: true });
      await writeFile(path.join(outDir, 'index.html'), '<html></html>');
      expect(webBuildReason(root)).toMatch(/has no record of what it was built from/);

      // What the Vite plugin does after a build; the record sits beside dist/web, so it is never served.
      const build = () => writeWebBuildStamp(outDir, webBuildInputs(root));
      build();
      expect(webBuildStamp(outDir)).toBe(path.join(root, 'dist', 'web.build-inputs.json'));
      expect(Object.keys(webBuildInputs(root))).toEqual(['graph/ontology.ts', 'package-lock.json', 'vite.config.ts', 'web/src/App.svelte']);
      expect(webBuildReason(root)).toBeNull();

      // An old modification time does not hide a change (a checkout or a copy keeps them): the content decides.
      const past = new Date(Date.now() - 3_600_000);
      await writeFile(path.join(root, 'graph', 'ontology.ts'), "export const NODE_KINDS = ['Goal', 'Agency'] as const;");
      await utimes(path.join(root, 'graph', 'ontology.ts'), past, past);
      expect(webBuildReason(root)).toBe('graph/ontology.ts changed since the last build');
      build();
      // Touching a file without changing it is no reason to build; node_modules is not an input.
      await utimes(path.join(root, 'web', 'src', 'App.svelte'), new Date(), new Date());
      await writeFile(path.join(root, 'web', 'node_modules', 'x', 'index.js'), '1');
      expect(webBuildReason(root)).toBeNull();
      // Each input counts: a new web file (the generated API types), the lock file, the Vite config, a removed file.
      await writeFile(path.join(root, 'web', 'src', 'schema.d.ts'), 'export interface paths {}');
      await writeFile(path.join(root, 'package-lock.json'), '{"v":2}');
      expect(webBuildReason(root)).toBe('package-lock.json, web/src/schema.d.ts changed since the last build');
      build();
      await writeFile(path.join(root, 'vite.config.ts'), 'export default { base: "/x/" };');
      await rm(path.join(root, 'web', 'src', 'App.svelte'));
      expect(webBuildReason(root)).toBe('vite.config.ts, web/src/App.svelte changed since the last build');
      build();
      clearWebBuildStamp(outDir);
      expect(webBuildReason(root)).toMatch(/has no record/);
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  });
});
