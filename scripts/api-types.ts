// The web's API types, generated from the committed OpenAPI document by openapi-typescript: one module,
// web/src/api/schema.d.ts, that web/src/api/types.ts and the typed client derive everything from. The drift test
// (test/web/api-types.test.ts) regenerates it in memory with this same function and compares it with the file.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import openapiTS, { astToString, COMMENT_HEADER } from 'openapi-typescript';

export const OPENAPI_FILE = 'openapi.json';
export const API_TYPES_FILE = path.join('web', 'src', 'api', 'schema.d.ts');

/** The text of web/src/api/schema.d.ts for the given OpenAPI document (a path to it, or its JSON text). */
export async function generateApiTypes(openapiJson: string): Promise<string> {
  const ast = await openapiTS(openapiJson);
  return `${COMMENT_HEADER.replace(' */', ' * Regenerate with `npm run api:types` (`npm run openapi` runs it) after openapi.json changes.\n */')}${astToString(ast)}`;
}

/** The types for the committed openapi.json under root. */
export async function generateApiTypesFor(root: string): Promise<string> {
  return generateApiTypes(await readFile(path.join(root, OPENAPI_FILE), 'utf8'));
}
