// The basis of a finding: what its support makes of stated and inferred links, and that no rule reports a finding
// resting on inferences without saying so.
import { beforeAll, describe, expect, it } from 'vitest';
import { allOf, anyOf, atLeast, basisOf, fact, link, lowerSeverity, NOTHING, SupportError, type Support } from '../../graph/analysis/basis.js';
import { findGaps, GAP_RULES } from '../../graph/analysis/gaps.js';
import { snapshotFromDataset } from '../../graph/analysis/snapshot.js';
import type { GapFinding } from '../../graph/schema/analysis.js';
import type { GraphEdge, GraphNode } from '../../graph/schema/graph.js';
import type { GraphSnapshot } from '../../graph/store/port.js';
import { GAP_FIXTURE, loadFixture } from './store-contract.js';

const edge = (id: string, basis: 'stated' | 'inferred'): GraphEdge => ({
  id,
  type: 'DEPENDS_ON',
  from: `${id}-from`,
  to: `${id}-to`,
  properties: { source: 'rapport', page: null, quote: null, basis, note: null, noteNb: null, endedBy: null },
});
/** basisOf for supports that stand: none of these names a rejected inference. */
const weigh = (support: Support) => basisOf(support)!;
const node = (id: string, inferred?: Record<string, string>): GraphNode => ({
  id,
  kind: 'FocusArea',
  name: id,
  properties: { status: 'not_started' },
  ...(inferred ? { inferred } : {}),
});

describe('basisOf', () => {
  const s = link(edge('s', 'stated'));
  const s2 = link(edge('s2', 'stated'));
  const i = link(edge('i', 'inferred'));
  const i2 = link(edge('i2', 'inferred'));

  it('is stated when nothing it names is inferred, absence included', () => {
    expect(weigh(allOf(s, s2)).basis).toBe('stated');
    expect(weigh(NOTHING)).toEqual({ basis: 'stated', inferred: [] });
    expect(weigh(fact(node('fa'), 'status')).basis).toBe('stated');
  });

  it('is inferred when the support fails without the inferred links and fields', () => {
    expect(weigh(i).basis).toBe('inferred');
    expect(weigh(allOf(s, i)).basis).toBe('inferred');
    expect(weigh(anyOf(i, i2)).basis).toBe('inferred');
    expect(weigh(fact(node('fa', { status: 'lest ut av teksten' }), 'status')).basis).toBe('inferred');
    expect(weigh(atLeast(2, [s, i, i2])).basis).toBe('inferred');
  });

  it('is mixed when it stands on the stated ones alone, and names the inferred ones either way', () => {
    const mixed = weigh(anyOf(allOf(s, s2), i));
    expect(mixed.basis).toBe('mixed');
    expect(mixed.inferred).toEqual([i]);
    expect(weigh(atLeast(2, [s, s2, i])).basis).toBe('mixed');
    expect(weigh(anyOf(NOTHING, i)).basis).toBe('mixed');
    expect(weigh(allOf(i, i, s)).inferred).toHaveLength(1);
  });

  it('refuses a support that does not hold even with everything it names', () => {
    expect(() => weigh(anyOf())).toThrow(SupportError);
    expect(() => weigh(atLeast(3, [s, i]))).toThrow(SupportError);
  });

  it('lets no rejected inference hold a finding up: without it the finding falls, or stands on what is left', () => {
    const rejected = (e: GraphEdge): GraphEdge => ({
      ...e,
      properties: { ...e.properties, review: { state: 'rejected', by: 'Kari', at: '2025-03-01T09:30:00Z' } },
    });
    const accepted = (e: GraphEdge): GraphEdge => ({
      ...e,
      properties: { ...e.properties, review: { state: 'accepted', by: 'Kari', at: '2025-03-01T09:30:00Z' } },
    });
    const r = link(rejected(edge('r', 'inferred')));
    expect(basisOf(r)).toBeNull();
    expect(basisOf(allOf(s, r))).toBeNull();
    expect(basisOf(atLeast(2, [s, i, r]))).toEqual({ basis: 'inferred', inferred: [i] });
    // Another ground still holds: the finding stands, and names only the inferences that still count.
    expect(basisOf(anyOf(r, s))).toEqual({ basis: 'stated', inferred: [] });
    expect(basisOf(anyOf(r, i))).toEqual({ basis: 'inferred', inferred: [i] });
    const field = node('fa', { status: 'lest ut av teksten' });
    expect(basisOf(fact({ ...field, review: { status: { state: 'rejected', by: 'Kari', at: '2025-03-01T09:30:00Z' } } }, 'status'))).toBeNull();
    // An accepted inference is still the analyst's: accepting it vouches for it, it does not make the source say it.
    expect(weigh(link(accepted(edge('a', 'inferred')))).basis).toBe('inferred');
  });

  it('lowers a severity one step, and low no further', () => {
    expect([lowerSeverity('high'), lowerSeverity('medium'), lowerSeverity('low')]).toEqual(['medium', 'low', 'low']);
  });
});

/** The snapshot with every link inferred and every node field marked as the analyst's reading. */
function allInferred(snapshot: GraphSnapshot): GraphSnapshot {
  const copy = structuredClone(snapshot);
  for (const e of copy.edges) {
    e.properties.basis = 'inferred';
    e.properties.note ??= 'Alt er utledet i denne testen.';
  }
  for (const n of copy.nodes) {
    const fields = Object.keys(n.properties).filter((k) => !['source', 'page', 'quote'].includes(k));
    n.inferred = Object.fromEntries(fields.map((k) => [k, 'Alt er utledet i denne testen.']));
  }
  return copy;
}

/** Whether the finding names any link or field it rests on (as against resting only on what the sources do not say). */
const restsOnSomething = (f: GapFinding) => f.evidence.edges.some((e) => e.decisive) || f.evidence.nodes.some((n) => (n.decisive ?? []).length > 0);

describe('findings on inferences, every rule', () => {
  let stated: GapFinding[];
  let inferred: GapFinding[];

  beforeAll(async () => {
    const snapshot = snapshotFromDataset(await loadFixture(GAP_FIXTURE));
    stated = findGaps(snapshot);
    inferred = findGaps(allInferred(snapshot));
  });

  it('finds the same subjects whatever the basis: the basis weighs findings, it does not make or drop them', () => {
    // Only the SDG rule asks for stated links as such: with every link inferred, it also reports what had one.
    const key = (f: GapFinding) => `${f.rule} ${f.subject.id}`;
    const others = (findings: GapFinding[]) =>
      findings
        .filter((f) => f.rule !== 'no-stated-sdg-effect')
        .map(key)
        .sort();
    expect(others(inferred)).toEqual(others(stated));
    expect(inferred.filter((f) => f.rule === 'no-stated-sdg-effect').length).toBeGreaterThan(stated.filter((f) => f.rule === 'no-stated-sdg-effect').length);
  });

  it('never leaves a finding high when all it rests on is inferred, and always says which inferences it rests on', () => {
    for (const f of inferred) {
      const label = `${f.rule}/${f.subject.id}`;
      if (!restsOnSomething(f)) {
        expect(f.basis, label).toBe('stated');
        continue;
      }
      expect(['mixed', 'inferred'], label).toContain(f.basis);
      if (f.basis === 'inferred') expect(f.severity, label).not.toBe('high');
      expect(f.message.nb, label).toMatch(/analytikerens slutninger.* \(utledet: .+\)/);
      expect(f.message.en, label).toMatch(/analyst's inferences?.* \(inferred: .+\)/);
    }
    expect(inferred.filter((f) => f.severity === 'high')).toEqual([]);
  });

  it('has every rule name what its findings rest on, except the two that rest on what the sources do not say', () => {
    // If a rule forgot to give its support, its findings would stay stated here and this list would grow.
    const neverInferred = GAP_RULES.map((r) => r.id).filter((id) => !inferred.some((f) => f.rule === id && f.basis !== 'stated'));
    expect(neverInferred).toEqual(['unanswered-driver', 'report-placeholders', 'stale-status']);
  });

  it("lowers exactly the findings that do not stand on the sources, one step below their rule's severity", () => {
    // Only one rule rates some findings below its own severity: a recommendation whose target is in progress, not unstarted.
    const start = (f: (typeof stated)[number]) =>
      f.rule === 'recommendation-not-acted-on' && !/Ikke startet|not started/i.test(f.message.en) ? 'medium' : GAP_RULES.find((r) => r.id === f.rule)!.severity;
    for (const f of [...stated, ...inferred]) {
      const rule = start(f);
      expect(f.severity, `${f.rule}/${f.subject.id}`).toBe(f.basis === 'inferred' ? lowerSeverity(rule) : rule);
    }
  });
});
