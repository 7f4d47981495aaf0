// The load benchmark's memory verdict (bench/load-test.ts): a leak is memory that keeps growing round after round, a
// plateau grows in the first round only; figures in MiB of RSS after each round's full GC.
import { describe, expect, it } from 'vitest';
import { memoryVerdict } from '../../bench/load-test.js';

const MiB = 2 ** 20;
const verdict = (before: number, ...after: number[]) =>
  memoryVerdict(
    { rss: before * MiB },
    after.map((rss) => ({ after: { rss: rss * MiB } })),
    0.02,
  ).kind;

describe('memoryVerdict', () => {
  it('calls RSS that stays within the noise flat', () => {
    expect(verdict(1600, 1605, 1611, 1615)).toBe('flat');
    expect(verdict(1600, 1590, 1580, 1600)).toBe('flat');
  });

  it('calls growth in the first round only a plateau', () => {
    expect(verdict(1600, 1900, 1905, 1895)).toBe('plateau');
  });

  it('calls growth that goes on after the first round a leak, even when one round of it dips', () => {
    expect(verdict(1600, 1700, 1740, 1730, 1780)).toBe('grows');
    expect(verdict(1600, 1610, 1650)).toBe('grows');
  });

  it('does not call one round that grew a plateau: one round cannot tell', () => {
    expect(verdict(1600, 1900)).toBe('grows');
    expect(verdict(1600, 1610)).toBe('flat');
  });
});
