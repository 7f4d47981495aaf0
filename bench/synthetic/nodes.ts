// Synthetic nodes: one generator per kind, each drawing its fields from the vocabulary.
import { AGENCY_SECTORS, FOCUS_AREA_STATUSES, INITIATIVE_STATUSES, NODE_KINDS, type NodeKind } from '../../graph/ontology.js';
import type { DatasetNode } from '../../graph/schema/dataset.js';
import { reportSource, type Ctx } from './context.js';
import { capitalise, partialDate, quote, sentence, slugWord } from './text.js';
import {
  AGENCY_DOMAINS,
  COUNTIES,
  DRIVERS,
  FIRST_NAMES,
  GOALS,
  INITIATIVE_PATTERNS,
  LAST_NAMES,
  LIFE_EVENTS,
  MILESTONE_EVENTS,
  PLACES,
  PUBLISHERS,
  RECOMMENDATION_VERBS,
  REPORT_TITLES,
  SCOPES,
  TOPICS,
  TRENDS,
} from './vocabulary.js';

const ID_PREFIX: Record<NodeKind, string> = {
  Strategy: 'strategi',
  ActionPlan: 'handlingsplan',
  FocusArea: 'fa',
  Initiative: 'init',
  LifeEvent: 'le',
  Agency: 'virk',
  Driver: 'drv',
  Trend: 'trend',
  Goal: 'sdg',
  Recommendation: 'anb',
  Report: 'rapport',
  StatusReport: 'status',
  Milestone: 'ms',
  Example: 'eks',
  Objective: 'mal',
  Indicator: 'ind',
  Measurement: 'maling',
  Obstacle: 'hindring',
  Funding: 'fin',
  StatusAssessment: 'vurdering',
};

/** Fields every node has; provenance from a generated report. */
function base(ctx: Ctx, kind: NodeKind, i: number, name: string, topic: string, nameEn?: string, slugFrom = name): Record<string, unknown> {
  const { rng } = ctx;
  const id = `${ID_PREFIX[kind]}-${slugWord(slugFrom)}-${i + 1}`;
  ctx.ids[kind].push(id);
  const node: Record<string, unknown> = { kind, id, name };
  if (nameEn) node['nameEn'] = nameEn;
  if (rng.chance(0.25)) node['description'] = `${capitalise(sentence(rng, topic))} Arbeidet gjelder ${topic}${rng.pick(SCOPES)}.`;
  if (rng.chance(0.1)) node['descriptionEn'] = `Synthetic description of ${name}.`;
  node['source'] = kind === 'Report' ? id : kind === 'Goal' ? 'ref-sdg' : reportSource(ctx);
  if (rng.chance(0.7)) node['page'] = rng.between(1, 250);
  if (rng.chance(0.15)) node['quote'] = quote(rng, topic);
  return node;
}

type NodeMaker = (ctx: Ctx, i: number, topic: string, topicEn: string) => Record<string, unknown>;

function strategy(ctx: Ctx, i: number, topic: string): Record<string, unknown> {
  const start = 2019 + 4 * (i % 5);
  const name = i === 0 ? 'Én digital offentlig sektor' : `Digitaliseringsstrategi ${start}–${start + 6}`;
  return {
    ...base(ctx, 'Strategy', i, name, topic, i === 0 ? 'One digital public sector' : `Digitalisation strategy ${start}–${start + 6}`),
    startYear: start,
    endYear: start + 6,
  };
}

function actionPlan(ctx: Ctx, i: number, topic: string): Record<string, unknown> {
  return base(ctx, 'ActionPlan', i, `Handlingsplan ${i + 1} for digitalisering`, topic, `Action plan ${i + 1} for digitalisation`);
}

function focusArea(ctx: Ctx, i: number, topic: string, topicEn: string): Record<string, unknown> {
  const { rng } = ctx;
  const node = base(ctx, 'FocusArea', i, capitalise(`${topic}${rng.pick(SCOPES)}`), topic, capitalise(topicEn));
  node['number'] = Math.floor(i / ctx.counts.ActionPlan) + 1;
  node['status'] = rng.pick(FOCUS_AREA_STATUSES);
  if (rng.chance(0.3)) node['statusNote'] = `Arbeidet med ${topic} er ${rng.pick(['godt i gang', 'forsinket', 'avsluttet', 'ikke startet'])}.`;
  return node;
}

function initiative(ctx: Ctx, i: number, topic: string, topicEn: string): Record<string, unknown> {
  const { rng } = ctx;
  const [pre, preEn] = rng.pick(INITIATIVE_PATTERNS);
  const node = base(ctx, 'Initiative', i, `${pre} ${topic}${rng.pick(SCOPES)}`, topic, rng.chance(0.4) ? `${preEn} ${topicEn}` : undefined);
  node['category'] = rng.weighted([
    ['action_plan', 5],
    ['supporting', 3.5],
    ['proposed', 1.5],
  ] as const);
  node['status'] = rng.pick(INITIATIVE_STATUSES);
  if (rng.chance(0.3))
    node['statusNote'] = `Status for ${topic}: ${rng.pick(['leveranse i rute', 'venter på finansiering', 'ferdigstilt', 'ny fase planlagt'])}.`;
  if (rng.chance(0.6)) {
    const start = partialDate(rng, 2019, 2026);
    node['startDate'] = start;
    if (rng.chance(0.6)) node['endDate'] = partialDate(rng, Number(start.slice(0, 4)) + 1, Number(start.slice(0, 4)) + 4);
  }
  return node;
}

function lifeEvent(ctx: Ctx, i: number, topic: string): Record<string, unknown> {
  const { rng } = ctx;
  const event = LIFE_EVENTS[i % LIFE_EVENTS.length]!;
  const round = Math.floor(i / LIFE_EVENTS.length);
  return base(ctx, 'LifeEvent', i, round === 0 ? event : `${event} (${rng.pick(PLACES)})`, topic);
}

function agency(ctx: Ctx, i: number, topic: string): Record<string, unknown> {
  const { rng } = ctx;
  const sector = rng.weighted(
    AGENCY_SECTORS.map((s) => [s, { state: 4, municipal: 5, county: 1.5, private: 1.5, voluntary: 0.5, council: 0.3, international: 0.2 }[s]] as const),
  );
  const place = rng.pick(PLACES);
  const domain = rng.pick(AGENCY_DOMAINS);
  const name = {
    state: `Direktoratet for ${domain}`,
    municipal: `${place} kommune`,
    county: `${rng.pick(COUNTIES)} fylkeskommune`,
    private: `${capitalise(slugWord(topic))} Digital AS`,
    voluntary: `Foreningen for ${topic}`,
    council: `Rådet for ${domain}`,
    international: `Nordisk samarbeid om ${topic}`,
  }[sector];
  const node = base(ctx, 'Agency', i, name, topic);
  node['sector'] = sector;
  if (rng.chance(0.4))
    node['shortName'] = name
      .split(/\s+/)
      .map((w) => w.charAt(0).toUpperCase())
      .join('');
  return node;
}

function driver(ctx: Ctx, i: number, topic: string): Record<string, unknown> {
  const node = base(ctx, 'Driver', i, DRIVERS[i % DRIVERS.length]! + (i >= DRIVERS.length ? ` ${Math.floor(i / DRIVERS.length) + 1}` : ''), topic);
  node['number'] = i + 1;
  return node;
}

function trend(ctx: Ctx, i: number, topic: string): Record<string, unknown> {
  const [nb, en] = TRENDS[i % TRENDS.length]!;
  const suffix = i >= TRENDS.length ? ` i ${topic}` : '';
  return base(ctx, 'Trend', i, nb + suffix, topic, en);
}

function goal(ctx: Ctx, i: number, topic: string): Record<string, unknown> {
  const [nb, en] = GOALS[i % GOALS.length]!;
  const node = base(ctx, 'Goal', i, nb, topic, en);
  node['number'] = (i % GOALS.length) + 1;
  return node;
}

function recommendation(ctx: Ctx, i: number, topic: string): Record<string, unknown> {
  const { rng } = ctx;
  const node = base(ctx, 'Recommendation', i, `${rng.pick(RECOMMENDATION_VERBS)} ${topic}`, topic);
  node['number'] = i + 1;
  return node;
}

function report(ctx: Ctx, i: number, topic: string): Record<string, unknown> {
  const { rng } = ctx;
  const year = 2019 + (i % 12);
  const node = base(
    ctx,
    'Report',
    i,
    `${REPORT_TITLES[i % REPORT_TITLES.length]} ${year}${i >= REPORT_TITLES.length * 12 ? ` (${Math.floor(i / 60) + 1})` : ''}`,
    topic,
  );
  node['year'] = year;
  node['publisher'] = rng.pick(PUBLISHERS);
  return node;
}

function statusReport(ctx: Ctx, i: number, topic: string): Record<string, unknown> {
  const { rng } = ctx;
  const year = rng.between(2020, 2026);
  const node = base(ctx, 'StatusReport', i, `Status ${topic} ${year}`, topic, undefined, topic);
  const answer = (field: string, text: string): string | null => {
    const r = rng.float();
    if (r < 0.2) return null;
    if (r < 0.25) return '…';
    return `${text} (${field}).`;
  };
  node['respondent'] = rng.chance(0.8) ? `${rng.pick(FIRST_NAMES)} ${rng.pick(LAST_NAMES)}, ${rng.pick(PLACES)} kommune` : null;
  if (rng.chance(0.85)) node['status'] = rng.pick(INITIATIVE_STATUSES);
  node['successFactors'] = answer('suksessfaktorer', `Godt samarbeid om ${topic}`);
  node['challenges'] = answer('utfordringer', `Mangel på ressurser til ${topic}`);
  node['learnings'] = answer('læringspunkter', `Tidlig brukerinvolvering i ${topic}`);
  node['nextTasks'] = answer('neste steg', `Videreutvikle ${topic}`);
  const missing = ['respondent', 'successFactors', 'challenges', 'learnings', 'nextTasks'].filter((f) => node[f] === null || node[f] === '…');
  node['complete'] = missing.length === 0;
  if (missing.length > 0) node['missing'] = missing;
  return node;
}

function milestone(ctx: Ctx, i: number, topic: string): Record<string, unknown> {
  const { rng } = ctx;
  const node = base(ctx, 'Milestone', i, capitalise(`${topic}: ${rng.pick(MILESTONE_EVENTS)}`), topic);
  node['date'] = partialDate(rng, 2019, 2030);
  node['occurrence'] = rng.chance(0.5) ? 'planned' : 'achieved';
  return node;
}

function example(ctx: Ctx, i: number, topic: string, topicEn: string): Record<string, unknown> {
  const { rng } = ctx;
  const place = rng.pick(PLACES);
  const node = base(ctx, 'Example', i, `${capitalise(topic)} i ${place}`, topic, `${capitalise(topicEn)} in ${place}`);
  if (rng.chance(0.7)) node['location'] = place;
  return node;
}

function objective(ctx: Ctx, i: number, topic: string): Record<string, unknown> {
  return base(ctx, 'Objective', i, capitalise(`${topic} skal bli enklere`), topic);
}

function indicator(ctx: Ctx, i: number, topic: string, topicEn: string): Record<string, unknown> {
  const { rng } = ctx;
  const node = base(ctx, 'Indicator', i, capitalise(`Andel ${topic}`), topic, capitalise(`Share of ${topicEn}`));
  node['unit'] = rng.pick(['percent', 'rank', 'score']);
  node['direction'] = node['unit'] === 'rank' ? 'lower_is_better' : 'higher_is_better';
  return node;
}

function measurement(ctx: Ctx, i: number, topic: string): Record<string, unknown> {
  const { rng } = ctx;
  const year = rng.between(2016, 2026);
  const node = base(ctx, 'Measurement', i, `${capitalise(topic)} ${year}`, topic);
  node['value'] = Math.round(rng.float() * 1000) / 10;
  node['year'] = year;
  return node;
}

function obstacle(ctx: Ctx, i: number, topic: string): Record<string, unknown> {
  const { rng } = ctx;
  const node = base(ctx, 'Obstacle', i, capitalise(`Mangel på ${rng.pick(['kapasitet', 'finansiering', 'hjemmel'])} for ${topic}`), topic);
  if (rng.chance(0.5)) node['rank'] = rng.between(1, 5);
  return node;
}

function funding(ctx: Ctx, i: number, topic: string): Record<string, unknown> {
  const { rng } = ctx;
  const node = base(ctx, 'Funding', i, capitalise(`Midler til ${topic}`), topic);
  node['fundingType'] = rng.pick(['budget_line', 'grant', 'scheme', 'budget_proposal', 'support'] as const);
  if (rng.chance(0.6)) {
    node['amount'] = rng.between(1, 500) * 100_000;
    node['currency'] = 'NOK';
  }
  return node;
}

function statusAssessment(ctx: Ctx, i: number, topic: string): Record<string, unknown> {
  const { rng } = ctx;
  const [progress, label] = rng.pick([
    ['on_track', 'På plan'],
    ['minor_delays', 'Mindre forsinkelser'],
    ['completed', 'Ferdigstilt'],
    ['not_started', 'Ikke startet'],
    ['unknown', null],
  ] as const);
  const node = base(ctx, 'StatusAssessment', i, capitalise(`Status for ${topic}`), topic);
  node['progress'] = progress;
  node['statusLabel'] = label;
  return node;
}

const MAKERS: Record<NodeKind, NodeMaker> = {
  Strategy: strategy,
  ActionPlan: actionPlan,
  FocusArea: focusArea,
  Initiative: initiative,
  LifeEvent: lifeEvent,
  Agency: agency,
  Driver: driver,
  Trend: trend,
  Goal: goal,
  Recommendation: recommendation,
  Report: report,
  StatusReport: statusReport,
  Milestone: milestone,
  Example: example,
  Objective: objective,
  Indicator: indicator,
  Measurement: measurement,
  Obstacle: obstacle,
  Funding: funding,
  StatusAssessment: statusAssessment,
};

function makeNode(ctx: Ctx, kind: NodeKind, i: number): Record<string, unknown> {
  const [topic, topicEn] = ctx.rng.pick(TOPICS);
  return MAKERS[kind](ctx, i, topic, topicEn);
}

/** Every node, reports first (every other node cites one), listed in ontology order. */
export function makeNodes(ctx: Ctx): DatasetNode[] {
  const order: NodeKind[] = ['Report', ...NODE_KINDS.filter((k) => k !== 'Report')];
  const byKind = new Map<NodeKind, DatasetNode[]>();
  for (const kind of order) {
    const list: DatasetNode[] = [];
    for (let i = 0; i < ctx.counts[kind]; i++) list.push(makeNode(ctx, kind, i) as unknown as DatasetNode);
    byKind.set(kind, list);
  }
  return NODE_KINDS.flatMap((k) => byKind.get(k)!);
}
