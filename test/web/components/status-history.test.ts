// The status history in the details panel, rendered on the server (svelte/server): a mark per year of the data, a
// silent year shown as silent rather than as the last status, each mark a link to its own source, and the words in
// both languages — what a reader and a screen reader get.
import { render } from 'svelte/server';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { History, StatusPoint } from '../../../web/src/api/types.js';
import StatusHistory from '../../../web/src/components/StatusHistory.svelte';
import { i18n } from '../../../web/src/i18n/i18n.svelte.js';

// The marks link to Explore through the app's router, which reads the page's address when it loads.
vi.hoisted(() => {
  Object.assign(globalThis, {
    location: { search: '?view=explore&node=fa-tjenester', pathname: '/', hash: '' },
    window: { addEventListener: () => undefined },
  });
});

const text = (html: string) =>
  html
    .replace(/<span[^>]*aria-hidden="true"[^>]*>.*?<\/span>/g, ' ')
    .replace(/<!--.*?-->/g, '')
    .replace(/<[^>]+>/g, '')
    .replace(/\s+/g, ' ')
    .trim();

/** The markup of one year's mark (its <li>). */
function year(html: string, y: number): string {
  const found = new RegExp(`<li[^>]*data-year="${y}"[^>]*>([\\s\\S]*?)</li>`).exec(html);
  if (!found) throw new Error(`no mark for ${y} in ${html}`);
  return found[0];
}

const rapport2020 = { id: 'rapport-2020', name: 'Erfaringsrapport 2020', year: 2020 };
const aarsrapport2021 = {
  id: 'aarsrapport-2021',
  name: 'Årsrapport 2021',
  nameEn: 'Annual report 2021',
  year: 2021,
  url: 'https://www.digdir.no/arsrapport-2021',
};

const point = (
  year: number,
  progress: StatusPoint['progress'],
  label: string | null,
  source: StatusPoint['source'],
  extra: Partial<StatusPoint> = {},
): StatusPoint => ({
  year,
  progress,
  label,
  source,
  record: `vurdering-${year}-${source.id}`,
  inferred: null,
  ...extra,
});

const show = (history: Pick<History, 'statuses' | 'silentYears'>) => render(StatusHistory, { props: { history } }).body;

afterEach(() => {
  i18n.lang = 'nb';
});

describe('StatusHistory', () => {
  it('shows a year no source reported on as silent, never carrying the last status into it', () => {
    const body = show({ statuses: [point(2020, 'in_progress', null, rapport2020)], silentYears: [2021, 2022] });
    expect([...body.matchAll(/data-year="(\d+)"/g)].map((m) => m[1])).toEqual(['2020', '2021', '2022']);
    for (const y of [2021, 2022]) {
      const silent = year(body, y);
      expect(silent).toMatch(/^<li class="year[^"]* silent"/);
      expect(silent).toContain('data-testid="history-silent"');
      expect(silent).not.toContain('data-testid="history-mark"');
      expect(silent).not.toContain('<a');
      expect(text(silent)).toBe(`${y} Ingen rapport: ingen kilde ga status dette året`);
      // The dash is the silent year's shape; the 2020 status's shape (◐) is not repeated.
      expect(silent).toContain('aria-hidden="true">–</span>');
      expect(silent).not.toContain('◐');
    }
    expect(text(year(body, 2020))).toBe('2020 Pågår Erfaringsrapport 2020');
    expect(year(body, 2020)).toContain('aria-hidden="true">◐</span>');
  });

  it('opens each mark’s own source: its address in a new tab where it has one, otherwise the source in Explore', () => {
    const body = show({
      statuses: [point(2020, 'on_track', 'På plan', rapport2020), point(2021, 'minor_delays', 'Mindre forsinkelser', aarsrapport2021)],
      silentYears: [],
    });
    const in2020 = year(body, 2020);
    expect(in2020).toMatch(/<a href="\?expanded=rapport-2020&amp;node=rapport-2020&amp;view=explore"[^>]*title="Vis kilden i Utforsk: Erfaringsrapport 2020"/);
    expect(in2020).not.toContain('target=');
    const in2021 = year(body, 2021);
    expect(in2021).toMatch(/<a href="https:\/\/www\.digdir\.no\/arsrapport-2021" target="_blank" rel="noopener noreferrer"/);
    expect(in2021).not.toContain('view=explore');
    // A screen reader hears that the link leaves the app; the arrow is for the eye.
    expect(text(in2021)).toBe('2021 «Mindre forsinkelser» Årsrapport 2021 (åpnes i ny fane)');
    expect(in2021).toContain('aria-hidden="true">↗</span>');
  });

  it('says the status in words in both languages: the source’s own label in quotes, the scale’s word where it differs', () => {
    const statuses = [point(2020, 'on_track', 'På plan', rapport2020), point(2021, 'minor_delays', 'Noe forsinket', aarsrapport2021)];
    let body = show({ statuses, silentYears: [2022] });
    // The label is the scale's own word in bokmål: said once, in quotes, in the source's language.
    expect(text(year(body, 2020))).toBe('2020 «På plan» Erfaringsrapport 2020');
    expect(year(body, 2020)).toMatch(/<span class="label[^"]*" lang="nb">«På plan»<\/span>/);
    expect(text(year(body, 2021))).toBe('2021 «Noe forsinket» Mindre forsinkelser Årsrapport 2021 (åpnes i ny fane)');
    expect(year(body, 2021)).toContain('aria-hidden="true">▽</span>');
    expect(text(body)).toContain('Status år for år');
    i18n.lang = 'en';
    body = show({ statuses, silentYears: [2022] });
    expect(text(year(body, 2020))).toBe('2020 «På plan» On track Erfaringsrapport 2020');
    expect(text(year(body, 2021))).toBe('2021 «Noe forsinket» Minor delays Annual report 2021 (opens in a new tab)');
    expect(text(year(body, 2022))).toBe('2022 No report: no source gave a status this year');
    expect(year(body, 2020)).toContain('title="Show the source in Explore: Erfaringsrapport 2020"');
    expect(text(body)).toContain('Status year by year');
  });

  it('keeps two sources of one year as two marks, and marks a placement on the scale the analyst inferred', () => {
    const body = show({
      statuses: [
        point(2021, 'minor_delays', 'Noe forsinket', rapport2020, { year: 2021 }),
        point(2021, 'on_track', 'I rute', aarsrapport2021, { inferred: '«I rute» er lest som «På plan».' }),
      ],
      silentYears: [],
    });
    const in2021 = year(body, 2021);
    expect([...in2021.matchAll(/data-progress="(\w+)"/g)].map((m) => m[1])).toEqual(['minor_delays', 'on_track']);
    expect(in2021.match(/data-testid="inferred-mark"/g)).toHaveLength(1);
    // The mark sits after the second source's link, outside it (a button inside a link would not work).
    expect(in2021.indexOf('data-testid="inferred-mark"')).toBeGreaterThan(in2021.lastIndexOf('</a>'));
    expect(text(in2021)).toContain('2021 «Noe forsinket» Mindre forsinkelser Erfaringsrapport 2020 «I rute» På plan Årsrapport 2021 (åpnes i ny fane) Utledet');
    expect(in2021).toMatch(/data-testid="inferred-note"[^>]*>[\s\S]*«I rute» er lest som «På plan»\./);
  });

  it('names a reference without an address as text: there is nothing to open', () => {
    const reference = { id: 'ref-livshendelser', name: 'Livshendelser og ansvarlige departementer', year: null };
    const body = show({ statuses: [point(2021, 'in_progress', null, reference, { year: 2021 })], silentYears: [] });
    expect(year(body, 2021)).not.toContain('<a');
    expect(text(year(body, 2021))).toBe('2021 Pågår Livshendelser og ansvarlige departementer');
  });

  it('says so when there is no year to show', () => {
    expect(text(show({ statuses: [], silentYears: [] }))).toBe('Status år for år Ingen av kildene har et årstall, så det er ingen år å vise.');
  });
});
