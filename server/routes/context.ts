// What the API routes need from the app: the store and the configured limits.
import type { QueryLimits } from '../../graph/adapters/index.js';
import type { GraphStore } from '../../graph/store/port.js';
import type { AuthRuntime } from '../auth/runtime.js';
import type { RateLimitOptions } from '../plugins/security.js';

export interface ApiContext {
  store: GraphStore;
  limits: QueryLimits;
  /** Whether any credential can be presented on this server (see plugins/access.ts). */
  canAuthenticate: boolean;
  rateLimits: RateLimitOptions;
  /** Largest accepted dataset upload, in bytes. */
  datasetBodyLimit: number;
  /** Sign-in and sessions (server/auth/). */
  auth: AuthRuntime;
}
