// Writes openapi.json at the repository root from the app's routes, so the committed contract matches the code.
// A test fails when the served spec and this file differ: run `npm run openapi` after changing a route or schema.
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { LadybugStore } from '../graph/adapters/ladybug/store.js';
import { buildApp } from '../server/app.js';
import { PROJECT_ROOT } from '../server/paths.js';

const OPENAPI_FILE = path.join(PROJECT_ROOT, 'openapi.json');

function serialiseSpec(spec: unknown): string {
  return `${JSON.stringify(spec, null, 2)}\n`;
}

// The store is never opened: generating the document touches no data.
const app = await buildApp({ store: new LadybugStore({ path: ':memory:' }), webRoot: null });
await app.ready();
await writeFile(OPENAPI_FILE, serialiseSpec(app.swagger()));
await app.close();
console.log(`wrote ${path.relative(process.cwd(), OPENAPI_FILE) || OPENAPI_FILE}`);
