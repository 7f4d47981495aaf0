// Every quote attributed to a report must occur verbatim in that report's source text: no quote is invented.
import { readFile } from 'node:fs/promises';
import { beforeAll, describe, expect, it } from 'vitest';
import { formatProblem } from '../../graph/dataset/validate.js';
import { loadDatasetDir } from '../../graph/dataset/load.js';
import type { Dataset } from '../../graph/schema/dataset.js';

/** Collapses every whitespace run to one space, so line breaks in the extracted text do not matter. */
const normalise = (text: string) => text.replace(/\s+/g, ' ').trim();

let dataset: Dataset;

beforeAll(async () => {
  const result = await loadDatasetDir('seeds');
  if (!result.ok) throw new Error(`seeds/ is invalid:\n${result.problems.map(formatProblem).join('\n')}`);
  dataset = result.dataset;
});

describe('quotes in seeds/', () => {
  it('has at least one report with a source text to check against', () => {
    expect(dataset.nodes.filter((n) => n.kind === 'Report' && n.sourceText)).not.toHaveLength(0);
  });

  it('finds every report quote verbatim in its source text', async () => {
    const reports = dataset.nodes.filter((n) => n.kind === 'Report' && n.sourceText);
    const missing: string[] = [];
    let checked = 0;
    for (const report of reports) {
      if (report.kind !== 'Report' || !report.sourceText) continue;
      const text = normalise(await readFile(report.sourceText, 'utf8'));
      const check = (where: string, quote: string | null | undefined) => {
        if (!quote) return;
        checked++;
        if (!text.includes(normalise(quote))) missing.push(`${where} (source ${report.id}): «${quote}»`);
      };
      for (const rel of dataset.relationships) {
        if (rel.source === report.id) check(`relationship ${rel.from}:${rel.type}:${rel.to}`, rel.quote);
      }
      for (const node of dataset.nodes) {
        if (node.source === report.id) check(`node ${node.id}`, node.quote);
      }
    }
    expect(checked).toBeGreaterThan(0);
    expect(missing, `quotes not found verbatim:\n${missing.join('\n')}`).toEqual([]);
  });
});
