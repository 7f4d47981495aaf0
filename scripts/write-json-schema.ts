// Writes seeds/dataset.schema.json from the zod schemas (npm run schema:json).
import { writeFile } from 'node:fs/promises';
import { datasetFileJsonSchema } from '../graph/schema/json-schema.js';

const target = 'seeds/dataset.schema.json';
await writeFile(target, `${JSON.stringify(datasetFileJsonSchema(), null, 2)}\n`);
console.log(`wrote ${target}`);
