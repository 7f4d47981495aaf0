// Runs the gap rules on a snapshot. A snapshot is plain data, so the findings are the same whichever store gave it.
import type { NodeKind } from '../ontology.js';
import { FINDING_BASES, GAP_SEVERITIES, type FindingBasis, type GapFinding, type GapRuleInfo, type GapSeverity } from '../schema/analysis.js';
import type { GraphSnapshot } from '../store/port.js';
import { resolveGapConfig, type GapConfig, type GapConfigOverrides } from './config.js';
import { contextOf } from './context.js';
import { derived, isImmutable, replaceDerived, type Derived } from './materialised.js';
import { isPacked, packEvidence } from './packed-evidence.js';
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
  const config = resolveGapConfig(options.config);
  const all = keptFindings(snapshot, config);
  return all.filter(
    (f) =>
      (options.rule === undefined || f.rule === options.rule) &&
      (options.kind === undefined || f.subject.kind === options.kind) &&
      (options.severity === undefined || f.severity === options.severity),
  );
}

function keptFindings(snapshot: GraphSnapshot, config: GapConfig): readonly GapFinding[] {
  // Every rule's findings, settled and sorted, once per graph and configuration (materialised.ts); the filters pick from
  // them. Settling a finding looks at that finding alone, so filtering before or after it gives the same findings.
  return derived(allFindings, snapshot, JSON.stringify(config), () => settledFindings(snapshot, config));
}

/**
 * Keeps this graph's findings with their evidence packed (packed-evidence.ts), for a graph that is read for long — the
 * latest year's, which the gap route and the follow-up read until the next load. The findings read the same; their
 * evidence costs a decode when read. Packing takes about 1.5 s at 100,000 nodes, so the years read once are not packed.
 */
export function packKeptFindings(snapshot: GraphSnapshot, options: Pick<FindGapsOptions, 'config'> = {}): void {
  if (!isImmutable(snapshot)) return;
  const config = resolveGapConfig(options.config);
  const all = keptFindings(snapshot, config);
  if (all.length > 0 && all.every(isPacked)) return;
  replaceDerived(allFindings, snapshot, JSON.stringify(config), packEvidence(all));
}

const allFindings: Derived<readonly GapFinding[]> = new WeakMap();

function settledFindings(snapshot: GraphSnapshot, config: GapConfig): GapFinding[] {
  const ctx = contextOf(snapshot, config);
  const findings = RULES.flatMap((r) => r.run(ctx)).flatMap((f) => settle(ctx, f) ?? []);
  return findings.sort(
    (a, b) =>
      GAP_SEVERITIES.indexOf(a.severity) - GAP_SEVERITIES.indexOf(b.severity) ||
      RULE_ORDER.get(a.rule)! - RULE_ORDER.get(b.rule)! ||
      compareIds(a.subject.id, b.subject.id) ||
      compareIds(a.message.nb, b.message.nb),
  );
}

const RULE_ORDER = new Map(RULES.map((r, i) => [r.info.id, i]));

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
