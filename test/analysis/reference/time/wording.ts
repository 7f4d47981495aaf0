// How time findings name a status and its source in a sentence, in both languages.
import { PROGRESS_LABELS } from '../../../../graph/ontology.js';
import type { LocalizedText } from '../../../../graph/schema/analysis.js';
import type { AnalysisContext } from '../context.js';
import type { StatusPoint } from './status.js';

/** A source as a reader knows it: the Report's name (its English one in en), or the reference's title, or its id. */
export function sourceName(ctx: AnalysisContext, id: string): LocalizedText {
  const node = ctx.node(id);
  const name = node?.name ?? ctx.snapshot.references.find((r) => r.id === id)?.title ?? id;
  return { nb: name, en: node?.nameEn ?? name };
}

/** «Mindre forsinkelser» (Årsrapport 2022) — the source's own label when it has one, otherwise the scale's word. */
export function statusPhrase(ctx: AnalysisContext, point: StatusPoint): LocalizedText {
  const source = sourceName(ctx, point.source);
  const word =
    point.label !== null
      ? { nb: `«${point.label}»`, en: `"${point.label}"` }
      : { nb: PROGRESS_LABELS[point.progress].nb.toLowerCase(), en: PROGRESS_LABELS[point.progress].en.toLowerCase() };
  return { nb: `${word.nb} i ${point.year} (${source.nb})`, en: `${word.en} in ${point.year} (${source.en})` };
}
