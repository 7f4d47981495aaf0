import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { datasetFileJsonSchema } from '../../graph/schema/json-schema.js';

describe('editor JSON Schema', () => {
  it('is committed as generated from the zod schemas (run `npm run schema:json` after changing them)', async () => {
    const committed = JSON.parse(await readFile('seeds/dataset.schema.json', 'utf8'));
    expect(committed).toEqual(datasetFileJsonSchema());
  });

  it('lists every node kind as a choice for a node', () => {
    const text = JSON.stringify(datasetFileJsonSchema());
    for (const kind of ['FocusArea', 'StatusReport', 'Example']) expect(text).toContain(`"const":"${kind}"`);
  });
});
