// The Skate report's follow-up section: what is new since the last meeting, what is overdue, what was closed and how —
// from real records on the embedded store, written by editors and by the data over a few months, in nb and in en.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LadybugStore } from '../../graph/adapters/ladybug/store.js';
import { buildReportModel, renderReport } from '../../graph/report/index.js';
import type { GraphSnapshot } from '../../graph/store/port.js';
import { followUpDigest, type FollowUpDigest } from '../../graph/work/followup/digest.js';
import { COLLECTION, parseRecord, reconcileFollowUp, reconciledInMemory } from '../../graph/work/followup/reconcile.js';
import { actOnFinding } from '../../graph/work/followup/service.js';
import type { FollowUpRecord } from '../../graph/work/followup/schema.js';
import type { Actor } from '../../graph/work/schema.js';
import { NEW_IN_2023, NOT_STARTED, recovered, SLIP, slipping } from '../work/followup-data.js';

const KARI: Actor = { id: 'oidc:kari', name: 'Kari Nordmann', via: 'oidc' };
const MEETING = '2026-03-02T09:00:00Z';
const RESOLVED = 'no-stated-sdg-effect:fa-start';

describe('the follow-up section of the Skate report', () => {
  const store = new LadybugStore({ path: ':memory:' });
  let snapshot: GraphSnapshot;
  let records: FollowUpRecord[];
  let newAfterLoad: string[];
  const digest = (since: string, today = '2026-03-02'): FollowUpDigest => followUpDigest(records, { since, today });

  beforeAll(async () => {
    const at = (iso: string) => () => new Date(iso);
    await store.replaceDataset(slipping());
    await reconcileFollowUp(store.work, await store.snapshot(), { now: at('2025-10-01T08:00:00Z') });
    const act = async (id: string, request: Parameters<typeof actOnFinding>[2], when: string) => {
      const version = (await store.work.getRecord(COLLECTION, id))!.version;
      await actOnFinding({ work: store.work, snapshot: await store.snapshot(), now: at(when) }, id, request, { actor: KARI, expectedVersion: version });
    };
    await act(NOT_STARTED, { type: 'acknowledge', owner: { agency: 'digdir' }, dueDate: '2026-02-01' }, '2026-01-10T10:00:00Z');
    await act(RESOLVED, { type: 'resolve', reason: 'Effekten er beskrevet i tildelingsbrevet' }, '2026-01-12T10:00:00Z');
    const before = new Set((await store.work.listRecords(COLLECTION)).map((r) => r.id));
    // A later report: the slip ends (closed by the data); the new sources bring findings of their own.
    await store.replaceDataset(recovered());
    snapshot = await store.snapshot();
    await reconcileFollowUp(store.work, snapshot, { now: at('2026-02-15T12:00:00Z') });
    records = (await store.work.listRecords(COLLECTION)).map((r) => parseRecord(r)!);
    newAfterLoad = records.filter((r) => !before.has(r.findingId)).map((r) => r.findingId);
  });
  afterAll(() => store.close());

  it('lists what is new, overdue and closed since the last meeting', () => {
    const d = digest('2026-01-01');
    expect(newAfterLoad).toContain(NEW_IN_2023);
    expect(d.opened.map((e) => e.id).sort()).toEqual([...newAfterLoad].sort());
    expect(d.overdue.map((e) => e.id)).toEqual([NOT_STARTED]);
    expect(d.closed.map((e) => [e.id, e.state])).toEqual(
      expect.arrayContaining([
        [SLIP, 'closed_by_data'],
        [RESOLVED, 'resolved'],
      ]),
    );
    expect(d.closed).toHaveLength(2);
    // Before the first detection, everything open is new; after the last change, nothing is news but what is overdue.
    expect(digest('2025-09-01').opened.length).toBe(records.filter((r) => r.state === 'open' || r.state === 'acknowledged').length);
    const late = digest('2026-03-01');
    expect([late.opened, late.closed]).toEqual([[], []]);
    expect(late.overdue).toHaveLength(1);
  });

  it('writes it in Norwegian, after the summary and before the gaps', () => {
    const md = renderReport(snapshot, { format: 'md', generatedAt: MEETING, followUp: digest('2026-01-01') });
    const section = md.slice(md.indexOf('## Oppfølging siden forrige møte'), md.indexOf('## Hull etter alvorlighet'));
    expect(md.indexOf('## Sammendrag')).toBeLessThan(md.indexOf('## Oppfølging siden forrige møte'));
    expect(section).toContain('Funn som er nye eller åpnet igjen siden 1. januar 2026, funn som har passert fristen per 2. mars 2026');
    expect(section).toContain(`### Nye funn (${newAfterLoad.length})`);
    expect(section).toContain(
      '### Over fristen (1)\n\n- **fa-start** (høy): Innsatsområdet «fa-start» er ikke startet. _(under arbeid · eier Digitaliseringsdirektoratet · frist 1. februar 2026 (29 dager over))_',
    );
    expect(section).toContain(
      '- **fa-data** (middels): Status for «fa-data» har gått tilbake fra «På plan» i 2021 (Rapport 2021) til «Mindre forsinkelser» i 2022 (Rapport 2022). _(lukket av data 15. februar 2026 · forsvant i Statusrapport høsten 2023 (2023))_',
    );
    expect(section).toContain('_(løst 12. januar 2026 · begrunnelse: Effekten er beskrevet i tildelingsbrevet · Kari Nordmann)_');
  });

  it('writes it in English, and as HTML with the same items', () => {
    const followUp = digest('2026-01-01');
    const en = buildReportModel(snapshot, { generatedAt: MEETING, lang: 'en', followUp }).followUp!;
    expect(en.heading).toBe('Follow-up since the last meeting');
    expect(en.groups.map((g) => g.heading)).toEqual([`New findings (${newAfterLoad.length})`, 'Overdue (1)', 'Closed (2)']);
    expect(en.groups[1]!.items[0]!.details).toEqual(['in hand', 'owner Digitaliseringsdirektoratet', 'due 1 February 2026 (29 days over)']);
    expect(en.groups[2]!.items.find((i) => i.subject === 'fa-data')!.details).toEqual([
      'closed by data 15 February 2026',
      'disappeared in Status report autumn 2023 (2023)',
    ]);
    const html = renderReport(snapshot, { format: 'html', generatedAt: MEETING, lang: 'en', followUp });
    expect(html).toContain('<h2>Follow-up since the last meeting</h2>');
    expect(html).toContain('<div class="followup-group" id="followup-overdue">\n<h3>Overdue (1)</h3>');
    expect(html.match(/<li><span class="badge /g)?.length).toBeGreaterThanOrEqual(newAfterLoad.length + 3);
  });

  it('says "none" for an empty list, and has no section at all without the follow-up', () => {
    const md = renderReport(snapshot, { format: 'md', generatedAt: MEETING, followUp: digest('2026-03-01') });
    expect(md).toContain('### Nye funn (0)\n\nIngen.\n');
    const without = renderReport(snapshot, { format: 'md', generatedAt: MEETING });
    expect(without).not.toContain('Oppfølging');
    expect(buildReportModel(snapshot, { generatedAt: MEETING }).followUp).toBeNull();
  });

  it('escapes what editors wrote, in markdown and HTML', () => {
    const hostile = records.map((r) => (r.findingId === RESOLVED ? { ...r, reason: '<script>alert(1)</script> | **fet** [lenke](http://x)' } : r));
    const followUp = followUpDigest(hostile, { since: '2026-01-01', today: '2026-03-02' });
    const html = renderReport(snapshot, { format: 'html', generatedAt: MEETING, followUp });
    expect(html).not.toContain('<script>alert(1)</script>');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    const md = renderReport(snapshot, { format: 'md', generatedAt: MEETING, followUp });
    expect(md).toContain('&lt;script>alert(1)&lt;/script> \\| \\*\\*fet\\*\\* \\[lenke\\](http://x)');
  });

  it('reconciles in memory for a reader: a finding the data closed shows as closed without a write', async () => {
    const stored = await store.work.listRecords(COLLECTION);
    const trail = await store.work.listAudit({ limit: 1000 });
    const inMemory = reconciledInMemory(snapshot, stored, '2026-03-02T09:00:00Z');
    expect(inMemory.map((r) => r.findingId).sort()).toEqual(records.map((r) => r.findingId).sort());
    expect(await store.work.listAudit({ limit: 1000 })).toEqual(trail);
  });
});
