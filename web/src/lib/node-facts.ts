// A node's properties as the details panel lists them: in an order that suits its kind, each value in words and in
// the language's number and date forms, fields that belong together on one line (a value and what it is out of, an
// amount and its currency), and for each line the raw fields it shows, so an inferred field gets its mark there.
import type { Node } from '../api/types.js';
import { i18n } from '../i18n/i18n.svelte.js';
import { currencyName, formatAmount, formatMeasure, formatNumber, formatPartialDate, unitName } from '../i18n/format.js';

export interface Fact {
  /** The first raw field shown; a key for the markup, never shown. */
  key: string;
  label: string;
  /** Every raw field the line shows. */
  fields: string[];
  text?: string;
  /** A list of texts (aliases, a recommendation's points). */
  list?: string[];
  /** A shape that goes with the words (planned ◌ / reached ✓), hidden from screen readers. */
  icon?: string;
  /** Set when the value is the source's own words, in bokmål. */
  lang?: 'nb';
}

/** Shown elsewhere in the panel: provenance, the description, a status report's answers. */
export const STATUS_REPORT_ANSWERS = ['respondent', 'successFactors', 'challenges', 'learnings', 'nextTasks'] as const;
const HIDDEN = new Set(['source', 'page', 'quote', 'description', 'descriptionEn', ...STATUS_REPORT_ANSWERS, 'missing', 'complete']);

/** Names first, then the kind's own order; the rest as the API gives them. */
const FIRST = ['aliases', 'shortName'];
const KIND_ORDER: Partial<Record<Node['kind'], string[]>> = {
  Indicator: ['unit', 'direction'],
  Measurement: ['value', 'year', 'date', 'valueLabel'],
  Funding: ['fundingType', 'amount', 'currency', 'year', 'startDate', 'endDate'],
  Obstacle: ['rank', 'year'],
  Milestone: ['occurrence', 'date'],
  Recommendation: ['number', 'points'],
  Initiative: ['category', 'status', 'statusNote', 'startDate', 'endDate'],
};
const DATES = new Set(['date', 'startDate', 'endDate']);
/** Whole numbers that are names or positions rather than quantities: never grouped ("2022", not "2 022"). */
const PLAIN_NUMBERS = new Set(['year', 'startYear', 'endYear', 'number', 'rank', 'page']);
/** Texts that are the source's words. */
const SOURCE_TEXT = new Set(['aliases', 'points', 'statusNote', 'valueLabel']);
const OCCURRENCE_ICONS: Record<string, string> = { planned: '◌', achieved: '✓' };
/** Kinds whose status the sources report year by year. */
const STATUS_SUBJECTS: ReadonlySet<string> = new Set(['FocusArea', 'Initiative', 'LifeEvent']);

export interface FactContext {
  /** The unit of the indicator a measurement measures. */
  unit?: string | undefined;
}

export function nodeFacts(node: Pick<Node, 'kind' | 'properties'>, context: FactContext = {}): Fact[] {
  const props = node.properties;
  const has = (k: string) => props[k] !== undefined && props[k] !== null;
  const order = [...FIRST, ...(KIND_ORDER[node.kind] ?? []), ...Object.keys(props)];
  const seen = new Set<string>();
  const facts: Fact[] = [];
  for (const key of order) {
    if (seen.has(key) || HIDDEN.has(key) || !has(key)) continue;
    seen.add(key);
    const fact = factFor(key, props, context);
    if (!fact) continue;
    // A followed subject's own status is what its first source said; the year-by-year row below says the rest.
    if (key === 'status' && STATUS_SUBJECTS.has(node.kind)) fact.label = i18n.t('details.statusInSource');
    for (const f of fact.fields) seen.add(f);
    facts.push(fact);
  }
  return facts;
}

function factFor(key: string, props: Node['properties'], context: FactContext): Fact | null {
  const v = props[key]!;
  const base = { key, label: i18n.prop(key), fields: [key], ...(SOURCE_TEXT.has(key) ? { lang: 'nb' as const } : {}) };
  if (Array.isArray(v)) return v.length === 0 ? null : { ...base, list: v };
  if (key === 'value' && typeof v === 'number') {
    const outOf = typeof props['outOf'] === 'number' ? props['outOf'] : undefined;
    return { ...base, fields: outOf === undefined ? [key] : [key, 'outOf'], text: formatMeasure(v, context.unit, outOf) };
  }
  if (key === 'amount' && typeof v === 'number') {
    const currency = typeof props['currency'] === 'string' ? props['currency'] : undefined;
    return { ...base, fields: currency ? [key, 'currency'] : [key], text: formatAmount(v, currency) };
  }
  if (key === 'currency' && typeof v === 'string') return { ...base, text: `${currencyName(v)} (${v})` };
  if (key === 'unit' && typeof v === 'string') return { ...base, text: unitName(v) };
  if (key === 'occurrence' && typeof v === 'string')
    return { ...base, text: i18n.value(key, v), ...(OCCURRENCE_ICONS[v] ? { icon: OCCURRENCE_ICONS[v] } : {}) };
  if (DATES.has(key) && typeof v === 'string') return { ...base, text: formatPartialDate(v) };
  if (typeof v === 'number') return { ...base, text: PLAIN_NUMBERS.has(key) ? String(v) : formatNumber(v) };
  if (typeof v === 'boolean') return { ...base, text: i18n.t(v ? 'app.yes' : 'app.no') };
  return { ...base, text: i18n.value(key, v) };
}

/** The analyst's notes on any of `fields`, in field order; empty when the source states them all. */
export function inferredNotes(inferred: Record<string, string> | undefined, fields: readonly string[]): string[] {
  return inferred ? fields.flatMap((f) => (inferred[f] ? [inferred[f]] : [])) : [];
}
