// The shape of a gap rule: a description in nb and en, and a pure function from the indexed snapshot to findings.
import type { GapFinding, GapRuleInfo } from '../../schema/analysis.js';
import type { AnalysisContext } from '../context.js';

export interface GapRule {
  info: GapRuleInfo;
  /** At most one finding per subject; findGaps sorts them. */
  run(ctx: AnalysisContext): GapFinding[];
}
