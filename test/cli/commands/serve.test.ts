// The `serve` command of the CLI: its options and when it rebuilds the web UI.
import { mkdtemp, mkdir, rm, utimes, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { webBuildReason } from '../../../server/cli/commands/serve.js';
import { main } from '../../../server/cli/main.js';
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

  it('rebuilds the web UI only when dist/web is missing or older than web/', async () => {
    const root = await mkdtemp(path.join(os.tmpdir(), 'strategigraf-web-build-'));
    try {
      const web = path.join(root, 'web');
      const index = path.join(root, 'dist', 'web', 'index.html');
      await mkdir(path.join(web, 'src'), { recursive: true });
      await writeFile(path.join(web, 'src', 'App.svelte'), '<p>hi</p>');
      expect(webBuildReason(web, index)).toBe('dist/web is missing');
      await mkdir(path.dirname(index), { recursive: true });
      await writeFile(index, '<html></html>');
      const past = new Date(Date.now() - 60_000);
      await utimes(path.join(web, 'src', 'App.svelte'), past, past);
      expect(webBuildReason(web, index)).toBeNull();
      const future = new Date(Date.now() + 60_000);
      await utimes(path.join(web, 'src', 'App.svelte'), future, future);
      expect(webBuildReason(web, index)).toBe('web/ changed since the last build');
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  });
});
