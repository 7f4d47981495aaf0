// docs/benchmarks.md and the machine line: shared by the API and the UI benchmarks, each writing its own section.
import { readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

export const DOC = path.resolve(import.meta.dirname, '..', 'docs', 'benchmarks.md');

export const MACHINE = `${os.cpus()[0]?.model ?? 'unknown CPU'}, ${os.cpus().length} cores, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, ${os.platform()} ${os.release()}`;

/** Replaces the text between `<!-- marker:start -->` and `<!-- marker:end -->`, or appends the section if it is not there. */
export async function writeSection(marker: string, body: string): Promise<void> {
  const start = `<!-- ${marker}:start -->`;
  const end = `<!-- ${marker}:end -->`;
  let doc = await readFile(DOC, 'utf8').catch(() => '# Benchmarks\n\nWritten by `npm run bench`; figures from one run on the machine named.\n');
  const section = `${start}\n${body}\n${end}`;
  // A function, not a string, as the replacement: figures and quotes in the body must not be read as `$` patterns.
  doc = doc.includes(start) && doc.includes(end) ? doc.replace(new RegExp(`${start}[\\s\\S]*?${end}`), () => section) : `${doc.trimEnd()}\n\n${section}\n`;
  await writeFile(DOC, doc);
}
