// Every quote in seeds/ must occur verbatim in the text of its source: a report's source text, or a reference's local
// copy (the life-events reference is ../shared/reference/livshendelser.md). No quote is invented, and a quote whose source
// has no text to check against fails the test by name rather than passing unchecked.
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { formatProblem } from '../../graph/dataset/validate.js';
import { loadDatasetDir } from '../../graph/dataset/load.js';
import type { Dataset } from '../../graph/schema/dataset.js';

const REPO_ROOT = path.resolve(import.meta.dirname, '../..');
const LIFE_EVENTS_REFERENCE = 'ref-livshendelser';

/** Collapses every whitespace run to one space, so line breaks in the extracted text do not matter. */
const normalise = (text: string) => text.replace(/\s+/g, ' ').trim();

let dataset: Dataset;

beforeAll(async () => {
  const result = await loadDatasetDir(path.join(REPO_ROOT, 'seeds'));
  if (!result.ok) throw new Error(`seeds/ is invalid:\n${result.problems.map(formatProblem).join('\n')}`);
  dataset = result.dataset;
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

/** Every quoted node and relationship, with where it is and the source it cites. */
function quoted(): { where: string; source: string; quote: string }[] {
  return [
    ...dataset.relationships.map((rel) => ({ where: `relationship ${rel.from}:${rel.type}:${rel.to}`, source: rel.source, quote: rel.quote })),
    ...dataset.nodes.map((node) => ({ where: `node ${node.id}`, source: node.source, quote: node.quote })),
  ].filter((q): q is { where: string; source: string; quote: string } => Boolean(q.quote));
}

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
});
