// Runs the gap rules on a snapshot. A snapshot is plain data, so the findings are the same whichever store gave it.
import type { NodeKind } from '../../../graph/ontology.js';
import { FINDING_BASES, GAP_SEVERITIES, type FindingBasis, type GapFinding, type GapRuleInfo, type GapSeverity } from '../../../graph/schema/analysis.js';
import type { GraphSnapshot } from '../../../graph/store/port.js';
import { resolveGapConfig, type GapConfigOverrides } from './config.js';
import { buildContext } from './context.js';
import { settle } from './evidence.js';
import { RULES } from './rules/index.js';
import { compareIds } from './text.js';

export interface FindGapsOptions {
  /** Only this rule (by id). */
  rule?: string;
  /** Only findings of this severity (a finding's own, which its basis may have lowered below its rule's). */
  severity?: GapSeverity;
  /** Only findings whose subject is of this kind. */
  kind?: NodeKind;
  config?: GapConfigOverrides;
}

/** What every rule checks, in rule order. */
export const GAP_RULES: readonly GapRuleInfo[] = RULES.map((r) => r.info);

export class UnknownRuleError extends Error {
  constructor(readonly rule: string) {
    super(`unknown gap rule "${rule}"; the rules are ${GAP_RULES.map((r) => r.id).join(', ')}`);
  }
}

/** Findings ordered by severity (high first), then rule order, then subject id. */
export function findGaps(snapshot: GraphSnapshot, options: FindGapsOptions = {}): GapFinding[] {
  if (options.rule !== undefined && !RULES.some((r) => r.info.id === options.rule)) throw new UnknownRuleError(options.rule);
  const ctx = buildContext(snapshot, resolveGapConfig(options.config));
  // Every rule may give findings of any severity up to its own, so the severity filter looks at findings, not rules.
  const rules = RULES.filter((r) => options.rule === undefined || r.info.id === options.rule);
  const ruleOrder = new Map(RULES.map((r, i) => [r.info.id, i]));
  const findings = rules
    .flatMap((r) => r.run(ctx))
    .filter((f) => options.kind === undefined || f.subject.kind === options.kind)
    .flatMap((f) => settle(ctx, f) ?? [])
    .filter((f) => options.severity === undefined || f.severity === options.severity);
  return findings.sort(
    (a, b) =>
      GAP_SEVERITIES.indexOf(a.severity) - GAP_SEVERITIES.indexOf(b.severity) ||
      ruleOrder.get(a.rule)! - ruleOrder.get(b.rule)! ||
      compareIds(a.subject.id, b.subject.id) ||
      compareIds(a.message.nb, b.message.nb),
  );
}

export interface GapSummary {
  total: number;
  bySeverity: Record<GapSeverity, number>;
  byBasis: Record<FindingBasis, number>;
  byRule: Record<string, number>;
}

/** Findings per severity, per basis and per rule, zeros included, for summaries. */
export function summarizeGaps(findings: readonly GapFinding[]): GapSummary {
  const bySeverity = Object.fromEntries(GAP_SEVERITIES.map((s) => [s, 0])) as Record<GapSeverity, number>;
  const byBasis = Object.fromEntries(FINDING_BASES.map((b) => [b, 0])) as Record<FindingBasis, number>;
  const byRule = Object.fromEntries(GAP_RULES.map((r) => [r.id, 0]));
  for (const f of findings) {
    bySeverity[f.severity] += 1;
    byBasis[f.basis] += 1;
    byRule[f.rule] = (byRule[f.rule] ?? 0) + 1;
  }
  return { total: findings.length, bySeverity, byBasis, byRule };
}
