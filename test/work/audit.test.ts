// The audit trail read back a page at a time with filters (on the embedded store), and written as CSV that a
// spreadsheet opens as text: quotes, separators and line breaks escaped, formulas neutralised.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LadybugStore } from '../../graph/adapters/ladybug/store.js';
import { auditCsv, safeCell } from '../../graph/work/audit-csv.js';
import { auditPage } from '../../graph/work/audit.js';
import type { AuditEntry } from '../../graph/work/schema.js';

const entry = (seq: number, overrides: Partial<AuditEntry> = {}): AuditEntry => ({
  seq,
  at: '2026-03-02T10:00:00.000Z',
  actor: { id: 'oidc:kari', name: 'Kari', via: 'oidc' },
  action: 'followup.comment',
  target: 'followup/x:y',
  before: null,
  after: { state: 'open' },
  ...overrides,
});

describe('audit CSV', () => {
  it.each([
    ['=1+1', "'=1+1"],
    ['+47 22 00 00 00', "'+47 22 00 00 00"],
    ['-2', "'-2"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\tTAB', "'\tTAB"],
    ['\rCR', `"'\rCR"`],
    ['plain', 'plain'],
    ['a, b', '"a, b"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\nlines', '"two\nlines"'],
    ['=HYPERLINK("x","y")', `"'=HYPERLINK(""x"",""y"")"`],
  ])('writes %j as %j', (value, cell) => {
    expect(safeCell(value)).toBe(cell);
  });

  it('has a BOM, a header, CRLF line ends, and before and after as JSON', () => {
    const csv = auditCsv([entry(2, { requestId: 'r-1', before: { state: 'open' }, after: { state: 'resolved', reason: '=cmd' } }), entry(1)]);
    const lines = csv.split('\r\n');
    expect(lines[0]).toBe('\uFEFFseq,at,actor_id,actor_name,actor_via,action,target,request_id,before,after');
    expect(lines[1]).toBe(
      '2,2026-03-02T10:00:00.000Z,oidc:kari,Kari,oidc,followup.comment,followup/x:y,r-1,"{""state"":""open""}","{""state"":""resolved"",""reason"":""=cmd""}"',
    );
    expect(lines[2]).toBe('1,2026-03-02T10:00:00.000Z,oidc:kari,Kari,oidc,followup.comment,followup/x:y,,,"{""state"":""open""}"');
    expect(lines.at(-1)).toBe('');
  });
});

describe('audit pages', () => {
  const store = new LadybugStore({ path: ':memory:' });
  beforeAll(async () => {
    for (let i = 1; i <= 30; i++) {
      await store.work.appendAudit({
        at: new Date(Date.UTC(2026, 0, i)).toISOString(),
        actor: { id: i % 3 === 0 ? 'oidc:ola' : 'oidc:kari', name: 'x', via: 'oidc' },
        action: i % 2 === 0 ? 'followup.comment' : 'review.accept',
        target: `followup/f${i % 5}`,
        before: null,
        after: { i },
      });
    }
  });
  afterAll(() => store.close());

  it('pages back newest first, and the cursors cover every matching entry once', async () => {
    const seen: number[] = [];
    let before: number | undefined;
    for (;;) {
      const page = await auditPage(store.work, { limit: 4, action: 'followup.', ...(before ? { before } : {}) });
      seen.push(...page.items.map((e) => (e.after as { i: number }).i));
      if (page.nextBefore === null) break;
      before = page.nextBefore;
    }
    expect(seen).toEqual([30, 28, 26, 24, 22, 20, 18, 16, 14, 12, 10, 8, 6, 4, 2]);
  });

  it('filters by target, actor and exact action', async () => {
    const page = await auditPage(store.work, { limit: 100, target: 'followup/f0', actor: 'oidc:ola', action: 'review.accept' });
    expect(page.items.map((e) => (e.after as { i: number }).i)).toEqual([15]);
    expect(page.nextBefore).toBeNull();
    expect((await auditPage(store.work, { limit: 100, action: 'followup' })).items).toEqual([]);
  });
});
