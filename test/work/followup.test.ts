// The follow-up of findings: the state machine on its own, and the whole follow-up on the embedded store.
import { describe, expect, it } from 'vitest';
import { LadybugStore } from '../../graph/adapters/ladybug/store.js';
import { FOLLOW_UP_STATES, type FollowUpCommand, type FollowUpRecord, type FollowUpState } from '../../graph/work/followup/schema.js';
import { ALLOWED_FROM, applyCommand, commandWarnings, FollowUpError, isOverdue, MAX_EDITOR_RECORD_BYTES, osloDate } from '../../graph/work/followup/state.js';
import { defineFollowUpSuite, KARI } from './followup-suite.js';

defineFollowUpSuite('LadybugDB (embedded, in memory)', async () => new LadybugStore({ path: ':memory:' }));

const AT = '2026-03-02T10:00:00.000Z';

function recordIn(state: FollowUpState): FollowUpRecord {
  return {
    findingId: 'focus-area-not-started:fa',
    state,
    owner: null,
    dueDate: null,
    reason: null,
    reviewDate: null,
    closedBy: null,
    present: true,
    orphaned: false,
    finding: {
      rule: 'focus-area-not-started',
      severity: 'high',
      basis: 'stated',
      subject: { id: 'fa', kind: 'FocusArea', name: 'fa' },
      message: { nb: 'x', en: 'x' },
    },
    firstSeenAt: AT,
    firstSeenYear: 2020,
    events: [],
  };
}

const COMMANDS: FollowUpCommand[] = [
  { type: 'acknowledge', owner: { kind: 'person', name: 'Kari' }, dueDate: '2026-06-30' },
  { type: 'resolve', reason: 'Gjort' },
  { type: 'accept_risk', reason: 'Akseptert', reviewDate: '2027-01-01' },
  { type: 'reopen' },
  { type: 'comment', text: 'Hei' },
];

describe('the follow-up state machine', () => {
  it.each(FOLLOW_UP_STATES.flatMap((state) => COMMANDS.map((command) => [state, command] as const)))(
    'from %s, %o is allowed exactly where ALLOWED_FROM says',
    (state, command) => {
      const run = () => applyCommand(recordIn(state), command, KARI, AT);
      if (!ALLOWED_FROM[command.type].includes(state)) {
        expect(run).toThrow(FollowUpError);
        expect(run).toThrow(/cannot/);
        return;
      }
      const next = run();
      const event = next.events.at(-1)!;
      expect(event).toMatchObject({ at: AT, actor: KARI });
      if (command.type === 'comment') expect(next.state).toBe(state);
      else expect(event).toMatchObject({ from: state, to: next.state });
    },
  );

  it('says why a resolved finding cannot be resolved again, and how to go on', () => {
    const resolved = applyCommand(recordIn('open'), { type: 'resolve', reason: 'Gjort' }, KARI, AT);
    expect(() => applyCommand(resolved, { type: 'resolve', reason: 'Igjen' }, KARI, AT)).toThrow(
      'cannot resolve finding focus-area-not-started:fa: it is already resolved (by Kari Nordmann on 2026-03-02); reopen it first',
    );
  });

  it('reopening clears the decision and its dates but keeps the last owner and the history', () => {
    let r = applyCommand(recordIn('open'), COMMANDS[0]!, KARI, AT);
    r = applyCommand(r, { type: 'accept_risk', reason: 'Lever med det', reviewDate: '2026-12-01' }, KARI, AT);
    r = applyCommand(r, { type: 'reopen', comment: 'Ny vurdering' }, KARI, AT);
    expect(r).toMatchObject({ state: 'open', owner: { kind: 'person', name: 'Kari' }, dueDate: null, reason: null, reviewDate: null });
    expect(r.events.map((e) => e.type)).toEqual(['acknowledged', 'risk_accepted', 'reopened']);
  });

  it('counts as overdue an acknowledged finding past its due date and an accepted risk past its review date, in Oslo', () => {
    expect(isOverdue({ state: 'acknowledged', dueDate: '2026-03-01', reviewDate: null }, '2026-03-02')).toBe(true);
    expect(isOverdue({ state: 'acknowledged', dueDate: '2026-03-02', reviewDate: null }, '2026-03-02')).toBe(false);
    expect(isOverdue({ state: 'accepted_risk', dueDate: null, reviewDate: '2026-01-01' }, '2026-03-02')).toBe(true);
    expect(isOverdue({ state: 'resolved', dueDate: '2020-01-01', reviewDate: null }, '2026-03-02')).toBe(false);
    // 23:30 UTC on 31 December is already 1 January in Oslo.
    expect(osloDate(new Date('2025-12-31T23:30:00Z'))).toBe('2026-01-01');
  });

  it('warns of a due or review date in the past, and accepts it', () => {
    expect(commandWarnings({ type: 'acknowledge', owner: { kind: 'person', name: 'K' }, dueDate: '2026-01-01' }, '2026-03-02')).toEqual([
      'the due date 2026-01-01 is in the past (today is 2026-03-02); the finding is overdue at once',
    ]);
    expect(commandWarnings({ type: 'acknowledge', owner: { kind: 'person', name: 'K' }, dueDate: '2026-03-02' }, '2026-03-02')).toEqual([]);
    expect(commandWarnings({ type: 'accept_risk', reason: 'r', reviewDate: '2025-01-01' }, '2026-03-02')).toHaveLength(1);
  });

  it('refuses a comment that would make the record larger than the store keeps, with room left for the data', () => {
    let r = recordIn('open');
    const text = 'æ'.repeat(4000);
    const add = () => (r = applyCommand(r, { type: 'comment', text }, KARI, AT));
    for (let i = 0; i < 100 && Buffer.byteLength(JSON.stringify(r)) < MAX_EDITOR_RECORD_BYTES - 9000; i++) add();
    expect(add).toThrow(expect.objectContaining({ code: 'thread_full' }));
  });
});
