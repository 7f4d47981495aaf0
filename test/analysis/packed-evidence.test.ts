// Findings kept with their evidence packed (graph/analysis/packed-evidence.ts): they must read, compare and serialise
// exactly as the findings they were packed from, through the API too.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LadybugStore } from '../../graph/adapters/ladybug/store.js';
import { findGaps, packKeptFindings } from '../../graph/analysis/gaps.js';
import { isPacked, packEvidence } from '../../graph/analysis/packed-evidence.js';
import { snapshotFromDataset } from '../../graph/analysis/snapshot.js';
import { reviewedSnapshot } from '../../graph/review/read.js';
import type { GapFinding } from '../../graph/schema/analysis.js';
import { dataViewOf } from '../../graph/work/followup/data-view.js';
import { snapshotForYear } from '../../server/routes/years.js';
import { generateDataset } from '../../bench/synthetic/dataset.js';
import { build, type TestApp } from '../server/helpers.js';
import { GAP_FIXTURE, loadFixture } from './store-contract.js';

describe('findings with packed evidence', () => {
  let findings: GapFinding[];
  beforeAll(async () => {
    findings = findGaps(snapshotFromDataset(generateDataset({ nodes: 1500, relationships: 6000, seed: 7 })));
  });

  it('equal the findings they were packed from, field by field and as JSON, in several chunks', () => {
    expect(findings.length).toBeGreaterThan(3 * 64);
    const packed = packEvidence(findings);
    expect(packed.every(isPacked)).toBe(true);
    expect(findings.some(isPacked)).toBe(false);
    expect(packed).toEqual(findings);
    expect(JSON.stringify(packed)).toBe(JSON.stringify(findings));
    expect(structuredClone(packed)).toEqual(findings);
    expect({ ...packed[5] }).toEqual(findings[5]);
    expect(Object.keys(packed[0]!)).toEqual(Object.keys(findings[0]!));
  });

  it('read their evidence in any order, each from its own chunk', () => {
    const packed = packEvidence(findings);
    const order = findings.map((_, i) => i).sort((a, b) => ((a * 7919) % findings.length) - ((b * 7919) % findings.length));
    for (const i of order) expect(packed[i]!.evidence).toEqual(findings[i]!.evidence);
  });

  it('packed again are given back as they are', () => {
    const packed = packEvidence(findings);
    const again = packEvidence(packed);
    expect(again).not.toBe(packed);
    again.forEach((f, i) => expect(f).toBe(packed[i]));
  });
});

describe('the latest year kept packed', () => {
  let sut: TestApp;
  beforeAll(async () => {
    const store = new LadybugStore({ path: ':memory:' });
    await store.replaceDataset(await loadFixture(GAP_FIXTURE));
    sut = await build({ store });
  });
  afterAll(async () => {
    await sut.close();
  });

  it('gives GET /api/gaps the same findings, byte for byte, once the follow-up packed them', async () => {
    const page = async (limit: number) => (await sut.app.inject({ method: 'GET', url: `/api/gaps?limit=${limit}` })).json().findings as unknown[];
    const before = await page(1000);
    const latest = snapshotForYear(await reviewedSnapshot(sut.store), undefined);
    expect(findGaps(latest).some(isPacked)).toBe(false);
    // The follow-up's view of the data packs the latest year's findings it keeps.
    const view = dataViewOf(await reviewedSnapshot(sut.store));
    expect(view.current.length).toBeGreaterThan(0);
    expect(view.current.every(isPacked)).toBe(true);
    expect(findGaps(latest).every(isPacked)).toBe(true);
    // Another page size, so that the route does not give the page it kept before the packing.
    const after = await page(999);
    expect(after.length).toBe(Math.min(before.length, 999));
    expect(JSON.stringify(after)).toBe(JSON.stringify(before.slice(0, 999)));
  });

  it('is not done on a snapshot that may change', () => {
    const loose = snapshotFromDataset(generateDataset({ nodes: 300, relationships: 900, seed: 3 }));
    packKeptFindings(loose);
    expect(findGaps(loose).some(isPacked)).toBe(false);
  });
});
