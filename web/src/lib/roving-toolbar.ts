// A toolbar with one tab stop (WAI-ARIA APG "toolbar", roving tabindex): Tab enters it on the button last used, the
// arrow keys, Home and End move between its buttons, Tab leaves it. Fewer stops between the top of Explore and its
// canvas (issue 14, finding 10) without hiding any button from the keyboard.

const ITEMS = 'button:not([disabled])';

/** The buttons the arrow keys move through, in document order. */
function items(toolbar: HTMLElement): HTMLElement[] {
  return [...toolbar.querySelectorAll<HTMLElement>(ITEMS)];
}

/** Makes `current` the toolbar's one tab stop. */
function makeCurrent(toolbar: HTMLElement, current: HTMLElement): void {
  for (const item of items(toolbar)) item.tabIndex = item === current ? 0 : -1;
}

/** The index the key moves to from `from` among `count` items, or null for a key the toolbar does not handle. */
export function nextIndex(key: string, from: number, count: number, vertical = false): number | null {
  if (count === 0) return null;
  const forward = vertical ? 'ArrowDown' : 'ArrowRight';
  const back = vertical ? 'ArrowUp' : 'ArrowLeft';
  if (key === forward) return (from + 1) % count;
  if (key === back) return (from - 1 + count) % count;
  if (key === 'Home') return 0;
  if (key === 'End') return count - 1;
  return null;
}

/** Svelte action for an element with role="toolbar" holding buttons. */
export function rovingToolbar(toolbar: HTMLElement): { destroy(): void } {
  const vertical = toolbar.getAttribute('aria-orientation') === 'vertical';
  const first = items(toolbar)[0];
  if (first) makeCurrent(toolbar, first);

  function onKeydown(event: KeyboardEvent): void {
    const all = items(toolbar);
    const from = all.indexOf(event.target as HTMLElement);
    if (from < 0) return;
    const to = nextIndex(event.key, from, all.length, vertical);
    if (to === null) return;
    event.preventDefault();
    makeCurrent(toolbar, all[to]!);
    all[to]!.focus();
  }
  // A click (or any focus) on a button makes it the one Tab comes back to.
  function onFocusin(event: FocusEvent): void {
    const target = event.target as HTMLElement;
    if (items(toolbar).includes(target)) makeCurrent(toolbar, target);
  }

  toolbar.addEventListener('keydown', onKeydown);
  toolbar.addEventListener('focusin', onFocusin);
  return {
    destroy() {
      toolbar.removeEventListener('keydown', onKeydown);
      toolbar.removeEventListener('focusin', onFocusin);
    },
  };
}
