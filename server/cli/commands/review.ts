import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { createTwoFilesPatch, FILE_HEADERS_ONLY } from 'diff';
import { readSeedFiles } from '../../../graph/dataset/load.js';
import { REVIEW_COLLECTION } from '../../../graph/review/actions.js';
import { reviewCatalogue } from '../../../graph/review/catalogue.js';
import { decisionsToWrite, patchSeeds, type SeedOutcome } from '../../../graph/review/seed-patch.js';
import { DEFAULT_SEEDS_DIR } from '../../paths.js';
import { EXIT, parseCommandArgs, UsageError, type Command } from '../command.js';
import { SERVER_OPTIONS, serverUsage, withGraph } from '../store-session.js';

const OUTCOME_WORDS: Record<SeedOutcome, string> = {
  written: 'written',
  unchanged: 'already in the files',
  'file-is-later': 'kept the later decision the files record',
  'not-found': 'not found in the seed files',
};

/** A unified diff of one file, with git's header so that `git apply` and `patch -p1` take it. */
export function fileDiff(name: string, before: string, after: string): string {
  const unix = name.split(path.sep).join('/');
  return `diff --git a/${unix} b/${unix}\n${createTwoFilesPatch(`a/${unix}`, `b/${unix}`, before, after, '', '', { headerOptions: FILE_HEADERS_ONLY })}`;
}

export const reviewCommand: Command = {
  name: 'review',
  summary: 'Write the review decisions made in the app into the seed files, as a diff or in place',
  usage: [
    'Usage: strategigraf review export [dir] [--write] [--server URL] [--token T]',
    '',
    '  dir      the seed directory or file to write into (default: the seeds/ of this package)',
    '  --write  change the files in place instead of printing the diff',
    serverUsage(9),
    '',
    'Every accept or reject made in the app that is in force is written as `review: {decision, by, at, note}` on its',
    "link, or under the node's `review:` for an inferred field, touching nothing else in the files. Without --write the",
    'diff goes to standard output (git apply takes it); a summary goes to standard error. A file that records a later',
    'decision keeps it. Exit 1 when a decision has no place in the files (a link or node they do not hold).',
  ].join('\n'),
  async run(argv, io) {
    const { values, positionals } = parseCommandArgs(argv, { write: { type: 'boolean' }, ...SERVER_OPTIONS });
    const [sub, dir, ...extra] = positionals;
    if (sub !== 'export') throw new UsageError(sub === undefined ? 'say what to do: export' : `unknown subcommand "${sub}" (known: export)`);
    if (extra.length > 0) throw new UsageError(`one seed directory at most (got ${positionals.length - 1})`);
    const files = await readSeedFiles(dir ?? DEFAULT_SEEDS_DIR);

    const decisions = await withGraph(io, 'read', values, async (store) => {
      const [snapshot, records] = await Promise.all([store.snapshot(), store.work.listRecords(REVIEW_COLLECTION)]);
      return decisionsToWrite(reviewCatalogue(snapshot, records));
    });

    const result = patchSeeds(files, decisions);
    if (values.write) {
      const base = path.resolve(dir ?? DEFAULT_SEEDS_DIR);
      for (const file of result.files) await writeFile(path.resolve(file.name), file.after, 'utf8');
      io.err(`wrote ${result.files.length} file${result.files.length === 1 ? '' : 's'} under ${path.relative(process.cwd(), base) || base}`);
    } else {
      for (const file of result.files) io.out(fileDiff(file.name, file.before, file.after));
    }
    const counts = new Map<SeedOutcome, number>();
    for (const { outcome } of result.outcomes.values()) counts.set(outcome, (counts.get(outcome) ?? 0) + 1);
    const parts = (Object.keys(OUTCOME_WORDS) as SeedOutcome[]).flatMap((outcome) =>
      counts.get(outcome) ? [`${counts.get(outcome)} ${OUTCOME_WORDS[outcome]}`] : [],
    );
    io.err(`${decisions.length} decision${decisions.length === 1 ? '' : 's'} made in the app${parts.length > 0 ? `: ${parts.join(', ')}` : ''}`);
    const missing = [...result.outcomes].filter(([, o]) => o.outcome === 'not-found').map(([id]) => id);
    for (const id of missing) io.err(`  not found in the seed files: ${id}`);
    return missing.length > 0 ? EXIT.problems : EXIT.ok;
  },
};
