// Entry of the analyst worker process (forked by analyst-pool.ts): registers tsx, as bin/strategigraf.mjs does, so the
// TypeScript worker runs without a build step, wherever the parent itself was started from.
import { register } from 'tsx/esm/api';

register();
await import('./analyst-worker.ts');
