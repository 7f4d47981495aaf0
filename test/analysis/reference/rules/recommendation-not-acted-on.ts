// Time rule: a recommendation whose targets later sources show unchanged — judged across years from the evidence of
// those later sources, never from silence. A target no later source mentions is left to the stale-status rule.
import { PROGRESS_RANK } from '../../../../graph/ontology.js';
import type { GapRuleInfo, LocalizedText } from '../../../../graph/schema/analysis.js';
import type { GraphNode } from '../../../../graph/schema/graph.js';
import type { AnalysisContext } from '../context.js';
import { allOf, anyOf, explain, fact, link, type Support } from '../basis.js';
import { EvidenceBuilder, finding, str } from '../evidence.js';
import { initiativesUnder } from '../plan.js';
import { list, quoted, t } from '../text.js';
import { surelyAfter } from '../time/dates.js';
import { addStatusEvidence, statusHistory, statusSupport, type StatusPoint } from '../time/status.js';
import { statusPhrase } from '../time/wording.js';
import type { Years } from '../time/years.js';
import type { GapRule } from './rule.js';

const info: GapRuleInfo = {
  id: 'recommendation-not-acted-on',
  severity: 'high',
  title: t('Anbefaling uten virkning', 'Recommendation not acted on'),
  explanation: explain(
    t(
      'Alvorlighet høy når målet fortsatt ikke er startet, ellers middels. Anbefalinger der alle senere kilder som gir status for det anbefalingen retter seg mot — målet selv og initiativene under det (i innsatsområdet eller handlingsplanen, eller som virksomheten leder eller deltar i) — viser samme status som da anbefalingen ble gitt, eller «ikke startet» der det ikke hadde noen status. En senere kilde er en kilde for et senere år, eller for samme år når den sikkert er publisert etter anbefalingen. Funnet bygger på disse senere kildene; et mål ingen senere kilde omtaler, gir ikke funn her (se «Ingen status på lenge»).',
      'Severity high where the target is still not started, medium otherwise. Recommendations where every later source that gives a status for what the recommendation targets — the target itself and the initiatives under it (of the focus area or action plan, or that the agency leads or takes part in) — shows the same status as when the recommendation was made, or "not started" where it had none. A later source is one for a later year, or for the same year when it was surely published after the recommendation. The finding rests on those later sources; a target no later source mentions gives no finding here (see "No recent status").',
    ),
    t(
      'lenken «retter seg mot» (eller «foreslår») til hvert mål, hver senere status og lenken til den, og — når en status er fra samme år som anbefalingen — publiseringsdatoene til de to kildene.',
      'the "targets" (or "proposes") link to each target, each later status and its link, and — where a status is of the recommendation\'s own year — the two sources\' publication dates.',
    ),
  ),
  subjectKinds: ['Recommendation'],
};

interface Unmoved {
  target: GraphNode;
  /** The subject whose later statuses are the evidence: the target, or an initiative under it. */
  subject: GraphNode;
  later: StatusPoint[];
}

/** A subject's statuses after `year`, and whether each equals the status it had then (or is "not started" without one). */
/** When a recommendation was made: its source's year, and its publication date where the source gives one. */
interface Made {
  year: number;
  published: string | null;
}

const publishedOf = (ctx: AnalysisContext, sourceId: string): string | null => str(ctx.node(sourceId), 'published') ?? null;

/**
 * A subject's statuses after the recommendation, and whether each equals the status it had when the recommendation was
 * made (or is "not started" without one). After means a later year, or the same year from a source published surely
 * after the recommendation's (a page of April 2021 after recommendations published in the first quarter).
 */
function laterStatuses(ctx: AnalysisContext, years: Years, subject: GraphNode, made: Made): { later: StatusPoint[]; unchanged: boolean } {
  const history = statusHistory(ctx, years, subject);
  const isLater = (p: StatusPoint) => {
    if (p.year !== made.year) return p.year > made.year;
    const published = publishedOf(ctx, p.source);
    return made.published !== null && published !== null && surelyAfter(published, made.published);
  };
  const later = history.filter(isLater);
  const baseline = history.filter((p) => p.year <= made.year && !isLater(p)).at(-1) ?? null;
  const unchanged = baseline
    ? later.every((p) => PROGRESS_RANK[p.progress] !== null && PROGRESS_RANK[p.progress] === PROGRESS_RANK[baseline.progress])
    : later.every((p) => p.progress === 'not_started');
  return { later, unchanged };
}

export const recommendationNotActedOn: GapRule = {
  info,
  run(ctx) {
    const years = ctx.years;
    const findings = [];
    for (const recommendation of ctx.nodesOf('Recommendation')) {
      const madeIn = years.ofNode(recommendation);
      if (madeIn === null) continue;
      const made: Made = { year: madeIn, published: publishedOf(ctx, str(recommendation, 'source') ?? '') };
      const targets = [...new Set(ctx.out(recommendation.id, 'TARGETS', 'PROPOSES').map((e) => e.to))].map((id) => ctx.node(id)!).filter(Boolean);
      const unmoved: Unmoved[] = [];
      let moved = false;
      for (const target of targets) {
        for (const subject of [target, ...initiativesUnder(ctx, target).filter((i) => i.id !== target.id)]) {
          const { later, unchanged } = laterStatuses(ctx, years, subject, made);
          if (later.length === 0) continue;
          if (!unchanged) moved = true;
          else unmoved.push({ target, subject, later });
        }
      }
      if (moved || unmoved.length === 0) continue;

      const evidence = new EvidenceBuilder(ctx).node(recommendation, { facts: ['points'] });
      const parts: LocalizedText[] = [];
      const grounds: Support[] = [];
      for (const { target, subject, later } of unmoved) {
        const targetLinks = ctx.out(recommendation.id, 'TARGETS', 'PROPOSES').filter((e) => e.to === target.id);
        // A status of the recommendation's own year counts as later only by the two publication dates: they are grounds too.
        const byPublication = later.some((p) => p.year === made.year);
        const madeSource = ctx.node(str(recommendation, 'source') ?? '');
        const dates =
          byPublication && madeSource
            ? [fact(madeSource, 'published'), ...later.filter((p) => p.year === made.year).map((p) => fact(ctx.node(p.source)!, 'published'))]
            : [];
        grounds.push(allOf(anyOf(...targetLinks.map(link)), ...later.map((point) => statusSupport(ctx, subject, point)), ...dates));
        if (subject.id !== target.id) evidence.node(subject, { facts: ['status', 'planNumber'] });
        evidence.allEdges(targetLinks).node(target, { facts: ['status', 'planNumber'] });
        for (const point of later) addStatusEvidence(evidence, ctx, subject, point, ['progress', 'statusLabel', 'executingLabel']);
        const last = later.at(-1)!;
        const phrase = statusPhrase(ctx, last);
        const executing = str(ctx.node(last.record), 'executingLabel');
        const name = quoted(subject);
        parts.push(
          t(
            `${name.nb} har fortsatt status ${phrase.nb}${executing ? `, utførende «${executing}»` : ''}`,
            `${name.en} still has the status ${phrase.en}${executing ? `, executing agency "${executing}"` : ''}`,
          ),
        );
      }
      const name = quoted(recommendation);
      // Work that later sources still show as not started weighs most; work still in progress may simply take time.
      const stillNotStarted = unmoved.every((u) => u.later.every((p) => p.progress === 'not_started'));
      findings.push(
        finding(
          info,
          recommendation,
          t(
            `Anbefalingen ${name.nb} (${madeIn}) ser ikke ut til å være fulgt opp: ${list(
              parts.map((p) => p.nb),
              'nb',
            )}.`,
            `The recommendation ${name.en} (${madeIn}) shows no effect: ${list(
              parts.map((p) => p.en),
              'en',
            )}.`,
          ),
          evidence,
          allOf(...grounds),
          {
            severity: stillNotStarted ? 'high' : 'medium',
            years: [madeIn, ...new Set(unmoved.flatMap((u) => u.later.map((p) => p.year)))].sort((a, b) => a - b),
          },
        ),
      );
    }
    return findings;
  },
};
