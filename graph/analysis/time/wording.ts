// How time findings name a status and its source in a sentence, in both languages.
import { PROGRESS_LABELS } from '../../ontology.js';
import type { LocalizedText } from '../../schema/analysis.js';
import type { AnalysisContext } from '../context.js';
import type { StatusPoint } from './status.js';

/** «Mindre forsinkelser» (Årsrapport 2022) — the source's own label when it has one, otherwise the scale's word. */
export function statusPhrase(ctx: AnalysisContext, point: StatusPoint): LocalizedText {
  const source = ctx.node(point.source);
  const sourceName = { nb: source?.name ?? point.source, en: source?.nameEn ?? source?.name ?? point.source };
  const word =
    point.label !== null
      ? { nb: `«${point.label}»`, en: `"${point.label}"` }
      : { nb: PROGRESS_LABELS[point.progress].nb.toLowerCase(), en: PROGRESS_LABELS[point.progress].en.toLowerCase() };
  return { nb: `${word.nb} i ${point.year} (${sourceName.nb})`, en: `${word.en} in ${point.year} (${sourceName.en})` };
}
