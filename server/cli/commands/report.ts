import { REPORT_FORMATS, renderReport } from '../../../graph/report/index.js';
import { EXIT, parseCommandArgs, type Command } from '../command.js';
import { DOCUMENT_OPTIONS, documentOptions, writeDocument } from '../document.js';
import { withStore } from '../store-session.js';
import { reviewedSnapshot } from '../../../graph/review/read.js';

export const reportCommand: Command = {
  name: 'report',
  summary: 'Write the coverage report for a Skate meeting (markdown or printable HTML)',
  usage: [
    'Usage: strategigraf report [--format md|html] [--out FILE] [--lang nb|en] [--date YYYY-MM-DD]',
    '',
    '  --format  md (default) or html; the HTML prints cleanly on A4',
    '  --out     write to FILE instead of standard output',
    '  --lang    nb (default) or en',
    '  --date    the generation date printed in the report (default: now)',
  ].join('\n'),
  async run(argv, io) {
    const { values } = parseCommandArgs(argv, DOCUMENT_OPTIONS, false);
    const options = documentOptions(values, REPORT_FORMATS);
    return withStore(io, async (store) => {
      // As the review shows it: decisions in force, rejected links left out (docs/review.md).
      const snapshot = await reviewedSnapshot(store);
      await writeDocument(io, options, renderReport(snapshot, { format: options.format, generatedAt: options.generatedAt, lang: options.lang }));
      return EXIT.ok;
    });
  },
};
