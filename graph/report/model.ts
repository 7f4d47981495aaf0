// What the coverage report says, in one language and ready to lay out; the markdown and HTML writers only format it.
import { ownExplanation } from '../analysis/basis.js';
import { buildContext } from '../analysis/context.js';
import { resolveGapConfig, type GapConfigOverrides } from '../analysis/config.js';
import { COVERAGE_PRESETS, coverageByPreset } from '../analysis/coverage.js';
import { findGaps, GAP_RULES, summarizeGaps } from '../analysis/gaps.js';
import { statusReportsIn } from '../analysis/plan.js';
import { unansweredFields } from '../analysis/rules/missing-status.js';
import { fieldLabel } from '../analysis/rules/report-placeholders.js';
import { compareIds, kindLabel, nameIn, percent, typeLabel } from '../analysis/text.js';
import { analystNote, FINDING_BASIS_LABELS, type NodeKind } from '../ontology.js';
import { GAP_SEVERITIES, type CoverageMatrix, type FindingBasis, type GapFinding, type GapSeverity, type Language } from '../schema/analysis.js';
import type { GraphNode } from '../schema/graph.js';
import type { GraphSnapshot } from '../store/port.js';
import type { DigestEntry, FollowUpDigest } from '../work/followup/digest.js';
import { osloDate } from '../work/followup/state.js';
import { STRINGS, type ReportStrings } from './strings.js';

export interface SourceLine {
  /** The quote, or for an inferred link the analyst's reason. */
  text: string;
  /** What the line is about: a node name or "A —leads→ B". */
  about: string;
  source: string;
  page: number | null;
  /** The link was inferred by the analyst, not stated in the source. */
  inferred: boolean;
  /** `text` is the analyst's reason, not a quote from the source. */
  isNote?: boolean;
  /** The reason is only in the other language: the reader is told so («kun på engelsk»). */
  otherLanguage?: boolean;
}

export interface FindingView {
  subject: string;
  message: string;
  basis: FindingBasis;
  /** The basis in words ("Delvis utledet"), or null for a finding that rests on stated sources only. */
  basisLabel: string | null;
  sources: SourceLine[];
  moreSources: number;
}

export interface RuleSection {
  id: string;
  title: string;
  explanation: string;
  findings: FindingView[];
}

export interface MatrixCellView {
  count: number;
  inferred: boolean;
}

export interface MatrixView {
  id: string;
  title: string;
  path: string;
  corner: string;
  colHeaders: { label: string; title: string }[];
  rows: { label: string; cells: (MatrixCellView | null)[]; total: number }[];
  colTotals: number[];
  total: number;
  notes: string[];
  legend: { label: string; name: string }[];
}

export interface FollowUpLine {
  severity: GapSeverity;
  subject: string;
  message: string;
  /** State, owner, dates, reason or closing source, in words. */
  details: string[];
}

export interface FollowUpSectionView {
  heading: string;
  intro: string;
  groups: { id: 'opened' | 'overdue' | 'closed'; heading: string; items: FollowUpLine[] }[];
}

export interface ReportModel {
  lang: Language;
  s: ReportStrings;
  dataset: { name: string; version: string };
  generated: string;
  generatedIso: string;
  latestReport: string | null;
  /** The year the report answers for (the graph as it stood then), when one was asked for; null: the data as given. */
  asOf: number | null;
  summary: { label: string; value: string }[];
  severities: { severity: GapSeverity; heading: string; count: number; rules: RuleSection[] }[];
  matrices: MatrixView[];
  rules: { id: string; title: string; severity: string; level: GapSeverity; count: number }[];
  /** The follow-up since the last meeting, when the report was given it. */
  followUp: FollowUpSectionView | null;
}

export interface ReportOptions {
  generatedAt: Date | string;
  lang?: Language;
  config?: GapConfigOverrides;
  /** Quotes shown per finding before "and N more". */
  maxSources?: number;
  /** The follow-up since the last meeting (graph/work/followup/digest.ts); left out, the report has no follow-up section. */
  followUp?: FollowUpDigest;
  /** The year the snapshot was cut to (graph/projection/as-of.ts), printed in the header; the caller does the cutting. */
  asOf?: number;
}

export function buildReportModel(snapshot: GraphSnapshot, options: ReportOptions): ReportModel {
  const lang = options.lang ?? 'nb';
  const s = STRINGS[lang];
  const config = resolveGapConfig(options.config);
  const ctx = buildContext(snapshot, config);
  const findings = findGaps(snapshot, { config: options.config ?? {} });
  const counts = summarizeGaps(findings);
  const generatedAt = typeof options.generatedAt === 'string' ? new Date(options.generatedAt) : options.generatedAt;
  if (Number.isNaN(generatedAt.getTime())) throw new Error(`invalid generation date "${String(options.generatedAt)}"`);
  const maxSources = options.maxSources ?? 3;

  const sourceLabel = (id: string | null): string => {
    if (!id) return '';
    const node = ctx.node(id);
    if (node?.kind === 'Report') {
      const name = nameIn(node, lang);
      if (name.length <= 40) return name;
      // "Erfaringsrapport etter 1 år …" → "Erfaringsrapport 2020"; "Experience report after …" → "Experience report 2020".
      const head = name.match(/^.{1,30}?\breport\b/i)?.[0] ?? name.split(/\s+/)[0];
      return `${head} ${String(node.properties['year'] ?? '')}`.trim();
    }
    const ref = snapshot.references.find((r) => r.id === id);
    if (ref) {
      const title = ref.title.replace(/\s*\([^)]*\)\s*$/, '');
      return title.length <= 70 ? title : `${title.slice(0, 67).replace(/\s+\S*$/, '')}…`;
    }
    return id;
  };
  const nodeName = (id: string, fallback: string) => {
    const node = ctx.node(id);
    return node ? nameIn(node, lang) : fallback;
  };

  const placeholderPatterns = config.placeholders.patterns.map((p) => new RegExp(p.regex, 'imu'));
  const view = (f: GapFinding): FindingView => {
    const lines = f.rule === 'report-placeholders' ? placeholderLines(f, placeholderPatterns, lang, sourceLabel) : sourceLines(f, lang, sourceLabel, nodeName);
    // Rules with many findings show one quote each, so the list stays readable in a meeting.
    const max = findings.filter((x) => x.rule === f.rule).length > 10 ? Math.min(2, maxSources) : maxSources;
    return {
      subject: nameIn(f.subject, lang),
      message: f.message[lang],
      basis: f.basis,
      basisLabel: f.basis === 'stated' ? null : FINDING_BASIS_LABELS[f.basis][lang],
      sources: lines.slice(0, max),
      moreSources: Math.max(0, lines.length - max),
    };
  };

  const severities = GAP_SEVERITIES.map((severity) => {
    const inSeverity = findings.filter((f) => f.severity === severity);
    const rules = GAP_RULES.filter((r) => inSeverity.some((f) => f.rule === r.id)).map((r) => ({
      id: r.id,
      title: r.title[lang],
      // The intro explains the basis once for every rule.
      explanation: ownExplanation(r.explanation, lang),
      findings: inSeverity.filter((f) => f.rule === r.id).map(view),
    }));
    return { severity, heading: s.severityHeading(severity, inSeverity.length), count: inSeverity.length, rules };
  });

  const matrices = COVERAGE_PRESETS.map((p) => matrixView(coverageByPreset(snapshot, p.id), ctx.node, lang, s));

  // Summary figures.
  const focusAreas = ctx.nodesOf('FocusArea');
  const initiatives = ctx.nodesOf('Initiative');
  const byCategory = (c: string) => initiatives.filter((i) => i.properties['category'] === c);
  const planInitiatives = byCategory('action_plan');
  const latest = ctx.latestReport;
  const reported = latest ? planInitiatives.map((i) => statusReportsIn(ctx, i.id, latest.id)).filter((r) => r.length > 0) : [];
  const complete = reported.filter((r) => r.every((x) => x.statusReport.properties['complete'] !== false && unansweredFields(x.statusReport).length === 0));
  const stated = focusAreas.filter((fa) => ctx.out(fa.id, 'CONTRIBUTES_TO').some((e) => e.properties.basis === 'stated'));
  const subjectsOf = (rule: string, kind?: NodeKind) =>
    new Set(findings.filter((f) => f.rule === rule && (!kind || f.subject.kind === kind)).map((f) => f.subject.id)).size;
  const summary = [
    {
      label: s.focusAreas,
      value: `${focusAreas.length} (${s.focusAreasNotStarted(focusAreas.filter((fa) => fa.properties['status'] === 'not_started').length)})`,
    },
    {
      label: s.initiatives,
      value: `${initiatives.length} (${s.initiativeBreakdown(planInitiatives.length, byCategory('supporting').length, byCategory('proposed').length)})`,
    },
    { label: s.lifeEvents, value: `${ctx.nodesOf('LifeEvent').length} (${s.lifeEventsThin(subjectsOf('thin-life-event-coverage'))})` },
    { label: s.agencies, value: `${ctx.nodesOf('Agency').length} (${s.agenciesConcentration(subjectsOf('concentration-risk', 'Agency'))})` },
    { label: s.sdgStated, value: s.ofFocusAreas(stated.length, focusAreas.length) },
    { label: s.statusReports, value: latest ? s.statusReportsOf(reported.length, complete.length, planInitiatives.length) : s.noReport },
    { label: s.findings, value: `${counts.total} (${s.findingsBreakdown(counts.bySeverity.high, counts.bySeverity.medium, counts.bySeverity.low)})` },
    { label: s.findingsOnInference, value: s.findingsBasisBreakdown(counts.byBasis.inferred, counts.byBasis.mixed) },
  ];

  return {
    lang,
    s,
    dataset: { name: snapshot.meta.name, version: snapshot.meta.version },
    generated: new Intl.DateTimeFormat(lang === 'nb' ? 'nb-NO' : 'en-GB', { dateStyle: 'long', timeZone: 'Europe/Oslo' }).format(generatedAt),
    generatedIso: generatedAt.toISOString(),
    latestReport: latest ? `${nameIn(latest, lang)} (${String(latest.properties['year'] ?? '')})` : null,
    asOf: options.asOf ?? null,
    summary,
    severities,
    matrices,
    rules: GAP_RULES.map((r) => ({ id: r.id, title: r.title[lang], severity: s.severity[r.severity], level: r.severity, count: counts.byRule[r.id] ?? 0 })),
    followUp: options.followUp ? followUpView(options.followUp, lang, s) : null,
  };
}

/** A calendar date (YYYY-MM-DD) as the report writes dates: «30. juni 2026», "30 June 2026". */
function calendarDate(date: string, lang: Language): string {
  const at = new Date(`${date}T12:00:00Z`);
  if (Number.isNaN(at.getTime())) return date;
  return new Intl.DateTimeFormat(lang === 'nb' ? 'nb-NO' : 'en-GB', { dateStyle: 'long', timeZone: 'UTC' }).format(at);
}

const daysBetween = (from: string, to: string) => Math.round((Date.parse(`${to}T12:00:00Z`) - Date.parse(`${from}T12:00:00Z`)) / 86_400_000);

function followUpView(digest: FollowUpDigest, lang: Language, s: ReportStrings): FollowUpSectionView {
  const owner = (e: DigestEntry) => (e.owner ? [s.followUpOwner(e.owner.name)] : []);
  const line = (e: DigestEntry, details: string[]): FollowUpLine => ({
    severity: e.finding.severity,
    subject: nameIn(e.finding.subject, lang),
    message: e.finding.message[lang],
    details: [...details, ...(e.orphaned ? [s.followUpOrphaned] : [])],
  });
  const opened = digest.opened.map((e) =>
    line(e, [
      e.reopened ? `${s.followUpState[e.state]} (${s.followUpReopened})` : s.followUpState[e.state],
      ...owner(e),
      ...(e.state === 'acknowledged' && e.dueDate ? [s.followUpDue(calendarDate(e.dueDate, lang))] : []),
    ]),
  );
  const overdue = digest.overdue.map((e) => {
    const risk = e.state === 'accepted_risk';
    const date = (risk ? e.reviewDate : e.dueDate)!;
    const when = risk ? s.followUpReview(calendarDate(date, lang)) : s.followUpDue(calendarDate(date, lang));
    return line(e, [s.followUpState[e.state], ...owner(e), `${when} (${s.followUpDaysOver(daysBetween(date, digest.today))})`]);
  });
  const closed = digest.closed.map((e) => {
    const r = e;
    const how =
      r.state === 'closed_by_data'
        ? r.closedBy?.source
          ? [s.followUpClosedBy(`${nameIn(r.closedBy.source, lang)} (${r.closedBy.source.year ?? ''})`.replace(' ()', ''))]
          : []
        : [...(r.reason ? [s.followUpReason(r.reason)] : []), ...(e.by ? [e.by.name] : [])];
    return line(e, [`${s.followUpState[r.state]} ${calendarDate(osloDate(new Date(e.at)), lang)}`, ...how]);
  });
  return {
    heading: s.followUp,
    intro: s.followUpIntro(calendarDate(digest.since, lang), calendarDate(digest.today, lang)),
    groups: [
      { id: 'opened', heading: s.followUpOpened(opened.length), items: opened },
      { id: 'overdue', heading: s.followUpOverdue(overdue.length), items: overdue },
      { id: 'closed', heading: s.followUpClosed(closed.length), items: closed },
    ],
  };
}

/** Quotes behind a finding: the subject's own first, then the links, then the other nodes; each text once. */
function sourceLines(
  f: GapFinding,
  lang: Language,
  sourceLabel: (id: string | null) => string,
  nodeName: (id: string, fallback: string) => string,
): SourceLine[] {
  const lines: SourceLine[] = [];
  const seen = new Set<string>();
  const push = (line: SourceLine) => {
    const key = line.text.trim();
    if (!key || seen.has(key)) return;
    seen.add(key);
    lines.push(line);
  };
  const nodeLine = (n: GapFinding['evidence']['nodes'][number]) => {
    // A quote that only repeats the node's name (a report's title) says nothing the message does not.
    if (n.quote && n.quote.trim().toLowerCase() !== n.name.trim().toLowerCase()) {
      push({ text: n.quote, about: nameIn(n, lang), source: sourceLabel(n.source), page: n.page, inferred: false });
    }
  };
  const subject = f.evidence.nodes.find((n) => n.id === f.subject.id);
  if (subject) nodeLine(subject);
  // Stated links first: they are the source's own words; inferred ones are the analyst's reading.
  const edges = [...f.evidence.edges].sort((a, b) => Number(a.properties.basis === 'inferred') - Number(b.properties.basis === 'inferred'));
  for (const e of edges) {
    const about = `${nodeName(e.from, e.fromName)} —${typeLabel(e.type)[lang]}→ ${nodeName(e.to, e.toName)}`;
    const inferred = e.properties.basis === 'inferred';
    // The analyst's reason in the report's language where the dataset has it there (the other language otherwise).
    const note = e.properties.quote || !inferred ? null : analystNote(e.properties, lang);
    const text = e.properties.quote ?? note?.text ?? null;
    if (text) {
      push({
        text,
        about,
        source: sourceLabel(e.properties.source),
        page: e.properties.page,
        inferred,
        isNote: note !== null,
        otherLanguage: note?.otherLanguage ?? false,
      });
    }
  }
  for (const n of f.evidence.nodes) if (n.id !== f.subject.id) nodeLine(n);
  return lines;
}

/** For placeholder findings: the text around each placeholder, field by field. */
function placeholderLines(f: GapFinding, patterns: RegExp[], lang: Language, sourceLabel: (id: string | null) => string): SourceLine[] {
  const lines: SourceLine[] = [];
  for (const n of f.evidence.nodes) {
    for (const [field, value] of Object.entries(n.facts ?? {})) {
      for (const text of Array.isArray(value) ? value : [value]) {
        if (typeof text !== 'string') continue;
        const at = patterns.map((p) => text.search(p)).filter((i) => i >= 0);
        if (at.length === 0) continue;
        lines.push({
          text: excerpt(text, Math.min(...at)),
          about: `${nameIn(n, lang)} · ${fieldLabel(field)[lang]}`,
          source: sourceLabel(n.source),
          page: n.page,
          inferred: false,
        });
      }
    }
  }
  for (const e of f.evidence.edges) {
    const note = e.properties.quote ? null : analystNote(e.properties, lang);
    const text = e.properties.quote ?? note?.text ?? '';
    if (text) {
      lines.push({
        text: excerpt(text, 0),
        otherLanguage: note?.otherLanguage ?? false,
        about: `${e.fromName} —${typeLabel(e.type)[lang]}→ ${e.toName}`,
        source: sourceLabel(e.properties.source),
        page: e.properties.page,
        inferred: false,
      });
    }
  }
  return lines;
}

function excerpt(text: string, at: number, radius = 90): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= radius * 2) return flat;
  const start = Math.max(0, Math.min(at - radius / 2, flat.length - radius * 2));
  return `${start > 0 ? '…' : ''}${flat.slice(start, start + radius * 2).trim()}${start + radius * 2 < flat.length ? '…' : ''}`;
}

/** Kinds whose nodes carry a short `number`, shown as narrow numbered columns with a legend. */
const NUMBERED: ReadonlySet<NodeKind> = new Set(['FocusArea', 'Goal', 'Driver', 'Recommendation']);
const OMIT_EMPTY_OVER = 20;

function matrixView(m: CoverageMatrix, nodeOf: (id: string) => GraphNode | undefined, lang: Language, s: ReportStrings): MatrixView {
  const cellAt = new Map(m.cells.map((c) => [`${c.row} ${c.col}`, c]));
  const notes: string[] = [];
  const share = (x: number) => percent(x, lang);
  const rowsKind = kindLabel(m.rows, true)[lang].toLowerCase();
  const colsKind = kindLabel(m.cols, true)[lang].toLowerCase();
  notes.push(s.emptyRows(m.totals.emptyRows, m.totals.rows, share(m.emptyRowShare), rowsKind));
  notes.push(s.emptyCols(m.totals.emptyCols, m.totals.cols, share(m.emptyColShare), colsKind));

  let rowAxis = m.rowNodes;
  let colAxis = m.colNodes;
  let rowKind = m.rows;
  let colKind = m.cols;
  if (rowAxis.length > OMIT_EMPTY_OVER && m.totals.emptyRows > 0) {
    rowAxis = rowAxis.filter((r) => r.total > 0);
    notes[0] += s.omitted;
  }
  if (colAxis.length > OMIT_EMPTY_OVER && m.totals.emptyCols > 0) {
    colAxis = colAxis.filter((c) => c.total > 0);
    notes[1] += s.omitted;
  }
  const numbered = (kind: NodeKind) =>
    NUMBERED.has(kind) && (kind === m.rows ? m.rowNodes : m.colNodes).every((n) => typeof nodeOf(n.id)?.properties['number'] === 'number');
  const fits = (kind: NodeKind, n: number) => n <= (numbered(kind) ? 18 : 9);
  const transpose = !fits(colKind, colAxis.length) && fits(rowKind, rowAxis.length) && rowAxis.length < colAxis.length;
  if (transpose) [rowAxis, colAxis, rowKind, colKind] = [colAxis, rowAxis, colKind, rowKind];
  const cell = (row: string, col: string) => cellAt.get(transpose ? `${col} ${row}` : `${row} ${col}`);

  const colNumbered = numbered(colKind);
  const label = (id: string, name: string, nameEn: string | undefined, short: boolean): string => {
    const node = nodeOf(id);
    if (short && node && typeof node.properties['number'] === 'number') return String(node.properties['number']);
    const shortName = node?.properties['shortName'];
    if (typeof shortName === 'string') return shortName;
    return nameIn({ name, nameEn }, lang);
  };
  const colHeaders = colAxis.map((c) => ({ label: label(c.id, c.name, c.nameEn, colNumbered), title: nameIn(c, lang) }));
  const rows = rowAxis.map((r) => ({
    label: label(r.id, r.name, r.nameEn, false),
    cells: colAxis.map((c) => {
      const found = cell(r.id, c.id);
      return found ? { count: found.count, inferred: found.stated < found.count } : null;
    }),
    total: r.total,
  }));
  const legend = colNumbered ? colAxis.map((c) => ({ label: label(c.id, c.name, c.nameEn, true), name: nameIn(c, lang) })) : [];
  return {
    id: m.preset ?? `${m.rows}-${m.cols}`,
    title: m.title[lang],
    path: m.pathDescription[lang],
    corner: kindLabel(rowKind, true)[lang],
    colHeaders,
    rows,
    colTotals: colAxis.map((c) => c.total),
    total: m.totals.links,
    notes,
    legend: legend.sort((a, b) => Number(a.label) - Number(b.label) || compareIds(a.label, b.label)),
  };
}
