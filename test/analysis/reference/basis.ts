// What a gap finding rests on, and what follows when that is the analyst's inference rather than the source's word.
//
// A rule says, for each finding, which links and node fields its conclusion rests on: a small formula of all-of,
// any-of and at-least over them (its support). Context shown beside the evidence is not part of it. The basis is then
// worked out here, the same way for every rule: a finding whose support holds on the stated links and fields alone
// stands on the sources (stated, or mixed when some of what it names is inferred); one whose support fails without
// the inferred ones rests on the analyst's inferences. The design and each rule's support: docs/gap-rules.md.
import { GAP_SEVERITIES, GAP_SEVERITY_LABELS, PROPERTY_LABELS, RELATIONSHIP_LABELS } from '../../../graph/ontology.js';
import type { FindingBasis, GapSeverity, Language, LocalizedText } from '../../../graph/schema/analysis.js';
import type { GraphEdge, GraphNode } from '../../../graph/schema/graph.js';

/** A link the conclusion rests on. */
export interface LinkSupport {
  readonly link: GraphEdge;
}
/** A field of a node the conclusion rests on, e.g. a focus area's status. */
export interface FactSupport {
  readonly fact: GraphNode;
  readonly field: string;
}
export type SupportLeaf = LinkSupport | FactSupport;
export type Support =
  SupportLeaf | { readonly all: readonly Support[] } | { readonly any: readonly Support[] } | { readonly atLeast: number; readonly of: readonly Support[] };

export const link = (edge: GraphEdge): Support => ({ link: edge });
export const fact = (node: GraphNode, field: string): Support => ({ fact: node, field });
/** Every part is needed. */
export const allOf = (...parts: Support[]): Support => ({ all: parts });
/** Each part is enough on its own: the finding's alternative grounds, e.g. each dependency not started. */
export const anyOf = (...parts: Support[]): Support => ({ any: parts });
/** At least `n` of the parts, e.g. the initiatives that put an agency over a share. */
export const atLeast = (n: number, parts: Support[]): Support => ({ atLeast: n, of: parts });
/**
 * A conclusion drawn from what the sources do not say (no lead, no stated SDG link): there is no link or field to
 * doubt, so it stands on the sources as they are.
 */
export const NOTHING: Support = allOf();

function isLeaf(s: Support): s is SupportLeaf {
  return 'link' in s || 'fact' in s;
}

function holds(s: Support, ok: (leaf: SupportLeaf) => boolean): boolean {
  if (isLeaf(s)) return ok(s);
  if ('all' in s) return s.all.every((p) => holds(p, ok));
  if ('any' in s) return s.any.some((p) => holds(p, ok));
  return s.of.filter((p) => holds(p, ok)).length >= s.atLeast;
}

function leafKey(leaf: SupportLeaf): string {
  return 'link' in leaf ? `link ${leaf.link.id}` : `fact ${leaf.fact.id} ${leaf.field}`;
}

/** The links and fields a support names, each once, in the order it names them. */
export function supportLeaves(s: Support): SupportLeaf[] {
  const found = new Map<string, SupportLeaf>();
  const walk = (x: Support) => {
    if (isLeaf(x)) {
      if (!found.has(leafKey(x))) found.set(leafKey(x), x);
    } else for (const part of 'all' in x ? x.all : 'any' in x ? x.any : x.of) walk(part);
  };
  walk(s);
  return [...found.values()];
}

/** A link stated in its source, or a field the node does not mark as the analyst's reading. */
export function isStated(leaf: SupportLeaf): boolean {
  return 'link' in leaf ? leaf.link.properties.basis === 'stated' : !Object.hasOwn(leaf.fact.inferred ?? {}, leaf.field);
}

/**
 * An inference an editor rejected (docs/review.md): it holds nothing up. Rejected links are already left out of the
 * graph analysis reads (graph/review/lens.ts); a rejected field stays on its node, so it is caught here.
 */
export function isRejected(leaf: SupportLeaf): boolean {
  return 'link' in leaf ? leaf.link.properties.review?.state === 'rejected' : leaf.fact.review?.[leaf.field]?.state === 'rejected';
}

export class SupportError extends Error {}

/**
 * The basis of a finding with this support, and the inferred links and fields it names; null when the finding does not
 * stand once the inferences editors rejected are taken away (it is then not made at all).
 */
export function basisOf(support: Support): { basis: FindingBasis; inferred: SupportLeaf[] } | null {
  // A support that fails with everything it names is a rule that reports what it cannot ground: a bug, not data.
  if (!holds(support, () => true)) throw new SupportError('a finding whose support does not hold even with every link and field it names');
  if (!holds(support, (leaf) => !isRejected(leaf))) return null;
  const inferred = supportLeaves(support).filter((leaf) => !isStated(leaf) && !isRejected(leaf));
  if (inferred.length === 0) return { basis: 'stated', inferred };
  return { basis: holds(support, isStated) ? 'mixed' : 'inferred', inferred };
}

/** One step less serious; low stays low. */
export function lowerSeverity(severity: GapSeverity): GapSeverity {
  return GAP_SEVERITIES[Math.min(GAP_SEVERITIES.indexOf(severity) + 1, GAP_SEVERITIES.length - 1)]!;
}

type Names = (id: string) => Pick<GraphNode, 'name' | 'nameEn' | 'properties'> | undefined;

/** «Digdir» leder (utfører) «StimuLab» / the status of "X": an inferred link or field in words, agencies by short name. */
function leafText(leaf: SupportLeaf, names: Names, lang: Language): string {
  const name = (id: string) => {
    const node = names(id);
    const short = node?.properties['shortName'];
    const text = !node ? id : typeof short === 'string' ? short : lang === 'en' ? (node.nameEn ?? node.name) : node.name;
    return lang === 'nb' ? `«${text}»` : `"${text}"`;
  };
  if ('link' in leaf) return `${name(leaf.link.from)} ${RELATIONSHIP_LABELS[leaf.link.type][lang]} ${name(leaf.link.to)}`;
  const field = (PROPERTY_LABELS[leaf.field]?.[lang] ?? leaf.field).toLowerCase();
  return lang === 'nb' ? `${field} for ${name(leaf.fact.id)}` : `the ${field} of ${name(leaf.fact.id)}`;
}

const MAX_NAMED = 4;

function leafList(leaves: readonly SupportLeaf[], names: Names, lang: Language): string {
  const texts = leaves.slice(0, leaves.length > MAX_NAMED ? MAX_NAMED - 1 : MAX_NAMED).map((l) => leafText(l, names, lang));
  if (texts.length < leaves.length) texts.push(lang === 'nb' ? `${leaves.length - texts.length} til` : `${leaves.length - texts.length} more`);
  return texts.join('; ');
}

/**
 * The sentence a mixed or inferred finding ends with: which links and fields are inferred, and for an inferred one
 * that its severity was lowered (from `from` to `to`, when they differ).
 */
export function basisSentence(basis: FindingBasis, inferred: readonly SupportLeaf[], names: Names, from: GapSeverity, to: GapSeverity): LocalizedText | null {
  if (basis === 'stated') return null;
  const items = { nb: leafList(inferred, names, 'nb'), en: leafList(inferred, names, 'en') };
  if (basis === 'mixed') {
    return {
      nb: `Deler av grunnlaget er analytikerens slutninger (utledet: ${items.nb}), men funnet står også på det kildene sier.`,
      en: `Part of its grounds is the analyst's inference (inferred: ${items.en}), but the finding also stands on what the sources state.`,
    };
  }
  const lowered =
    from === to
      ? { nb: '', en: '' }
      : {
          nb: `; derfor ${GAP_SEVERITY_LABELS[to].nb.toLowerCase()} og ikke ${GAP_SEVERITY_LABELS[from].nb.toLowerCase()} alvorlighet`,
          en: `; hence ${GAP_SEVERITY_LABELS[to].en.toLowerCase()} rather than ${GAP_SEVERITY_LABELS[from].en.toLowerCase()} severity`,
        };
  return {
    nb: `Funnet bygger på analytikerens slutninger og står ikke på kildene alene (utledet: ${items.nb})${lowered.nb}.`,
    en: `The finding rests on the analyst's inferences and does not stand on the sources alone (inferred: ${items.en})${lowered.en}.`,
  };
}

/** Appended to every rule's explanation: what the basis does to a finding. */
export const BASIS_EXPLANATION: LocalizedText = {
  nb: 'Et funn som ikke står uten analytikerens slutninger (utledede koblinger eller felt), får én grad lavere alvorlighet enn regelen, og meldingen sier hvilke slutninger det bygger på; står funnet på kildene alene, men noe av grunnlaget er utledet, nevner meldingen hva.',
  en: "A finding that does not stand without the analyst's inferences (inferred links or fields) gets a severity one step below the rule's, and its message names the inferences it rests on; when it stands on the sources alone but part of its grounds is inferred, the message names what.",
};

/** A rule's explanation: what it checks, what a finding rests on, and what the basis does. */
export function explain(what: LocalizedText, restsOn: LocalizedText): LocalizedText {
  return {
    nb: `${what.nb} Avgjørende for funnet: ${restsOn.nb} ${BASIS_EXPLANATION.nb}`,
    en: `${what.en} What a finding rests on: ${restsOn.en} ${BASIS_EXPLANATION.en}`,
  };
}

/** A rule's explanation without the basis sentence every rule shares, for a page that says it once (the report). */
export function ownExplanation(explanation: LocalizedText, lang: Language): string {
  return explanation[lang].replace(` ${BASIS_EXPLANATION[lang]}`, '');
}
