// A status on the ontology's one progress scale, as the UI shows it: a shape of its own beside the scale's word (never
// colour alone), and the source's own words in quotes when it gives any. Shared by the details panel's status history
// and the timeline. A year no source reported on has a shape of its own too, so a gap is never drawn as a status.
import type { components } from '../api/schema.js';
import { i18n } from '../i18n/i18n.svelte.js';

export type Progress = components['schemas']['StatusPoint']['progress'];

/** Shapes, hidden from screen readers (the word beside them says it): empty before the start, falling for delays, half for started, full for on track, a tick when done. */
export const PROGRESS_ICONS: Record<Progress, string> = {
  not_started: '○',
  major_delays: '▼',
  minor_delays: '▽',
  in_progress: '◐',
  on_track: '●',
  completed: '✓',
  in_operation: '■',
  unknown: '?',
};

/** The mark of a year in which no source gave a status. */
export const SILENT_ICON = '–';

export const progressIcon = (progress: string): string => PROGRESS_ICONS[progress as Progress] ?? '?';

/** The scale's word in the current language («Mindre forsinkelser» / "Minor delays"). */
export const progressWord = (progress: string): string => i18n.value('progress', progress);

/**
 * What a status says in words: the source's own label, in quotes and in bokmål, and the scale's word where the label
 * is not already that word in the current language (an English reader gets "Minor delays" beside «Mindre forsinkelser»).
 */
export function statusWords(point: { progress: string; label: string | null }): { word: string | null; label: string | null } {
  const word = progressWord(point.progress);
  if (point.label === null) return { word, label: null };
  const same = point.label.trim().toLocaleLowerCase('nb') === word.toLocaleLowerCase('nb');
  return { word: same ? null : word, label: point.label };
}
