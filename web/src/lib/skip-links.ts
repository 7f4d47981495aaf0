// The skip links at the top of the page: past the header to the view, and in Explore straight to the graph's canvas
// (issue 14, finding 10: twenty-odd tab stops stood between the top of the page and the canvas).

/** The id of Explore's canvas, which the "skip to the graph" link focuses. */
export const EXPLORE_CANVAS_ID = 'explore-graph';

/**
 * Focuses the element a skip link points at without putting its #fragment into the URL: a shared link should say
 * what is shown, not where the keyboard last jumped. A target that is gone (the table replaced the canvas) is left to
 * the browser's own fragment navigation.
 */
export function skipTo(event: MouseEvent, id: string): void {
  const target = document.getElementById(id);
  if (!target) return;
  event.preventDefault();
  target.focus();
  target.scrollIntoView({ block: 'nearest' });
}
