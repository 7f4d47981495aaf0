// How Explore names a group and a counted link, in the current language.
import type { OverviewGroup, OverviewLink } from '../../../graph/overview/aggregate.js';
import { formatNumber } from '../i18n/format.js';
import { i18n } from '../i18n/i18n.svelte.js';

/** The first letters that tell a part's first and last member apart from its neighbours' («Ab–Fo»). */
const initials = (name: string) => name.trim().slice(0, 2);

/** «Initiativer Ab–Fo (400)»; a kind in one group has no range. */
export function groupLabel(group: OverviewGroup): string {
  const range = group.parts > 1 ? i18n.t('explore.groupRange', { first: initials(group.first), last: initials(group.last) }) : '';
  return i18n.t('explore.group', { kind: i18n.kind(group.kind, true), range, count: formatNumber(group.count) });
}

/** «37 koblinger»; one relationship is named by its type. */
export function linkLabel(link: OverviewLink): string {
  return link.count === 1 && link.types.length === 1 ? i18n.relation(link.types[0]!) : i18n.t('explore.groupLink', { count: link.count });
}
