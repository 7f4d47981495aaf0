// Builds the web UI (web/ → dist/web) and configures vitest for the whole repository.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import type { Plugin } from 'vite';
import { defineConfig } from 'vitest/config';
import { clearWebBuildStamp, WEB_BUILD_DIR, webBuildInputs, writeWebBuildStamp } from './server/cli/web-build.js';

const ROOT = fileURLToPath(new URL('.', import.meta.url));

/** Records the inputs a build was made from (as they were when it started), so `npm start` knows when to rebuild. */
function recordBuildInputs(): Plugin {
  const outDir = path.join(ROOT, WEB_BUILD_DIR);
  let inputs: Record<string, string> = {};
  return {
    name: 'strategigraf-build-inputs',
    apply: 'build',
    buildStart() {
      inputs = webBuildInputs(ROOT);
      clearWebBuildStamp(outDir);
    },
    // After every file of the bundle is written; a failed build never gets here, so it leaves no record.
    writeBundle() {
      writeWebBuildStamp(outDir, inputs);
    },
  };
}

export default defineConfig({
  root: 'web',
  base: '/',
  plugins: [svelte(), recordBuildInputs()],
  build: {
    outDir: '../dist/web',
    emptyOutDir: true,
    target: 'es2022',
  },
  server: {
    proxy: { '/api': 'http://127.0.0.1:3000', '/openapi.json': 'http://127.0.0.1:3000' },
  },
  test: {
    root: '.',
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 240_000,
    pool: 'forks',
    projects: [
      { extends: true, test: { name: 'unit', include: ['test/**/*.test.ts'], exclude: ['test/**/*.neo4j.test.ts'] } },
      // Every *.neo4j.test.ts wipes and reloads the one Neo4j database it is given, so those files take turns.
      { extends: true, test: { name: 'neo4j', include: ['test/**/*.neo4j.test.ts'], fileParallelism: false } },
    ],
  },
});
