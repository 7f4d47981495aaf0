// The composition root: which store to use, from the environment — Neo4j when NEO4J_URI is set, otherwise the
// embedded LadybugDB file — and building it. Each adapter's driver is loaded only when chosen.
import type { GraphStore } from '../store/port.js';
import { DEFAULT_LADYBUG_PATH, type LadybugConfig } from './ladybug/config.js';
import { DEFAULT_NEO4J_PASSWORD, DEFAULT_NEO4J_USER, type Neo4jConfig } from './neo4j/config.js';
import type { Env } from './limits.js';

export {
  analystWorkerLimitsFromEnv,
  DEFAULT_ANALYST_WORKER_LIMITS,
  DEFAULT_QUERY_LIMITS,
  positiveInt,
  queryLimitsFromEnv,
  type AnalystWorkerLimits,
  type QueryLimits,
} from './limits.js';

export type StoreConfig = ({ backend: 'ladybug' } & LadybugConfig) | ({ backend: 'neo4j' } & Neo4jConfig);

export function storeConfigFromEnv(env: Env = process.env): StoreConfig {
  const uri = env['NEO4J_URI']?.trim();
  if (uri) {
    return {
      backend: 'neo4j',
      uri,
      user: env['NEO4J_USER'] || DEFAULT_NEO4J_USER,
      password: env['NEO4J_PASSWORD'] || DEFAULT_NEO4J_PASSWORD,
      ...(env['NEO4J_DATABASE'] ? { database: env['NEO4J_DATABASE'] } : {}),
    };
  }
  return { backend: 'ladybug', path: env['STRATEGIGRAF_DB'] || DEFAULT_LADYBUG_PATH };
}

export type StoreLog = (level: 'info' | 'warn', message: string) => void;

/** Outages are worth a line on standard error; that the store is fine is not. */
const warningsToStderr: StoreLog = (level, message) => {
  if (level === 'warn') console.error(`warning: ${message}`);
};

/** Builds the configured adapter; each adapter's driver is loaded only when chosen. */
export async function createStore(config: StoreConfig, options: { log?: StoreLog } = {}): Promise<GraphStore> {
  if (config.backend === 'neo4j') {
    const { Neo4jStore } = await import('./neo4j/store.js');
    return new Neo4jStore({ ...config, log: options.log ?? warningsToStderr });
  }
  const { LadybugStore } = await import('./ladybug/store.js');
  return new LadybugStore({ path: config.path });
}

export function describeStore(config: StoreConfig): string {
  return config.backend === 'neo4j' ? `Neo4j at ${config.uri}${config.database ? ` (database ${config.database})` : ''}` : `LadybugDB at ${config.path}`;
}
