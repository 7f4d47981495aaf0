// A reproducible synthetic dataset shaped like the real plan, for benchmarks: same options, same dataset, byte for byte.
//
// Shape:
// - Node kinds in roughly the real proportions: a few strategies, action plans, focus areas, life events, drivers, trends,
//   the 17 sustainable development goals and a few reports; the bulk is initiatives, agencies, status reports,
//   milestones, examples and recommendations.
// - A backbone like the real plan's: every action plan operationalises a strategy, every focus area is part of an action
//   plan, every initiative of a focus area and led by an agency, every trend part of a driver, every status report
//   belongs to an initiative and is published in a report, every milestone to an initiative, every recommendation comes
//   from a report, every example illustrates a trend or driver. The remaining relationships are spread over every pair
//   the ontology allows, by weights; endpoints are drawn with a skew so some agencies, initiatives and reports are hubs.
// - Every relationship respects RELATIONSHIP_RULES, none repeats a (type, from, to) and none joins a node to itself.
// - Provenance: the source is a generated Report (goals cite the reference "ref-sdg", reports cite themselves), pages are
//   whole numbers or null, quotes a Norwegian sentence or null, basis "stated" or "inferred" with a note.
// - Norwegian names and descriptions from small vocabularies, so search has words to match; ids are valid slugs.
// The generator uses its own seeded PRNG (mulberry32), never Math.random or the clock.
import {
  AGENCY_SECTORS,
  FOCUS_AREA_STATUSES,
  INITIATIVE_STATUSES,
  NODE_KINDS,
  RELATIONSHIP_RULES,
  RELATIONSHIP_TYPES,
  type NodeKind,
  type RelationshipType,
} from '../../graph/ontology.js';
import type { Dataset, DatasetNode, DatasetRelationship } from '../../graph/schema/dataset.js';

export interface SyntheticOptions {
  /** Number of nodes, at least one per kind (14). */
  nodes: number;
  /** Number of relationships, exactly; must fit in what the ontology allows between the nodes. */
  relationships: number;
  /** Any safe integer. */
  seed: number;
}

/** mulberry32: a tiny, fast 32-bit PRNG; returns floats in [0, 1). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

class Rng {
  private readonly next: () => number;
  constructor(seed: number) {
    // Fold the high bits in, so seeds that differ only above 2^32 still differ.
    const high = Math.floor(seed / 4294967296);
    this.next = mulberry32((seed ^ Math.imul(high, 0x9e3779b1)) >>> 0);
  }
  float(): number {
    return this.next();
  }
  /** 0 ≤ n < max. */
  int(max: number): number {
    return Math.floor(this.next() * max);
  }
  between(min: number, max: number): number {
    return min + this.int(max - min + 1);
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)]!;
  }
  weighted<T>(items: readonly (readonly [T, number])[]): T {
    const total = items.reduce((s, [, w]) => s + w, 0);
    let r = this.next() * total;
    for (const [item, w] of items) if ((r -= w) < 0) return item;
    return items[items.length - 1]![0];
  }
  /** An index below max, low indices likelier: P(index < k) = (k/max)^(1/exponent). exponent 1 is uniform. */
  skewed(max: number, exponent: number): number {
    return Math.min(max - 1, Math.floor(max * this.next() ** exponent));
  }
}

// ---------------------------------------------------------------------------------------------------------------------
// Vocabulary

const TOPICS: readonly (readonly [string, string])[] = [
  ['datadeling', 'data sharing'],
  ['digital identitet', 'digital identity'],
  ['helseplattform', 'health platform'],
  ['skytjenester', 'cloud services'],
  ['kunstig intelligens', 'artificial intelligence'],
  ['informasjonssikkerhet', 'information security'],
  ['sammenhengende tjenester', 'seamless services'],
  ['kommunal samhandling', 'municipal cooperation'],
  ['digital kompetanse', 'digital competence'],
  ['åpne data', 'open data'],
  ['e-helse', 'e-health'],
  ['skatteoppgjør', 'tax settlement'],
  ['byggesaksbehandling', 'building permits'],
  ['folkeregister', 'population register'],
  ['digitalt arkiv', 'digital archive'],
  ['innbyggerdialog', 'citizen dialogue'],
  ['tilskuddsforvaltning', 'grant management'],
  ['barnehageopptak', 'kindergarten admission'],
  ['sosialhjelp', 'social assistance'],
  ['pasientjournal', 'patient records'],
  ['kartdata', 'map data'],
  ['eiendomsregister', 'property register'],
  ['nødmeldetjeneste', 'emergency services'],
  ['klimadata', 'climate data'],
  ['offentlige anskaffelser', 'public procurement'],
  ['personvern', 'privacy'],
  ['universell utforming', 'universal design'],
  ['digital post', 'digital mail'],
  ['grunndata', 'base data'],
  ['samtykkeløsning', 'consent service'],
  ['velferdsteknologi', 'welfare technology'],
  ['læringsplattform', 'learning platform'],
  ['fagsystemer', 'case management systems'],
  ['bredbånd', 'broadband'],
  ['fellesløsninger', 'shared solutions'],
  ['tjenestedesign', 'service design'],
];

const INITIATIVE_PATTERNS: readonly (readonly [string, string])[] = [
  ['Nasjonal løsning for', 'National solution for'],
  ['Felles plattform for', 'Shared platform for'],
  ['Pilot for', 'Pilot for'],
  ['Modernisering av', 'Modernisation of'],
  ['Samordning av', 'Coordination of'],
  ['Program for', 'Programme for'],
  ['Strategi for', 'Strategy for'],
  ['Utredning av', 'Study of'],
  ['Videreutvikling av', 'Further development of'],
  ['Digitalisering av', 'Digitalisation of'],
];
const SCOPES = ['', ' i kommunene', ' i staten', ' for innbyggere', ' for næringslivet', ' i helsesektoren', ' – fase 2', ' i Nord-Norge'];

const PLACES = [
  'Oslo', 'Bergen', 'Trondheim', 'Stavanger', 'Tromsø', 'Bodø', 'Kristiansand', 'Drammen', 'Fredrikstad', 'Ålesund', 'Hamar',
  'Lillehammer', 'Molde', 'Alta', 'Harstad', 'Gjøvik', 'Arendal', 'Skien', 'Haugesund', 'Sandnes', 'Asker', 'Bærum',
  'Lørenskog', 'Steinkjer', 'Førde', 'Vadsø', 'Hammerfest', 'Kongsberg', 'Larvik', 'Tønsberg', 'Narvik', 'Mo i Rana',
];
const COUNTIES = ['Viken', 'Vestland', 'Trøndelag', 'Nordland', 'Innlandet', 'Agder', 'Rogaland', 'Troms', 'Finnmark', 'Vestfold', 'Telemark', 'Møre og Romsdal'];
const AGENCY_DOMAINS = [
  'digitalisering', 'helse', 'skatt', 'arbeid og velferd', 'utdanning', 'samfunnssikkerhet', 'byggkvalitet', 'kartverk',
  'statistikk', 'forvaltning og økonomistyring', 'likestilling', 'eiendom', 'kultur', 'miljø', 'fiskeri', 'jernbane',
];

const LIFE_EVENTS = [
  'Få barn', 'Alvorlig sykt barn', 'Starte og drive en bedrift', 'Dødsfall og arv', 'Flytte', 'Miste og finne jobb',
  'Bli pensjonist', 'Starte skole', 'Bygge hus', 'Ny i Norge', 'Endre sivilstand', 'Bli syk', 'Ta utdanning', 'Bli ufør',
  'Kjøpe bolig', 'Bli pårørende', 'Avvikle bedrift', 'Bli alvorlig syk',
];
const DRIVERS = [
  'Teknologisk utvikling', 'Endrede forventninger fra innbyggerne', 'Demografiske endringer', 'Klimaendringer',
  'Knapphet på arbeidskraft', 'Globalisering', 'Sikkerhetspolitisk uro', 'Stramme økonomiske rammer',
];
const TRENDS: readonly (readonly [string, string])[] = [
  ['Kunstig intelligens', 'Artificial intelligence'],
  ['Tingenes internett', 'Internet of things'],
  ['Skytjenester', 'Cloud computing'],
  ['Blokkjedeteknologi', 'Blockchain'],
  ['5G-nett', '5G networks'],
  ['Robotisering', 'Robotisation'],
  ['Stordata', 'Big data'],
  ['Kvanteteknologi', 'Quantum technology'],
  ['Digitale tvillinger', 'Digital twins'],
  ['Automatisering', 'Automation'],
];
const GOALS: readonly (readonly [string, string])[] = [
  ['Utrydde fattigdom', 'No poverty'],
  ['Utrydde sult', 'Zero hunger'],
  ['God helse og livskvalitet', 'Good health and well-being'],
  ['God utdanning', 'Quality education'],
  ['Likestilling mellom kjønnene', 'Gender equality'],
  ['Rent vann og gode sanitærforhold', 'Clean water and sanitation'],
  ['Ren energi til alle', 'Affordable and clean energy'],
  ['Anstendig arbeid og økonomisk vekst', 'Decent work and economic growth'],
  ['Innovasjon og infrastruktur', 'Industry, innovation and infrastructure'],
  ['Mindre ulikhet', 'Reduced inequalities'],
  ['Bærekraftige byer og lokalsamfunn', 'Sustainable cities and communities'],
  ['Ansvarlig forbruk og produksjon', 'Responsible consumption and production'],
  ['Stoppe klimaendringene', 'Climate action'],
  ['Livet i havet', 'Life below water'],
  ['Livet på land', 'Life on land'],
  ['Fred, rettferdighet og velfungerende institusjoner', 'Peace, justice and strong institutions'],
  ['Samarbeid for å nå målene', 'Partnerships for the goals'],
];
const REPORT_TITLES = ['Erfaringsrapport', 'Statusrapport for handlingsplanen', 'Evaluering av digitaliseringsstrategien', 'Digitaliseringsrundskrivet', 'Tilstandsrapport'];
const PUBLISHERS = ['Digitaliseringsdirektoratet', 'Kommunal- og distriktsdepartementet', 'KS', 'Riksrevisjonen', 'Direktoratet for forvaltning og økonomistyring'];
const MILESTONE_EVENTS = ['forprosjekt ferdig', 'pilot satt i drift', 'anskaffelse gjennomført', 'lovendring vedtatt', 'løsningen lansert', 'evaluering levert', 'første kommune koblet på', 'nasjonal utrulling'];
const RECOMMENDATION_VERBS = ['Styrk samordningen av', 'Prioriter', 'Finansier', 'Gjenbruk løsninger for', 'Avklar ansvaret for', 'Mål effekten av', 'Involver kommunene i', 'Synliggjør'];
const VERBS = ['videreutvikle', 'samordne', 'styrke', 'forenkle', 'ta i bruk', 'etablere', 'utrede', 'sikre'];
const OUTCOMES = ['til beste for innbyggerne', 'på tvers av sektorer', 'i hele landet', 'innen 2025', 'sammen med KS', 'med brukeren i sentrum'];
const NOTES = [
  'Analytikeren leser sammenhengen ut av felles tema',
  'Følger av omtalen i teksten, men er ikke sagt direkte',
  'Antatt ut fra ansvarsfordelingen i handlingsplanen',
  'Koblingen er trukket fra statusrapporten',
];
const FIRST_NAMES = ['Kari', 'Ola', 'Ingrid', 'Per', 'Sigrid', 'Lars', 'Nora', 'Erik', 'Astrid', 'Håkon', 'Solveig', 'Øystein'];
const LAST_NAMES = ['Nordmann', 'Hansen', 'Johansen', 'Olsen', 'Larsen', 'Berg', 'Haugen', 'Bakke', 'Lie', 'Dahl', 'Sæther', 'Løvås'];

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
};

/** "Økt digital kompetanse" → "okt": the first word as an ASCII slug word. */
function slugWord(text: string): string {
  const folded = text
    .toLowerCase()
    .replace(/æ/g, 'ae')
    .replace(/[øö]/g, 'o')
    .replace(/å/g, 'a')
    .normalize('NFD')
    .replace(/[^a-z0-9 ]/g, '')
    .trim();
  return folded.split(/\s+/).find((w) => w.length > 2) ?? (folded.split(/\s+/)[0] || 'x');
}

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

// ---------------------------------------------------------------------------------------------------------------------
// Node counts

const MIN_NODES = NODE_KINDS.length;

/** A few of each "small" kind, growing slowly; the rest split over the bulk kinds. */
export function kindCounts(total: number): Record<NodeKind, number> {
  if (!Number.isSafeInteger(total) || total < MIN_NODES) throw new RangeError(`nodes must be a whole number of at least ${MIN_NODES} (one per kind)`);
  const few = (per: number) => Math.max(1, Math.round(total / per));
  const counts = {
    Strategy: few(20_000),
    ActionPlan: few(10_000),
    FocusArea: few(1_000),
    LifeEvent: few(500),
    Driver: few(2_000),
    Trend: few(1_000),
    Goal: Math.min(17, few(100)),
    Report: few(500),
  } as Record<NodeKind, number>;
  const bulk: [NodeKind, number][] = [
    ['Initiative', 0.25],
    ['StatusReport', 0.22],
    ['Milestone', 0.18],
    ['Recommendation', 0.15],
    ['Agency', 0.1],
    ['Example', 0.1],
  ];
  const rest = total - Object.values(counts).reduce((a, b) => a + b, 0);
  for (const [kind, share] of bulk) counts[kind] = Math.max(1, Math.floor(rest * share));
  counts.Initiative += total - NODE_KINDS.reduce((a, k) => a + counts[k], 0);
  return counts;
}

// ---------------------------------------------------------------------------------------------------------------------
// Nodes

interface Ctx {
  rng: Rng;
  counts: Record<NodeKind, number>;
  ids: Record<NodeKind, string[]>;
}

function partialDate(rng: Rng, fromYear: number, toYear: number): string {
  const year = rng.between(fromYear, toYear);
  const r = rng.float();
  if (r < 0.3) return String(year);
  const month = String(rng.between(1, 12)).padStart(2, '0');
  if (r < 0.6) return `${year}-${month}`;
  return `${year}-${month}-${String(rng.between(1, 28)).padStart(2, '0')}`;
}

function sentence(rng: Rng, topic: string): string {
  return `Regjeringen vil ${rng.pick(VERBS)} ${topic} ${rng.pick(OUTCOMES)}.`;
}

function quote(rng: Rng, topic: string): string {
  return `«${capitalise(sentence(rng, topic))}» – ${rng.pick(['det er et mål', 'slik står det i planen', 'sier rapporten'])}`;
}

function reportSource(ctx: Ctx): string {
  return ctx.ids.Report[ctx.rng.skewed(ctx.counts.Report, 1.5)]!;
}

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

function makeNode(ctx: Ctx, kind: NodeKind, i: number): Record<string, unknown> {
  const { rng } = ctx;
  const [topic, topicEn] = rng.pick(TOPICS);
  switch (kind) {
    case 'Strategy': {
      const start = 2019 + 4 * (i % 5);
      const name = i === 0 ? 'Én digital offentlig sektor' : `Digitaliseringsstrategi ${start}–${start + 6}`;
      return { ...base(ctx, kind, i, name, topic, i === 0 ? 'One digital public sector' : `Digitalisation strategy ${start}–${start + 6}`), startYear: start, endYear: start + 6 };
    }
    case 'ActionPlan':
      return base(ctx, kind, i, `Handlingsplan ${i + 1} for digitalisering`, topic, `Action plan ${i + 1} for digitalisation`);
    case 'FocusArea': {
      const node = base(ctx, kind, i, capitalise(`${topic}${rng.pick(SCOPES)}`), topic, capitalise(topicEn));
      node['number'] = Math.floor(i / ctx.counts.ActionPlan) + 1;
      node['status'] = rng.pick(FOCUS_AREA_STATUSES);
      if (rng.chance(0.3)) node['statusNote'] = `Arbeidet med ${topic} er ${rng.pick(['godt i gang', 'forsinket', 'avsluttet', 'ikke startet'])}.`;
      return node;
    }
    case 'Initiative': {
      const [pre, preEn] = rng.pick(INITIATIVE_PATTERNS);
      const node = base(ctx, kind, i, `${pre} ${topic}${rng.pick(SCOPES)}`, topic, rng.chance(0.4) ? `${preEn} ${topicEn}` : undefined);
      node['category'] = rng.weighted([['action_plan', 5], ['supporting', 3.5], ['proposed', 1.5]] as const);
      node['status'] = rng.pick(INITIATIVE_STATUSES);
      if (rng.chance(0.3)) node['statusNote'] = `Status for ${topic}: ${rng.pick(['leveranse i rute', 'venter på finansiering', 'ferdigstilt', 'ny fase planlagt'])}.`;
      if (rng.chance(0.6)) {
        const start = partialDate(rng, 2019, 2026);
        node['startDate'] = start;
        if (rng.chance(0.6)) node['endDate'] = partialDate(rng, Number(start.slice(0, 4)) + 1, Number(start.slice(0, 4)) + 4);
      }
      return node;
    }
    case 'LifeEvent': {
      const event = LIFE_EVENTS[i % LIFE_EVENTS.length]!;
      const round = Math.floor(i / LIFE_EVENTS.length);
      return base(ctx, kind, i, round === 0 ? event : `${event} (${rng.pick(PLACES)})`, topic);
    }
    case 'Agency': {
      const sector = rng.weighted(AGENCY_SECTORS.map((s) => [s, { state: 4, municipal: 5, county: 1.5, private: 1.5, voluntary: 0.5, council: 0.3, international: 0.2 }[s]] as const));
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
      const node = base(ctx, kind, i, name, topic);
      node['sector'] = sector;
      if (rng.chance(0.4)) node['shortName'] = name.split(/\s+/).map((w) => w.charAt(0).toUpperCase()).join('');
      return node;
    }
    case 'Driver': {
      const node = base(ctx, kind, i, DRIVERS[i % DRIVERS.length]! + (i >= DRIVERS.length ? ` ${Math.floor(i / DRIVERS.length) + 1}` : ''), topic);
      node['number'] = i + 1;
      return node;
    }
    case 'Trend': {
      const [nb, en] = TRENDS[i % TRENDS.length]!;
      const suffix = i >= TRENDS.length ? ` i ${topic}` : '';
      return base(ctx, kind, i, nb + suffix, topic, en);
    }
    case 'Goal': {
      const [nb, en] = GOALS[i % GOALS.length]!;
      const node = base(ctx, kind, i, nb, topic, en);
      node['number'] = (i % GOALS.length) + 1;
      return node;
    }
    case 'Recommendation': {
      const node = base(ctx, kind, i, `${rng.pick(RECOMMENDATION_VERBS)} ${topic}`, topic);
      node['number'] = i + 1;
      return node;
    }
    case 'Report': {
      const year = 2019 + (i % 12);
      const node = base(ctx, kind, i, `${REPORT_TITLES[i % REPORT_TITLES.length]} ${year}${i >= REPORT_TITLES.length * 12 ? ` (${Math.floor(i / 60) + 1})` : ''}`, topic);
      node['year'] = year;
      node['publisher'] = rng.pick(PUBLISHERS);
      return node;
    }
    case 'StatusReport': {
      const year = rng.between(2020, 2026);
      const node = base(ctx, kind, i, `Status ${topic} ${year}`, topic, undefined, topic);
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
    case 'Milestone': {
      const node = base(ctx, kind, i, capitalise(`${topic}: ${rng.pick(MILESTONE_EVENTS)}`), topic);
      node['date'] = partialDate(rng, 2019, 2030);
      return node;
    }
    case 'Example': {
      const place = rng.pick(PLACES);
      const node = base(ctx, kind, i, `${capitalise(topic)} i ${place}`, topic, `${capitalise(topicEn)} in ${place}`);
      if (rng.chance(0.7)) node['location'] = place;
      return node;
    }
  }
}

// ---------------------------------------------------------------------------------------------------------------------
// Relationships

interface Group {
  type: RelationshipType;
  from: NodeKind;
  to: NodeKind;
  /** Share of the relationships beyond the backbone. */
  weight: number;
  /** Skew of the endpoint draws (1 = uniform; higher = more hubs at low indices). */
  fromSkew: number;
  toSkew: number;
  /** Chance a relationship of this group is inferred rather than stated. */
  inferred: number;
  seen: Set<number>;
  edges: DatasetRelationship[];
}

const EXTRA_WEIGHTS: Partial<Record<`${RelationshipType}:${NodeKind}:${NodeKind}`, number>> = {
  'PARTICIPATES_IN:Agency:Initiative': 22,
  'DEPENDS_ON:Initiative:Initiative': 12,
  'SERVES:Initiative:LifeEvent': 8,
  'CONTRIBUTES_TO:Initiative:Goal': 8,
  'CONTRIBUTES_TO:FocusArea:Goal': 0.3,
  'CONTRIBUTES_TO:Example:Goal': 4,
  'INFLUENCES:Driver:FocusArea': 0.3,
  'INFLUENCES:Driver:Initiative': 6,
  'TARGETS:Recommendation:FocusArea': 2,
  'TARGETS:Recommendation:Initiative': 8,
  'TARGETS:Recommendation:ActionPlan': 0.3,
  'TARGETS:Recommendation:Agency': 5,
  'PROPOSES:Recommendation:Initiative': 4,
  'LEADS:Agency:LifeEvent': 1,
  'LEADS:Agency:FocusArea': 0.3,
  'LEADS:Agency:Initiative': 2,
  'INVOLVES:Example:Agency': 6,
  'ILLUSTRATES:Example:Trend': 3,
  'ILLUSTRATES:Example:Driver': 1,
  'RECOMMENDS:Report:Recommendation': 1,
  'PART_OF:Initiative:FocusArea': 2,
};
const HUB_SKEW: Partial<Record<NodeKind, number>> = { Agency: 2, Initiative: 1.4, Report: 1.5, Recommendation: 1.2, Example: 1.1 };
const INFERRED_SHARE: Partial<Record<RelationshipType, number>> = { CONTRIBUTES_TO: 0.6, DEPENDS_ON: 0.4, INFLUENCES: 0.5, SERVES: 0.3, ILLUSTRATES: 0.3 };

function makeGroups(): Group[] {
  return RELATIONSHIP_TYPES.flatMap((type) =>
    RELATIONSHIP_RULES[type].map(([from, to]) => ({
      type,
      from,
      to,
      weight: EXTRA_WEIGHTS[`${type}:${from}:${to}`] ?? 0,
      fromSkew: HUB_SKEW[from] ?? 1,
      toSkew: HUB_SKEW[to] ?? 1,
      inferred: INFERRED_SHARE[type] ?? 0.1,
      seen: new Set<number>(),
      edges: [] as DatasetRelationship[],
    })),
  );
}

function capacity(g: Group, counts: Record<NodeKind, number>): number {
  const pairs = counts[g.from] * counts[g.to] - (g.from === g.to ? counts[g.from] : 0);
  return pairs - g.seen.size;
}

function provenance(ctx: Ctx, g: Group): Omit<DatasetRelationship, 'type' | 'from' | 'to'> {
  const { rng } = ctx;
  const inferred = rng.chance(g.inferred);
  const rel: Omit<DatasetRelationship, 'type' | 'from' | 'to'> = {
    source: reportSource(ctx),
    page: rng.chance(0.92) ? rng.between(1, 250) : null,
    quote: !inferred && rng.chance(0.25) ? quote(rng, rng.pick(TOPICS)[0]) : null,
    basis: inferred ? 'inferred' : 'stated',
  };
  if (inferred) rel.note = `${rng.pick(NOTES)} (${rng.pick(TOPICS)[0]}).`;
  return rel;
}

/** Adds the relationship unless it exists already; true when added. */
function add(ctx: Ctx, g: Group, fromIndex: number, toIndex: number): boolean {
  if (g.from === g.to && fromIndex === toIndex) return false;
  const key = fromIndex * ctx.counts[g.to] + toIndex;
  if (g.seen.has(key)) return false;
  g.seen.add(key);
  g.edges.push({ type: g.type, from: ctx.ids[g.from][fromIndex]!, to: ctx.ids[g.to][toIndex]!, ...provenance(ctx, g) });
  return true;
}

/** The structure every real plan has; one relationship per child node, so no duplicates. */
function backbone(ctx: Ctx, group: (type: RelationshipType, from: NodeKind, to: NodeKind) => Group): [Group, number, number][] {
  const { rng, counts } = ctx;
  const out: [Group, number, number][] = [];
  const each = (n: number, fn: (i: number) => void) => {
    for (let i = 0; i < n; i++) fn(i);
  };
  const op = group('OPERATIONALISES', 'ActionPlan', 'Strategy');
  each(counts.ActionPlan, (i) => out.push([op, i, i % counts.Strategy]));
  const faPlan = group('PART_OF', 'FocusArea', 'ActionPlan');
  each(counts.FocusArea, (i) => out.push([faPlan, i, i % counts.ActionPlan]));
  const initFa = group('PART_OF', 'Initiative', 'FocusArea');
  each(counts.Initiative, (i) => out.push([initFa, i, rng.int(counts.FocusArea)]));
  const leads = group('LEADS', 'Agency', 'Initiative');
  each(counts.Initiative, (i) => out.push([leads, rng.skewed(counts.Agency, 2), i]));
  const trend = group('PART_OF', 'Trend', 'Driver');
  each(counts.Trend, (i) => out.push([trend, i, rng.int(counts.Driver)]));
  const hasStatus = group('HAS_STATUS', 'Initiative', 'StatusReport');
  const published = group('PUBLISHED_IN', 'StatusReport', 'Report');
  each(counts.StatusReport, (i) => {
    out.push([hasStatus, rng.int(counts.Initiative), i]);
    out.push([published, i, rng.skewed(counts.Report, 1.5)]);
  });
  const milestone = group('HAS_MILESTONE', 'Initiative', 'Milestone');
  each(counts.Milestone, (i) => out.push([milestone, rng.int(counts.Initiative), i]));
  const recommends = group('RECOMMENDS', 'Report', 'Recommendation');
  each(counts.Recommendation, (i) => out.push([recommends, rng.skewed(counts.Report, 1.5), i]));
  const illustratesTrend = group('ILLUSTRATES', 'Example', 'Trend');
  const illustratesDriver = group('ILLUSTRATES', 'Example', 'Driver');
  each(counts.Example, (i) => {
    if (rng.chance(0.8)) out.push([illustratesTrend, i, rng.int(counts.Trend)]);
    else out.push([illustratesDriver, i, rng.int(counts.Driver)]);
  });
  return out;
}

/** How many extra relationships each group gets: by weight, capped by what is left in the group, the rest spread on. */
function quotas(groups: Group[], extra: number, counts: Record<NodeKind, number>): number[] {
  const quota = groups.map(() => 0);
  const room = groups.map((g) => capacity(g, counts));
  let left = extra;
  for (const useAll of [false, true]) {
    while (left > 0) {
      const open = groups.map((g, i) => (room[i]! - quota[i]! > 0 && (useAll || g.weight > 0) ? (useAll ? Math.max(g.weight, 1) : g.weight) : 0));
      const total = open.reduce((a, b) => a + b, 0);
      if (total === 0) break;
      let given = 0;
      open.forEach((w, i) => {
        if (w === 0) return;
        const share = Math.min(room[i]! - quota[i]!, Math.max(1, Math.floor((left * w) / total)), left - given);
        quota[i]! += share;
        given += share;
      });
      left -= given;
    }
  }
  if (left > 0) throw new RangeError(`${extra - left + groups.reduce((a, g) => a + g.edges.length, 0)} relationships at most fit between these nodes`);
  return quota;
}

/** Draws `n` new relationships for a group: skewed random pairs, or every free pair shuffled when the group is nearly full. */
function fill(ctx: Ctx, g: Group, n: number): void {
  const { rng, counts } = ctx;
  const nf = counts[g.from];
  const nt = counts[g.to];
  let added = 0;
  if (n < capacity(g, counts) / 2) {
    let attempts = 0;
    const maxAttempts = 20 * n + 1000;
    while (added < n && attempts++ < maxAttempts) {
      if (add(ctx, g, rng.skewed(nf, g.fromSkew), rng.skewed(nt, g.toSkew))) added++;
    }
  }
  if (added < n) {
    const free: number[] = [];
    for (let f = 0; f < nf; f++) for (let t = 0; t < nt; t++) if (!(g.from === g.to && f === t) && !g.seen.has(f * nt + t)) free.push(f * nt + t);
    for (let i = 0; i < n - added; i++) {
      const j = i + rng.int(free.length - i);
      [free[i], free[j]] = [free[j]!, free[i]!];
      add(ctx, g, Math.floor(free[i]! / nt), free[i]! % nt);
    }
  }
}

// ---------------------------------------------------------------------------------------------------------------------

export function generateDataset(options: SyntheticOptions): Dataset {
  const { nodes: nodeCount, relationships: relCount, seed } = options;
  if (!Number.isSafeInteger(seed)) throw new RangeError('seed must be a safe integer');
  if (!Number.isSafeInteger(relCount) || relCount < 0) throw new RangeError('relationships must be a whole number ≥ 0');
  const counts = kindCounts(nodeCount);
  const ctx: Ctx = { rng: new Rng(seed), counts, ids: Object.fromEntries(NODE_KINDS.map((k) => [k, [] as string[]])) as Record<NodeKind, string[]> };

  // Reports first: every other node cites one.
  const order: NodeKind[] = ['Report', ...NODE_KINDS.filter((k) => k !== 'Report')];
  const byKind = new Map<NodeKind, DatasetNode[]>();
  for (const kind of order) {
    const list: DatasetNode[] = [];
    for (let i = 0; i < counts[kind]; i++) list.push(makeNode(ctx, kind, i) as unknown as DatasetNode);
    byKind.set(kind, list);
  }

  const groups = makeGroups();
  const groupOf = (type: RelationshipType, from: NodeKind, to: NodeKind) => groups.find((g) => g.type === type && g.from === from && g.to === to)!;
  let structure = backbone(ctx, groupOf);
  if (structure.length > relCount) {
    // Too few relationships for the whole backbone: keep a random selection, in backbone order.
    const picks = structure.map((_, i) => i);
    for (let i = 0; i < relCount; i++) {
      const j = i + ctx.rng.int(picks.length - i);
      [picks[i], picks[j]] = [picks[j]!, picks[i]!];
    }
    structure = picks.slice(0, relCount).sort((a, b) => a - b).map((i) => structure[i]!);
  }
  for (const [g, f, t] of structure) add(ctx, g, f, t);

  const placed = groups.reduce((a, g) => a + g.edges.length, 0);
  const quota = quotas(groups, relCount - placed, counts);
  groups.forEach((g, i) => fill(ctx, g, quota[i]!));

  return {
    dataset: {
      name: 'Syntetisk strategigraf',
      version: `synthetic-n${nodeCount}-r${relCount}-s${seed}`,
      description: 'Generert av graph/generate/synthetic.ts for ytelsestester; ikke ekte data.',
    },
    references: [{ id: 'ref-sdg', title: 'FNs bærekraftsmål', url: 'https://sdgs.un.org/goals' }],
    nodes: NODE_KINDS.flatMap((k) => byKind.get(k)!),
    relationships: groups.flatMap((g) => g.edges),
  };
}
