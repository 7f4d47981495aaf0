// The toolbar's keys (WAI-ARIA APG toolbar): where each key moves the focus among its buttons.
import { describe, expect, it } from 'vitest';
import { nextIndex } from '../../web/src/lib/roving-toolbar.js';

describe('nextIndex', () => {
  it('moves right and left along a horizontal toolbar, wrapping round at the ends', () => {
    expect(nextIndex('ArrowRight', 0, 5)).toBe(1);
    expect(nextIndex('ArrowRight', 4, 5)).toBe(0);
    expect(nextIndex('ArrowLeft', 0, 5)).toBe(4);
    expect(nextIndex('ArrowLeft', 3, 5)).toBe(2);
  });

  it('goes to the first and last button with Home and End', () => {
    expect(nextIndex('Home', 3, 5)).toBe(0);
    expect(nextIndex('End', 1, 5)).toBe(4);
  });

  it('leaves other keys alone (Tab leaves the toolbar, Enter presses the button)', () => {
    for (const key of ['Tab', 'Enter', ' ', 'a', 'ArrowUp', 'ArrowDown']) expect(nextIndex(key, 2, 5)).toBeNull();
    expect(nextIndex('ArrowRight', 0, 0)).toBeNull();
  });

  it('uses up and down instead when the toolbar is vertical', () => {
    expect(nextIndex('ArrowDown', 0, 3, true)).toBe(1);
    expect(nextIndex('ArrowUp', 0, 3, true)).toBe(2);
    expect(nextIndex('ArrowRight', 0, 3, true)).toBeNull();
  });
});
