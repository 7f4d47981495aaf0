// Where a command reads (or loads) the graph: the configured store, opened for the one command and always closed; or,
// when a running server holds the embedded database file, that server over its API (found from the runtime file the
// server writes beside the file, server/runtime-file.ts), or the server given with --server. Which one is used is said
// in one line on standard error when it is a server; the command's output is the same either way (remote-graph.ts).
import { createStore, describeStore, storeConfigFromEnv, type StoreConfig } from '../../graph/adapters/index.js';
import { findRunningServer, isLoopbackUrl, type RunningServerLookup } from '../runtime-file.js';
import type { CliIO } from './command.js';
import { RemoteGraph, type CliGraph } from './remote-graph.js';
import { parseServerUrl, ServerClient } from './server-client.js';

/** The options of every command that can read from or load into a running server. */
export const SERVER_OPTIONS = { server: { type: 'string' }, token: { type: 'string' } } as const;

/** The lines --help gives these options, their descriptions starting `column` characters after the indent, as the command's others do. */
export function serverUsage(column: number): string {
  const option = (name: string) => `  ${name.padEnd(column)}`;
  const more = ' '.repeat(column + 2);
  return [
    `${option('--server')}URL of a Strategigraf server to read from over its API instead of the store; without it, the`,
    `${more}server holding the embedded database file is found by itself (<db>.server.json, loopback only)`,
    `${option('--token')}bearer token for the server (default: STRATEGIGRAF_TOKEN, which keeps it out of the process list)`,
  ].join('\n');
}

export interface ServerChoice {
  server?: string | undefined;
  token?: string | undefined;
}

/** 'read' commands send a token only when one is given for the purpose; 'load' replaces the dataset and needs an admin's. */
export type GraphPurpose = 'read' | 'load';

/** LadybugDB's answer when another process has the file open: "IO exception: Could not set lock on file : …". */
function isFileLocked(err: unknown): boolean {
  for (let e: unknown = err; e instanceof Error; e = e.cause) if (/could not set lock on file/i.test(e.message)) return true;
  return false;
}

const emptyToUndefined = (value: string | undefined) => (value === undefined || value === '' ? undefined : value);

function tokenFor(purpose: GraphPurpose, choice: ServerChoice, io: CliIO): string | undefined {
  const given = emptyToUndefined(choice.token) ?? emptyToUndefined(io.env['STRATEGIGRAF_TOKEN']);
  // The bootstrap admin token is the server's setting; a shell that started the server has it, and a load needs it.
  return purpose === 'load' ? (given ?? emptyToUndefined(io.env['STRATEGIGRAF_ADMIN_TOKEN'])) : given;
}

const verb = (purpose: GraphPurpose) => (purpose === 'load' ? 'loading into' : 'reading from');

/** The graph over the API of the server at `url`, given with --server or found beside the file; says which, in one line. */
function remote(io: CliIO, url: string, purpose: GraphPurpose, choice: ServerChoice, how: 'given' | 'found'): CliGraph {
  const token = tokenFor(purpose, choice, io);
  const plain = token !== undefined && url.startsWith('http:') && !isLoopbackUrl(url) ? '; the token travels unencrypted over plain HTTP' : '';
  const why = how === 'given' ? '--server' : 'the database file is in use';
  io.err(`${verb(purpose)} the ${how === 'found' ? 'running ' : ''}server at ${url} (${why}${plain})`);
  return new RemoteGraph(new ServerClient(url, token));
}

/** Says why a runtime file was not followed, when that is worth knowing: not for a file a killed server left. */
function noteIgnored(io: CliIO, lookup: RunningServerLookup): void {
  if (lookup.state === 'ignored') io.err(`strategigraf: ignoring ${lookup.file}: ${lookup.reason}`);
}

/** The message for a file another process has open when no server can be found for it. */
async function fileInUse(config: StoreConfig & { backend: 'ladybug' }, lookup: Exclude<RunningServerLookup, { state: 'live' }>): Promise<string> {
  const { fileHolder } = await import('../../graph/adapters/ladybug/files.js');
  const holder = await fileHolder(config.path).catch(() => null);
  const who = holder ? `process ${holder.pid} (since ${holder.since})` : 'another process';
  const server =
    lookup.state === 'none'
      ? `no running server is recorded for it (no ${lookup.file})`
      : `no running server can be found for it (${lookup.file} was not followed: ${lookup.reason})`;
  return (
    `the database file ${config.path} is in use by ${who}, and ${server}. ` +
    'If a server is starting, try again in a moment; otherwise wait for that process to finish or stop it, or give --server URL'
  );
}

/**
 * Runs `task` on the graph the command should use, with the store's description for its output: the --server given;
 * otherwise the running server that holds the embedded file; otherwise the configured store itself.
 */
export async function withGraph<T>(
  io: CliIO,
  purpose: GraphPurpose,
  choice: ServerChoice,
  task: (graph: CliGraph, description: string) => Promise<T>,
): Promise<T> {
  if (choice.server !== undefined) {
    const url = parseServerUrl(choice.server);
    return task(remote(io, url, purpose, choice, 'given'), `the server at ${url}`);
  }
  const config = storeConfigFromEnv(io.env);
  const description = describeStore(config);
  // Neo4j is shared by design (the server and any number of CLIs use it at once), and :memory: is this process's own.
  const embeddedFile = config.backend === 'ladybug' && config.path !== ':memory:' ? config : null;
  if (embeddedFile) {
    const lookup = await findRunningServer(embeddedFile.path);
    noteIgnored(io, lookup);
    if (lookup.state === 'live') return task(remote(io, lookup.info.url, purpose, choice, 'found'), description);
  }

  const store = await createStore(config);
  let opened = false;
  try {
    try {
      await store.open();
      opened = true;
    } catch (err) {
      if (!embeddedFile || !isFileLocked(err)) throw err;
    }
    if (opened) return await task(store, description);
  } finally {
    await store.close();
  }
  // Only an embedded file gets here (a lock is rethrown otherwise). A server may have started listening since the look above.
  const again = await findRunningServer(embeddedFile!.path);
  if (again.state === 'live') return task(remote(io, again.info.url, purpose, choice, 'found'), description);
  throw new Error(await fileInUse(embeddedFile!, again));
}
