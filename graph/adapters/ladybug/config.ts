// What the embedded LadybugDB adapter needs: its database file; read from the environment by the composition root (../index.ts).

export const DEFAULT_LADYBUG_PATH = 'data/strategigraf.lbug';

export interface LadybugConfig {
  /** A database file path, or ":memory:". */
  path: string;
}
