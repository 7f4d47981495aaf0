import { loadDatasetDir } from '../../../graph/dataset/load.js';
import { formatProblem } from '../../../graph/dataset/validate.js';
import { EXIT, parseCommandArgs, type Command } from '../command.js';
import { DEFAULT_SEEDS_DIR } from '../../paths.js';
import { SERVER_OPTIONS, withGraph } from '../store-session.js';

export const loadCommand: Command = {
  name: 'load',
  summary: 'Validate a dataset and replace the graph in the store with it (atomically)',
  usage: [
    'Usage: strategigraf load [dir] [--server URL] [--token T]',
    '',
    '  dir           seed directory or file (default: the seeds/ of this package)',
    '  --server URL  load into the Strategigraf server at URL (PUT /api/dataset) instead of the store; found by itself',
    '                when a server holds the embedded database file (from <db>.server.json, loopback addresses only)',
    '  --token T     admin token for the server (default: STRATEGIGRAF_TOKEN, then STRATEGIGRAF_ADMIN_TOKEN)',
    '',
    'An invalid dataset never reaches the store; a failed load leaves the previous graph as it was.',
  ].join('\n'),
  async run(argv, io) {
    const { values, positionals } = parseCommandArgs(argv, SERVER_OPTIONS);
    const result = await loadDatasetDir(positionals[0] ?? DEFAULT_SEEDS_DIR);
    if (!result.ok) {
      io.err(`not loaded: ${result.problems.length} problem${result.problems.length === 1 ? '' : 's'} in the dataset:`);
      for (const p of result.problems) io.err(`  ${formatProblem(p)}`);
      return EXIT.problems;
    }
    return withGraph(io, 'load', values, async (store, description) => {
      await store.replaceDataset(result.dataset);
      io.out(`loaded ${result.dataset.nodes.length} nodes and ${result.dataset.relationships.length} relationships into ${description}`);
      return EXIT.ok;
    });
  },
};
