import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { parsePort } from '../../port.mjs';
import { EXIT, parseCommandArgs, UsageError, type CliIO, type Command } from '../command.js';
import { PROJECT_ROOT } from '../../paths.js';
import { WEB_BUILD_DIR, webBuildReason } from '../web-build.js';

const WEB_SOURCE = path.join(PROJECT_ROOT, 'web');
const WEB_BUILD_INDEX = path.join(PROJECT_ROOT, WEB_BUILD_DIR, 'index.html');

function runViteBuild(): Promise<number> {
  const require = createRequire(import.meta.url);
  const viteBin = path.join(path.dirname(require.resolve('vite/package.json')), 'bin', 'vite.js');
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [viteBin, 'build'], { cwd: PROJECT_ROOT, stdio: ['ignore', 'inherit', 'inherit'] });
    child.on('error', reject);
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

/** Builds the web UI when it is missing or any input changed (server/cli/web-build.ts); a failed build leaves the API serving. */
async function buildWebIfStale(io: CliIO): Promise<void> {
  if (!existsSync(WEB_SOURCE)) {
    io.err('serve: there is no web/ directory yet, so no web UI to build; serving the API only');
    return;
  }
  const reason = webBuildReason(PROJECT_ROOT);
  if (!reason) return;
  io.err(`serve: building the web UI (${reason})…`);
  try {
    const code = await runViteBuild();
    if (code !== 0)
      io.err(`serve: the web UI build failed (exit code ${code}); serving the API${existsSync(WEB_BUILD_INDEX) ? ' and the previous UI build' : ' only'}`);
  } catch (err) {
    io.err(`serve: could not run vite to build the web UI (${err instanceof Error ? err.message : String(err)}); serving the API only`);
  }
}

function portOption(raw: string | undefined): string | undefined {
  if (raw === undefined) return undefined;
  const value = parsePort(raw);
  if (value === undefined) throw new UsageError(`--port must be a port number from 0 to 65535 (got "${raw}")`);
  return String(value);
}

export const serveCommand: Command = {
  name: 'serve',
  summary: 'Serve the API and the web UI on one port (loads the seed dataset into an empty store)',
  usage: [
    'Usage: strategigraf serve [--port N] [--host H] [--build-web]',
    '',
    '  --port N      port to listen on (default: PORT or 3000; 0 picks a free one)',
    '  --host H      address to bind (default: HOST or 127.0.0.1; 0.0.0.0 exposes it to the network)',
    '  --build-web   build the web UI first when dist/web is missing or any input of it changed (web/, graph/ontology.ts,',
    '                vite.config.ts, package-lock.json)',
    '',
    'Environment: STRATEGIGRAF_ADMIN_TOKEN enables the write routes (the bootstrap admin); STRATEGIGRAF_OIDC_ISSUER with',
    'STRATEGIGRAF_OIDC_CLIENT_ID, STRATEGIGRAF_PUBLIC_URL and STRATEGIGRAF_SESSION_SECRET turns on sign-in with roles (README:',
    '"Sign-in, roles and API tokens"); STRATEGIGRAF_CORS_ORIGIN (comma-separated)',
    'allows browser calls from other origins; STRATEGIGRAF_QUERY_TIMEOUT_MS, STRATEGIGRAF_QUERY_ROW_CAP and the other',
    'STRATEGIGRAF_QUERY_* variables in the README bound POST /api/query; STRATEGIGRAF_QUERY_RATE_LIMIT (60) and STRATEGIGRAF_WRITE_RATE_LIMIT (10) cap requests a minute',
    'per client; LOG_LEVEL sets the log level. Stop with Ctrl-C: running requests finish and the store closes.',
  ].join('\n'),
  async run(argv, io) {
    const { values } = parseCommandArgs(argv, { port: { type: 'string' }, host: { type: 'string' }, 'build-web': { type: 'boolean' } }, false);
    const env = { ...io.env };
    const port = portOption(values.port);
    if (port !== undefined) env['PORT'] = port;
    if (values.host !== undefined) {
      if (values.host.trim() === '') throw new UsageError('--host must not be empty');
      env['HOST'] = values.host;
    }
    if (values['build-web']) await buildWebIfStale(io);
    // Loaded here so the other commands start without the HTTP stack.
    const { rootWarning, startMessage, startServer } = await import('../../main.js');
    const warning = rootWarning(process.getuid?.());
    if (warning) io.err(`serve: warning: ${warning}`);
    const server = await startServer(env);
    io.err(`serve: ${startMessage(server.url, server.storeDescription, server.storeProblem)}; press Ctrl-C to stop`);
    await server.closed;
    return EXIT.ok;
  },
};
