import { describe, expect, it } from 'vitest';
import { layoutFingerprint, overlappingPairs } from '../../web/src/lib/layouts.js';

const box = (x1: number, y1: number, x2: number, y2: number) => ({ x1, y1, x2, y2 });

describe('overlappingPairs (labels drawn on top of each other)', () => {
  it('counts each overlapping pair once, whatever the order, and not boxes that only touch or stand apart', () => {
    const boxes = [box(0, 0, 10, 10), box(5, 5, 15, 15), box(10, 0, 20, 5), box(30, 30, 40, 40), box(35, 0, 36, 100)];
    // (0,1) overlap; (1,2) overlap (x 10–15, y 5 touches only: no); (0,2) touch at x=10: no; (3,4) overlap.
    expect(overlappingPairs(boxes)).toBe(2);
    expect(overlappingPairs([...boxes].reverse())).toBe(2);
    expect(overlappingPairs([])).toBe(0);
  });

  it('finds a box inside another and many boxes stacked on one spot', () => {
    expect(overlappingPairs([box(0, 0, 100, 100), box(40, 40, 50, 50)])).toBe(1);
    expect(overlappingPairs(Array.from({ length: 5 }, () => box(0, 0, 10, 10)))).toBe(10);
  });
});

describe('layoutFingerprint', () => {
  it('is the same for the same positions in any order and to the pixel, and differs when a node moves a pixel', () => {
    const a = layoutFingerprint([
      { id: 'a', x: 1.2, y: 2 },
      { id: 'b', x: 3, y: 4.4 },
    ]);
    expect(
      layoutFingerprint([
        { id: 'b', x: 3.1, y: 4 },
        { id: 'a', x: 1, y: 2.3 },
      ]),
    ).toBe(a);
    expect(
      layoutFingerprint([
        { id: 'a', x: 2, y: 2 },
        { id: 'b', x: 3, y: 4 },
      ]),
    ).not.toBe(a);
  });
});
