// Is dist/web current? The one answer for `serve --build-web` (npm start) and the browser suites. A build records a
// content hash of every input of the bundle in dist/web.build-inputs.json, beside the build so it is never served (the
// Vite plugin in vite.config.ts writes it after each build); the build is stale when that record is missing or any
// input's hash differs. Content rather than
// modification times, so a checkout, a branch switch or a copy that keeps old mtimes cannot hide a change.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/**
 * Everything the bundle is built from, relative to the project root: the web sources (including the generated API
 * types in web/src/api/schema.d.ts), the one module outside web/ that the web imports, the build config and the
 * locked dependency versions.
 */
export const WEB_BUILD_INPUTS = ['web', 'graph/ontology.ts', 'vite.config.ts', 'package-lock.json'] as const;
export const WEB_BUILD_DIR = path.join('dist', 'web');

/** Where the record of a build in outDir is kept: beside it, not in it. */
export const webBuildStamp = (outDir: string) => `${path.resolve(outDir)}.build-inputs.json`;

/** Input file (relative, with forward slashes) → sha256 of its content; node_modules left out. */
export function webBuildInputs(root: string): Record<string, string> {
  const files: string[] = [];
  for (const input of WEB_BUILD_INPUTS) {
    const full = path.join(root, input);
    if (!existsSync(full)) continue;
    if (!statSync(full).isDirectory()) {
      files.push(full);
      continue;
    }
    for (const entry of readdirSync(full, { withFileTypes: true, recursive: true })) {
      if (entry.isFile() && !path.relative(root, entry.parentPath).split(path.sep).includes('node_modules'))
        files.push(path.join(entry.parentPath, entry.name));
    }
  }
  const hashes: Record<string, string> = {};
  for (const file of files.sort()) hashes[path.relative(root, file).split(path.sep).join('/')] = createHash('sha256').update(readFileSync(file)).digest('hex');
  return hashes;
}

/** Records what a build in outDir was made from; call with the inputs as they were when the build started. */
export function writeWebBuildStamp(outDir: string, inputs: Record<string, string>): void {
  writeFileSync(webBuildStamp(outDir), `${JSON.stringify(inputs, null, 1)}\n`);
}

/** Forgets the record, so a build that fails halfway is never taken for current. */
export function clearWebBuildStamp(outDir: string): void {
  rmSync(webBuildStamp(outDir), { force: true });
}

/** Why the UI needs building, or null when dist/web was built from exactly the inputs there are now. */
export function webBuildReason(root: string, outDir = path.join(root, WEB_BUILD_DIR)): string | null {
  if (!existsSync(path.join(outDir, 'index.html'))) return 'dist/web is missing';
  let built: Record<string, string>;
  try {
    built = JSON.parse(readFileSync(webBuildStamp(outDir), 'utf8')) as Record<string, string>;
  } catch {
    return `dist/web has no record of what it was built from (${path.basename(webBuildStamp(outDir))})`;
  }
  const now = webBuildInputs(root);
  const changed = [...new Set([...Object.keys(now), ...Object.keys(built)])].filter((file) => now[file] !== built[file]).sort();
  if (changed.length === 0) return null;
  const shown = changed.slice(0, 3).join(', ') + (changed.length > 3 ? ` and ${changed.length - 3} more` : '');
  return `${shown} changed since the last build`;
}
