// Every gap rule, in the order the issue numbers them (findGaps sorts by severity first, then by this order).
// A new rule is one module here plus its test in test/analysis/rules/.
import { concentrationRisk } from './concentration-risk.js';
import { dependencyNotStarted } from './dependency-not-started.js';
import { focusAreaNotStarted } from './focus-area-not-started.js';
import { initiativeWithoutLead } from './initiative-without-lead.js';
import { missingStatus } from './missing-status.js';
import { noStatedSdgEffect } from './no-stated-sdg-effect.js';
import { recommendationWithoutFollowUp } from './recommendation-without-follow-up.js';
import { recommendationNotActedOn } from './recommendation-not-acted-on.js';
import { reportPlaceholders } from './report-placeholders.js';
import type { GapRule } from './rule.js';
import { slippingStatus } from './slipping-status.js';
import { sourcesDisagree } from './sources-disagree.js';
import { staleStatus } from './stale-status.js';
import { thinLifeEventCoverage } from './thin-life-event-coverage.js';
import { unansweredDriver } from './unanswered-driver.js';

export type { GapRule } from './rule.js';

export const RULES: readonly GapRule[] = [
  focusAreaNotStarted,
  thinLifeEventCoverage,
  noStatedSdgEffect,
  initiativeWithoutLead,
  missingStatus,
  recommendationWithoutFollowUp,
  unansweredDriver,
  concentrationRisk,
  dependencyNotStarted,
  reportPlaceholders,
  staleStatus,
  slippingStatus,
  recommendationNotActedOn,
  sourcesDisagree,
];
