// Property names and enumerated values read as words in both languages, and every value the ontology allows has one.
import { afterEach, describe, expect, it } from 'vitest';
import {
  AGENCY_SECTORS,
  FOCUS_AREA_STATUSES,
  FUNDING_TYPES,
  INDICATOR_DIRECTIONS,
  INITIATIVE_CATEGORIES,
  INITIATIVE_STATUSES,
  MILESTONE_OCCURRENCES,
} from '../../graph/ontology.js';
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
  'review' /* the review badges beside each inferred field's «Utledet» */,
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

  it('has words for every status, category, sector, milestone occurrence, indicator direction and funding type the ontology allows', () => {
    const cases: [string, readonly string[]][] = [
      ['status', [...new Set([...FOCUS_AREA_STATUSES, ...INITIATIVE_STATUSES])]],
      ['category', INITIATIVE_CATEGORIES],
      ['sector', AGENCY_SECTORS],
      ['occurrence', MILESTONE_OCCURRENCES],
      ['direction', INDICATOR_DIRECTIONS],
      ['fundingType', FUNDING_TYPES],
      // Units are free text; these are the ones the schema names, and they have words.
      ['unit', ['rank', 'percent', 'score', 'count']],
    ];
    for (const lang of ['nb', 'en'] as const) {
      i18n.lang = lang;
      for (const [key, values] of cases) {
        const words = values.map((v) => i18n.value(key, v));
        for (const [i, v] of values.entries()) expect(words[i], `${lang} ${key}=${v}`).not.toBe(v);
        // Two values of one property never read the same: the words tell them apart.
        expect(new Set(words).size, `${lang} ${key}: ${words.join(' | ')}`).toBe(values.length);
      }
    }
  });

  it('puts the second model round’s values into words in both languages', () => {
    i18n.lang = 'nb';
    expect(i18n.value('occurrence', 'achieved')).toBe('Nådd');
    expect(`${i18n.prop('direction')}: ${i18n.value('direction', 'lower_is_better')}`).toBe('Bedre når: verdien synker');
    expect(i18n.value('fundingType', 'grant')).toBe('Tilskudd');
    expect(i18n.value('unit', 'rank')).toBe('Plass');
    expect(i18n.prop('aliases')).toBe('Også kalt');
    // A unit outside the known ones is data, kept as it is.
    expect(i18n.value('unit', 'tjenester')).toBe('tjenester');
    i18n.lang = 'en';
    expect(i18n.value('occurrence', 'planned')).toBe('Planned');
    expect(i18n.value('fundingType', 'budget_proposal')).toBe('Budget proposal');
    expect(i18n.value('direction', 'higher_is_better')).toBe('the value rises');
  });
});

describe('counts in messages', () => {
  afterEach(() => {
    i18n.lang = 'nb';
  });

  it('take the singular for one and the plural otherwise, in both languages («1 kobling», never «1 koblinger»)', () => {
    expect(i18n.t('coverage.cellLabel', { row: 'A', col: 'B', count: 1 })).toBe('A × B: 1 kobling');
    expect(i18n.t('coverage.cellLabel', { row: 'A', col: 'B', count: 2 })).toBe('A × B: 2 koblinger');
    expect(i18n.t('paths.count', { count: 1, length: 1 })).toBe('1 korteste sti med 1 steg');
    i18n.lang = 'en';
    expect(i18n.t('paths.count', { count: 1, length: 1 })).toBe('1 shortest path of 1 step');
    expect(i18n.t('paths.count', { count: 3, length: 2 })).toBe('3 shortest paths of 2 steps');
    expect(i18n.t('coverage.cellLabel', { row: 'A', col: 'B', count: 0 })).toBe('A × B: 0 links');
  });

  it('leaves no plural form unfilled in any message', () => {
    for (const lang of ['nb', 'en'] as const) {
      i18n.lang = lang;
      for (const count of [0, 1, 2]) {
        const text = i18n.t('gaps.evidenceSummary', { nodes: count, edges: count });
        expect(text).not.toMatch(/[{}|]/);
      }
    }
  });
});
