import { writeFile } from 'node:fs/promises';
import { LANGUAGES } from '../../../graph/schema/analysis.js';
import { REPORT_FORMATS, renderReport, type ReportFormat } from '../../../graph/report/index.js';
import { EXIT, parseCommandArgs, UsageError, type Command } from '../command.js';
import { withStore } from '../store-session.js';

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
    const { values } = parseCommandArgs(
      argv,
      { format: { type: 'string' }, out: { type: 'string' }, lang: { type: 'string' }, date: { type: 'string' } },
      false,
    );
    const format = (values.format ?? 'md') as ReportFormat;
    if (!REPORT_FORMATS.includes(format)) throw new UsageError(`--format must be one of ${REPORT_FORMATS.join(', ')} (got "${values.format}")`);
    const lang = values.lang ?? 'nb';
    if (!(LANGUAGES as readonly string[]).includes(lang)) throw new UsageError(`--lang must be one of ${LANGUAGES.join(', ')} (got "${lang}")`);
    const generatedAt = values.date ? new Date(values.date) : new Date();
    if (Number.isNaN(generatedAt.getTime())) throw new UsageError(`--date must be a date such as 2021-03-01 (got "${values.date}")`);

    return withStore(io, async (store) => {
      const snapshot = await store.snapshot();
      const text = renderReport(snapshot, { format, generatedAt, lang: lang as 'nb' | 'en' });
      if (values.out) {
        await writeFile(values.out, text, 'utf8');
        io.err(`wrote ${values.out} (${format}, ${lang}, ${text.length} characters)`);
      } else {
        io.out(text);
      }
      return EXIT.ok;
    });
  },
};
