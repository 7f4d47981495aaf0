#!/usr/bin/env node
// Runs the TypeScript CLI through tsx, so `npx strategigraf` works without a build step.
import { register } from 'tsx/esm/api';

// A reader that stops early (`| head`) is not an error.
process.stdout.on('error', (err) => {
  if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw err;
});

register();
const { main } = await import('../server/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
