// Types for scripts/neo4j-server.mjs, the launcher of a local Neo4j 5.26 used by npm run neo4j, the tests and the benchmark.
import type { ChildProcess } from 'node:child_process';

export declare const LAUNCHER_DIR: string;
export declare const DEFAULT_DATA_DIR: string;
export declare const NEO4J_VERSION: string;

export interface StartOptions {
  /** Bolt port on 127.0.0.1; 0 picks a free one. */
  port?: number;
  /** Neo4j home: the store goes in DIR/data, logs in DIR/logs. */
  dataDir?: string;
  log?: (line: string) => void;
  /** Maximum JVM heap, e.g. "512m". */
  heap?: string;
  /** db.memory.transaction.max in MiB; default 256. */
  transactionMaxMb?: number;
  /** Keep Node's event loop alive while the server runs (for a foreground CLI). */
  keepAlive?: boolean;
}

export interface Neo4jServer {
  uri: string;
  port: number;
  dataDir: string;
  pid: number | undefined;
  process: ChildProcess | null;
  running: boolean;
  stop(): Promise<void>;
  kill(): Promise<void>;
  restart(): Promise<void>;
}

export declare function jvmFlags(options?: { heap?: string }): string[];
export declare function javaMajorVersion(): Promise<number>;
export declare function neo4jAvailable(): Promise<boolean>;
export declare function launcherIsBuilt(): boolean;
export declare function buildLauncher(options?: { log?: (line: string) => void }): Promise<void>;
export declare function freePort(): Promise<number>;
export declare function portInUse(port: number): Promise<boolean>;
export declare function startNeo4j(options?: StartOptions): Promise<Neo4jServer>;
