#!/usr/bin/env node
// Runs one TypeScript script (benchmarks, generators) through tsx.
import { pathToFileURL } from 'node:url';
import path from 'node:path';
import { register } from 'tsx/esm/api';

register();
const [script, ...rest] = process.argv.slice(2);
if (!script) {
  console.error('usage: run-ts.mjs <script.ts> [args…]');
  process.exit(2);
}
process.argv = [process.argv[0], script, ...rest];
await import(pathToFileURL(path.resolve(script)).href);
