// Moved to server/paths.ts (the server must not import the CLI). Kept only for scripts/write-openapi.ts, which another
// change owns; delete this file once that script imports ../server/paths.js.
export { DEFAULT_SEEDS_DIR, PROJECT_ROOT } from '../paths.js';
