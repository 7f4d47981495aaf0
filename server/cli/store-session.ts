// Opens the configured store for one command and always closes it.
import { createStore, describeStore, storeConfigFromEnv } from '../../graph/adapters/index.js';
import type { GraphStore } from '../../graph/store/port.js';
import type { CliIO } from './command.js';

export async function withStore<T>(io: CliIO, task: (store: GraphStore, description: string) => Promise<T>): Promise<T> {
  const config = storeConfigFromEnv(io.env);
  const store = await createStore(config);
  try {
    await store.open();
    return await task(store, describeStore(config));
  } finally {
    await store.close();
  }
}
