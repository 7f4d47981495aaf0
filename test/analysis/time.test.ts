// The graph over years: as-of views, a subject's history and the diff between two years, on small built datasets.
import { describe, expect, it } from 'vitest';
import { diffYears } from '../../graph/analysis/time/diff.js';
import { subjectHistory } from '../../graph/analysis/time/history.js';
import { snapshotAsOf } from '../../graph/analysis/time/years.js';
import { dataset } from './builders.js';

/** The 2020 report plus two later sources: a ministry change, a status series, a new measure and an indicator. */
function programme() {
  return dataset()
    .report('r2021', 2021)
    .report('r2022', 2022)
    .agency('kud')
    .agency('kld', { source: 'r2022' })
    .lifeEvent('frivillig')
    .link('RESPONSIBLE_FOR', 'kud', 'frivillig', { endedBy: 'r2022' })
    .link('RESPONSIBLE_FOR', 'kld', 'frivillig', { source: 'r2022', page: null })
    .focusArea('fa-data')
    .assessment('fa-data', 'r2021', 'on_track', 'På plan')
    .assessment('fa-data', 'r2022', 'minor_delays', 'Mindre forsinkelser')
    .focusArea('fa-kompetanse', 'not_started')
    .initiative('eti', { source: 'r2022' })
    .link('PART_OF', 'eti', 'fa-data', { source: 'r2022', page: null })
    .node('Indicator', 'odm', { unit: 'rank', direction: 'lower_is_better' })
    .node('Measurement', 'odm-2020', { value: 13, year: 2020 })
    .node('Measurement', 'odm-2022', { source: 'r2022', value: 10, year: 2022, valueLabel: '10 (89 %)' })
    .link('MEASURES', 'odm-2020', 'odm')
    .link('MEASURES', 'odm-2022', 'odm', { source: 'r2022', page: null });
}

describe('the graph over years', () => {
  it('shows a year as its sources then stood: later nodes absent, a link a later source ended present until that year', () => {
    const snapshot = programme().snapshot();
    const in2020 = snapshotAsOf(snapshot, 2020);
    expect(in2020.nodes.map((n) => n.id)).not.toContain('kld');
    expect(in2020.nodes.map((n) => n.id)).not.toContain('eti');
    expect(in2020.edges.map((e) => e.id)).toContain('kud:RESPONSIBLE_FOR:frivillig');
    // It had not ended in 2020: the source that ends it (of 2022) is not yet known then; the whole graph keeps it.
    expect(in2020.edges.find((e) => e.id === 'kud:RESPONSIBLE_FOR:frivillig')!.properties.endedBy).toBeNull();
    expect(snapshot.edges.find((e) => e.id === 'kud:RESPONSIBLE_FOR:frivillig')!.properties.endedBy).toBe('r2022');
    const in2022 = snapshotAsOf(snapshot, 2022);
    expect(in2022.edges.map((e) => e.id)).toContain('kld:RESPONSIBLE_FOR:frivillig');
    expect(in2022.edges.map((e) => e.id)).not.toContain('kud:RESPONSIBLE_FOR:frivillig');
    expect(
      snapshotAsOf(snapshot, 2021)
        .nodes.filter((n) => n.kind === 'StatusAssessment')
        .map((n) => n.id),
    ).toEqual(['status-fa-data-r2021']);
  });

  it('gives a subject its dated statuses with their sources, and the years nobody reported on it', () => {
    const snapshot = programme().snapshot();
    const data = subjectHistory(snapshot, 'fa-data')!;
    expect(data.statuses.map((p) => [p.year, p.progress, p.label, p.source.id])).toEqual([
      [2020, 'in_progress', null, 'rapport'],
      [2021, 'on_track', 'På plan', 'r2021'],
      [2022, 'minor_delays', 'Mindre forsinkelser', 'r2022'],
    ]);
    expect(data.silentYears).toEqual([]);
    expect(subjectHistory(snapshot, 'fa-kompetanse')!.silentYears).toEqual([2021, 2022]);
    const frivillig = subjectHistory(snapshot, 'frivillig')!;
    expect(frivillig.links.map((l) => [l.id, l.from, l.until])).toEqual([
      ['kld:RESPONSIBLE_FOR:frivillig', 2022, null],
      ['kud:RESPONSIBLE_FOR:frivillig', 2020, 2022],
    ]);
    expect(subjectHistory(snapshot, 'nothing')).toBeNull();
  });

  it('says what changed between two years, with the sources on both sides', () => {
    const diff = diffYears(programme().snapshot(), 2021, 2022);
    // The new measure's own status is its first: nothing to compare it with.
    expect(diff.statusChanges.map((c) => [c.subject.id, c.before?.year ?? null, c.direction])).toEqual([
      ['fa-data', 2021, 'slipped'],
      ['eti', null, 'not_comparable'],
    ]);
    expect(diff.statusChanges[0]).toMatchObject({
      subject: { id: 'fa-data' },
      before: { year: 2021, label: 'På plan', source: { id: 'r2021' } },
      after: { year: 2022, label: 'Mindre forsinkelser', source: { id: 'r2022' } },
      direction: 'slipped',
    });
    expect(diff.appeared.map((n) => n.id)).toEqual(['kld', 'eti']);
    expect(diff.ownerChanges).toEqual([
      expect.objectContaining({
        subject: expect.objectContaining({ id: 'frivillig' }),
        role: 'RESPONSIBLE_FOR',
        added: [expect.objectContaining({ other: expect.objectContaining({ id: 'kld' }) })],
        removed: [expect.objectContaining({ other: expect.objectContaining({ id: 'kud' }), endedBy: expect.objectContaining({ id: 'r2022' }) })],
      }),
    ]);
    expect(diff.indicators).toEqual([
      expect.objectContaining({
        indicator: expect.objectContaining({ id: 'odm' }),
        before: expect.objectContaining({ value: 13 }),
        after: expect.objectContaining({ value: 10, label: '10 (89 %)' }),
        direction: 'improved',
      }),
    ]);
    expect(diff.findingsOpened.map((f) => `${f.rule}:${f.subject.id}`)).toContain('slipping-status:fa-data');
    expect(diff.findingsClosed.map((f) => `${f.rule}:${f.subject.id}`)).not.toContain('slipping-status:fa-data');
  });

  it('finds nothing changed between a year and itself', () => {
    const diff = diffYears(programme().snapshot(), 2022, 2022);
    expect([diff.statusChanges, diff.appeared, diff.completed, diff.ownerChanges, diff.findingsOpened, diff.findingsClosed, diff.indicators]).toEqual([
      [],
      [],
      [],
      [],
      [],
      [],
      [],
    ]);
  });
});
