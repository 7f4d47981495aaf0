// The page map of a report's extracted text: which page each stretch of text is on, so a quote's cited page can be
// checked. Pure: text in, pages out. The evidence for the rules is in docs/dataset.md, "Page numbers".
//
// 1. A page opens at a line that starts with one space (the trace the extraction leaves of a page break) or at a
//    running header (`Erfaringsrapport 2020  |  Handlingsplanen …  |  2 – Status 2020`), except at the lines a
//    report's hints name as continuations (a call-out or chart title the extraction also opened with a space).
// 2. A printed page number is a line that is only a number (`25`) or a chapter footer (`4 – Anbefalinger 29`). It
//    labels the page it is in, wherever it sits there: the extraction puts it after the page's main text and before
//    its pull quote, caption or chapter blurb, so it neither opens nor closes the page.
// 3. A page with no printed number is counted on from the page before it; a later printed number must agree.
// 4. Pages before the first printed number are front matter: `null`. They are not counted back, because pages with
//    no text (a cover) leave no trace to count.

export interface SourcePage {
  /** Printed on the page, counted on from the last printed one, or null before the first printed number. */
  page: number | null;
  numbering: 'printed' | 'counted' | 'none';
  /** The page's text: `text.slice(start, end)` of the source, on lines `firstLine`–`lastLine` (1-based). */
  start: number;
  end: number;
  firstLine: number;
  lastLine: number;
  text: string;
}

export interface PageMapHints {
  /** Lines (trimmed, exact) that start with a space yet continue the page they are on. */
  continuations?: readonly string[];
}

/** Hints for each report whose extraction needs them, by the Report node's id. */
export const PAGE_MAP_HINTS: Readonly<Record<string, PageMapHints>> = {
  'erfaringsrapport-2020': {
    continuations: [
      // p. 6: the +82 % call-out directly under the page's title, itself the opening line.
      'Trafikken i ID-porten økte med 82 prosent',
      // p. 16: the chapter-3 divider's list of drivers, under the running header that opens the divider.
      '• Vi må utvikle ny kompetanse og lære hele livet',
      // p. 22: the Gallup chart's title after the page's footnotes, as the charts of pp. 21 and 24 follow theirs;
      // as a page of its own it would push «25» onto the 26th page.
      'Befolkningen i Norge har høy tillit til myndighetene',
    ],
  },
};

export class PageMapError extends Error {
  override name = 'PageMapError';
}

const OPENING = /^ \S/;
const RUNNING_HEADER = /^\S[^|]*\s\|\s[^|]*\s\|/;
const BARE_NUMBER = /^(\d{1,3})$/;
const CHAPTER_FOOTER = /^\d{1,2} [–-] .*\S\s+(\d{1,3})$/;

/** The page number a line prints, if it is a bare number or a chapter footer. */
export function printedNumber(line: string): number | null {
  const trimmed = line.trim();
  const match = BARE_NUMBER.exec(trimmed) ?? CHAPTER_FOOTER.exec(trimmed);
  return match ? Number(match[1]) : null;
}

export function mapPages(text: string, hints: PageMapHints = {}): SourcePage[] {
  const continuations = new Set(hints.continuations ?? []);
  const used = new Set<string>();
  const pages: Omit<SourcePage, 'page' | 'numbering'>[] = [];
  const printed: (number | null)[] = [];

  let offset = 0;
  const lines = text.split('\n');
  lines.forEach((line, i) => {
    const isOpening = OPENING.test(line) || RUNNING_HEADER.test(line);
    if (isOpening && continuations.has(line.trim())) used.add(line.trim());
    else if (pages.length === 0 || isOpening) {
      pages.push({ start: offset, end: offset, firstLine: i + 1, lastLine: i + 1, text: '' });
      printed.push(null);
    }
    const page = pages.at(-1)!;
    const number = printedNumber(line);
    if (number !== null) {
      if (printed.at(-1) !== null) throw new PageMapError(`line ${i + 1} prints page ${number} on a page that already printed ${printed.at(-1)}`);
      printed[printed.length - 1] = number;
    }
    offset += line.length + (i < lines.length - 1 ? 1 : 0);
    page.end = offset;
    page.lastLine = i + 1;
  });
  const unused = [...continuations].filter((c) => !used.has(c));
  if (unused.length > 0) throw new PageMapError(`continuation hints that match no line opening with a space: ${unused.map((c) => `«${c}»`).join(', ')}`);

  let previous: number | null = null;
  return pages.map((page, i) => {
    const own = printed[i]!;
    const counted = previous === null ? null : previous + 1;
    if (own !== null && counted !== null && own !== counted) {
      throw new PageMapError(`line ${page.firstLine}: the page prints ${own} but counts as ${counted} from the page before`);
    }
    previous = own ?? counted;
    return { ...page, text: text.slice(page.start, page.end), page: previous, numbering: own !== null ? 'printed' : counted !== null ? 'counted' : 'none' };
  });
}

/** Collapses every whitespace run to one space, so line breaks and page breaks in the extracted text do not matter. */
export function collapseWhitespace(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** The pages on which `quote` starts (whitespace-collapsed): a quote running over a page break is on the page it starts on. */
export function pagesWhereQuoteStarts(pages: readonly SourcePage[], quote: string): SourcePage[] {
  const needle = collapseWhitespace(quote);
  if (!needle) return [];
  let joined = '';
  const starts: { at: number; page: SourcePage }[] = [];
  for (const page of pages) {
    const collapsed = collapseWhitespace(page.text);
    if (!collapsed) continue;
    if (joined) joined += ' ';
    starts.push({ at: joined.length, page });
    joined += collapsed;
  }
  const found: SourcePage[] = [];
  for (let at = joined.indexOf(needle); at !== -1; at = joined.indexOf(needle, at + 1)) {
    const page = starts.findLast((s) => s.at <= at)!.page;
    if (!found.includes(page)) found.push(page);
  }
  return found;
}
