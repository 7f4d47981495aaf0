// The audit trail in words (web/src/lib/audit.ts): targets parsed from "<collection>/<id>", and for each kind of record
// what changed between before and after with the language's labels — never a field name, an id or a code.
import { afterEach, describe, expect, it } from 'vitest';
import type { AuditEntry } from '../../web/src/api/types.js';
import { i18n } from '../../web/src/i18n/i18n.svelte.js';
import { actionLabel, actorText, AUDIT_ACTIONS, entryChanges, parseTarget, tokenName } from '../../web/src/lib/audit.js';

afterEach(() => {
  i18n.lang = 'nb';
});

const erik = { id: 'https://idp.example|erik', name: 'Erik Redaktør', via: 'oidc' as const };

function entry(action: string, target: string, before: unknown, after: unknown): AuditEntry {
  return { seq: 7, at: '2026-12-02T12:00:00.000Z', actor: erik, action, target, before, after };
}

const link = { kind: 'link', type: 'CONTRIBUTES_TO', from: 'okt-digital-kompetanse', to: 'sdg-4' };
const rejectEvent = { seq: 1, action: 'reject', at: '2026-12-02T12:00:00.000Z', by: erik, note: 'For løs kobling.' };

/** Every string a reader would see of an entry's changes. */
const shown = (e: AuditEntry) => {
  const { changes, added } = entryChanges(e);
  return [...changes.flatMap((c) => [c.label, c.before, c.after]), ...added.flatMap((a) => [a.label, a.text])].join(' | ');
};

describe('audit targets', () => {
  it('reads a link, a field, a finding, a token, the dataset and anything else', () => {
    expect(parseTarget('review/okt-digital-kompetanse:CONTRIBUTES_TO:sdg-4')).toEqual({
      kind: 'link',
      id: 'okt-digital-kompetanse:CONTRIBUTES_TO:sdg-4',
      from: 'okt-digital-kompetanse',
      type: 'CONTRIBUTES_TO',
      to: 'sdg-4',
    });
    expect(parseTarget('review/okt-digital-kompetanse.number')).toEqual({
      kind: 'field',
      id: 'okt-digital-kompetanse.number',
      node: 'okt-digital-kompetanse',
      field: 'number',
    });
    expect(parseTarget('followup/focus-area-not-started:fa-x')).toEqual({ kind: 'finding', id: 'focus-area-not-started:fa-x' });
    expect(parseTarget('token/tok_123')).toEqual({ kind: 'token', id: 'tok_123' });
    expect(parseTarget('dataset')).toEqual({ kind: 'dataset' });
    expect(parseTarget('something')).toEqual({ kind: 'other' });
    expect(parseTarget('review/no-field-here')).toEqual({ kind: 'other' });
  });
});

describe('what an entry changed', () => {
  it('a rejection: the review went from not reviewed to rejected, and the signed reason was added to the thread', () => {
    const { changes, added } = entryChanges(
      entry('review.reject', `review/${link.from}:${link.type}:${link.to}`, null, { target: link, events: [rejectEvent] }),
    );
    expect(changes).toEqual([{ label: 'Vurdering', before: 'Ikke vurdert', after: 'Avvist' }]);
    expect(added).toHaveLength(1);
    expect(added[0]!.label).toMatch(/^Avviste – Erik Redaktør, 2\. des\. 2026, 13:00$/);
    expect(added[0]!.text).toBe('For løs kobling.');
  });

  it('a comment changes no decision: only what it added', () => {
    const before = { target: link, events: [rejectEvent] };
    const comment = { seq: 2, action: 'comment', at: '2026-12-02T13:00:00.000Z', by: erik, note: 'Se s. 13.' };
    const { changes, added } = entryChanges(entry('review.comment', 'review/a:CONTRIBUTES_TO:b', before, { target: link, events: [rejectEvent, comment] }));
    expect(changes).toEqual([]);
    expect(added.map((a) => a.text)).toEqual(['Se s. 13.']);
  });

  it('an acceptance after a rejection says so, in English too', () => {
    const accept = { seq: 2, action: 'accept', at: '2026-12-02T13:00:00.000Z', by: erik };
    const e = entry('review.accept', 'review/fa.number', { target: link, events: [rejectEvent] }, { target: link, events: [rejectEvent, accept] });
    i18n.lang = 'en';
    expect(entryChanges(e).changes).toEqual([{ label: 'Review', before: 'Rejected', after: 'Accepted' }]);
    // 13:00 UTC is 14:00 in Oslo in December.
    expect(entryChanges(e).added[0]).toEqual({ label: 'Accepted – Erik Redaktør, 2 Dec 2026, 14:00', text: '' });
  });

  it('a follow-up: state, owner and due date in words, the comment added, counters and ids left out', () => {
    const before = { state: 'open', owner: null, dueDate: null, reason: null, reviewDate: null, closedBy: null, present: true, orphaned: false, events: 1 };
    const after = {
      ...before,
      state: 'acknowledged',
      owner: { kind: 'agency', id: 'digdir', name: 'Digitaliseringsdirektoratet' },
      dueDate: '2027-03-01',
      events: 2,
      event: { type: 'acknowledged', at: '2026-12-02T12:00:00.000Z', actor: erik, comment: 'Digdir tar denne.' },
    };
    const e = entry('followup.acknowledge', 'followup/focus-area-not-started:fa-x', before, after);
    expect(entryChanges(e)).toEqual({
      changes: [
        { label: 'Tilstand', before: 'Åpent', after: 'Til oppfølging' },
        { label: 'Eier', before: '—', after: 'Digitaliseringsdirektoratet' },
        { label: 'Frist', before: '—', after: '1. mars 2027' },
      ],
      added: [{ label: 'Kommentar', text: 'Digdir tar denne.' }],
    });
    expect(shown(e)).not.toMatch(/state|owner|dueDate|events|digdir|acknowledged/);
  });

  it('a finding the data closed names the year it disappeared', () => {
    const before = { state: 'acknowledged', closedBy: null, present: true };
    const after = {
      state: 'closed_by_data',
      closedBy: { source: { id: 'r-2022', name: 'Statusrapport 2022', year: 2022 }, year: 2022, at: 'x' },
      present: false,
    };
    expect(entryChanges(entry('followup.close_by_data', 'followup/x:y', before, after)).changes).toEqual([
      { label: 'Tilstand', before: 'Til oppfølging', after: 'Lukket av dataene' },
      { label: 'Lukket av dataene', before: '—', after: 'Statusrapport 2022 i 2022' },
      { label: 'I dataene', before: 'Ja', after: 'Nei' },
    ]);
  });

  it('a dataset replacement: name, version and size before and after; a failed one says it failed', () => {
    const before = { name: 'strategigraf', version: '2024.1', nodes: 368, relationships: 422 };
    const after = { name: 'strategigraf', version: '2024.2', nodes: 1368, relationships: 422 };
    expect(entryChanges(entry('dataset.replace', 'dataset', before, after)).changes).toEqual([
      { label: 'Versjon', before: '2024.1', after: '2024.2' },
      { label: 'Noder', before: '368', after: expect.stringMatching(/^1\s368$/) as unknown as string },
    ]);
    expect(entryChanges(entry('dataset.replace', 'dataset', before, null)).changes).toEqual([{ label: 'Resultat', before: '—', after: 'mislyktes' }]);
  });

  it('a token: its name, role, expiry and status, never its id or hash', () => {
    const created = {
      id: 'tok_1',
      name: 'Nattlig lasting',
      role: 'admin',
      createdAt: 'x',
      createdBy: erik,
      expiresAt: '2027-01-01T00:00:00.000Z',
      revokedAt: null,
      revokedBy: null,
      status: 'active',
    };
    const e = entry('token.create', 'token/tok_1', null, created);
    expect(entryChanges(e).changes.map((c) => [c.label, c.after])).toEqual([
      ['Navn', 'Nattlig lasting'],
      ['Rolle', 'administrator'],
      ['Utløper', '1. jan. 2027, 01:00'],
      ['Status', 'Aktiv'],
    ]);
    expect(shown(e)).not.toContain('tok_1');
    expect(tokenName(e)).toBe('Nattlig lasting');
    const revoked = entry('token.revoke', 'token/tok_1', created, { ...created, status: 'revoked', revokedAt: '2026-12-03T08:00:00.000Z', revokedBy: erik });
    expect(entryChanges(revoked).changes.map((c) => c.label)).toEqual(['Status', 'Trukket tilbake']);
  });

  it('an action this UI does not know is "another change", its fields labelled where known', () => {
    expect(actionLabel('export.review')).toBe('Annen endring');
    const e = entry('export.review', 'export/1', { name: 'a', secretThing: 1 }, { name: 'b', secretThing: 2 });
    expect(entryChanges(e).changes).toEqual([
      { label: 'Navn', before: 'a', after: 'b' },
      { label: 'Annet felt', before: '1', after: '2' },
    ]);
  });

  it('names every action the server writes in both languages', () => {
    for (const lang of ['nb', 'en'] as const) {
      i18n.lang = lang;
      for (const action of AUDIT_ACTIONS) expect(actionLabel(action), action).not.toMatch(/\.|_/);
    }
  });

  it('says who did it and how, the bootstrap token in words rather than its variable', () => {
    expect(actorText(erik)).toBe('Erik Redaktør (innlogget)');
    expect(actorText({ id: 'tok_1', name: 'CI', via: 'token' })).toBe('CI (API-nøkkel)');
    expect(actorText({ id: 'bootstrap-admin', name: 'STRATEGIGRAF_ADMIN_TOKEN', via: 'bootstrap' })).toBe('Oppstartsnøkkelen (administrator)');
  });
});
