// Entry point of the `strategigraf` command: dispatches to one command module.
import { EXIT, UsageError, type CliIO, type Command } from './command.js';
import { commands } from './commands/index.js';
import { stderrSink } from './progress.js';

const defaultIO: CliIO = {
  out: (text) => process.stdout.write(text.endsWith('\n') ? text : `${text}\n`),
  err: (text) => process.stderr.write(text.endsWith('\n') ? text : `${text}\n`),
  env: process.env,
  progress: stderrSink(),
};

function overview(): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  return [
    'strategigraf — knowledge graph of «Én digital offentlig sektor» and its action plan',
    '',
    'Usage: strategigraf <command> [options]',
    '',
    'Commands:',
    ...commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    'Run `strategigraf <command> --help` for the options of a command.',
    'The store is LadybugDB in ./data/strategigraf.lbug (STRATEGIGRAF_DB overrides), or Neo4j when NEO4J_URI is set.',
    'While a server holds the LadybugDB file, stats, gaps, report, export, query, diff and load ask that server over',
    'its API instead (found from <db>.server.json, or named with --server URL; load needs an admin token: --token,',
    'STRATEGIGRAF_TOKEN or STRATEGIGRAF_ADMIN_TOKEN), and say so in one line on standard error.',
  ].join('\n');
}

export async function main(argv: string[], io: CliIO = defaultIO): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.out(overview());
    return name ? EXIT.ok : EXIT.usage;
  }
  const command: Command | undefined = commands.find((c) => c.name === name);
  if (!command) {
    io.err(`strategigraf: unknown command "${name}"\n\n${overview()}`);
    return EXIT.usage;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    io.out(`${command.summary}\n\n${command.usage}`);
    return EXIT.ok;
  }
  try {
    return await command.run(rest, io);
  } catch (err) {
    if (err instanceof UsageError) {
      io.err(`strategigraf ${command.name}: ${err.message}\n\n${command.usage}`);
      return EXIT.usage;
    }
    io.err(`strategigraf ${command.name}: ${err instanceof Error ? err.message : String(err)}`);
    return EXIT.failure;
  }
}
