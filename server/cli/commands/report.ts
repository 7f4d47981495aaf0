import { REPORT_FORMATS, renderReport } from '../../../graph/report/index.js';
import type { GraphSnapshot } from '../../../graph/store/port.js';
import type { CliGraph } from '../remote-graph.js';
import { DEFAULT_SINCE_DAYS, defaultSince, type FollowUpDigest } from '../../../graph/work/followup/digest.js';
import { followUpForReport } from '../../../graph/work/followup/report.js';
import { IsoDate } from '../../../graph/work/followup/schema.js';
import { osloDate } from '../../../graph/work/followup/state.js';
import { EXIT, parseCommandArgs, UsageError, type CliIO, type Command } from '../command.js';
import { DOCUMENT_OPTIONS, documentOptions, writeDocument } from '../document.js';
import { SERVER_OPTIONS, serverUsage, withGraph } from '../store-session.js';
import { reviewedFrom } from '../../../graph/review/read.js';

/** The date of the last meeting: --since as given (a calendar date), or DEFAULT_SINCE_DAYS before the report's date. */
export function sinceDate(given: string | undefined, generatedAt: Date): string {
  if (given !== undefined) {
    if (!IsoDate.safeParse(given).success) throw new UsageError(`--since must be a date written YYYY-MM-DD (got "${given}")`);
    return given;
  }
  return defaultSince(generatedAt);
}

/**
 * The follow-up as the data now stands, without writing anything: the records reconciled in memory (a report is a
 * reader). Null, with a line on standard error, when the store keeps no follow-up.
 */
async function followUpOf(store: CliGraph, snapshot: GraphSnapshot, dates: { since: string; today: string }, io: CliIO): Promise<FollowUpDigest | null> {
  try {
    return await followUpForReport(store.work, snapshot, dates, new Date());
  } catch (err) {
    io.err(`the report has no follow-up section: the follow-up could not be read (${err instanceof Error ? err.message : String(err)})`);
    return null;
  }
}

export const reportCommand: Command = {
  name: 'report',
  summary: 'Write the coverage report for a Skate meeting (markdown or printable HTML), with the follow-up since the last meeting',
  usage: [
    'Usage: strategigraf report [--format md|html] [--out FILE] [--lang nb|en] [--date YYYY-MM-DD] [--since YYYY-MM-DD] [--server URL] [--token T]',
    '',
    '  --format  md (default) or html; the HTML prints cleanly on A4',
    '  --out     write to FILE instead of standard output',
    '  --lang    nb (default) or en',
    '  --date    the generation date printed in the report, and the day "overdue" is judged by (default: now)',
    `  --since   the date of the last meeting: findings new or closed since then are listed (default: ${DEFAULT_SINCE_DAYS} days before --date)`,
    serverUsage(10),
  ].join('\n'),
  async run(argv, io) {
    const { values } = parseCommandArgs(argv, { ...DOCUMENT_OPTIONS, ...SERVER_OPTIONS, since: { type: 'string' } }, false);
    const options = documentOptions(values, REPORT_FORMATS);
    const dates = { since: sinceDate(values.since, options.generatedAt), today: osloDate(options.generatedAt) };
    return withGraph(io, 'read', values, async (store) => {
      // As the review shows it: decisions in force, rejected links left out (docs/review.md). The follow-up is
      // reconciled against that same graph, as the server reconciles it (docs/follow-up.md).
      const snapshot = await reviewedFrom(store);
      const followUp = await followUpOf(store, snapshot, dates, io);
      const text = renderReport(snapshot, {
        format: options.format,
        generatedAt: options.generatedAt,
        lang: options.lang,
        ...(followUp ? { followUp } : {}),
      });
      await writeDocument(io, options, text);
      return EXIT.ok;
    });
  },
};
