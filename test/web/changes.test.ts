// The Changes view's grouping of a diff into sections, and the Explore link of each row.
import { describe, expect, it } from 'vitest';
import type { DatedLink, Finding, NodeRef, StatusChange, StatusPoint, YearDiff } from '../../web/src/api/types.js';
import { CHANGE_SECTIONS, changeElements, exploreTarget, findingSources, groupChanges, type ChangeRow } from '../../web/src/lib/changes.js';

const r2020 = { id: 'rapport-2020', name: 'Erfaringsrapport 2020', year: 2020 };
const r2021 = { id: 'rapport-2021', name: 'Erfaringsrapport 2021', year: 2021, url: 'https://example.org/2021' };
const node = (id: string, name: string, kind: NodeRef['kind'] = 'Initiative'): NodeRef => ({ id, kind, name });
const point = (year: number, progress: StatusPoint['progress'], label: string | null, record: string): StatusPoint => ({
  year,
  progress,
  label,
  source: year === 2020 ? r2020 : r2021,
  record,
  inferred: null,
});
const change = (subject: NodeRef, before: StatusPoint | null, after: StatusPoint, direction: StatusChange['direction']): StatusChange => ({
  subject,
  before,
  after,
  direction,
});
const finding = (rule: string, severity: Finding['severity'], subject: NodeRef, evidence: string[] = []): Finding => ({
  id: `${rule}:${subject.id}`,
  rule,
  severity,
  basis: 'stated',
  subject,
  message: { nb: `${rule} nb`, en: `${rule} en` },
  evidence: {
    nodes: evidence.map((id) => ({ ...node(id, id), source: id.endsWith('2021') ? 'rapport-2021' : 'rapport-2020', page: null, quote: null })),
    edges: [{ id: 'e-1', type: 'HAS_STATUS', from: subject.id, to: evidence[0] ?? subject.id, fromName: '', toName: '', properties: {} as never }],
  },
});
const link = (id: string, other: NodeRef, source = r2020, endedBy: typeof r2021 | null = null): DatedLink => ({
  id,
  type: 'RESPONSIBLE_FOR',
  other,
  direction: 'in',
  from: source.year,
  until: endedBy?.year ?? null,
  source,
  endedBy,
});

const tjenester = node('fa-tjenester', 'Sammenhengende tjenester', 'FocusArea');
const kompetanse = node('fa-kompetanse', 'Økt digital kompetanse', 'FocusArea');
const ki = node('init-ki', 'KI-strategien');
const data = node('init-data', 'Ressurssenter for deling av data');
const fabrikk = node('init-datafabrikk', 'Datafabrikken');
const stimulab = node('init-stimulab', 'StimuLab');
const kmd = node('kmd', 'KMD', 'Agency');
const dfd = node('dfd', 'DFD', 'Agency');

const DIFF: YearDiff = {
  from: 2020,
  to: 2021,
  years: [2020, 2021],
  statusChanges: [
    change(
      tjenester,
      point(2020, 'on_track', 'På plan', 'vurdering-tjenester-2020'),
      point(2021, 'minor_delays', 'Mindre forsinkelser', 'vurdering-tjenester-2021'),
      'slipped',
    ),
    change(ki, point(2020, 'in_progress', null, 'ki-2020'), point(2021, 'completed', 'Ferdig', 'ki-2021'), 'improved'),
    change(kompetanse, point(2020, 'not_started', null, 'fa-kompetanse'), point(2021, 'not_started', 'Ikke startet', 'vurdering-kompetanse-2021'), 'unchanged'),
    change(data, null, point(2021, 'in_progress', null, 'status-data-2021'), 'not_comparable'),
    change(fabrikk, null, point(2021, 'on_track', 'På plan', 'fabrikk-2021'), 'not_comparable'),
  ],
  appeared: [
    { ...fabrikk, source: r2021 },
    { ...stimulab, source: r2021 },
  ],
  completed: [ki],
  ownerChanges: [{ subject: data, role: 'RESPONSIBLE_FOR', removed: [link('rf-kmd', kmd, r2020, r2021)], added: [link('rf-dfd', dfd, r2021)] }],
  findingsOpened: [
    finding('stale-status', 'medium', node('fa-data', 'Økt deling av data', 'FocusArea'), ['fa-data']),
    finding('slipping-status', 'medium', tjenester, ['vurdering-tjenester-2020', 'vurdering-tjenester-2021']),
    finding('recommendation-not-acted-on', 'high', node('rec-kompetanse', 'Start arbeidet', 'Recommendation'), ['vurdering-kompetanse-2021']),
  ],
  findingsClosed: [],
  indicators: [
    {
      indicator: node('ind-egov', 'eGovernment Benchmark', 'Indicator'),
      unit: 'rank',
      before: { year: 2020, value: 8, label: null, source: r2020 },
      after: { year: 2021, value: 6, label: null, source: r2021 },
      direction: 'improved',
    },
  ],
};

const subjects = (rows: ChangeRow[]) => rows.map((r) => r.subject.name);

describe('groupChanges', () => {
  const groups = groupChanges(DIFF);

  it('puts a status the scale cannot order against the one before («in progress», then a pace) apart from first statuses', () => {
    const started = change(
      data,
      point(2020, 'in_progress', null, 'status-data-2020'),
      point(2021, 'minor_delays', 'Mindre forsinkelser', 'status-data-2021'),
      'not_comparable',
    );
    const withPace = groupChanges({ ...DIFF, statusChanges: [...DIFF.statusChanges.filter((c) => c.subject.id !== data.id), started] });
    expect(subjects(withPace.incomparable)).toEqual([data.name]);
    expect(subjects(withPace.new)).not.toContain(data.name);
    expect(groups.incomparable).toEqual([]);
  });

  it('has every section, in the order the view shows them, an empty one included', () => {
    expect(Object.keys(groups).sort()).toEqual([...CHANGE_SECTIONS].sort());
    expect(CHANGE_SECTIONS).toEqual(['slipped', 'improved', 'unchanged', 'incomparable', 'new', 'completed', 'owners', 'opened', 'closed', 'indicators']);
    expect(groups.closed).toEqual([]);
  });

  it('sorts status changes by direction', () => {
    expect(subjects(groups.slipped)).toEqual(['Sammenhengende tjenester']);
    expect(subjects(groups.improved)).toEqual(['KI-strategien']);
    expect(subjects(groups.unchanged)).toEqual(['Økt digital kompetanse']);
    const slipped = groups.slipped[0]!;
    expect(slipped.type === 'status' && [slipped.change.before?.label, slipped.change.after.label]).toEqual(['På plan', 'Mindre forsinkelser']);
  });

  it('puts new subjects and first statuses under new, a new subject once, with its first status', () => {
    expect(groups.new.map((r) => [r.type, r.subject.name])).toEqual([
      ['appeared', 'Datafabrikken'],
      ['status', 'Ressurssenter for deling av data'],
      ['appeared', 'StimuLab'],
    ]);
    const fabrikkRow = groups.new[0]!;
    expect(fabrikkRow.type === 'appeared' && fabrikkRow.change?.after.label).toBe('På plan');
    const stimulabRow = groups.new[2]!;
    expect(stimulabRow.type === 'appeared' && [stimulabRow.change, stimulabRow.source.id]).toEqual([null, 'rapport-2021']);
  });

  it('gives a completed subject the status change that completed it', () => {
    const row = groups.completed[0]!;
    expect(row.type === 'completed' && [row.subject.name, row.change?.before?.progress, row.change?.after.label]).toEqual([
      'KI-strategien',
      'in_progress',
      'Ferdig',
    ]);
  });

  it('lists owner changes, findings (most severe first, then by name) and indicators', () => {
    expect(groups.owners.map((r) => r.type === 'owner' && [r.subject.name, r.change.role])).toEqual([['Ressurssenter for deling av data', 'RESPONSIBLE_FOR']]);
    expect(subjects(groups.opened)).toEqual(['Start arbeidet', 'Sammenhengende tjenester', 'Økt deling av data']);
    expect(groups.opened.every((r) => r.type === 'finding' && r.opened)).toBe(true);
    expect(subjects(groups.indicators)).toEqual(['eGovernment Benchmark']);
  });

  it('gives every row a key of its own', () => {
    const keys = CHANGE_SECTIONS.flatMap((s) => groups[s].map((r) => r.key));
    expect(new Set(keys).size).toBe(keys.length);
  });
});

describe('the Explore link of a row', () => {
  const groups = groupChanges(DIFF);

  it('selects the subject and highlights the status records on both sides, as of the later year', () => {
    expect(exploreTarget(groups.slipped[0]!, 2021, 2021)).toEqual({
      view: 'explore',
      node: 'fa-tjenester',
      expanded: 'fa-tjenester,vurdering-tjenester-2020,vurdering-tjenester-2021',
      hl: 'fa-tjenester,vurdering-tjenester-2020,vurdering-tjenester-2021',
      year: undefined,
    });
    // A record that is the subject itself is not named twice; a later year that is not the latest goes in the URL.
    expect(exploreTarget(groups.unchanged[0]!, 2020, 2021)).toMatchObject({ hl: 'fa-kompetanse,vurdering-kompetanse-2021', year: '2020' });
  });

  it('highlights the owners on both sides and their links', () => {
    expect(changeElements(groups.owners[0]!)).toEqual({ nodes: ['init-data', 'kmd', 'dfd'], edges: ['rf-kmd', 'rf-dfd'] });
  });

  it("highlights a finding's evidence, as Gaps does", () => {
    const slipping = groups.opened.find((r) => r.subject.id === 'fa-tjenester')!;
    expect(changeElements(slipping)).toEqual({ nodes: ['fa-tjenester', 'vurdering-tjenester-2020', 'vurdering-tjenester-2021'], edges: ['e-1'] });
    expect(slipping.type === 'finding' && findingSources(slipping.finding)).toEqual(['rapport-2020', 'rapport-2021']);
  });
});
