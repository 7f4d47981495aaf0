// The review state beside the basis, rendered with svelte/server: the badge says it in a word with a shape and a border
// of its own (never colour alone), in nb and en; the evidence line, the node facts and the table carry it beside
// «Utledet», stated links carry none, and a rejected link in the table is set apart.
import { render } from 'svelte/server';
import { afterEach, describe, expect, it } from 'vitest';
import type { Edge, Node } from '../../../web/src/api/types.js';
import EdgeProvenance from '../../../web/src/components/EdgeProvenance.svelte';
import GraphTable from '../../../web/src/components/GraphTable.svelte';
import NodeFacts from '../../../web/src/components/NodeFacts.svelte';
import ReviewBadge from '../../../web/src/components/ReviewBadge.svelte';
import { i18n } from '../../../web/src/i18n/i18n.svelte.js';

const text = (html: string) =>
  html
    .replace(/<!--.*?-->/g, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
/** What a sighted reader sees: screen-reader-only text left out. */
const visible = (html: string) => text(html.replace(/<span class="sr-only[^"]*">.*?<\/span>/g, ''));
const badges = (html: string) => [...html.matchAll(/data-testid="(?:field-)?review-badge" data-state="(\w+)"/g)].map((m) => m[1]);

afterEach(() => {
  i18n.lang = 'nb';
});

function edge(basis: 'stated' | 'inferred', review?: Edge['properties']['review']): Edge {
  return {
    id: `a:CONTRIBUTES_TO:b-${basis}`,
    type: 'CONTRIBUTES_TO',
    from: 'a',
    to: 'b',
    properties: {
      source: 'rapport-2020',
      page: 13,
      quote: null,
      basis,
      note: null,
      noteNb: 'Analytikerens lesning.',
      endedBy: null,
      ...(review ? { review } : {}),
    },
  };
}

describe('ReviewBadge', () => {
  it.each([
    ['accepted', 'Godtatt', 'Accepted', '✓'],
    ['rejected', 'Avvist', 'Rejected', '✕'],
    ['unreviewed', 'Ikke vurdert', 'Not reviewed', '?'],
  ] as const)('says %s in words, with a shape and its own class, and what it is to a screen reader', (state, nb, en, icon) => {
    const body = render(ReviewBadge, { props: { state } }).body;
    expect(body).toContain(`class="review review-${state}`);
    expect(body).toMatch(new RegExp(`<span class="icon[^"]*" aria-hidden="true">\\${icon}</span>`));
    expect(text(body)).toBe(`Vurdering: ${icon} ${nb}`);
    expect(visible(body)).toBe(`${icon} ${nb}`);
    i18n.lang = 'en';
    expect(text(render(ReviewBadge, { props: { state } }).body)).toContain(`Review: ${icon} ${en}`);
  });
});

describe('review beside the basis', () => {
  it('gives an inferred relationship in the evidence its review state and the decision, and a stated one none', () => {
    const rejected = render(EdgeProvenance, {
      props: {
        edge: edge('inferred', { state: 'rejected', by: 'Erik Redaktør', at: '2026-12-02T12:00:00.000Z', note: 'For løst.' }),
        fromName: 'A',
        toName: 'B',
      },
    }).body;
    expect(badges(rejected)).toEqual(['rejected']);
    expect(visible(rejected)).toMatch(/Utledet ✕ Avvist .*Avvist av Erik Redaktør, 2\. des\. 2026, 13:00: For løst\./);
    const unreviewed = render(EdgeProvenance, { props: { edge: edge('inferred', { state: 'unreviewed' }), fromName: 'A', toName: 'B' } }).body;
    expect(badges(unreviewed)).toEqual(['unreviewed']);
    expect(unreviewed).not.toContain('review-decision');
    expect(badges(render(EdgeProvenance, { props: { edge: edge('stated'), fromName: 'A', toName: 'B' } }).body)).toEqual([]);
  });

  it('marks each inferred field of a node with its review state beside «Utledet»', () => {
    const node: Pick<Node, 'id' | 'kind' | 'properties' | 'inferred' | 'review'> = {
      id: 'fa',
      kind: 'FocusArea',
      properties: { source: 'rapport', number: 2, status: 'in_progress' },
      inferred: { number: 'Rekkefølgen er sidens.', status: 'Lest ut av teksten.' },
      review: {
        number: { state: 'accepted', by: 'Erik', at: '2026-12-02T12:00:00.000Z' },
        status: { state: 'rejected', by: 'Erik', at: '2026-12-02T12:00:00.000Z' },
      },
    };
    const body = render(NodeFacts, { props: { node } }).body;
    const number = body.match(/<dd[^>]*data-testid="fact-number".*?<\/dd>/s)![0];
    const status = body.match(/<dd[^>]*data-testid="fact-status".*?<\/dd>/s)![0];
    expect(badges(number)).toEqual(['accepted']);
    expect(badges(status)).toEqual(['rejected']);
    // Not reviewable here (no thread offered): the note opens onto the reading alone.
    expect(body).not.toContain('review-thread');
    // A node without review marks (an older answer) gets none, rather than a guess.
    expect(badges(render(NodeFacts, { props: { node: { ...node, review: undefined } } }).body)).toEqual([]);
  });

  it('lists each relationship’s review in the table and sets a rejected one apart; a stated one has none', () => {
    const nodes: Node[] = [
      { id: 'a', kind: 'FocusArea', name: 'A', properties: {} },
      { id: 'b', kind: 'Goal', name: 'B', properties: {} },
    ];
    const rejected = { ...edge('inferred', { state: 'rejected', by: 'Erik', at: '2026-12-02T12:00:00.000Z' }), id: 'a:CONTRIBUTES_TO:b' };
    const body = render(GraphTable, { props: { nodes, edges: [rejected, edge('stated')], onSelect: () => undefined } }).body;
    const rows = [...body.matchAll(/<tr[^>]*data-testid="edge-row"[^>]*>.*?<\/tr>/gs)].map((m) => m[0]);
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatch(/class="[^"]*rejected/);
    expect(visible(rows[0]!)).toBe('A bidrar til B Utledet ✕ Avvist 13');
    expect(rows[1]).not.toMatch(/class="[^"]*rejected/);
    expect(badges(rows[1]!)).toEqual([]);
    expect(text(body)).toContain('Vurdering');
  });
});
