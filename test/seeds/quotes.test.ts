// Every quote in seeds/ must occur verbatim in the text of its source: a report's source text, or a reference's local
// copy (the life-events reference is ../shared/reference/livshendelser.md). No quote is invented, and a quote whose source
// has no text to check against fails the test by name rather than passing unchecked. A quote citing a report page must
// start on that page of the report's page map (graph/dataset/source-pages.ts); `page: null` means the unnumbered front.
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { relationshipId } from '../../graph/dataset/ids.js';
import { mapPages, PAGE_MAP_HINTS, pagesWhereQuoteStarts, type SourcePage } from '../../graph/dataset/source-pages.js';
import { formatProblem } from '../../graph/dataset/validate.js';
import { loadDatasetDir, readSeedFiles } from '../../graph/dataset/load.js';
import type { Dataset } from '../../graph/schema/dataset.js';

const REPO_ROOT = path.resolve(import.meta.dirname, '../..');
const LIFE_EVENTS_REFERENCE = 'ref-livshendelser';

/** Collapses every whitespace run to one space, so line breaks in the extracted text do not matter. */
const normalise = (text: string) => text.replace(/\s+/g, ' ').trim();

let dataset: Dataset;
/** Node id or relationship id → the seed file that holds it, so a failure names where to fix it. */
const fileOf = new Map<string, string>();

beforeAll(async () => {
  const result = await loadDatasetDir(path.join(REPO_ROOT, 'seeds'));
  if (!result.ok) throw new Error(`seeds/ is invalid:\n${result.problems.map(formatProblem).join('\n')}`);
  dataset = result.dataset;
  for (const file of await readSeedFiles(path.join(REPO_ROOT, 'seeds'), REPO_ROOT)) {
    const content = (parse(file.text) ?? {}) as { nodes?: { id: string }[]; relationships?: { type: string; from: string; to: string }[] };
    for (const node of content.nodes ?? []) fileOf.set(node.id, file.name);
    for (const rel of content.relationships ?? []) fileOf.set(relationshipId(rel), file.name);
  }
});

/** Source id → the file its quotes are checked against (paths in the seeds are relative to the repository root). */
function sourceTexts(): Map<string, string> {
  const texts = new Map<string, string>();
  for (const node of dataset.nodes) {
    if (node.kind === 'Report' && node.sourceText) texts.set(node.id, path.resolve(REPO_ROOT, node.sourceText));
  }
  for (const ref of dataset.references) {
    if (ref.file) texts.set(ref.id, path.resolve(REPO_ROOT, ref.file));
  }
  return texts;
}

interface Quoted {
  where: string;
  source: string;
  page: number | null | undefined;
  quote: string;
}

/** Every quoted node and relationship, with where it is (file and id), the source and the page it cites. */
function quoted(): Quoted[] {
  const at = (id: string) => `${fileOf.get(id) ?? '(file unknown)'} ${id}`;
  return [
    ...dataset.relationships.map((rel) => ({ where: at(relationshipId(rel)), source: rel.source, page: rel.page, quote: rel.quote })),
    ...dataset.nodes.map((node) => ({ where: at(node.id), source: node.source, page: node.page, quote: node.quote })),
  ].filter((q): q is Quoted => Boolean(q.quote));
}

/** Report id → the page map of its source text. */
async function pageMaps(): Promise<Map<string, SourcePage[]>> {
  const maps = new Map<string, SourcePage[]>();
  for (const node of dataset.nodes) {
    if (node.kind !== 'Report' || !node.sourceText) continue;
    maps.set(node.id, mapPages(await readFile(path.resolve(REPO_ROOT, node.sourceText), 'utf8'), PAGE_MAP_HINTS[node.id]));
  }
  return maps;
}

/** How a failure names a page: its number, or the unnumbered front. */
const pageName = (page: number | null) => (page === null ? 'the unnumbered front (page: null)' : `p. ${page}`);
const pagesName = (pages: readonly SourcePage[]) => pages.map((p) => `${pageName(p.page)} (lines ${p.firstLine}–${p.lastLine})`).join(', ');

describe('quotes in seeds/', () => {
  it('has at least one report with a source text to check against', () => {
    expect(dataset.nodes.filter((n) => n.kind === 'Report' && n.sourceText)).not.toHaveLength(0);
  });

  it('has the life-events reference with a local copy to check against', () => {
    const ref = dataset.references.find((r) => r.id === LIFE_EVENTS_REFERENCE);
    expect(ref?.file, `${LIFE_EVENTS_REFERENCE} names no file`).toBeTruthy();
    expect(path.resolve(REPO_ROOT, ref!.file!)).toBe(path.resolve(REPO_ROOT, '../shared/reference/livshendelser.md'));
    expect(existsSync(path.resolve(REPO_ROOT, ref!.file!)), `${ref!.file} is missing`).toBe(true);
  });

  it('cites only sources it knows how to check', () => {
    const texts = sourceTexts();
    const unknown = [...new Set(quoted().map((q) => q.source))].filter((s) => !texts.has(s)).sort();
    expect(unknown, `quotes cite sources with no source text or local file to check them against: ${unknown.join(', ')}`).toEqual([]);
  });

  it('finds every quote verbatim (whitespace-normalised) in its source', async () => {
    const texts = sourceTexts();
    const cache = new Map<string, string>();
    const missing: string[] = [];
    const checked: Record<string, number> = {};
    for (const { where, source, quote } of quoted()) {
      const file = texts.get(source);
      if (!file) continue; // reported by the test above
      if (!cache.has(file)) cache.set(file, normalise(await readFile(file, 'utf8')));
      checked[source] = (checked[source] ?? 0) + 1;
      if (!cache.get(file)!.includes(normalise(quote))) missing.push(`${where} (source ${source}): «${quote}»`);
    }
    // Both kinds of source are actually exercised, so neither check can pass by finding nothing to check.
    expect(checked[LIFE_EVENTS_REFERENCE] ?? 0, `no quote cites ${LIFE_EVENTS_REFERENCE}`).toBeGreaterThan(0);
    const reportIds = dataset.nodes.filter((n) => n.kind === 'Report').map((n) => n.id);
    expect(
      reportIds.some((id) => (checked[id] ?? 0) > 0),
      'no quote cites a report',
    ).toBe(true);
    expect(missing, `quotes not found verbatim:\n${missing.join('\n')}`).toEqual([]);
  });

  describe('page map of erfaringsrapport-2020', () => {
    let pages: SourcePage[];
    beforeAll(async () => {
      pages = (await pageMaps()).get('erfaringsrapport-2020')!;
    });

    it('runs from p. 4 to p. 41 without a gap, the printed numbers where the report prints them', () => {
      expect(pages.map((p) => p.page)).toEqual(Array.from({ length: 38 }, (_, i) => i + 4));
      expect(pages.filter((p) => p.numbering === 'printed').map((p) => p.page)).toEqual([4, 5, 7, 8, 9, 10, 11, 12, 13, 14, 15, 17, 25, 27, 28, 29, 30, 31]);
    });

    it.each([
      ['Allerede etter litt over ett år med regjeringens digitaliseringsstrategi', 4],
      ['Det er god fremdrift på de fleste innsatsområdene', 5],
      ['Trafikken i ID-porten økte med 82 prosent', 6],
      // After the printed «7»: the pull quote of the person working on the life event «Alvorlig sykt barn».
      ['de viktigste suksesskriteriene for å lykkes er et velfungerende tverrsektorielt samarbeid', 7],
      // After the printed «25», yet its footnote (OECD) is listed before the number.
      ['OECD mener at én av tre norske arbeids- takere kan oppleve radikal endring', 25],
      ['Digitaliseringstiltak i andre virksomheter som er av nasjonal betydning', 31],
      ['Respondent: Ellen Margrethe Carlsen, Helsedirektoratet', 33],
      ['Konsultasjonsordningen Beskriv kort initiativet', 41],
    ])('puts «%s» on p. %i', (quote, page) => {
      expect(pagesWhereQuoteStarts(pages, quote).map((p) => p.page)).toEqual([page]);
    });
  });

  it('finds every report quote on the page it cites (page: null on the unnumbered front)', async () => {
    const maps = await pageMaps();
    const wrong: string[] = [];
    let checked = 0;
    for (const { where, source, page, quote } of quoted()) {
      const pages = maps.get(source);
      if (!pages || page === undefined) continue; // not a report, or no page cited: the verbatim test above covers it
      checked += 1;
      const found = pagesWhereQuoteStarts(pages, quote);
      if (found.some((p) => p.page === page)) continue;
      wrong.push(`${where}: cites ${pageName(page)}, but the quote is ${found.length ? `on ${pagesName(found)}` : 'on no page'}: «${quote}»`);
    }
    expect(checked, 'no quote cites a report page').toBeGreaterThan(0);
    expect(wrong, `quotes not on the page they cite:\n${wrong.join('\n')}`).toEqual([]);
  });
});
