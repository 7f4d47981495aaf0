import path from 'node:path';
import { loadDatasetDir } from '../../../graph/dataset/load.js';
import { formatProblem } from '../../../graph/dataset/validate.js';
import { EXIT, parseCommandArgs, type Command } from '../command.js';
import { DEFAULT_SEEDS_DIR } from '../../paths.js';

export const validateCommand: Command = {
  name: 'validate',
  summary: 'Check a dataset directory and list every problem found',
  usage:
    'Usage: strategigraf validate [dir] [--json]\n\n  dir     seed directory or file (default: the seeds/ of this package)\n  --json  print {ok, problems} as JSON',
  async run(argv, io) {
    const { values, positionals } = parseCommandArgs(argv, { json: { type: 'boolean' } });
    const dir = positionals[0] ?? DEFAULT_SEEDS_DIR;
    const result = await loadDatasetDir(dir);
    if (values.json) {
      io.out(JSON.stringify(result.ok ? { ok: true, problems: [] } : { ok: false, problems: result.problems }, null, 2));
      return result.ok ? EXIT.ok : EXIT.problems;
    }
    if (!result.ok) {
      io.err(`${result.problems.length} problem${result.problems.length === 1 ? '' : 's'} in ${path.relative(process.cwd(), dir) || dir}:`);
      for (const p of result.problems) io.err(`  ${formatProblem(p)}`);
      return EXIT.problems;
    }
    const { nodes, relationships } = result.dataset;
    io.out(`${path.relative(process.cwd(), dir) || dir}: valid (${nodes.length} nodes, ${relationships.length} relationships)`);
    return EXIT.ok;
  },
};
