// The at-a-glance model (web/src/lib/glance.ts): which relationships fill which role for each kind, what an agency
// leaves out, the status as of a year, and the cuts a printed page makes (names within a budget, numbered sources).
import { describe, expect, it } from 'vitest';
import type { Edge, Finding, Node } from '../../web/src/api/types.js';
import { capped, Citations, findingsAbout, fitNames, glanceRows, printFit, statusAsOf, statusYears } from '../../web/src/lib/glance.js';

const node = (id: string, kind: Node['kind'], name: string, properties: Record<string, unknown> = {}): Node => ({ id, kind, name, properties }) as Node;
const edge = (type: string, from: string, to: string, basis: 'stated' | 'inferred' = 'stated', source = 'rapport'): Edge =>
  ({ id: `${from}:${type}:${to}:${source}`, type, from, to, properties: { source, page: 7, quote: `${from} ${type} ${to}`, basis } }) as Edge;
const name = (n: Node) => n.name;

const init = node('init', 'Initiative', 'Ressurssenteret');
const hood = {
  nodes: [
    init,
    node('kmd', 'Agency', 'Kommunal- og moderniseringsdepartementet', { shortName: 'KMD' }),
    node('digdir', 'Agency', 'Digitaliseringsdirektoratet', { shortName: 'Digdir' }),
    node('ssb', 'Agency', 'Statistisk sentralbyrå', { shortName: 'SSB' }),
    node('nav', 'Agency', 'Arbeids- og velferdsetaten', { shortName: 'NAV' }),
    node('le-barn', 'LifeEvent', 'Få barn'),
    node('fa-data', 'FocusArea', 'Økt deling av data'),
    node('plan', 'ActionPlan', 'Handlingsplanen'),
    node('ms', 'Milestone', 'Lansert'),
  ],
  edges: [
    edge('RESPONSIBLE_FOR', 'kmd', 'init'),
    edge('LEADS', 'digdir', 'init', 'inferred'),
    edge('PARTICIPATES_IN', 'ssb', 'init'),
    edge('PARTICIPATES_IN', 'nav', 'init', 'inferred'),
    edge('PARTICIPATES_IN', 'nav', 'init', 'stated', 'rapport-2021'),
    edge('SERVES', 'init', 'le-barn'),
    edge('PART_OF', 'init', 'fa-data'),
    edge('HAS_MILESTONE', 'init', 'ms'),
  ],
};

describe('glanceRows', () => {
  it("fills an initiative's roles from its relationships, each item with every relationship that says so", () => {
    const rows = glanceRows(init, hood, name);
    expect(rows.map((r) => [r.role, r.items.map((i) => i.node.id)])).toEqual([
      ['responsible', ['kmd']],
      ['executing', ['digdir']],
      ['participants', ['nav', 'ssb']],
      ['lifeEvents', ['le-barn']],
      ['focusArea', ['fa-data']],
    ]);
    const participants = rows.find((r) => r.role === 'participants')!;
    // Arbeids- og velferdsetaten: once inferred, once stated by a later source — stated, with both relationships.
    expect(participants.items[0]!.edges).toHaveLength(2);
    expect(participants.items[0]!.inferred).toBe(false);
    expect(rows.find((r) => r.role === 'executing')!.items[0]!.inferred).toBe(true);
  });

  it('keeps an empty role of an initiative (the sources are silent) and leaves out the roles an agency does not have', () => {
    const lonely = glanceRows(node('x', 'Initiative', 'X'), { nodes: [], edges: [] }, name);
    expect(lonely.map((r) => [r.role, r.items.length])).toEqual([
      ['responsible', 0],
      ['executing', 0],
      ['participants', 0],
      ['lifeEvents', 0],
      ['focusArea', 0],
    ]);
    const digdir = glanceRows(node('digdir', 'Agency', 'Digdir'), hood, name);
    expect(digdir.map((r) => [r.role, r.items.map((i) => i.node.id)])).toEqual([['leads', ['init']]]);
  });

  it('reads a life event and a focus area from the other end, and gives other kinds no glance', () => {
    expect(glanceRows(node('le-barn', 'LifeEvent', 'Få barn'), hood, name).map((r) => [r.role, r.items.map((i) => i.node.id)])).toEqual([
      ['responsible', []],
      ['executing', []],
      ['servedBy', ['init']],
    ]);
    expect(
      glanceRows(node('fa-data', 'FocusArea', 'Data'), hood, name)
        .find((r) => r.role === 'initiatives')!
        .items.map((i) => i.node.id),
    ).toEqual(['init']);
    expect(glanceRows(node('ms', 'Milestone', 'Lansert'), hood, name)).toEqual([]);
  });
});

describe('status as of a year', () => {
  const src = { id: 'r', name: 'R', year: 2020 };
  const point = (year: number, progress: 'in_progress' | 'completed') => ({
    year,
    progress,
    label: null,
    source: { ...src, year },
    record: `s${year}`,
    inferred: null,
  });
  const history = { statuses: [point(2020, 'in_progress'), point(2022, 'completed')], silentYears: [2021, 2023] };

  it('is the last status given in or before the year, never a later one', () => {
    expect(statusAsOf(history, undefined)?.year).toBe(2022);
    expect(statusAsOf(history, 2021)?.year).toBe(2020);
    expect(statusAsOf(history, 2019)).toBeNull();
    expect(statusYears(history, 2022).map((r) => [r.year, r.statuses.length])).toEqual([
      [2020, 1],
      [2021, 0],
      [2022, 1],
    ]);
  });
});

describe('what a printed page keeps', () => {
  it('fits names into a character budget, at least one, none cut, and counts the rest', () => {
    const names = ['Digdir', 'Kommunal- og moderniseringsdepartementet', 'NAV', 'SSB'];
    expect(fitNames(names, (n) => n, 20)).toEqual({ shown: ['Digdir'], more: 3 });
    expect(fitNames(names, (n) => n, 1)).toEqual({ shown: ['Digdir'], more: 3 });
    expect(fitNames(names, (n) => n, 1000)).toEqual({ shown: names, more: 0 });
    expect(capped([1, 2, 3, 4, 5], 3)).toEqual({ shown: [1, 2, 3], more: 2 });
    expect(capped([1, 2], 3)).toEqual({ shown: [1, 2], more: 0 });
  });

  it('names agencies in a list of more than two by their short names', () => {
    const participants = glanceRows(init, hood, name).find((r) => r.role === 'participants')!;
    const executing = glanceRows(init, hood, name).find((r) => r.role === 'executing')!;
    expect(printFit(participants, name, 1000).several).toBe(false);
    expect(printFit(executing, name, 1000).shown.map((i) => i.node.id)).toEqual(['digdir']);
  });

  it('numbers sources in the order of first citation, each once, with the pages cited', () => {
    const c = new Citations();
    expect(c.cite('rapport', 12)).toBe(1);
    expect(c.cite('nettside', null)).toBe(2);
    expect(c.cite('rapport', 7)).toBe(1);
    expect(c.number('nettside')).toBe(2);
    expect(c.number('ukjent')).toBe(0);
    expect(c.list()).toEqual([
      { n: 1, source: 'rapport', pages: [7, 12] },
      { n: 2, source: 'nettside', pages: [] },
    ]);
  });

  it('keeps the findings about the node itself, most severe first', () => {
    const finding = (id: string, severity: 'high' | 'medium' | 'low') =>
      ({
        id: `${id}|${severity}`,
        rule: 'r',
        severity,
        basis: 'stated',
        subject: { id, kind: 'Initiative', name: id },
        message: { nb: id, en: id },
        evidence: { nodes: [], edges: [] },
      }) as Finding;
    expect(findingsAbout('init', [finding('init', 'low'), finding('other', 'high'), finding('init', 'high')]).map((f) => f.severity)).toEqual(['high', 'low']);
  });
});
