// What the commands that write a meeting document share: --format, --out, --lang, --date, checked the same way, and
// the document written to a file or to standard output.
import { writeFile } from 'node:fs/promises';
import { LANGUAGES, type Language } from '../../graph/schema/analysis.js';
import { UsageError, type CliIO } from './command.js';

export const DOCUMENT_OPTIONS = { format: { type: 'string' }, out: { type: 'string' }, lang: { type: 'string' }, date: { type: 'string' } } as const;

export interface DocumentOptions<F extends string> {
  format: F;
  lang: Language;
  generatedAt: Date;
  out: string | undefined;
}

export function documentOptions<const F extends string>(
  values: { format?: string | undefined; out?: string | undefined; lang?: string | undefined; date?: string | undefined },
  formats: readonly F[],
): DocumentOptions<F> {
  const format = (values.format ?? formats[0]) as F;
  if (!formats.includes(format)) throw new UsageError(`--format must be one of ${formats.join(', ')} (got "${values.format}")`);
  const lang = values.lang ?? 'nb';
  if (!(LANGUAGES as readonly string[]).includes(lang)) throw new UsageError(`--lang must be one of ${LANGUAGES.join(', ')} (got "${lang}")`);
  const generatedAt = values.date ? new Date(values.date) : new Date();
  if (Number.isNaN(generatedAt.getTime())) throw new UsageError(`--date must be a date such as 2021-03-01 (got "${values.date}")`);
  return { format, lang: lang as Language, generatedAt, out: values.out };
}

/** The document to --out, saying so on standard error, or to standard output. */
export async function writeDocument(io: CliIO, options: DocumentOptions<string>, text: string): Promise<void> {
  if (options.out) {
    await writeFile(options.out, text, 'utf8');
    io.err(`wrote ${options.out} (${options.format}, ${options.lang}, ${text.length} characters)`);
  } else {
    io.out(text);
  }
}
