// The `query` command of the CLI.
import { spawnSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatTable } from '../../../server/cli/commands/query.js';
import { main } from '../../../server/cli/main.js';
import { FIXTURE_DIR } from '../../server/helpers.js';
import { capture } from '../capture.js';

describe('strategigraf query', () => {
  let dir: string;
  let env: Record<string, string>;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'strategigraf-cli-'));
    env = { STRATEGIGRAF_DB: path.join(dir, 'graph.lbug') };
    // Loaded by another process: this one then only reads the file, opening it once per command.
    const cli = path.resolve(import.meta.dirname, '../../../bin/strategigraf.mjs');
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
