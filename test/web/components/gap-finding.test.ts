// The Gaps view's finding card, rendered on the server (svelte/server): its basis badge says in words what the finding
// rests on, for a reader and a screen reader, in nb and en.
import { render } from 'svelte/server';
import { afterEach, describe, expect, it } from 'vitest';
import type { Finding } from '../../../web/src/api/types.js';
import GapFinding from '../../../web/src/components/GapFinding.svelte';
import { i18n } from '../../../web/src/i18n/i18n.svelte.js';

const text = (html: string) =>
  html
    .replace(/<span[^>]*aria-hidden="true"[^>]*>.*?<\/span>/g, ' ')
    .replace(/<!--.*?-->/g, '')
    .replace(/<[^>]+>/g, '')
    .replace(/\s+/g, ' ')
    .trim();

/** The badge element alone, by its test id. */
const badge = (html: string) => html.match(/<span class="basis [^"]*"[^>]*data-testid="gap-basis"[^>]*>.*?<\/span\s*>\s*[^<]*<\/span>/s)?.[0] ?? '';

function finding(basis: Finding['basis'], severity: Finding['severity']): Finding {
  return {
    id: 'dependency-not-started:i-a',
    rule: 'dependency-not-started',
    severity,
    basis,
    subject: { id: 'i-a', kind: 'Initiative', name: 'Ressurssenteret', nameEn: 'The resource centre' },
    message: { nb: 'Initiativet avhenger av noe som ikke er startet.', en: 'The initiative depends on something not started.' },
    evidence: {
      nodes: [],
      edges: [
        {
          id: 'i-a:DEPENDS_ON:i-b',
          type: 'DEPENDS_ON',
          from: 'i-a',
          to: 'i-b',
          fromName: 'Ressurssenteret',
          toName: 'Strategien',
          properties: { source: 'rapport', page: 13, quote: null, basis: 'inferred', note: 'Analytikerens lesning', endedBy: null },
          decisive: true,
        },
      ],
    },
  };
}

afterEach(() => {
  i18n.lang = 'nb';
});

describe('GapFinding basis badge', () => {
  it.each([
    ['stated', 'high', 'Uttalt i kilden', 'Stated in the source'],
    ['mixed', 'high', 'Delvis utledet', 'Partly inferred'],
    ['inferred', 'medium', 'Utledet av analytiker', 'Inferred by the analyst'],
  ] as const)('names a %s basis in words, with its own style and an explanation', (basis, severity, nb, en) => {
    const { body } = render(GapFinding, { props: { finding: finding(basis, severity), onOpen: () => undefined } });
    const nbBadge = badge(body);
    expect(nbBadge).toMatch(new RegExp(`^<span class="basis basis-${basis}( |")`));
    expect(text(nbBadge)).toBe(`Grunnlag for funnet: ${nb}`);
    expect(nbBadge).toContain(`title="${i18n.t(`gaps.basisHint.${basis}`)}"`);
    // Beside the severity, before the subject: the card's head reads "Høy … Delvis utledet … Initiativ Ressurssenteret".
    const head = text(body);
    expect(head.indexOf(nb)).toBeGreaterThan(head.indexOf('Alvorlighet:'));
    expect(head.indexOf(nb)).toBeLessThan(head.indexOf('Ressurssenteret'));
    i18n.lang = 'en';
    const enBadge = badge(render(GapFinding, { props: { finding: finding(basis, severity), onOpen: () => undefined } }).body);
    expect(text(enBadge)).toBe(`Basis of the finding: ${en}`);
  });

  it('explains an inferred basis as the reason the finding sits a step lower', () => {
    const { body } = render(GapFinding, { props: { finding: finding('inferred', 'medium'), onOpen: () => undefined } });
    expect(badge(body)).toContain('én grad lavere alvorlighet enn regelen');
  });
});
