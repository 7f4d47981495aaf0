// Findings as GET /api/findings gives them, for the Gaps view's pure modules: a few rules, states, owners and dates.
import type { FindingItem, FollowUpStatus } from '../../web/src/api/types.js';

/** A follow-up status with the defaults of a new, open finding. */
export const followUpStatus = (over: Partial<FollowUpStatus>): FollowUpStatus => ({
  state: 'open',
  owner: null,
  dueDate: null,
  reason: null,
  reviewDate: null,
  overdue: false,
  orphaned: false,
  closedBy: null,
  firstSeenAt: '2026-01-02T10:00:00.000Z',
  firstSeenYear: 2020,
  updatedAt: '2026-01-02T10:00:00.000Z',
  version: 1,
  comments: 0,
  ...over,
});

export function item(id: string, over: Partial<Omit<FindingItem, 'followUp'>> & { followUp?: Partial<FollowUpStatus> | null } = {}): FindingItem {
  const [rule, subject] = id.split(':') as [string, string];
  const { followUp, ...rest } = over;
  return {
    id,
    rule,
    severity: 'medium',
    basis: 'stated',
    subject: { id: subject, kind: 'Initiative', name: subject },
    message: { nb: `Funn om ${subject}`, en: `Finding on ${subject}` },
    present: true,
    followUp: followUp === null ? null : followUpStatus(followUp ?? {}),
    ...rest,
  };
}

/** The rules' order, as GET /api/gaps lists them. */
export const RULES = ['focus-area-not-started', 'initiative-without-lead', 'stale-status'];

export const ITEMS: FindingItem[] = [
  item('focus-area-not-started:okt-deling', { severity: 'high', subject: { id: 'okt-deling', kind: 'FocusArea', name: 'Økt deling av data' } }),
  item('initiative-without-lead:a', {
    severity: 'high',
    followUp: { state: 'acknowledged', owner: { kind: 'agency', id: 'digdir', name: 'Digdir' }, dueDate: '2025-03-01', overdue: true },
  }),
  item('initiative-without-lead:b', {
    severity: 'medium',
    followUp: { state: 'acknowledged', owner: { kind: 'person', name: 'Åse Ødegård' }, dueDate: '2027-01-15' },
  }),
  item('initiative-without-lead:c', { severity: 'high', followUp: { state: 'resolved', reason: '=HYPERLINK("http://x")' } }),
  item('stale-status:d', { severity: 'low', followUp: { state: 'accepted_risk', reason: 'Vi lever med det', reviewDate: '2026-06-01', overdue: true } }),
  item('stale-status:e', { severity: 'low', followUp: null }),
  item('initiative-without-lead:gone', { present: false, followUp: { state: 'closed_by_data' } }),
  item('stale-status:orphan', {
    present: false,
    followUp: { state: 'acknowledged', owner: { kind: 'person', name: 'kari' }, orphaned: true, dueDate: '2026-02-01' },
  }),
];
