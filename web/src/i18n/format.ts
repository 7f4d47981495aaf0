// Values as people write them in the current language: numbers and amounts through Intl (nb-NO / en-GB), partial dates
// in words («høsten 2020», "first half of 2021"), and a measurement in its indicator's unit («11 av 36», «91,5 %»).
// Every function reads i18n.lang when called, so a component that calls them in its markup follows the language.
import { i18n, type Lang } from './i18n.svelte.js';
import type { MessageKey } from './nb.js';

export const LOCALES: Record<Lang, string> = { nb: 'nb-NO', en: 'en-GB' };
export const locale = (): string => LOCALES[i18n.lang];

/** A decimal as the language writes it (0,91 / 0.91), every decimal the data has kept; thousands grouped. */
export function formatNumber(value: number): string {
  return new Intl.NumberFormat(locale(), { maximumFractionDigits: 10 }).format(value);
}

/** An amount in its currency (57 383 633 kr / NOK 57,383,633); øre and pence only when the amount has them. */
export function formatAmount(amount: number, currency: string | undefined): string {
  if (!currency) return formatNumber(amount);
  const whole = Number.isInteger(amount);
  try {
    return new Intl.NumberFormat(locale(), { style: 'currency', currency, minimumFractionDigits: whole ? 0 : 2, maximumFractionDigits: whole ? 0 : 2 }).format(
      amount,
    );
  } catch {
    return `${formatNumber(amount)} ${currency}`;
  }
}

/** A currency's name in the current language (norske kroner / Norwegian Krone), or the code if Intl has none. */
export function currencyName(code: string): string {
  try {
    return new Intl.DisplayNames(locale(), { type: 'currency' }).of(code) ?? code;
  } catch {
    return code;
  }
}

export type Season = 'spring' | 'summer' | 'autumn' | 'winter';
export interface PartialDate {
  year: number;
  precision: 'year' | 'half' | 'quarter' | 'season' | 'month' | 'day';
  /** The first month the date can mean (1–12). */
  startMonth: number;
  month?: number;
  day?: number;
  season?: Season;
  half?: 1 | 2;
  quarter?: 1 | 2 | 3 | 4;
}

const PARTIAL_DATE = /^(\d{4})(?:-(?:(0[1-9]|1[0-2])(?:-(0[1-9]|[12]\d|3[01]))?|(spring|summer|autumn|winter)|H([12])|Q([1-4])))?$/;
/**
 * Where a season starts. Winter is the start of its year: «vinteren 2021» is January and February 2021 (the winter
 * that ends in it), so it sorts with the first quarter, not after autumn.
 */
const SEASON_START: Record<Season, number> = { winter: 1, spring: 3, summer: 6, autumn: 9 };

/** A date as the data may give it (YYYY, YYYY-MM, YYYY-MM-DD, YYYY-autumn, YYYY-H1, YYYY-Q4), or null for anything else. */
export function parsePartialDate(text: string): PartialDate | null {
  const m = PARTIAL_DATE.exec(text);
  if (!m) return null;
  const [, y, mo, d, season, half, quarter] = m;
  const year = Number(y);
  if (d) return { year, precision: 'day', startMonth: Number(mo), month: Number(mo), day: Number(d) };
  if (mo) return { year, precision: 'month', startMonth: Number(mo), month: Number(mo) };
  if (season) return { year, precision: 'season', startMonth: SEASON_START[season as Season], season: season as Season };
  if (half) return { year, precision: 'half', startMonth: half === '1' ? 1 : 7, half: Number(half) as 1 | 2 };
  if (quarter) return { year, precision: 'quarter', startMonth: (Number(quarter) - 1) * 3 + 1, quarter: Number(quarter) as 1 | 2 | 3 | 4 };
  return { year, precision: 'year', startMonth: 1 };
}

/** Wider spans first where two dates start in the same month: the year, then its half, quarter, season, month, days. */
const SPAN_ORDER: Record<PartialDate['precision'], number> = { year: 0, half: 1, quarter: 2, season: 3, month: 4, day: 4 };

/** A number that orders partial dates in time: by year, by the month they start in, the wider span first, then by day. */
export function dateSortKey(date: PartialDate): number {
  return date.year * 10_000 + date.startMonth * 100 + SPAN_ORDER[date.precision] + (date.day ?? 0);
}

/** «14. januar 2020», «september 2020», «høsten 2020», «1. halvår 2021», «4. kvartal 2022», «2020»; unknown text as it is. */
export function formatPartialDate(text: string): string {
  const date = parsePartialDate(text);
  if (!date) return text;
  const year = String(date.year);
  switch (date.precision) {
    case 'day':
    case 'month': {
      const when = new Date(Date.UTC(date.year, date.month! - 1, date.day ?? 1));
      const parts: Intl.DateTimeFormatOptions = date.day ? { day: 'numeric', month: 'long', year: 'numeric' } : { month: 'long', year: 'numeric' };
      return new Intl.DateTimeFormat(locale(), { ...parts, timeZone: 'UTC' }).format(when);
    }
    case 'season':
      return i18n.t(`date.${date.season!}`, { year });
    case 'half':
      return i18n.t(`date.H${date.half!}`, { year });
    case 'quarter':
      return i18n.t(`date.Q${date.quarter!}`, { year });
    default:
      return year;
  }
}

/** The text with its first letter in upper case, for a date that starts a heading («Høsten 2020»). */
export const capitalise = (text: string): string => text.charAt(0).toLocaleUpperCase(locale()) + text.slice(1);

const CURRENCY = /^[A-Z]{3}$/;
const KNOWN_UNITS = new Set(['rank', 'percent', 'score', 'count']);

/** Whether the UI has its own word for the unit (a known one, or a currency code). */
export const isKnownUnit = (unit: string): boolean => KNOWN_UNITS.has(unit) || CURRENCY.test(unit);

/** An indicator's unit as a word (Plass, Prosent, norske kroner); a unit the UI has no word for as the data gives it. */
export function unitName(unit: string): string {
  if (KNOWN_UNITS.has(unit)) return i18n.t(`unit.${unit}` as MessageKey);
  if (CURRENCY.test(unit)) return currencyName(unit);
  return unit;
}

/**
 * A figure in its indicator's unit: a rank out of a field («11 av 36») or alone («plass 11»), a percentage («91,5 %»),
 * an amount (a currency code as unit), a score or count out of a maximum («0,91 av 1»), or the number and the unit.
 */
export function formatMeasure(value: number, unit: string | undefined, outOf?: number): string {
  const of = (text: string) => (outOf === undefined ? text : i18n.t('measure.of', { value: text, outOf: formatNumber(outOf) }));
  if (unit === 'rank') {
    return outOf === undefined
      ? i18n.t('measure.rank', { value: formatNumber(value) })
      : i18n.t('measure.rankOf', { value: formatNumber(value), outOf: formatNumber(outOf) });
  }
  if (unit === 'percent') {
    const text = new Intl.NumberFormat(locale(), { style: 'unit', unit: 'percent', maximumFractionDigits: 10 }).format(value);
    return outOf === undefined || outOf === 100 ? text : of(text);
  }
  if (unit && CURRENCY.test(unit)) return of(formatAmount(value, unit));
  if (!unit || KNOWN_UNITS.has(unit)) return of(formatNumber(value));
  return of(`${formatNumber(value)} ${unit}`);
}

/** A moment as people in Norway read it, in Oslo time: «2. des. 2026, 14:05» / «2 Dec 2026, 14:05»; unknown text as it is. */
export function formatDateTime(iso: string): string {
  const when = new Date(iso);
  if (Number.isNaN(when.getTime())) return iso;
  return new Intl.DateTimeFormat(locale(), { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Europe/Oslo' }).format(when);
}
