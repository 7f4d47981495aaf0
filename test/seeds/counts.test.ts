// The dataset issue's done-when counts, read back from a real store loaded with seeds/ (not from the YAML), so a seed
// that fails to load, a node filed under the wrong kind or a dropped file shows up here.
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LadybugStore } from '../../graph/adapters/ladybug/store.js';
import { formatProblem } from '../../graph/dataset/validate.js';
import { loadDatasetDir } from '../../graph/dataset/load.js';
import type { GraphStats } from '../../graph/schema/graph.js';
import type { GraphStore } from '../../graph/store/port.js';

const SEEDS = path.resolve(import.meta.dirname, '../../seeds');

let sut: GraphStore;
let stats: GraphStats;

beforeAll(async () => {
  const result = await loadDatasetDir(SEEDS);
  if (!result.ok) throw new Error(`seeds/ is invalid:\n${result.problems.map(formatProblem).join('\n')}`);
  sut = new LadybugStore({ path: ':memory:' });
  await sut.open();
  await sut.replaceDataset(result.dataset);
  stats = await sut.stats();
});

afterAll(async () => {
  await sut?.close();
});

describe('seed counts in the store (the dataset issue’s done-when)', () => {
  it.each([
    ['FocusArea', 8],
    ['LifeEvent', 7],
    ['Goal', 17],
    ['Driver', 7],
  ])('has exactly %s × %i', (kind, count) => {
    expect(stats.nodes[kind] ?? 0, JSON.stringify(stats.nodes)).toBe(count);
  });

  it.each([
    ['Initiative', 20],
    ['Agency', 30],
    // The 2020 report's own material: one objective per focus-area box, its ten cited figures (nine with a value), its
    // eighteen named obstacles, three funding sources, three recommendation pages, thirteen dated events.
    ['Objective', 8],
    ['Indicator', 10],
    ['Measurement', 9],
    ['Obstacle', 18],
    ['Funding', 3],
    ['Recommendation', 3],
    ['Milestone', 13],
  ])('has at least %s × %i', (kind, floor) => {
    expect(stats.nodes[kind] ?? 0, JSON.stringify(stats.nodes)).toBeGreaterThanOrEqual(floor);
  });

  it.each([
    ['RESPONSIBLE_FOR', 7],
    ['HAS_OBJECTIVE', 8],
    ['MEASURES', 9],
    ['BLOCKS', 19],
  ])('has at least as many %s links as %i', (type, floor) => {
    expect(stats.relationships[type] ?? 0, JSON.stringify(stats.relationships)).toBeGreaterThanOrEqual(floor);
  });

  it('agrees with a count by Cypher, so stats are not read from somewhere else', async () => {
    const res = await sut.readQuery('MATCH (n:FocusArea) RETURN count(n) AS n', {}, { timeoutMs: 5000, rowCap: 10 });
    expect(Number(res.rows[0]?.[0])).toBe(stats.nodes['FocusArea']);
  });
});
