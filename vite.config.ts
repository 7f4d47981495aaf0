// Builds the web UI (web/ → dist/web) and configures vitest for the whole repository.
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  root: 'web',
  base: '/',
  plugins: [svelte()],
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
