// Which decision is in force on a review target. Decisions are made in two places: in the app (the thread in the work
// store) and in the seed files (`review:` on a link or node, which `strategigraf review export` writes). The later one
// is in force, whichever place holds it, so that exporting, reloading and deciding again all mean what they say; on a
// tie (an exported decision read back) the app's, which names the actor by id.
import type { RecordedReview } from '../schema/dataset.js';
import type { ReviewMark } from '../schema/graph.js';
import type { Actor } from '../work/schema.js';
import type { ReviewDecisionInForce, ReviewEvent } from './schema.js';

export interface AppDecision {
  decision: 'accepted' | 'rejected';
  by: Actor;
  at: string;
  note?: string;
}

/** The last accept or reject in a thread; comments decide nothing. */
export function lastDecision(events: readonly ReviewEvent[]): AppDecision | null {
  for (let i = events.length - 1; i >= 0; i--) {
    const e = events[i]!;
    if (e.action === 'comment') continue;
    return { decision: e.action === 'accept' ? 'accepted' : 'rejected', by: e.by, at: e.at, ...(e.note ? { note: e.note } : {}) };
  }
  return null;
}

const time = (iso: string) => Date.parse(iso);

export function decisionInForce(app: AppDecision | null, recorded: RecordedReview | undefined | null): ReviewDecisionInForce | null {
  const fromApp = (a: AppDecision): ReviewDecisionInForce => ({
    decision: a.decision,
    by: { name: a.by.name, id: a.by.id },
    at: a.at,
    ...(a.note ? { note: a.note } : {}),
    madeIn: 'app',
  });
  const fromDataset = (r: RecordedReview): ReviewDecisionInForce => ({
    decision: r.decision,
    by: { name: r.by },
    at: r.at,
    ...(r.note ? { note: r.note } : {}),
    madeIn: 'dataset',
  });
  if (!app) return recorded ? fromDataset(recorded) : null;
  if (!recorded) return fromApp(app);
  return time(recorded.at) > time(app.at) ? fromDataset(recorded) : fromApp(app);
}

/** The badge of a decision in force: the state, and who decided when. */
export function markOf(decision: ReviewDecisionInForce | null): ReviewMark {
  if (!decision) return { state: 'unreviewed' };
  return { state: decision.decision, by: decision.by.name, at: decision.at, ...(decision.note ? { note: decision.note } : {}) };
}

/** The decision as the seed files record it: what `strategigraf review export` writes. */
export function asRecorded(decision: ReviewDecisionInForce): RecordedReview {
  return { decision: decision.decision, by: decision.by.name, at: decision.at, ...(decision.note ? { note: decision.note } : {}) };
}

/** Whether two recorded decisions say the same: then exporting changes nothing. */
export function sameRecorded(a: RecordedReview | null | undefined, b: RecordedReview | null | undefined): boolean {
  if (!a || !b) return !a && !b;
  return a.decision === b.decision && a.by === b.by && time(a.at) === time(b.at) && (a.note ?? '') === (b.note ?? '');
}

export function sameMark(a: ReviewMark | undefined, b: ReviewMark | undefined): boolean {
  if (!a || !b) return a === b;
  return a.state === b.state && a.by === b.by && a.at === b.at && a.note === b.note;
}
