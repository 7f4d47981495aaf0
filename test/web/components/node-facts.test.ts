// NodeFacts and InferredMark rendered with svelte/server: the new kinds' properties in order and in words, and a field
// the analyst inferred marked as such (a word and a dashed border, not colour alone) with its note in a button's reach.
import { render } from 'svelte/server';
import { afterEach, describe, expect, it } from 'vitest';
import InferredMark from '../../../web/src/components/InferredMark.svelte';
import NodeFacts from '../../../web/src/components/NodeFacts.svelte';
import { i18n } from '../../../web/src/i18n/i18n.svelte.js';

const text = (html: string) =>
  html
    .replace(/<!--.*?-->/g, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/[\u00a0\u202f]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

/** The text of each <dd data-testid="fact-…">, by field. */
function facts(html: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of html.matchAll(/<dd[^>]*data-testid="fact-(\w+)"[^>]*>(.*?)<\/dd>/gs)) out[m[1]!] = text(m[2]!);
  return out;
}

afterEach(() => {
  i18n.lang = 'nb';
});

describe('NodeFacts', () => {
  it('shows a grant’s type, amount in kroner and its period in words, with no raw field names or enum values', () => {
    const node = {
      kind: 'Funding' as const,
      properties: { source: 'rapport', fundingType: 'grant', amount: 57383633, currency: 'NOK', year: 2022, startDate: '2022-autumn', endDate: '2025' },
    };
    const { body } = render(NodeFacts, { props: { node } });
    expect(facts(body)).toEqual({ fundingType: 'Tilskudd', amount: '57 383 633 kr', year: '2022', startDate: 'høsten 2022', endDate: '2025' });
    expect(text(body)).toContain('Type finansiering');
    expect(text(body)).not.toMatch(/fundingType|grant|autumn|NOK/);
    i18n.lang = 'en';
    expect(facts(render(NodeFacts, { props: { node } }).body)).toMatchObject({ fundingType: 'Grant', amount: 'NOK 57,383,633', startDate: 'autumn 2022' });
  });

  it('calls a followed subject’s own status the status of its source, and any other kind’s plain status', () => {
    const area = { kind: 'FocusArea' as const, properties: { source: 'rapport', status: 'in_progress' } };
    expect(text(render(NodeFacts, { props: { node: area } }).body)).toContain('Status i kilden noden er hentet fra');
    const report = { kind: 'StatusReport' as const, properties: { source: 'rapport', status: 'in_progress', complete: true } };
    expect(text(render(NodeFacts, { props: { node: report } }).body)).not.toContain('Status i kilden');
  });

  it('shows a measurement in its indicator’s unit: a rank out of its field', () => {
    const node = { kind: 'Measurement' as const, properties: { source: 'ref-desi', value: 11, outOf: 36, year: 2021 } };
    const { body } = render(NodeFacts, { props: { node, unit: 'rank' } });
    expect(facts(body)).toEqual({ value: '11 av 36', year: '2021' });
  });

  it('lists aliases as «Også kalt» and a recommendation’s points as a list', () => {
    const node = { kind: 'Recommendation' as const, properties: { source: 'r', aliases: ['Anbefaling 3'], points: ['Første punkt.', 'Andre punkt.'] } };
    const { body } = render(NodeFacts, { props: { node } });
    expect(text(body)).toMatch(/^Også kalt Anbefaling 3 Punkter Første punkt\. Andre punkt\./);
    expect(body).toMatch(/<ul[^>]*lang="nb"[^>]*>\s*(<!--.*?-->)*<li>Første punkt\.<\/li><li>Andre punkt\.<\/li>/s);
  });

  it('says whether a milestone is planned or reached in a word and a shape', () => {
    const planned = render(NodeFacts, { props: { node: { kind: 'Milestone' as const, properties: { date: '2021-spring', occurrence: 'planned' } } } }).body;
    expect(facts(planned)).toEqual({ occurrence: '◌ Planlagt', date: 'våren 2021' });
    expect(planned).toMatch(/aria-hidden="true">◌<\/span>/);
    const reached = render(NodeFacts, { props: { node: { kind: 'Milestone' as const, properties: { date: '2020-09', occurrence: 'achieved' } } } }).body;
    expect(facts(reached)).toMatchObject({ occurrence: '✓ Nådd', date: 'september 2020' });
    expect(reached).toMatch(/aria-hidden="true">✓<\/span>/);
  });

  it('marks exactly the inferred fields, each with the analyst’s note behind a button', () => {
    const node = {
      kind: 'FocusArea' as const,
      properties: { source: 'rapport', number: 2, status: 'in_progress' },
      inferred: { number: 'Rapporten nummererer ikke innsatsområdene.', status: 'Ingen status oppgitt.' },
    };
    const { body } = render(NodeFacts, { props: { node } });
    const marked = [
      ...body.matchAll(/<dd[^>]*class="[^"]*\binferred\b[^"]*"[^>]*data-testid="fact-(\w+)"|<dd[^>]*data-testid="fact-(\w+)"[^>]*class="[^"]*\binferred\b/g),
    ].map((m) => m[1] ?? m[2]);
    expect(marked).toEqual(['number', 'status']);
    expect(body.match(/data-testid="inferred-mark"/g)).toHaveLength(2);
    expect(facts(body)['number']).toBe('2 ▸ Utledet : vis analytikerens begrunnelse Analytikerens lesning: Rapporten nummererer ikke innsatsområdene.');
    // A source-stated node has no marks at all.
    expect(render(NodeFacts, { props: { node: { ...node, inferred: undefined } } }).body).not.toContain('inferred-mark');
  });
});

describe('InferredMark', () => {
  it('is a button that names itself and controls a note hidden until pressed', () => {
    const { body } = render(InferredMark, { props: { notes: ['Kilden sier «neste år».'] } });
    const button = /<button[^>]*>/.exec(body)![0];
    expect(button).toContain('class="basis basis-inferred');
    expect(button).toContain('aria-expanded="false"');
    const controls = /aria-controls="([^"]+)"/.exec(button)![1]!;
    // The note it controls is in the page (hidden), so aria-controls never points at nothing.
    expect(body).toMatch(new RegExp(`<span id="${controls}"[^>]*hidden`));
    expect(text(body)).toBe('▸ Utledet : vis analytikerens begrunnelse Analytikerens lesning: Kilden sier «neste år».');
    // The caret is decoration; the name a screen reader gives the button starts with the visible word.
    expect(body).toMatch(/<span class="caret[^"]*" aria-hidden="true">▸<\/span>Utledet<span class="sr-only/);
    i18n.lang = 'en';
    // The dataset writes these notes in bokmål only: the English reader is told, not handed Norwegian unannounced.
    expect(text(render(InferredMark, { props: { notes: ['x'] } }).body)).toBe(
      '▸ Inferred : show the analyst’s reasoning The analyst’s reading: x (Norwegian only)',
    );
  });
});
