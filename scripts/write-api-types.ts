// Writes web/src/api/schema.d.ts from the committed openapi.json (`npm run api:types`; `npm run openapi` runs it too).
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { PROJECT_ROOT } from '../server/paths.js';
import { API_TYPES_FILE, generateApiTypesFor } from './api-types.js';

const target = path.join(PROJECT_ROOT, API_TYPES_FILE);
await writeFile(target, await generateApiTypesFor(PROJECT_ROOT));
console.log(`wrote ${path.relative(process.cwd(), target) || target}`);
