import { loadDatasetDir } from '../../../graph/dataset/load.js';
import { formatProblem } from '../../../graph/dataset/validate.js';
import { EXIT, parseCommandArgs, type Command } from '../command.js';
import { DEFAULT_SEEDS_DIR } from '../../paths.js';
import { withStore } from '../store-session.js';

export const loadCommand: Command = {
  name: 'load',
  summary: 'Validate a dataset and replace the graph in the store with it (atomically)',
  usage:
    'Usage: strategigraf load [dir]\n\n  dir  seed directory or file (default: the seeds/ of this package)\n\nAn invalid dataset never reaches the store; a failed load leaves the previous graph as it was.',
  async run(argv, io) {
    const { positionals } = parseCommandArgs(argv, {});
    const result = await loadDatasetDir(positionals[0] ?? DEFAULT_SEEDS_DIR);
    if (!result.ok) {
      io.err(`not loaded: ${result.problems.length} problem${result.problems.length === 1 ? '' : 's'} in the dataset:`);
      for (const p of result.problems) io.err(`  ${formatProblem(p)}`);
      return EXIT.problems;
    }
    return withStore(io, async (store, description) => {
      await store.replaceDataset(result.dataset);
      io.out(`loaded ${result.dataset.nodes.length} nodes and ${result.dataset.relationships.length} relationships into ${description}`);
      return EXIT.ok;
    });
  },
};
