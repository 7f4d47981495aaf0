import { diffYears } from '../../../graph/analysis/time/diff.js';
import { yearsOf } from '../../../graph/analysis/time/years.js';
import { DIFF_FORMATS, renderDiff } from '../../../graph/report/diff.js';
import { EXIT, parseCommandArgs, UsageError, type Command } from '../command.js';
import { DOCUMENT_OPTIONS, documentOptions, writeDocument } from '../document.js';
import { SERVER_OPTIONS, serverUsage, withGraph } from '../store-session.js';
import { reviewedFrom } from '../../../graph/review/read.js';

function year(text: string | undefined, what: string): number {
  if (text === undefined || !/^\d{4}$/.test(text))
    throw new UsageError(`${what} must be a year such as 2020 (got ${text === undefined ? 'nothing' : `"${text}"`})`);
  return Number(text);
}

export const diffCommand: Command = {
  name: 'diff',
  summary: 'What changed between two years: statuses, new subjects, owners, findings, indicators (markdown, HTML or JSON)',
  usage: [
    'Usage: strategigraf diff FROM TO [--format md|html|json] [--out FILE] [--lang nb|en] [--date YYYY-MM-DD] [--server URL] [--token T]',
    '',
    "  FROM, TO  years the data's sources cover, FROM not after TO (e.g. 2020 2022)",
    "  --format  md (default), html (prints on A4) or json (the API's answer)",
    '  --out     write to FILE instead of standard output',
    '  --lang    nb (default) or en',
    '  --date    the generation date printed in the document (default: now)',
    serverUsage(10),
  ].join('\n'),
  async run(argv, io) {
    const { values, positionals } = parseCommandArgs(argv, { ...DOCUMENT_OPTIONS, ...SERVER_OPTIONS }, true);
    if (positionals.length !== 2)
      throw new UsageError(`give two years, FROM and TO (got ${positionals.length} argument${positionals.length === 1 ? '' : 's'})`);
    const from = year(positionals[0], 'FROM');
    const to = year(positionals[1], 'TO');
    if (from > to) throw new UsageError(`FROM must not be after TO (${from} > ${to})`);
    const options = documentOptions(values, DIFF_FORMATS);

    return withGraph(io, 'read', values, async (store) => {
      // As the review shows it: decisions in force, rejected links left out (docs/review.md).
      const snapshot = await reviewedFrom(store);
      const years = yearsOf(snapshot).all;
      for (const [name, y] of [
        ['FROM', from],
        ['TO', to],
      ] as const) {
        if (years.length === 0 || y < years[0]! || y > years.at(-1)!) {
          throw new UsageError(`${name} ${y} is outside the years the data's sources cover (${years.length > 0 ? `${years[0]}–${years.at(-1)}` : 'none'})`);
        }
      }
      const text = renderDiff(diffYears(snapshot, from, to), {
        format: options.format,
        lang: options.lang,
        dataset: snapshot.meta,
        generatedAt: options.generatedAt,
      });
      await writeDocument(io, options, text);
      return EXIT.ok;
    });
  },
};
