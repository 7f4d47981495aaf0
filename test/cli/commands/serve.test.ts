// The `serve` command of the CLI: its options and when it rebuilds the web UI.
import { mkdtemp, mkdir, rm, utimes, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../../server/cli/main.js';
import { clearWebBuildStamp, webBuildInputs, webBuildReason, webBuildStamp, writeWebBuildStamp } from '../../../server/cli/web-build.js';
import { capture } from '../capture.js';

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
