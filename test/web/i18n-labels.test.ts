// Property names and enumerated values read as words in both languages, and every value the ontology allows has one.
import { afterEach, describe, expect, it } from 'vitest';
import { AGENCY_SECTORS, FOCUS_AREA_STATUSES, INITIATIVE_CATEGORIES, INITIATIVE_STATUSES } from '../../graph/ontology.js';
import { NODE_SCHEMAS } from '../../graph/schema/dataset.js';
import { i18n } from '../../web/src/i18n/i18n.svelte.js';

/** Properties the details panel lists by name (identity, names, provenance and status-report answers have their own places). */
const SHOWN_ELSEWHERE = new Set([
  'kind',
  'id',
  'name',
  'nameEn',
  'descriptionEn',
  'source',
  'page',
  'quote',
  'respondent',
  'successFactors',
  'challenges',
  'learnings',
  'nextTasks',
  'complete',
  'missing',
]);

describe('property and value labels', () => {
  // The language is global UI state: put it back even when a case fails halfway through a language switch.
  const initialLang = i18n.lang;
  afterEach(() => {
    i18n.lang = initialLang;
  });

  it('names every node property of the ontology in both languages', () => {
    const keys = new Set(Object.values(NODE_SCHEMAS).flatMap((schema) => Object.keys(schema.shape)));
    for (const lang of ['nb', 'en'] as const) {
      i18n.lang = lang;
      const unnamed = [...keys].filter((k) => !SHOWN_ELSEWHERE.has(k) && i18n.prop(k) === k);
      expect(unnamed, `properties without a ${lang} label`).toEqual([]);
    }
  });

  it('puts statuses, categories and sectors into words, and leaves other values alone', () => {
    i18n.lang = 'nb';
    expect(i18n.prop('statusNote')).toBe('Om status');
    expect(i18n.value('status', 'not_started')).toBe('Ikke startet');
    expect(i18n.value('category', 'supporting')).toBe('Understøttende tiltak');
    expect(i18n.value('sector', 'municipal')).toBe('Kommunal');
    expect(i18n.value('shortName', 'Digdir')).toBe('Digdir');
    // A value outside the vocabulary is shown as it is, not as an error.
    expect(i18n.value('status', 'paused')).toBe('paused');
    i18n.lang = 'en';
    expect(i18n.value('category', 'action_plan')).toBe('In the action plan');
    expect(i18n.prop('sector')).toBe('Sector');
  });

  it('has words for every status, category and sector the ontology allows', () => {
    const cases: [string, readonly string[]][] = [
      ['status', [...FOCUS_AREA_STATUSES, ...INITIATIVE_STATUSES]],
      ['category', INITIATIVE_CATEGORIES],
      ['sector', AGENCY_SECTORS],
    ];
    for (const lang of ['nb', 'en'] as const) {
      i18n.lang = lang;
      for (const [key, values] of cases) for (const v of values) expect(i18n.value(key, v), `${lang} ${key}=${v}`).not.toBe(v);
    }
  });
});
