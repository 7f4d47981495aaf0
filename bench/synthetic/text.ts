// Text helpers for synthetic names, descriptions, quotes and dates.
import type { Rng } from './rng.js';
import { OUTCOMES, VERBS } from './vocabulary.js';

/** "Økt digital kompetanse" → "okt": the first word as an ASCII slug word. */
export function slugWord(text: string): string {
  const folded = text
    .toLowerCase()
    .replace(/æ/g, 'ae')
    .replace(/[øö]/g, 'o')
    .replace(/å/g, 'a')
    .normalize('NFD')
    .replace(/[^a-z0-9 ]/g, '')
    .trim();
  return folded.split(/\s+/).find((w) => w.length > 2) ?? (folded.split(/\s+/)[0] || 'x');
}

export const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

export function partialDate(rng: Rng, fromYear: number, toYear: number): string {
  const year = rng.between(fromYear, toYear);
  const r = rng.float();
  if (r < 0.3) return String(year);
  const month = String(rng.between(1, 12)).padStart(2, '0');
  if (r < 0.6) return `${year}-${month}`;
  return `${year}-${month}-${String(rng.between(1, 28)).padStart(2, '0')}`;
}

export function sentence(rng: Rng, topic: string): string {
  return `Regjeringen vil ${rng.pick(VERBS)} ${topic} ${rng.pick(OUTCOMES)}.`;
}

export function quote(rng: Rng, topic: string): string {
  return `«${capitalise(sentence(rng, topic))}» – ${rng.pick(['det er et mål', 'slik står det i planen', 'sier rapporten'])}`;
}
