// The Gaps view's finding card, rendered on the server (svelte/server): its basis badge says in words what the finding
// rests on, for a reader and a screen reader, in nb and en.
import { render } from 'svelte/server';
import { afterEach, describe, expect, it } from 'vitest';
import type { Finding, FollowUpStatus } from '../../../web/src/api/types.js';
import GapFinding from '../../../web/src/components/GapFinding.svelte';
import { i18n } from '../../../web/src/i18n/i18n.svelte.js';
import { followUpStatus } from '../findings-fixtures.js';

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
          properties: { source: 'rapport', page: 13, quote: null, basis: 'inferred', note: null, noteNb: 'Analytikerens lesning', endedBy: null },
          decisive: true,
        },
      ],
    },
  };
}

/** The card's props for a finding of the current data, nobody having followed it up yet (or with `followUp`). */
function props(f: Finding, followUp: FollowUpStatus | null = null) {
  const { evidence, ...rest } = f;
  return {
    finding: { ...rest, present: true, followUp },
    evidence,
    href: `?view=gaps&finding=${encodeURIComponent(f.id)}`,
    onFollow: () => undefined,
    onExplore: () => undefined,
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
    const { body } = render(GapFinding, { props: props(finding(basis, severity)) });
    const nbBadge = badge(body);
    expect(nbBadge).toMatch(new RegExp(`^<span class="basis basis-${basis}( |")`));
    expect(text(nbBadge)).toBe(`Grunnlag for funnet: ${nb}`);
    expect(nbBadge).toContain(`title="${i18n.t(`gaps.basisHint.${basis}`)}"`);
    // Beside the severity, before the subject: the card's head reads "Høy … Delvis utledet … Initiativ Ressurssenteret".
    const head = text(body);
    expect(head.indexOf(nb)).toBeGreaterThan(head.indexOf('Alvorlighet:'));
    expect(head.indexOf(nb)).toBeLessThan(head.indexOf('Ressurssenteret'));
    i18n.lang = 'en';
    const enBadge = badge(render(GapFinding, { props: props(finding(basis, severity)) }).body);
    expect(text(enBadge)).toBe(`Basis of the finding: ${en}`);
  });

  it('explains an inferred basis as the reason the finding sits a step lower', () => {
    const { body } = render(GapFinding, { props: props(finding('inferred', 'medium')) });
    expect(badge(body)).toContain('én grad lavere alvorlighet enn regelen');
  });
});

describe('GapFinding follow-up', () => {
  const status = (over: Partial<FollowUpStatus>): FollowUpStatus => followUpStatus({ version: 3, comments: 2, ...over });

  it("says the state in words, with the owner, due date and comments, and links to the finding's own page", () => {
    const f = finding('stated', 'high');
    const { body } = render(GapFinding, {
      props: props(f, status({ state: 'acknowledged', owner: { kind: 'agency', id: 'digdir', name: 'Digitaliseringsdirektoratet' }, dueDate: '2027-03-01' })),
    });
    expect(text(body)).toContain('Oppfølging: Under oppfølging');
    expect(text(body)).toContain('Eier: Digitaliseringsdirektoratet');
    expect(text(body)).toContain('Frist: 1. mars 2027');
    expect(text(body)).toContain('2 kommentarer');
    expect(body).toContain('href="?view=gaps&amp;finding=dependency-not-started%3Ai-a"');
    expect(body).not.toContain('class="finding severity-high overdue"');
    expect(text(body)).not.toContain('Forfalt');
  });

  it('marks an overdue finding in words and with a sign, not by colour alone', () => {
    const { body } = render(GapFinding, { props: props(finding('stated', 'high'), status({ state: 'acknowledged', dueDate: '2025-03-01', overdue: true })) });
    expect(body).toMatch(/class="finding severity-high[^"]*overdue/);
    const mark = body.match(/<strong class="overdue[^"]*"[^>]*>.*?<\/strong>/s)?.[0] ?? '';
    expect(mark).toContain('⚠');
    expect(text(mark)).toBe('Forfalt – fristen var 1. mars 2025');
    i18n.lang = 'en';
    const en = render(GapFinding, {
      props: props(finding('stated', 'high'), status({ state: 'accepted_risk', reviewDate: '2025-06-01', overdue: true })),
    }).body;
    expect(text(en)).toContain('Overdue – it was to be reviewed by 1 June 2025');
    expect(text(en)).toContain('Follow-up: Risk accepted');
  });

  it('shows no raw state or field names', () => {
    for (const state of ['open', 'acknowledged', 'resolved', 'accepted_risk', 'closed_by_data'] as const) {
      const shown = text(render(GapFinding, { props: props(finding('stated', 'low'), status({ state })) }).body);
      expect(shown).not.toMatch(/accepted_risk|closed_by_data|acknowledged|dueDate|followUp/);
    }
  });
});
