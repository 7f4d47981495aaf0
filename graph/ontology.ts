// The vocabulary of the strategy graph. Validation, store schemas, API schemas and the UI legend derive from here.

export const NODE_KINDS = [
  'Strategy',
  'ActionPlan',
  'FocusArea',
  'Initiative',
  'LifeEvent',
  'Agency',
  'Driver',
  'Trend',
  'Goal',
  'Recommendation',
  'Report',
  'StatusReport',
  'Milestone',
  'Example',
  'Objective',
  'Indicator',
  'Measurement',
  'Obstacle',
  'Funding',
  'StatusAssessment',
] as const;
export type NodeKind = (typeof NODE_KINDS)[number];

export const FOCUS_AREA_STATUSES = ['not_started', 'in_progress', 'completed'] as const;
export const INITIATIVE_STATUSES = ['planned', 'not_started', 'in_progress', 'completed'] as const;
export const INITIATIVE_CATEGORIES = ['action_plan', 'supporting', 'proposed'] as const;
export const AGENCY_SECTORS = ['state', 'municipal', 'county', 'private', 'voluntary', 'council', 'international'] as const;
/** The sectors that make up the public sector, for views that leave private, voluntary and foreign bodies out. */
export const PUBLIC_SECTORS: readonly (typeof AGENCY_SECTORS)[number][] = ['state', 'municipal', 'county', 'council'];
export const BASES = ['stated', 'inferred'] as const;
/** Whether a milestone's date is one the source plans («skal lanseres 1. januar 2021») or one it reports as reached. */
export const MILESTONE_OCCURRENCES = ['planned', 'achieved'] as const;
/** Which way an indicator improves: a rank improves as it falls, a share as it rises. */
export const INDICATOR_DIRECTIONS = ['higher_is_better', 'lower_is_better'] as const;
/**
 * One scale for every source's status words, so that years can be compared; each assessment keeps the source's own
 * label beside it. Ordered from not started to in operation; `unknown` («Uavklart», a blank cell) is off the scale.
 * The mapping from the sources' labels is in docs/dataset.md.
 */
export const PROGRESS_LEVELS = ['not_started', 'major_delays', 'minor_delays', 'in_progress', 'on_track', 'completed', 'in_operation', 'unknown'] as const;
export type Progress = (typeof PROGRESS_LEVELS)[number];
/**
 * How good a level is, for "slipped or improved": a later assessment with a lower rank slipped. `completed` ranks with
 * `in_operation`; `unknown` has no rank. `in_progress` (started, no word on pace) ranks above not started and below
 * completed, and is not compared with the pace levels (graph/analysis/time/status.ts).
 */
export const PROGRESS_RANK: Record<Progress, number | null> = {
  not_started: 0,
  major_delays: 1,
  minor_delays: 2,
  in_progress: 3,
  on_track: 3,
  completed: 4,
  in_operation: 4,
  unknown: null,
};
/**
 * What kind of source a Report is. Only the programme office's experience report collects a status from every
 * initiative; a Report without a genre is taken to be one (the 2020 model knew no other).
 */
export const REPORT_GENRES = ['experience_report', 'annual_report', 'web_page', 'progress_note', 'review', 'audit', 'benchmark'] as const;
export const REPORT_GENRE_LABELS: Record<(typeof REPORT_GENRES)[number], Label> = {
  experience_report: { nb: 'Erfaringsrapport', en: 'Experience report' },
  annual_report: { nb: 'Årsrapport', en: 'Annual report' },
  web_page: { nb: 'Nettside', en: 'Web page' },
  progress_note: { nb: 'Løypemelding', en: 'Progress note' },
  review: { nb: 'Gjennomgang', en: 'Review' },
  audit: { nb: 'Revisjon', en: 'Audit' },
  benchmark: { nb: 'Måling', en: 'Benchmark' },
};
export const FUNDING_TYPES = ['budget_line', 'grant', 'scheme', 'budget_proposal', 'support'] as const;
/** How serious a gap finding is, most serious first. */
export const GAP_SEVERITIES = ['high', 'medium', 'low'] as const;
/**
 * What a gap finding rests on: only what the sources state, partly the analyst's inferences (but it stands on the
 * sources alone), or the analyst's inferences (without them it would not be made). See docs/gap-rules.md.
 */
export const FINDING_BASES = ['stated', 'mixed', 'inferred'] as const;
export type Basis = (typeof BASES)[number];
/** An editor's decision on an inferred link or field (docs/review.md). */
export const REVIEW_DECISIONS = ['accepted', 'rejected'] as const;
export type ReviewDecision = (typeof REVIEW_DECISIONS)[number];
/** Where an inferred link or field stands in review: no decision yet, or the latest decision. */
export const REVIEW_STATES = ['unreviewed', ...REVIEW_DECISIONS] as const;
export type ReviewState = (typeof REVIEW_STATES)[number];

interface Label {
  nb: string;
  en: string;
}

export const NODE_KIND_LABELS: Record<NodeKind, { singular: Label; plural: Label }> = {
  Strategy: { singular: { nb: 'Strategi', en: 'Strategy' }, plural: { nb: 'Strategier', en: 'Strategies' } },
  ActionPlan: { singular: { nb: 'Handlingsplan', en: 'Action plan' }, plural: { nb: 'Handlingsplaner', en: 'Action plans' } },
  FocusArea: { singular: { nb: 'Innsatsområde', en: 'Focus area' }, plural: { nb: 'Innsatsområder', en: 'Focus areas' } },
  Initiative: { singular: { nb: 'Initiativ', en: 'Initiative' }, plural: { nb: 'Initiativer', en: 'Initiatives' } },
  LifeEvent: { singular: { nb: 'Livshendelse', en: 'Life event' }, plural: { nb: 'Livshendelser', en: 'Life events' } },
  Agency: { singular: { nb: 'Virksomhet', en: 'Agency' }, plural: { nb: 'Virksomheter', en: 'Agencies' } },
  Driver: { singular: { nb: 'Drivkraft', en: 'Driver' }, plural: { nb: 'Drivkrefter', en: 'Drivers' } },
  Trend: { singular: { nb: 'Teknologitrend', en: 'Technology trend' }, plural: { nb: 'Teknologitrender', en: 'Technology trends' } },
  Goal: { singular: { nb: 'Bærekraftsmål', en: 'Sustainable development goal' }, plural: { nb: 'Bærekraftsmål', en: 'Sustainable development goals' } },
  Recommendation: { singular: { nb: 'Anbefaling', en: 'Recommendation' }, plural: { nb: 'Anbefalinger', en: 'Recommendations' } },
  Report: { singular: { nb: 'Rapport', en: 'Report' }, plural: { nb: 'Rapporter', en: 'Reports' } },
  StatusReport: { singular: { nb: 'Statusrapport', en: 'Status report' }, plural: { nb: 'Statusrapporter', en: 'Status reports' } },
  Milestone: { singular: { nb: 'Milepæl', en: 'Milestone' }, plural: { nb: 'Milepæler', en: 'Milestones' } },
  Example: { singular: { nb: 'Eksempel', en: 'Example' }, plural: { nb: 'Eksempler', en: 'Examples' } },
  Objective: { singular: { nb: 'Mål', en: 'Objective' }, plural: { nb: 'Mål', en: 'Objectives' } },
  Indicator: { singular: { nb: 'Indikator', en: 'Indicator' }, plural: { nb: 'Indikatorer', en: 'Indicators' } },
  Measurement: { singular: { nb: 'Måling', en: 'Measurement' }, plural: { nb: 'Målinger', en: 'Measurements' } },
  Obstacle: { singular: { nb: 'Hindring', en: 'Obstacle' }, plural: { nb: 'Hindringer', en: 'Obstacles' } },
  Funding: { singular: { nb: 'Finansiering', en: 'Funding' }, plural: { nb: 'Finansieringer', en: 'Funding' } },
  StatusAssessment: { singular: { nb: 'Statusvurdering', en: 'Status assessment' }, plural: { nb: 'Statusvurderinger', en: 'Status assessments' } },
};

/** Names of node properties and of the figures gap findings give, as people see them (details panel, evidence). */
export const PROPERTY_LABELS: Record<string, Label> = {
  description: { nb: 'Beskrivelse', en: 'Description' },
  number: { nb: 'Nummer', en: 'Number' },
  status: { nb: 'Status', en: 'Status' },
  statusNote: { nb: 'Om status', en: 'About the status' },
  category: { nb: 'Kategori', en: 'Category' },
  startDate: { nb: 'Start', en: 'Start' },
  endDate: { nb: 'Slutt', en: 'End' },
  startYear: { nb: 'Fra år', en: 'From year' },
  endYear: { nb: 'Til år', en: 'To year' },
  shortName: { nb: 'Kortnavn', en: 'Short name' },
  sector: { nb: 'Sektor', en: 'Sector' },
  year: { nb: 'År', en: 'Year' },
  publisher: { nb: 'Utgiver', en: 'Publisher' },
  sourceText: { nb: 'Kildetekst', en: 'Source text' },
  date: { nb: 'Dato', en: 'Date' },
  location: { nb: 'Sted', en: 'Place' },
  respondent: { nb: 'Respondent', en: 'Respondent' },
  successFactors: { nb: 'Suksessfaktorer', en: 'Success factors' },
  challenges: { nb: 'Utfordringer', en: 'Challenges' },
  learnings: { nb: 'Læringspunkter', en: 'Learnings' },
  nextTasks: { nb: 'Neste års oppgaver', en: 'Next year\u2019s tasks' },
  complete: { nb: 'Fullstendig', en: 'Complete' },
  missing: { nb: 'Mangler', en: 'Missing' },
  initiatives: { nb: 'Initiativer', en: 'Initiatives' },
  ofInitiatives: { nb: 'Av initiativer i alt', en: 'Of initiatives in all' },
  share: { nb: 'Andel', en: 'Share' },
  parts: { nb: 'Deler uten den', en: 'Parts without it' },
  betweenness: { nb: 'Betweenness-sentralitet', en: 'Betweenness centrality' },
  aliases: { nb: 'Også kalt', en: 'Also called' },
  inferred: { nb: 'Analytikerens lesning', en: 'The analyst\u2019s reading' },
  points: { nb: 'Punkter', en: 'Points' },
  occurrence: { nb: 'Planlagt eller nådd', en: 'Planned or reached' },
  unit: { nb: 'Enhet', en: 'Unit' },
  direction: { nb: 'Bedre når', en: 'Better when' },
  value: { nb: 'Verdi', en: 'Value' },
  outOf: { nb: 'Av', en: 'Out of' },
  valueLabel: { nb: 'Kildens tall', en: 'The source\u2019s figure' },
  rank: { nb: 'Plass i kildens rangering', en: 'Place in the source\u2019s ranking' },
  fundingType: { nb: 'Type finansiering', en: 'Kind of funding' },
  amount: { nb: 'Beløp', en: 'Amount' },
  currency: { nb: 'Valuta', en: 'Currency' },
  progress: { nb: 'Fremdrift', en: 'Progress' },
  statusLabel: { nb: 'Kildens statusord', en: 'The source\u2019s status label' },
  executingLabel: { nb: 'Utførende ifølge kilden', en: 'Executing agency as the source gives it' },
  responsibleLabel: { nb: 'Ansvarlig departement ifølge kilden', en: 'Responsible ministry as the source gives it' },
  planNumber: { nb: 'Nummer i handlingsplanen', en: 'Number in the action plan' },
  url: { nb: 'Nettadresse', en: 'Web address' },
  published: { nb: 'Publisert', en: 'Published' },
  genre: { nb: 'Type kilde', en: 'Kind of source' },
};

export const PROGRESS_LABELS: Record<Progress, Label> = {
  not_started: { nb: 'Ikke startet', en: 'Not started' },
  major_delays: { nb: 'Store forsinkelser', en: 'Major delays' },
  minor_delays: { nb: 'Mindre forsinkelser', en: 'Minor delays' },
  in_progress: { nb: 'Pågår', en: 'In progress' },
  on_track: { nb: 'På plan', en: 'On track' },
  completed: { nb: 'Ferdigstilt', en: 'Completed' },
  in_operation: { nb: 'I drift', en: 'In operation' },
  unknown: { nb: 'Uavklart eller ukjent', en: 'Unsettled or unknown' },
};

export const MILESTONE_OCCURRENCE_LABELS: Record<(typeof MILESTONE_OCCURRENCES)[number], Label> = {
  planned: { nb: 'Planlagt', en: 'Planned' },
  achieved: { nb: 'Nådd', en: 'Reached' },
};

export const INDICATOR_DIRECTION_LABELS: Record<(typeof INDICATOR_DIRECTIONS)[number], Label> = {
  higher_is_better: { nb: 'verdien stiger', en: 'the value rises' },
  lower_is_better: { nb: 'verdien synker', en: 'the value falls' },
};

export const FUNDING_TYPE_LABELS: Record<(typeof FUNDING_TYPES)[number], Label> = {
  budget_line: { nb: 'Budsjettpost', en: 'Budget line' },
  grant: { nb: 'Tilskudd', en: 'Grant' },
  scheme: { nb: 'Ordning', en: 'Scheme' },
  budget_proposal: { nb: 'Budsjettforslag', en: 'Budget proposal' },
  support: { nb: 'Støtte', en: 'Support' },
};

export const INITIATIVE_CATEGORY_LABELS: Record<(typeof INITIATIVE_CATEGORIES)[number], Label> = {
  action_plan: { nb: 'I handlingsplanen', en: 'In the action plan' },
  supporting: { nb: 'Understøttende tiltak', en: 'Supporting measure' },
  proposed: { nb: 'Foreslått', en: 'Proposed' },
};

export const AGENCY_SECTOR_LABELS: Record<(typeof AGENCY_SECTORS)[number], Label> = {
  state: { nb: 'Statlig', en: 'State' },
  municipal: { nb: 'Kommunal', en: 'Municipal' },
  county: { nb: 'Fylkeskommunal', en: 'County' },
  private: { nb: 'Privat', en: 'Private' },
  voluntary: { nb: 'Frivillig', en: 'Voluntary' },
  council: { nb: 'Råd eller utvalg', en: 'Council or committee' },
  international: { nb: 'Internasjonal', en: 'International' },
};

/** Severity words: the report, the CLI and the UI name gap severities from here. */
export const GAP_SEVERITY_LABELS: Record<(typeof GAP_SEVERITIES)[number], Label> = {
  high: { nb: 'Høy', en: 'High' },
  medium: { nb: 'Middels', en: 'Medium' },
  low: { nb: 'Lav', en: 'Low' },
};

/** Basis words: the report, the CLI and the UI name a finding's basis from here. */
export const FINDING_BASIS_LABELS: Record<(typeof FINDING_BASES)[number], Label> = {
  stated: { nb: 'Uttalt i kilden', en: 'Stated in the source' },
  mixed: { nb: 'Delvis utledet', en: 'Partly inferred' },
  inferred: { nb: 'Utledet av analytiker', en: 'Inferred by the analyst' },
};

/** Review words: the UI's badge next to the basis badge, and the CLI, name a review state from here. */
export const REVIEW_STATE_LABELS: Record<ReviewState, Label> = {
  unreviewed: { nb: 'Ikke vurdert', en: 'Not reviewed' },
  accepted: { nb: 'Godtatt', en: 'Accepted' },
  rejected: { nb: 'Avvist', en: 'Rejected' },
};

/** Allowed (from kind, to kind) pairs for every relationship type. */
export const RELATIONSHIP_RULES = {
  OPERATIONALISES: [['ActionPlan', 'Strategy']],
  PART_OF: [
    ['FocusArea', 'ActionPlan'],
    ['Initiative', 'FocusArea'],
    ['Trend', 'Driver'],
    ['Funding', 'Funding'],
  ],
  LEADS: [
    ['Agency', 'Initiative'],
    ['Agency', 'LifeEvent'],
    ['Agency', 'FocusArea'],
  ],
  PARTICIPATES_IN: [['Agency', 'Initiative']],
  SERVES: [['Initiative', 'LifeEvent']],
  DEPENDS_ON: [['Initiative', 'Initiative']],
  INFLUENCES: [
    ['Driver', 'FocusArea'],
    ['Driver', 'Initiative'],
  ],
  CONTRIBUTES_TO: [
    ['FocusArea', 'Goal'],
    ['Initiative', 'Goal'],
    ['Example', 'Goal'],
  ],
  RECOMMENDS: [['Report', 'Recommendation']],
  TARGETS: [
    ['Recommendation', 'FocusArea'],
    ['Recommendation', 'Initiative'],
    ['Recommendation', 'ActionPlan'],
    ['Recommendation', 'Agency'],
  ],
  PROPOSES: [['Recommendation', 'Initiative']],
  HAS_STATUS: [
    ['Initiative', 'StatusReport'],
    ['Initiative', 'StatusAssessment'],
    ['FocusArea', 'StatusAssessment'],
    ['LifeEvent', 'StatusAssessment'],
  ],
  PUBLISHED_IN: [
    ['StatusReport', 'Report'],
    ['StatusAssessment', 'Report'],
  ],
  HAS_MILESTONE: [['Initiative', 'Milestone']],
  ILLUSTRATES: [
    ['Example', 'Driver'],
    ['Example', 'Trend'],
  ],
  INVOLVES: [['Example', 'Agency']],
  RESPONSIBLE_FOR: [
    ['Agency', 'Initiative'],
    ['Agency', 'LifeEvent'],
    ['Agency', 'FocusArea'],
    ['Agency', 'ActionPlan'],
  ],
  ADOPTS: [
    ['Agency', 'Initiative'],
    ['Agency', 'ActionPlan'],
    ['Agency', 'Strategy'],
  ],
  RECEIVES: [
    ['Agency', 'Initiative'],
    ['Agency', 'Milestone'],
    ['Agency', 'Recommendation'],
  ],
  FOLLOWS_UP: [
    ['Agency', 'Initiative'],
    ['Agency', 'FocusArea'],
    ['Agency', 'ActionPlan'],
    ['Agency', 'Recommendation'],
    ['Agency', 'Strategy'],
  ],
  REPORTS_TO: [['Agency', 'Agency']],
  HAS_OBJECTIVE: [['FocusArea', 'Objective']],
  INFORMS: [
    ['Indicator', 'FocusArea'],
    ['Indicator', 'Goal'],
    ['Indicator', 'Initiative'],
    ['Indicator', 'LifeEvent'],
    ['Indicator', 'ActionPlan'],
    ['Indicator', 'Strategy'],
    ['Indicator', 'Driver'],
  ],
  MEASURES: [['Measurement', 'Indicator']],
  BLOCKS: [
    ['Obstacle', 'Initiative'],
    ['Obstacle', 'FocusArea'],
    ['Obstacle', 'LifeEvent'],
    ['Obstacle', 'ActionPlan'],
    ['Obstacle', 'Strategy'],
  ],
  FUNDS: [
    ['Funding', 'Initiative'],
    ['Funding', 'LifeEvent'],
    ['Funding', 'FocusArea'],
    ['Funding', 'Example'],
    ['Funding', 'Agency'],
  ],
  ADMINISTERS: [['Agency', 'Funding']],
} as const satisfies Record<string, ReadonlyArray<readonly [NodeKind, NodeKind]>>;

export type RelationshipType = keyof typeof RELATIONSHIP_RULES;
export const RELATIONSHIP_TYPES = Object.keys(RELATIONSHIP_RULES) as [RelationshipType, ...RelationshipType[]];

export const RELATIONSHIP_LABELS: Record<RelationshipType, Label> = {
  OPERATIONALISES: { nb: 'operasjonaliserer', en: 'operationalises' },
  PART_OF: { nb: 'er del av', en: 'is part of' },
  LEADS: { nb: 'leder (utfører)', en: 'leads (executes)' },
  PARTICIPATES_IN: { nb: 'deltar i', en: 'participates in' },
  SERVES: { nb: 'understøtter', en: 'serves' },
  DEPENDS_ON: { nb: 'avhenger av', en: 'depends on' },
  INFLUENCES: { nb: 'påvirker', en: 'influences' },
  CONTRIBUTES_TO: { nb: 'bidrar til', en: 'contributes to' },
  RECOMMENDS: { nb: 'anbefaler', en: 'recommends' },
  TARGETS: { nb: 'retter seg mot', en: 'targets' },
  PROPOSES: { nb: 'foreslår', en: 'proposes' },
  HAS_STATUS: { nb: 'har status', en: 'has status' },
  PUBLISHED_IN: { nb: 'publisert i', en: 'published in' },
  HAS_MILESTONE: { nb: 'har milepæl', en: 'has milestone' },
  ILLUSTRATES: { nb: 'illustrerer', en: 'illustrates' },
  INVOLVES: { nb: 'involverer', en: 'involves' },
  RESPONSIBLE_FOR: { nb: 'er ansvarlig departement for', en: 'is the responsible ministry for' },
  ADOPTS: { nb: 'vedtar', en: 'adopts' },
  RECEIVES: { nb: 'mottar leveranse fra', en: 'receives a deliverable of' },
  FOLLOWS_UP: { nb: 'følger opp', en: 'follows up' },
  REPORTS_TO: { nb: 'rapporterer til', en: 'reports to' },
  HAS_OBJECTIVE: { nb: 'har mål', en: 'has objective' },
  INFORMS: { nb: 'måler', en: 'informs' },
  MEASURES: { nb: 'er en måling av', en: 'measures' },
  BLOCKS: { nb: 'hindrer', en: 'blocks' },
  FUNDS: { nb: 'finansierer', en: 'funds' },
  ADMINISTERS: { nb: 'forvalter', en: 'administers' },
};

/** The same relationships read from their target: "B is led by A" for "A leads B". */
export const RELATIONSHIP_INVERSE_LABELS: Record<RelationshipType, Label> = {
  OPERATIONALISES: { nb: 'operasjonaliseres av', en: 'is operationalised by' },
  PART_OF: { nb: 'omfatter', en: 'includes' },
  LEADS: { nb: 'ledes (utføres) av', en: 'is led (executed) by' },
  PARTICIPATES_IN: { nb: 'har som deltaker', en: 'has as participant' },
  SERVES: { nb: 'understøttes av', en: 'is served by' },
  DEPENDS_ON: { nb: 'er en forutsetning for', en: 'is a prerequisite for' },
  INFLUENCES: { nb: 'påvirkes av', en: 'is influenced by' },
  CONTRIBUTES_TO: { nb: 'får bidrag fra', en: 'is supported by' },
  RECOMMENDS: { nb: 'anbefales i', en: 'is recommended in' },
  TARGETS: { nb: 'er målet for', en: 'is targeted by' },
  PROPOSES: { nb: 'foreslås i', en: 'is proposed in' },
  HAS_STATUS: { nb: 'er status for', en: 'is the status of' },
  PUBLISHED_IN: { nb: 'publiserer', en: 'publishes' },
  HAS_MILESTONE: { nb: 'er milepæl for', en: 'is a milestone of' },
  ILLUSTRATES: { nb: 'illustreres av', en: 'is illustrated by' },
  INVOLVES: { nb: 'er med i', en: 'is involved in' },
  RESPONSIBLE_FOR: { nb: 'har som ansvarlig departement', en: 'has as responsible ministry' },
  ADOPTS: { nb: 'vedtas av', en: 'is adopted by' },
  RECEIVES: { nb: 'leverer til', en: 'delivers to' },
  FOLLOWS_UP: { nb: 'følges opp av', en: 'is followed up by' },
  REPORTS_TO: { nb: 'får rapport fra', en: 'receives reports from' },
  HAS_OBJECTIVE: { nb: 'er mål for', en: 'is the objective of' },
  INFORMS: { nb: 'måles av', en: 'is informed by' },
  MEASURES: { nb: 'er målt ved', en: 'is measured by' },
  BLOCKS: { nb: 'hindres av', en: 'is blocked by' },
  FUNDS: { nb: 'finansieres av', en: 'is funded by' },
  ADMINISTERS: { nb: 'forvaltes av', en: 'is administered by' },
};

export function isNodeKind(value: string): value is NodeKind {
  return (NODE_KINDS as readonly string[]).includes(value);
}

export function isRelationshipType(value: string): value is RelationshipType {
  return Object.hasOwn(RELATIONSHIP_RULES, value);
}

export function allowedPairs(type: RelationshipType): ReadonlyArray<readonly [NodeKind, NodeKind]> {
  return RELATIONSHIP_RULES[type];
}

export function isAllowed(type: RelationshipType, from: NodeKind, to: NodeKind): boolean {
  return allowedPairs(type).some(([f, t]) => f === from && t === to);
}

/** Maximum length of a provenance quote, in characters. */
export const MAX_QUOTE_LENGTH = 300;

/** The analyst's reason for an inferred link, as shown in one language. */
export interface AnalystNote {
  text: string;
  /** The language the text is written in. */
  lang: 'nb' | 'en';
  /** Only the other language has a note: the reader must be told («kun på engelsk»). */
  otherLanguage: boolean;
}

/**
 * Which of a link's notes to show in `lang`: the one in that language, else the other one marked as such. One rule for
 * the UI and the report (the web may import only this file from graph/). `note` is English, `noteNb` bokmål
 * (docs/dataset.md, "Analyst notes in two languages").
 */
export function analystNote(provenance: { note?: string | null; noteNb?: string | null }, lang: 'nb' | 'en'): AnalystNote | null {
  const en = provenance.note || null;
  const nb = provenance.noteNb || null;
  const own = lang === 'nb' ? nb : en;
  if (own) return { text: own, lang, otherLanguage: false };
  const other = lang === 'nb' ? en : nb;
  return other ? { text: other, lang: lang === 'nb' ? 'en' : 'nb', otherLanguage: true } : null;
}
