// Locations inside the installed package, independent of the working directory.
import { fileURLToPath } from 'node:url';
import path from 'node:path';

export const PROJECT_ROOT = path.resolve(fileURLToPath(new URL('../', import.meta.url)));
export const DEFAULT_SEEDS_DIR = path.join(PROJECT_ROOT, 'seeds');
