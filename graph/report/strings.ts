// The fixed wording of the coverage report, in Norwegian bokmål and English.
import { FINDING_BASIS_LABELS, GAP_SEVERITIES, GAP_SEVERITY_LABELS } from '../ontology.js';
import type { GapSeverity, Language } from '../schema/analysis.js';
import type { FollowUpState } from '../work/followup/schema.js';

const severityLabels = (lang: Language) => Object.fromEntries(GAP_SEVERITIES.map((s) => [s, GAP_SEVERITY_LABELS[s][lang]])) as Record<GapSeverity, string>;
/** "høy 2 · middels 0 · lav 5": counts in GAP_SEVERITIES order. */
const severityBreakdown = (lang: Language, counts: readonly number[]) =>
  GAP_SEVERITIES.map((s, i) => `${GAP_SEVERITY_LABELS[s][lang].toLowerCase()} ${counts[i]}`).join(' · ');

export interface ReportStrings {
  title: string;
  subtitle: string;
  dataset: string;
  version: string;
  generated: string;
  latestReport: string;
  /** The year the report answers for, as a header label. */
  asOf: string;
  noReport: string;
  summary: string;
  figure: string;
  value: string;
  focusAreas: string;
  focusAreasNotStarted: (n: number) => string;
  initiatives: string;
  initiativeBreakdown: (plan: number, supporting: number, proposed: number) => string;
  lifeEvents: string;
  lifeEventsThin: (n: number) => string;
  agencies: string;
  agenciesConcentration: (n: number) => string;
  sdgStated: string;
  ofFocusAreas: (stated: number, total: number) => string;
  statusReports: string;
  statusReportsOf: (reported: number, complete: number, total: number) => string;
  findings: string;
  findingsBreakdown: (high: number, medium: number, low: number) => string;
  findingsOnInference: string;
  findingsBasisBreakdown: (inferred: number, mixed: number) => string;
  gaps: string;
  gapsIntro: string;
  noFindings: string;
  severity: Record<GapSeverity, string>;
  severityHeading: (severity: GapSeverity, n: number) => string;
  findingCount: (n: number) => string;
  sources: string;
  page: (p: number) => string;
  inferred: string;
  /** After an analyst's reason that exists only in the other language. */
  otherLanguage: string;
  moreEvidence: (n: number) => string;
  matrices: string;
  matricesIntro: string;
  path: string;
  total: string;
  noLink: string;
  emptyRows: (empty: number, total: number, share: string, kind: string) => string;
  emptyCols: (empty: number, total: number, share: string, kind: string) => string;
  /** Appended to an empty-rows or empty-columns note when those are left out of the table. */
  omitted: string;
  inferredMark: string;
  legend: string;
  rules: string;
  rulesIntro: string;
  rule: string;
  severityColumn: string;
  count: string;
  footer: string;
  followUp: string;
  followUpIntro: (since: string, today: string) => string;
  followUpOpened: (n: number) => string;
  followUpOverdue: (n: number) => string;
  followUpClosed: (n: number) => string;
  followUpNone: string;
  followUpState: Record<FollowUpState, string>;
  followUpReopened: string;
  followUpOwner: (owner: string) => string;
  followUpDue: (date: string) => string;
  followUpReview: (date: string) => string;
  followUpDaysOver: (days: number) => string;
  followUpClosedBy: (source: string) => string;
  followUpReason: (reason: string) => string;
  followUpOrphaned: string;
}

const nb: ReportStrings = {
  title: 'Dekningsrapport',
  subtitle: 'Hull og dekning i handlingsplanen for «Én digital offentlig sektor» – til Skate-møtet',
  dataset: 'Datasett',
  version: 'versjon',
  generated: 'Generert',
  latestReport: 'Siste rapport',
  asOf: 'Per år',
  noReport: 'ingen rapport i datasettet',
  summary: 'Sammendrag',
  figure: 'Nøkkeltall',
  value: 'Verdi',
  focusAreas: 'Innsatsområder',
  focusAreasNotStarted: (n) => (n === 0 ? 'alle er i gang' : `${n} ikke startet`),
  initiatives: 'Initiativer',
  initiativeBreakdown: (p, s, f) => `${p} i handlingsplanen, ${s} understøttende, ${f} foreslått`,
  lifeEvents: 'Livshendelser',
  lifeEventsThin: (n) => (n === 0 ? 'ingen tynt dekket' : `${n} tynt dekket`),
  agencies: 'Virksomheter',
  agenciesConcentration: (n) => (n === 0 ? 'ingen konsentrasjonsrisiko' : `${n} med konsentrasjonsrisiko`),
  sdgStated: 'Uttalt effekt på bærekraftsmålene',
  ofFocusAreas: (s, t) => `${s} av ${t} innsatsområder`,
  statusReports: 'Statusrapporter i siste rapport',
  statusReportsOf: (r, c, t) => `${r} av ${t} initiativer i handlingsplanen (${c} fullstendige)`,
  findings: 'Funn',
  findingsBreakdown: (h, m, l) => severityBreakdown('nb', [h, m, l]),
  findingsOnInference: 'Funn som bygger på analytikerens slutninger',
  findingsBasisBreakdown: (i, m) => `${i} ${FINDING_BASIS_LABELS.inferred.nb.toLowerCase()} · ${m} ${FINDING_BASIS_LABELS.mixed.nb.toLowerCase()}`,
  gaps: 'Hull etter alvorlighet',
  gapsIntro: `Hvert funn viser sitatene og sidene i kilden som ligger bak. Utledede koblinger (inferred) er analytikerens forslag, ikke uttalt i kilden. Et funn merket «${FINDING_BASIS_LABELS.inferred.nb}» står ikke uten analytikerens slutninger og har én grad lavere alvorlighet enn regelen; «${FINDING_BASIS_LABELS.mixed.nb}» står på kildene, men noe av grunnlaget er utledet. Meldingen sier hvilke slutninger det gjelder.`,
  noFindings: 'Ingen funn.',
  severity: severityLabels('nb'),
  severityHeading: (s, n) => `${GAP_SEVERITY_LABELS[s].nb} alvorlighet (${n})`,
  findingCount: (n) => (n === 1 ? '1 funn' : `${n} funn`),
  sources: 'Kilder',
  page: (p) => `s. ${p}`,
  inferred: 'utledet',
  otherLanguage: 'kun på engelsk',
  moreEvidence: (n) => `og ${n} kilde${n === 1 ? '' : 'r'} til`,
  matrices: 'Dekningsmatriser',
  matricesIntro: 'Tallene er antall koblingskjeder mellom rad og kolonne. En stjerne betyr at minst én kobling er utledet av analytikeren.',
  path: 'Sti',
  total: 'Sum',
  noLink: '–',
  emptyRows: (e, t, s, k) => `${e} av ${t} ${k} (${s}) har ingen kobling`,
  emptyCols: (e, t, s, k) => `${e} av ${t} ${k} (${s}) har ingen kobling`,
  omitted: ' og er utelatt fra tabellen',
  inferredMark: '* minst én utledet kobling',
  legend: 'Forklaring',
  rules: 'Reglene',
  rulesIntro: 'Alle regler som ble kjørt, også de uten funn.',
  rule: 'Regel',
  severityColumn: 'Alvorlighet',
  count: 'Funn',
  footer: 'Laget med Strategigraf fra kunnskapsgrafen over «Én digital offentlig sektor».',
  followUp: 'Oppfølging siden forrige møte',
  followUpIntro: (since, today) =>
    `Funn som er nye eller åpnet igjen siden ${since}, funn som har passert fristen per ${today}, og funn som er lukket siden ${since}: løst, akseptert som risiko eller lukket av nye data.`,
  followUpOpened: (n) => `Nye funn (${n})`,
  followUpOverdue: (n) => `Over fristen (${n})`,
  followUpClosed: (n) => `Lukket (${n})`,
  followUpNone: 'Ingen.',
  followUpState: { open: 'åpent', acknowledged: 'under arbeid', resolved: 'løst', accepted_risk: 'akseptert risiko', closed_by_data: 'lukket av data' },
  followUpReopened: 'åpnet igjen',
  followUpOwner: (o) => `eier ${o}`,
  followUpDue: (d) => `frist ${d}`,
  followUpReview: (d) => `vurderes igjen ${d}`,
  followUpDaysOver: (n) => (n === 1 ? '1 dag over' : `${n} dager over`),
  followUpClosedBy: (source) => `forsvant i ${source}`,
  followUpReason: (r) => `begrunnelse: ${r}`,
  followUpOrphaned: 'emnet finnes ikke lenger i dataene',
};

const en: ReportStrings = {
  title: 'Coverage report',
  subtitle: 'Gaps and coverage in the action plan of "One digital public sector" – for the Skate meeting',
  dataset: 'Dataset',
  version: 'version',
  generated: 'Generated',
  latestReport: 'Latest report',
  asOf: 'As of',
  noReport: 'no report in the dataset',
  summary: 'Summary',
  figure: 'Figure',
  value: 'Value',
  focusAreas: 'Focus areas',
  focusAreasNotStarted: (n) => (n === 0 ? 'all under way' : `${n} not started`),
  initiatives: 'Initiatives',
  initiativeBreakdown: (p, s, f) => `${p} in the action plan, ${s} supporting, ${f} proposed`,
  lifeEvents: 'Life events',
  lifeEventsThin: (n) => (n === 0 ? 'none thinly covered' : `${n} thinly covered`),
  agencies: 'Agencies',
  agenciesConcentration: (n) => (n === 0 ? 'no concentration risk' : `${n} with concentration risk`),
  sdgStated: 'Stated effect on the SDGs',
  ofFocusAreas: (s, t) => `${s} of ${t} focus areas`,
  statusReports: 'Status reports in the latest report',
  statusReportsOf: (r, c, t) => `${r} of ${t} action-plan initiatives (${c} complete)`,
  findings: 'Findings',
  findingsBreakdown: (h, m, l) => severityBreakdown('en', [h, m, l]),
  findingsOnInference: "Findings resting on the analyst's inferences",
  findingsBasisBreakdown: (i, m) => `${i} ${FINDING_BASIS_LABELS.inferred.en.toLowerCase()} · ${m} ${FINDING_BASIS_LABELS.mixed.en.toLowerCase()}`,
  gaps: 'Gaps by severity',
  gapsIntro: `Each finding shows the quotes and pages of the source behind it. Inferred links are the analyst's suggestions, not stated in the source. A finding marked "${FINDING_BASIS_LABELS.inferred.en}" does not stand without the analyst's inferences and is one severity step below its rule; "${FINDING_BASIS_LABELS.mixed.en}" stands on the sources, but part of its grounds is inferred. The message says which inferences.`,
  noFindings: 'No findings.',
  severity: severityLabels('en'),
  severityHeading: (s, n) => `${GAP_SEVERITY_LABELS[s].en} severity (${n})`,
  findingCount: (n) => (n === 1 ? '1 finding' : `${n} findings`),
  sources: 'Sources',
  page: (p) => `p. ${p}`,
  inferred: 'inferred',
  otherLanguage: 'Norwegian only',
  moreEvidence: (n) => `and ${n} more source${n === 1 ? '' : 's'}`,
  matrices: 'Coverage matrices',
  matricesIntro: 'Numbers count the chains of links between row and column. An asterisk means at least one link was inferred by the analyst.',
  path: 'Path',
  total: 'Total',
  noLink: '–',
  emptyRows: (e, t, s, k) => `${e} of ${t} ${k} (${s}) have no link`,
  emptyCols: (e, t, s, k) => `${e} of ${t} ${k} (${s}) have no link`,
  omitted: ' and are left out of the table',
  inferredMark: '* at least one inferred link',
  legend: 'Legend',
  rules: 'The rules',
  rulesIntro: 'Every rule that was run, including those without findings.',
  rule: 'Rule',
  severityColumn: 'Severity',
  count: 'Findings',
  footer: 'Made with Strategigraf from the knowledge graph of "One digital public sector".',
  followUp: 'Follow-up since the last meeting',
  followUpIntro: (since, today) =>
    `Findings that are new or open again since ${since}, findings past their due date as of ${today}, and findings closed since ${since}: resolved, accepted as a risk, or closed by new data.`,
  followUpOpened: (n) => `New findings (${n})`,
  followUpOverdue: (n) => `Overdue (${n})`,
  followUpClosed: (n) => `Closed (${n})`,
  followUpNone: 'None.',
  followUpState: { open: 'open', acknowledged: 'in hand', resolved: 'resolved', accepted_risk: 'risk accepted', closed_by_data: 'closed by data' },
  followUpReopened: 'open again',
  followUpOwner: (o) => `owner ${o}`,
  followUpDue: (d) => `due ${d}`,
  followUpReview: (d) => `review ${d}`,
  followUpDaysOver: (n) => (n === 1 ? '1 day over' : `${n} days over`),
  followUpClosedBy: (source) => `disappeared in ${source}`,
  followUpReason: (r) => `reason: ${r}`,
  followUpOrphaned: 'its subject is no longer in the data',
};

export const STRINGS: Record<Language, ReportStrings> = { nb, en };
