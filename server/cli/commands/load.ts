import { loadDatasetDir } from '../../../graph/dataset/load.js';
import { formatProblem } from '../../../graph/dataset/validate.js';
import { EXIT, parseCommandArgs, type Command } from '../command.js';
import { DEFAULT_SEEDS_DIR } from '../../paths.js';
import { ProgressBar } from '../progress.js';
import { SERVER_OPTIONS, withGraph } from '../store-session.js';

/** "in 12.3 s, peak memory 812 MiB": what the load took of this process, for sizing a machine. */
function costOf(started: number): string {
  const peakMiB = process.resourceUsage().maxRSS / 1024;
  return `in ${((performance.now() - started) / 1000).toFixed(1)} s, peak memory ${peakMiB.toFixed(0)} MiB`;
}

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
    'An invalid dataset never reaches the store; a failed load leaves the previous graph as it was. A load that takes',
    'over a second shows its progress on standard error: a bar on a terminal, a line per step otherwise. The last line',
    'says how long the load took and the peak memory of this process.',
  ].join('\n'),
  async run(argv, io) {
    const { values, positionals } = parseCommandArgs(argv, SERVER_OPTIONS);
    const started = performance.now();
    const bar = new ProgressBar(io.progress);
    bar.update({ phase: 'validating', done: 0, total: 1 });
    const result = await loadDatasetDir(positionals[0] ?? DEFAULT_SEEDS_DIR);
    if (!result.ok) {
      bar.done();
      io.err(`not loaded: ${result.problems.length} problem${result.problems.length === 1 ? '' : 's'} in the dataset:`);
      for (const p of result.problems) io.err(`  ${formatProblem(p)}`);
      return EXIT.problems;
    }
    return withGraph(io, 'load', values, async (store, description) => {
      try {
        await store.replaceDataset(result.dataset, { onProgress: (p) => bar.update(p) });
      } finally {
        bar.done();
      }
      const { nodes, relationships } = result.dataset;
      io.out(`loaded ${nodes.length} nodes and ${relationships.length} relationships into ${description} ${costOf(started)}`);
      return EXIT.ok;
    });
  },
};
