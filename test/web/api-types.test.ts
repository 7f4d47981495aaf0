// The web's API types are generated from the committed openapi.json; this regenerates them in memory and compares, so
// a route or schema change that skipped `npm run openapi` (which runs `npm run api:types`) fails here with a diff.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { API_TYPES_FILE, generateApiTypesFor } from '../../scripts/api-types.js';

const ROOT = path.resolve(import.meta.dirname, '../..');

describe('web/src/api/schema.d.ts', () => {
  it('is what openapi-typescript generates from the committed openapi.json (run `npm run api:types`)', async () => {
    const committed = readFileSync(path.join(ROOT, API_TYPES_FILE), 'utf8');
    expect(committed).toBe(await generateApiTypesFor(ROOT));
  });

  // The zod-free modules shared with the server: the ontology, and the grouping of large graphs (eslint.config.js says the same).
  const SHARED = ['ontology.js', 'overview/aggregate.js'].map((file) => path.join(ROOT, 'graph', file));

  it('is the only place outside web/src and the zod-free shared modules of graph/ that the web imports from', () => {
    const offenders: string[] = [];
    const web = path.join(ROOT, 'web', 'src');
    const files = readdirSync(web, { recursive: true, withFileTypes: true }).filter((e) => e.isFile() && /\.(ts|svelte)$/.test(e.name));
    expect(files.length).toBeGreaterThan(20);
    for (const file of files) {
      const entry = path.join(file.parentPath, file.name);
      const text = readFileSync(entry, 'utf8');
      for (const [, spec] of text.matchAll(/(?:from|import)\s*\(?\s*['"]([^'"]+)['"]/g)) {
        if (!spec!.startsWith('.')) continue;
        const target = path.resolve(path.dirname(entry), spec!);
        if (target.startsWith(web + path.sep) || SHARED.includes(target)) continue;
        offenders.push(`${path.relative(ROOT, entry)}: ${spec}`);
      }
    }
    expect(offenders).toEqual([]);
  });

  it("leaves the analysts' console (POST /api/query) to the Query view: every other view reads through a typed route", () => {
    const web = path.join(ROOT, 'web', 'src');
    const callers = readdirSync(web, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile() && /\.(ts|svelte)$/.test(e.name) && !e.name.endsWith('.d.ts'))
      .map((e) => path.join(e.parentPath, e.name))
      .filter((file) => /\bapi\s*\.query\s*\(|['"]\/api\/query['"]/.test(readFileSync(file, 'utf8')))
      .map((file) => path.relative(ROOT, file))
      .sort();
    expect(callers).toEqual(['web/src/api/client.ts', 'web/src/views/QueryView.svelte']);
  });
});
