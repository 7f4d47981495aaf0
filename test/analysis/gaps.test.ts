import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_GAP_CONFIG, resolveGapConfig } from '../../graph/analysis/config.js';
import { findGaps, GAP_RULES, summarizeGaps, UnknownRuleError } from '../../graph/analysis/gaps.js';
import { snapshotFromDataset } from '../../graph/analysis/snapshot.js';
import { GAP_SEVERITIES, GapFinding, GapRuleInfo } from '../../graph/schema/analysis.js';
import type { GraphSnapshot } from '../../graph/store/port.js';
import { GAP_FIXTURE, loadFixture } from './store-contract.js';

describe('findGaps', () => {
  let snapshot: GraphSnapshot;
  const sut = (options?: Parameters<typeof findGaps>[1]) => findGaps(snapshot, options);

  beforeAll(async () => {
    snapshot = snapshotFromDataset(await loadFixture(GAP_FIXTURE));
  });

  it('describes every rule in nb and en, with a unique kebab-case id', () => {
    expect(GAP_RULES).toHaveLength(14);
    expect(new Set(GAP_RULES.map((r) => r.id)).size).toBe(GAP_RULES.length);
    for (const rule of GAP_RULES) {
      expect(() => GapRuleInfo.parse(rule)).not.toThrow();
      expect(rule.id).toMatch(/^[a-z]+(-[a-z]+)*$/);
      for (const text of [rule.title, rule.explanation]) expect(text.nb && text.en && text.nb !== text.en).toBeTruthy();
    }
  });

  it('orders findings by severity, then rule order, then subject id', () => {
    const findings = sut();
    expect(() => GapFinding.array().parse(findings)).not.toThrow();
    const ruleIndex = (id: string) => GAP_RULES.findIndex((r) => r.id === id);
    const key = (f: GapFinding) => [GAP_SEVERITIES.indexOf(f.severity), ruleIndex(f.rule), f.subject.id] as const;
    for (let i = 1; i < findings.length; i += 1) {
      const [a, b] = [key(findings[i - 1]!), key(findings[i]!)];
      const ordered = a[0] < b[0] || (a[0] === b[0] && (a[1] < b[1] || (a[1] === b[1] && a[2] <= b[2])));
      expect(ordered, `${findings[i - 1]!.rule}/${findings[i - 1]!.subject.id} before ${findings[i]!.rule}/${findings[i]!.subject.id}`).toBe(true);
    }
    expect(findings.every((f) => f.severity === GAP_RULES.find((r) => r.id === f.rule)!.severity)).toBe(true);
  });

  it('filters by rule, severity and subject kind', () => {
    expect(new Set(sut({ rule: 'missing-status' }).map((f) => f.rule))).toEqual(new Set(['missing-status']));
    expect(sut({ severity: 'high' }).every((f) => f.severity === 'high')).toBe(true);
    expect(sut({ severity: 'high' }).length).toBeGreaterThan(0);
    expect(sut({ kind: 'Recommendation' }).map((f) => f.subject.id)).toEqual(['rec-datafabrikk', 'rec-sdg', 'rec-sdg']);
    expect(sut({ rule: 'missing-status', severity: 'low' })).toEqual([]);
  });

  it('rejects an unknown rule with the list of rules', () => {
    expect(() => sut({ rule: 'no-such-rule' })).toThrow(UnknownRuleError);
    expect(() => sut({ rule: 'no-such-rule' })).toThrow(/focus-area-not-started/);
  });

  it('gives every finding evidence with provenance to click through', () => {
    for (const f of sut()) {
      expect(f.evidence.nodes.length + f.evidence.edges.length, `${f.rule}/${f.subject.id}`).toBeGreaterThan(0);
      for (const e of f.evidence.edges) expect(e.properties.source).toBeTruthy();
    }
  });

  it('summarises per severity and per rule, zeros included', () => {
    const summary = summarizeGaps(sut({ rule: 'unanswered-driver' }));
    expect(summary).toMatchObject({ total: 1, bySeverity: { high: 0, medium: 0, low: 1 } });
    expect(Object.keys(summary.byRule)).toEqual(GAP_RULES.map((r) => r.id));
  });
});

describe('gap configuration', () => {
  it('merges overrides section by section onto the defaults', () => {
    const config = resolveGapConfig({ concentration: { share: 0.5 } });
    expect(config.concentration).toEqual({ ...DEFAULT_GAP_CONFIG.concentration, share: 0.5 });
    expect(config.lifeEvents).toEqual(DEFAULT_GAP_CONFIG.lifeEvents);
  });

  it('rejects a bad threshold or an unknown section', () => {
    expect(() => resolveGapConfig({ concentration: { share: 2 } })).toThrow();
    expect(() => resolveGapConfig({ nonsense: {} } as never)).toThrow(/unknown gap configuration section "nonsense"/);
  });
});
