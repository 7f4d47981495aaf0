// The shape of a gap rule: a description in nb and en, and a pure function from the indexed snapshot to what it finds.
// A rule hands back RuleFindings, each with the links and fields it rests on; only the runner (findGaps) makes them
// into GapFindings, weighing that support in one place, so no rule can report a finding without its basis.
import type { GapRuleInfo } from '../../../../graph/schema/analysis.js';
import type { AnalysisContext } from '../context.js';
import type { RuleFinding } from '../evidence.js';

export interface GapRule {
  info: GapRuleInfo;
  /**
   * At most one finding per subject, or per subject and key for a rule that gives keys (graph/analysis/finding-id.ts):
   * the finding's id is made of them and must be unique. findGaps settles and sorts them.
   */
  run(ctx: AnalysisContext): RuleFinding[];
}
