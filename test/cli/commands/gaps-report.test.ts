import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { LadybugStore } from '../../../graph/adapters/ladybug/store.js';
import { GAP_FIXTURE } from '../../analysis/store-contract.js';
import { useLoadedCli } from '../loaded-cli.js';

describe('strategigraf gaps and report', () => {
  const { cli, dir: scratch } = useLoadedCli(GAP_FIXTURE);

  it('lists findings by severity with a quote under each', async () => {
    const { code, stdout } = await cli('gaps');
    expect(code).toBe(0);
    expect(stdout).toMatch(
      /^Strategigraf gap fixture gaps-1 \(LadybugDB at .*\): 26 funn \(høy 3, middels 18, lav 5; utledet av analytiker 1, delvis utledet 0\)\n\nHØY\n/,
    );
    expect(stdout).toContain(
      '  [focus-area-not-started] Innsatsområdet «Økt digital kompetanse» er ikke startet.\n      ««Økt digital kompetanse» har ikke kommet i gang» (rapport-2020, s. 4)',
    );
  });

  it("tags a finding that rests on the analyst's inferences, under the severity its basis gave it", async () => {
    const { stdout } = await cli('gaps');
    const medium = stdout.slice(stdout.indexOf('\nMIDDELS\n'), stdout.indexOf('\nLAV\n'));
    expect(medium).toContain(
      '  [dependency-not-started, utledet av analytiker] Initiativet «Ressurssenter for deling av data» avhenger av «Strategi for digital kompetanse», som ikke er startet. Funnet bygger på',
    );
    expect(stdout.match(/, (utledet av analytiker|delvis utledet)\]/g)).toHaveLength(1);
    const en = (await cli('gaps', '--lang', 'en', '--rule', 'dependency-not-started')).stdout;
    expect(en).toContain('1 finding (high 0, medium 1, low 0; inferred by the analyst 1, partly inferred 0)');
    expect(en).toContain('  [dependency-not-started, inferred by the analyst] The initiative');
  });

  it('prints findings as JSON, filtered by severity, kind or rule', async () => {
    const all = JSON.parse((await cli('gaps', '--json')).stdout);
    expect(all.dataset).toMatchObject({ version: 'gaps-1' });
    expect(all.summary.bySeverity).toEqual({ high: 3, medium: 18, low: 5 });
    expect(all.summary.byBasis).toEqual({ stated: 25, mixed: 0, inferred: 1 });
    expect(all.findings).toHaveLength(26);
    const high = JSON.parse((await cli('gaps', '--json', '--severity', 'high', '--kind', 'Initiative')).stdout);
    expect(high.findings.map((f: { subject: { id: string } }) => f.subject.id)).toEqual(['init-kompetanse']);
    const one = JSON.parse((await cli('gaps', '--json', '--rule', 'unanswered-driver')).stdout);
    expect(one.findings).toEqual([expect.objectContaining({ rule: 'unanswered-driver', subject: expect.objectContaining({ id: 'drv-plattform' }) })]);
  });

  it('lists the rules, in English on request', async () => {
    const { code, stdout } = await cli('gaps', '--rules', '--lang', 'en');
    expect(code).toBe(0);
    expect(stdout.trim().split('\n')).toHaveLength(14);
    expect(stdout).toMatch(/^concentration-risk\s+MEDIUM\s+Concentration risk$/m);
  });

  it('rejects unknown rules, severities and kinds with exit 2', async () => {
    for (const args of [
      ['--rule', 'nope'],
      ['--severity', 'urgent'],
      ['--kind', 'Person'],
      ['--lang', 'de'],
    ]) {
      const { code, stderr } = await cli('gaps', ...args);
      expect(code, args.join(' ')).toBe(2);
      expect(stderr).toContain('Usage: strategigraf gaps');
    }
  });

  it('writes the markdown report to standard output', async () => {
    const { code, stdout } = await cli('report', '--date', '2021-03-01');
    expect(code).toBe(0);
    expect(stdout).toMatch(/^# Dekningsrapport: Strategigraf gap fixture/);
    expect(stdout).toContain('Generert: 1. mars 2021');
  });

  it('writes the HTML report to a file', async () => {
    const out = path.join(scratch(), 'rapport.html');
    const { code, stdout, stderr } = await cli('report', '--format', 'html', '--out', out, '--lang', 'en');
    expect(code).toBe(0);
    expect(stdout).toBe('');
    expect(stderr).toContain(`wrote ${out} (html, en,`);
    expect(await readFile(out, 'utf8')).toMatch(/^<!doctype html>\n<html lang="en">/);
  });

  it('rejects an unknown format or date with exit 2', async () => {
    expect((await cli('report', '--format', 'pdf')).code).toBe(2);
    expect((await cli('report', '--date', 'yesterday')).code).toBe(2);
    for (const since of ['2021-02-30', 'last-meeting', '01.03.2021']) {
      const { code, stderr } = await cli('report', '--since', since);
      expect(code, since).toBe(2);
      expect(stderr).toContain('--since must be a date written YYYY-MM-DD');
    }
  });

  it('has a follow-up section: with no follow-up recorded yet, every finding is new, and reading wrote nothing', async () => {
    const { code, stdout } = await cli('report', '--since', '2021-01-01', '--lang', 'en');
    expect(code).toBe(0);
    expect(stdout).toContain('## Follow-up since the last meeting');
    expect(stdout).toContain('Findings that are new or open again since 1 January 2021');
    expect(stdout).toMatch(/### New findings \(26\)/);
    expect(stdout).toContain('### Overdue (0)\n\nNone.');
    // The report only reads: the store still holds no follow-up record and no audit entry.
    const store = new LadybugStore({ path: path.join(scratch(), 'graph.lbug') });
    try {
      expect(await store.work.listRecords('followup')).toEqual([]);
      expect(await store.work.listAudit({ limit: 10 })).toEqual([]);
    } finally {
      await store.close();
    }
  });
});
