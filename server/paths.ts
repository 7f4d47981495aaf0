// Locations inside the installed package, independent of the working directory.
import { fileURLToPath } from 'node:url';
import path from 'node:path';

export const PROJECT_ROOT = path.resolve(fileURLToPath(new URL('../', import.meta.url)));
export const DEFAULT_SEEDS_DIR = path.join(PROJECT_ROOT, 'seeds');
/** The built web UI (`vite build` writes it there). */
export const DEFAULT_WEB_ROOT = path.join(PROJECT_ROOT, 'dist', 'web');
