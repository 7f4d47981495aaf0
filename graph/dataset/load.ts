// Reads a seed directory from disk and validates it as one dataset.
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { validateDataset, type SourceFile, type ValidationResult } from './validate.js';

const SEED_EXTENSIONS = new Set(['.yaml', '.yml']);

/** All seed files below `dir`, in a stable order, named relative to `relativeTo`. */
export async function readSeedFiles(dir: string, relativeTo = process.cwd()): Promise<SourceFile[]> {
  const info = await stat(dir).catch(() => null);
  if (!info) throw new Error(`seed directory not found: ${dir}`);
  if (!info.isDirectory()) {
    return [{ name: path.relative(relativeTo, dir) || dir, text: await readFile(dir, 'utf8') }];
  }
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const files = entries
    .filter((e) => e.isFile() && SEED_EXTENSIONS.has(path.extname(e.name)))
    .map((e) => path.join(e.parentPath, e.name))
    .sort();
  return Promise.all(files.map(async (file) => ({ name: path.relative(relativeTo, file), text: await readFile(file, 'utf8') })));
}

export async function loadDatasetDir(dir: string): Promise<ValidationResult> {
  return validateDataset(await readSeedFiles(dir));
}
