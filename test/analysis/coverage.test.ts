import { beforeAll, describe, expect, it } from 'vitest';
import { COVERAGE_PRESETS, coverage, coverageByPreset, coverageCell, coverageCounts, CoverageError, defaultPath } from '../../graph/analysis/coverage.js';
import { generateDataset } from '../../bench/synthetic/dataset.js';
import { snapshotFromDataset } from '../../graph/analysis/snapshot.js';
import { COVERAGE_PRESET_IDS, CoverageMatrix, CoveragePreset } from '../../graph/schema/analysis.js';
import type { GraphSnapshot } from '../../graph/store/port.js';
import { GAP_FIXTURE, loadFixture } from './store-contract.js';

describe('coverage matrices', () => {
  let snapshot: GraphSnapshot;

  beforeAll(async () => {
    snapshot = snapshotFromDataset(await loadFixture(GAP_FIXTURE));
  });

  it('names the five common matrices', () => {
    expect(COVERAGE_PRESETS.map((p) => p.id)).toEqual([...COVERAGE_PRESET_IDS]);
    for (const preset of COVERAGE_PRESETS) {
      expect(() => CoveragePreset.parse(preset)).not.toThrow();
      expect(() => CoverageMatrix.parse(coverageByPreset(snapshot, preset.id))).not.toThrow();
    }
  });

  it('life event × agency: through serving initiatives and their agencies, and the ministry responsible for the life event', () => {
    const m = coverageByPreset(snapshot, 'life-event-agency');
    expect(m.rowNodes.map((r) => r.id)).toEqual(['le-sykt-barn', 'le-fa-barn']);
    const cell = (row: string, col: string) => m.cells.find((c) => c.row === row && c.col === col);
    expect(cell('le-sykt-barn', 'digdir')).toEqual({
      row: 'le-sykt-barn',
      col: 'digdir',
      count: 2,
      stated: 2,
      edges: ['digdir:LEADS:init-stimulab', 'digdir:LEADS:init-stotte', 'init-stimulab:SERVES:le-sykt-barn', 'init-stotte:SERVES:le-sykt-barn'],
      paths: [
        ['init-stimulab:SERVES:le-sykt-barn', 'digdir:LEADS:init-stimulab'],
        ['init-stotte:SERVES:le-sykt-barn', 'digdir:LEADS:init-stotte'],
      ],
    });
    expect(cell('le-sykt-barn', 'hod')).toMatchObject({ count: 1, edges: ['hod:RESPONSIBLE_FOR:le-sykt-barn'] });
    expect(cell('le-fa-barn', 'hod')).toBeUndefined();
    expect(m.totals).toEqual({ links: 5, cells: 4, rows: 2, cols: 4, emptyRows: 0, emptyCols: 1 });
    expect(m.emptyColShare).toBe(0.25);
    expect(m.colNodes.find((c) => c.id === 'kmd')).toMatchObject({ total: 0 });
    for (const id of m.cells.flatMap((c) => c.edges)) expect(m.edges.map((e) => e.id)).toContain(id);
    expect(m.pathDescription.nb).toBe(
      'Livshendelse ←understøtter— Initiativ ←leder (utfører) | er ansvarlig departement for | deltar i— Virksomhet; ' +
        'eller Livshendelse ←leder (utfører) | er ansvarlig departement for— Virksomhet',
    );
  });

  it('counts stated chains apart from inferred ones', () => {
    const m = coverageByPreset(snapshot, 'focus-area-goal');
    expect(m.cells).toEqual([
      expect.objectContaining({ row: 'fa-kompetanse', col: 'sdg-4', count: 1, stated: 0 }),
      expect.objectContaining({ row: 'fa-data', col: 'sdg-9', count: 1, stated: 1, edges: ['init-data:CONTRIBUTES_TO:sdg-9', 'init-data:PART_OF:fa-data'] }),
    ]);
    expect(m.totals.emptyRows).toBe(1);
    expect(m.emptyRowShare).toBeCloseTo(1 / 3);
  });

  it('takes any two kinds and a path of steps', () => {
    const m = coverage(snapshot, {
      rows: 'Agency',
      cols: 'FocusArea',
      path: [
        { type: 'LEADS', direction: 'out' },
        { type: 'PART_OF', direction: 'out' },
      ],
    });
    expect(m.preset).toBeNull();
    expect(m.cells.map((c) => `${c.row}>${c.col}:${c.count}`)).toEqual(['digdir>fa-tjenester:2', 'digdir>fa-data:2', 'kmd>fa-data:1']);
    expect(m.title.nb).toBe('Virksomheter × innsatsområder');
  });

  it('finds the shortest paths through the ontology when no path is given', () => {
    // Every role an agency can have towards an initiative, in the ontology's order.
    expect(defaultPath('Agency', 'Initiative')).toEqual([
      [{ type: ['LEADS', 'PARTICIPATES_IN', 'RESPONSIBLE_FOR', 'ADOPTS', 'RECEIVES', 'FOLLOWS_UP'], direction: 'out' }],
    ]);
    // Through the initiative it marks, or through the agency that receives it and has a role in the focus area.
    expect(defaultPath('Milestone', 'FocusArea')).toEqual([
      [
        { type: ['HAS_MILESTONE'], direction: 'in' },
        { type: ['PART_OF'], direction: 'out' },
      ],
      [
        { type: ['RECEIVES'], direction: 'in' },
        { type: ['LEADS', 'RESPONSIBLE_FOR', 'FOLLOWS_UP'], direction: 'out' },
      ],
    ]);
    const m = coverage(snapshot, { rows: 'Initiative', cols: 'Agency' });
    expect(m.pathDescription.en).toBe(
      'Initiative ←leads (executes) | participates in | is the responsible ministry for | adopts | receives a deliverable of | follows up— Agency',
    );
    expect(m.totals.links).toBe(6);
  });

  it('uses the named path when the kinds match a common matrix', () => {
    expect(coverage(snapshot, { rows: 'LifeEvent', cols: 'Agency' })).toEqual(coverageByPreset(snapshot, 'life-event-agency'));
  });

  it('explains a path the ontology cannot follow, and an unknown preset', () => {
    expect(() => coverage(snapshot, { rows: 'Goal', cols: 'Agency', path: [{ type: 'LEADS', direction: 'out' }] })).toThrow(CoverageError);
    expect(() => coverage(snapshot, { rows: 'Agency', cols: 'Goal', path: [{ type: 'LEADS', direction: 'out' }] })).toThrow(/ends at .*not at Goal/);
    expect(() => coverageByPreset(snapshot, 'nope')).toThrow(/focus-area-goal/);
  });
});

describe('coverage kept as counts, a cell worked out for its row', () => {
  it('gives every cell of every preset the chains and relationships the whole matrix has there', () => {
    const snapshot = Object.freeze(snapshotFromDataset(generateDataset({ nodes: 1200, relationships: 5000, seed: 11 })));
    Object.freeze(snapshot.nodes);
    Object.freeze(snapshot.edges);
    for (const preset of COVERAGE_PRESETS) {
      const full = coverageByPreset(snapshot, preset.id);
      expect(full.cells.length, preset.id).toBeGreaterThan(0);
      const edges = new Map(full.edges.map((e) => [e.id, e]));
      for (const cell of full.cells) {
        expect(coverageCell(snapshot, { preset: preset.id }, cell.row, cell.col), `${preset.id} ${cell.row} × ${cell.col}`).toEqual({
          ...cell,
          edges: cell.edges.map((id) => edges.get(id)),
        });
      }
      const counts = coverageCounts(snapshot, { preset: preset.id });
      expect(counts.cells).toEqual(full.cells.map(({ row, col, count, stated }) => ({ row, col, count, stated })));
      // Kept with the graph: the same object on the next call.
      expect(coverageCounts(snapshot, { preset: preset.id })).toBe(counts);
      // A row and a column on the axes with nothing between them: count 0; a node off the axes: none.
      const empty = full.rowNodes
        .flatMap((r) => full.colNodes.map((c) => [r.id, c.id] as const))
        .find(([r, c]) => !full.cells.some((x) => x.row === r && x.col === c));
      if (empty) expect(coverageCell(snapshot, { preset: preset.id }, ...empty)).toMatchObject({ count: 0, paths: [], edges: [] });
      expect(coverageCell(snapshot, { preset: preset.id }, 'no-such-node', full.colNodes[0]!.id)).toBeNull();
      expect(coverageCell(snapshot, { preset: preset.id }, full.rowNodes[0]!.id, 'no-such-node')).toBeNull();
    }
  });
});
