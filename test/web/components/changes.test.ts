// The Changes view's sections and rows rendered on the server (svelte/server): what a reader and a screen reader get.
import { render } from 'svelte/server';
import { afterEach, describe, expect, it } from 'vitest';
import type { SourceRef, YearDiff } from '../../../web/src/api/types.js';
import ChangeDirection from '../../../web/src/components/ChangeDirection.svelte';
import ChangeSection from '../../../web/src/components/ChangeSection.svelte';
import { i18n } from '../../../web/src/i18n/i18n.svelte.js';
import { groupChanges, type ChangeRow } from '../../../web/src/lib/changes.js';

const text = (html: string) =>
  html
    .replace(/<span[^>]*aria-hidden="true"[^>]*>.*?<\/span>/g, ' ')
    .replace(/<!--.*?-->/g, '')
    .replace(/<[^>]+>/g, '')
    .replace(/&nbsp;/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

afterEach(() => {
  i18n.lang = 'nb';
});

const r2020: SourceRef = { id: 'rapport-2020', name: 'Erfaringsrapport 2020', year: 2020 };
const r2021: SourceRef = { id: 'rapport-2021', name: 'Erfaringsrapport 2021', nameEn: 'Experience report 2021', year: 2021, url: 'https://example.org/2021' };
const tjenester = { id: 'fa-tjenester', kind: 'FocusArea' as const, name: 'Sammenhengende tjenester', nameEn: 'Seamless services' };

const DIFF: YearDiff = {
  from: 2020,
  to: 2021,
  years: [2020, 2021],
  statusChanges: [
    {
      subject: tjenester,
      before: { year: 2020, progress: 'on_track', label: 'På plan', source: r2020, record: 'v-2020', inferred: null },
      after: { year: 2021, progress: 'minor_delays', label: 'Mindre forsinkelser', source: r2021, record: 'v-2021', inferred: null },
      direction: 'slipped',
    },
  ],
  appeared: [],
  completed: [],
  ownerChanges: [],
  findingsOpened: [
    {
      id: 'slipping-status:fa-tjenester:from-2020',
      rule: 'slipping-status',
      severity: 'medium',
      basis: 'stated',
      subject: tjenester,
      message: { nb: 'Status for «Sammenhengende tjenester» har gått tilbake.', en: 'The status slipped.' },
      evidence: {
        nodes: [
          { ...tjenester, source: 'rapport-2020', page: 7, quote: null },
          { id: 'x', kind: 'LifeEvent', name: 'Få barn', source: 'ref-livshendelser', page: null, quote: null },
          { id: 'v-2021', kind: 'StatusAssessment', name: 'Sammenhengende tjenester 2021', source: 'rapport-2021', page: null, quote: null },
        ],
        edges: [],
      },
    },
  ],
  findingsClosed: [],
  indicators: [],
};
const groups = groupChanges(DIFF);
const SOURCES = new Map([r2020, r2021].map((s) => [s.id, s]));

function section(name: keyof typeof groups, opened: string[] = []) {
  return render(ChangeSection, {
    props: {
      section: name,
      rows: groups[name],
      from: 2020,
      to: 2021,
      sourceOf: (id: string) => SOURCES.get(id) ?? null,
      hrefFor: (row: ChangeRow) => `?view=explore&node=${row.subject.id}`,
      onOpen: (row: ChangeRow) => opened.push(row.subject.id),
    },
  }).body;
}

describe('a Changes section', () => {
  it("counts its rows in its heading and shows before → after in the source's own words, with the source linked where it has an address", () => {
    const body = section('slipped');
    expect(body).toMatch(/<h2 id="changes-slipped-heading"[^>]*>[^]*Gått tilbake[^]*1 endring[^]*<\/h2>/);
    expect(text(body)).toContain(
      'Endring: Gått tilbake Innsatsområde Sammenhengende tjenester ' +
        'Før (2020) «På plan» Kilde: Erfaringsrapport 2020 ' +
        'Etter (2021) «Mindre forsinkelser» Kilde: Erfaringsrapport 2021 ' +
        'Vis i Utforsk: Sammenhengende tjenester',
    );
    // The source's own label in its own language; the source with a web address is a link, the other plain text.
    expect(body).toContain('<span lang="nb">«Mindre forsinkelser»</span>');
    expect(body).toContain('<a href="https://example.org/2021">Erfaringsrapport 2021</a>');
    expect(body).not.toContain('<a href="undefined"');
    // The Explore link is a real link, and the arrow between the sides is hidden from screen readers (the words say it).
    expect(body).toContain('href="?view=explore&amp;node=fa-tjenester"');
    expect(body).toMatch(/<span class="arrow[^"]*" aria-hidden="true">→<\/span>/);
  });

  it('says «Ingen endringer» when it has none', () => {
    const body = section('improved');
    expect(text(body)).toBe('Forbedret 0 endringer Ingen endringer');
    expect(body).not.toContain('<ul');
  });

  it("names a finding's sources from the data's years, leaving out a reference that is no report (and never its id)", () => {
    const body = section('opened');
    expect(text(body)).toContain('Før (2020) ikke funnet Etter (2021) funnet Kilder: Erfaringsrapport 2020, Erfaringsrapport 2021');
    expect(text(body)).toContain('Status for «Sammenhengende tjenester» har gått tilbake.');
    expect(body).not.toContain('ref-livshendelser');
    expect(body).not.toContain('rapport-2020');
  });

  it('reads in English, with the scale beside the Norwegian label and the source by its English name', () => {
    i18n.lang = 'en';
    const body = text(section('slipped'));
    expect(body).toContain('Change: Slipped Focus area Seamless services');
    expect(body).toContain('Before (2020) «På plan» (on the scale: On track) Source: Erfaringsrapport 2020');
    expect(body).toContain('After (2021) «Mindre forsinkelser» (on the scale: Minor delays) Source: Experience report 2021');
    expect(text(section('closed'))).toBe('Findings closed 0 changes No changes');
  });
});

describe('ChangeDirection', () => {
  it.each([
    ['slipped', '▼', 'Gått tilbake', 'tone-worse'],
    ['improved', '▲', 'Forbedret', 'tone-better'],
    ['unchanged', '=', 'Uendret', 'tone-neutral'],
    ['not_comparable', '◇', 'Kan ikke sammenlignes', 'tone-neutral'],
    ['worsened', '▼', 'Forverret', 'tone-worse'],
    ['closed', '✓', 'Funn lukket', 'tone-better'],
  ])('names %s in words and by a shape, not by colour alone', (direction, icon, words, tone) => {
    const { body } = render(ChangeDirection, { props: { direction } });
    expect(text(body)).toBe(`Endring: ${words}`);
    expect(body).toContain(`aria-hidden="true">${icon}</span>`);
    expect(body).toContain(tone);
  });

  it('shows a direction it has no words for as it is, rather than blank', () => {
    expect(text(render(ChangeDirection, { props: { direction: 'sideways' } }).body)).toBe('Endring: sideways');
  });
});
