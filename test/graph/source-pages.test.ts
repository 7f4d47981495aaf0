// The page map on small texts shaped like the extraction of a report: pages opened by a leading space or a running
// header, numbers printed as bare numbers or chapter footers, counted pages, the unnumbered front.
import { describe, expect, it } from 'vitest';
import { mapPages, PageMapError, pagesWhereQuoteStarts, printedNumber, type SourcePage } from '../../graph/dataset/source-pages.js';

const lines = (...ls: string[]) => ls.join('\n');
const summary = (pages: SourcePage[]) => pages.map((p) => [p.page, p.numbering, p.firstLine, p.lastLine]);

describe('printedNumber', () => {
  it.each([
    ['25', 25],
    [' 7 ', 7],
    ['4 – Anbefalinger 29', 29],
    ['2 – Status 2020 5', 5],
    ['2 - Status 2020 5', 5],
  ])('reads «%s» as p. %i', (line, page) => {
    expect(printedNumber(line)).toBe(page);
  });

  it.each([
    '2 – Status 2020', // a chapter footer without a page: 2020 is the chapter's name
    '3 – Drivkrefter',
    '3 Kommunal – og regionaldepartementet 2020: Nasjonal Strategi for kunstig intelligens', // a footnote
    '54 prosent',
    '2020',
    '',
  ])('reads no page number in «%s»', (line) => {
    expect(printedNumber(line)).toBeNull();
  });
});

describe('mapPages', () => {
  it('closes a page body with its chapter footer; the next page opens at the line starting with a space', () => {
    const text = lines(' Status', 'Body of four.', '1 – Sammendrag 4', ' Next title', 'Body of five.', '2 – Status 5');
    const pages = mapPages(text);
    expect(summary(pages)).toEqual([
      [4, 'printed', 1, 3],
      [5, 'printed', 4, 6],
    ]);
    expect(pages[0]!.text).toBe(' Status\nBody of four.\n1 – Sammendrag 4\n');
  });

  it('keeps what follows a bare number on its page (pull quote and caption after the number)', () => {
    const text = lines(' Hva skal vi oppnå?', 'Body.', '7', 'Caption of the quoted person', 'The pull quote.', ' Hva skal vi oppnå?', 'Body.', '8');
    expect(pagesWhereQuoteStarts(mapPages(text), 'The pull quote.').map((p) => p.page)).toEqual([7]);
  });

  it('counts unnumbered pages on from the last printed number, also after the last one (an appendix)', () => {
    const text = lines(' A', '17', ' B', ' C', ' D', '20', ' Appendix', ' Answer 1', ' Answer 2');
    expect(summary(mapPages(text))).toEqual([
      [17, 'printed', 1, 2],
      [18, 'counted', 3, 3],
      [19, 'counted', 4, 4],
      [20, 'printed', 5, 6],
      [21, 'counted', 7, 7],
      [22, 'counted', 8, 8],
      [23, 'counted', 9, 9],
    ]);
  });

  it('leaves the pages before the first printed number unnumbered (null), without counting back', () => {
    const text = lines('Cover text', ' Introduction', 'More of it.', ' Summary', '1 – Sammendrag 4');
    expect(summary(mapPages(text))).toEqual([
      [null, 'none', 1, 1],
      [null, 'none', 2, 3],
      [4, 'printed', 4, 5],
    ]);
  });

  it('opens a page at a running header', () => {
    const text = lines(' A', '13', 'Report 2020  |  Plan  |   2 – Status', 'Body', '14', 'Report 2020  |  Plan  |   ', 'Divider');
    expect(summary(mapPages(text))).toEqual([
      [13, 'printed', 1, 2],
      [14, 'printed', 3, 5],
      [15, 'counted', 6, 7],
    ]);
  });

  it('keeps a line named as a continuation on its page, though it starts with a space', () => {
    const text = lines(' Before', '5', ' Title', ' Call-out 82 %', 'Body', '6', ' Next', '7');
    expect(() => mapPages(text)).toThrow(PageMapError); // as a page of its own, the call-out would be p. 6 and «6» the 7th page
    expect(summary(mapPages(text, { continuations: ['Call-out 82 %'] }))).toEqual([
      [5, 'printed', 1, 2],
      [6, 'printed', 3, 6],
      [7, 'printed', 7, 8],
    ]);
  });

  it('refuses a continuation that names no line starting with a space, so a stale hint cannot pass unseen', () => {
    expect(() => mapPages(lines(' Title', 'Body', '6'), { continuations: ['Body'] })).toThrow(/«Body»/);
  });

  it('refuses a printed number that disagrees with the count', () => {
    expect(() => mapPages(lines(' A', '17', ' B', ' C', '25'))).toThrow(/prints 25 but counts as 19/);
  });

  it('refuses two printed numbers on one page', () => {
    expect(() => mapPages(lines(' A', '7', 'B', '8'))).toThrow(/prints page 8 on a page that already printed 7/);
  });

  it('cuts the text into consecutive spans that add up to the whole', () => {
    const text = lines('front', ' A', '1 – One 4', ' B\r', 'body', '', ' C', '6', '');
    const pages = mapPages(text);
    expect(pages.map((p) => p.text).join('')).toBe(text);
    for (const [i, page] of pages.entries()) {
      expect(text.slice(page.start, page.end)).toBe(page.text);
      if (i > 0) expect(page.start).toBe(pages[i - 1]!.end);
    }
  });
});

describe('pagesWhereQuoteStarts', () => {
  const pages = mapPages(lines(' Title four', 'a sentence that runs', '4', ' on over the break.', 'Repeated words', '5', ' Repeated words', '6'));

  it('collapses whitespace, line breaks included', () => {
    expect(pagesWhereQuoteStarts(pages, 'Title   four a\nsentence').map((p) => p.page)).toEqual([4]);
  });

  it('puts a quote that crosses a page break on the page it starts on', () => {
    expect(pagesWhereQuoteStarts(pages, 'a sentence that runs 4 on over the break.').map((p) => p.page)).toEqual([4]);
    expect(pagesWhereQuoteStarts(pages, 'over the break.').map((p) => p.page)).toEqual([5]);
  });

  it('names every page a repeated quote is on, and none for a quote that is nowhere', () => {
    expect(pagesWhereQuoteStarts(pages, 'Repeated words').map((p) => p.page)).toEqual([5, 6]);
    expect(pagesWhereQuoteStarts(pages, 'not in the text')).toEqual([]);
    expect(pagesWhereQuoteStarts(pages, '  ')).toEqual([]);
  });
});
