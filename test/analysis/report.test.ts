import { beforeAll, describe, expect, it } from 'vitest';
import { BASIS_EXPLANATION } from '../../graph/analysis/basis.js';
import { snapshotFromDataset } from '../../graph/analysis/snapshot.js';
import { buildReportModel, renderReport } from '../../graph/report/index.js';
import type { GraphSnapshot } from '../../graph/store/port.js';
import { GAP_FIXTURE, loadFixture } from './store-contract.js';

const AT = '2021-03-01T09:00:00Z';

describe('coverage report', () => {
  let snapshot: GraphSnapshot;

  beforeAll(async () => {
    snapshot = snapshotFromDataset(await loadFixture(GAP_FIXTURE));
  });

  it('sums up the plan, in Norwegian by default', () => {
    const model = buildReportModel(snapshot, { generatedAt: AT });
    expect(model.generated).toBe('1. mars 2021');
    expect(model.latestReport).toBe('Erfaringsrapport 2021 (2021)');
    expect(Object.fromEntries(model.summary.map((r) => [r.label, r.value]))).toMatchObject({
      Innsatsområder: '3 (1 ikke startet)',
      Initiativer: '7 (4 i handlingsplanen, 2 understøttende, 1 foreslått)',
      Livshendelser: '2 (1 tynt dekket)',
      'Uttalt effekt på bærekraftsmålene': '0 av 3 innsatsområder',
      'Statusrapporter i siste rapport': '1 av 4 initiativer i handlingsplanen (1 fullstendige)',
      'Funn som bygger på analytikerens slutninger': '1 utledet av analytiker · 0 delvis utledet',
    });
    expect(model.severities.map((s) => s.heading)).toEqual(['Høy alvorlighet (3)', 'Middels alvorlighet (18)', 'Lav alvorlighet (5)']);
    expect(model.rules).toHaveLength(14);
  });

  it('writes markdown with the gaps, the quotes behind them, the matrices, the date and the dataset version', () => {
    const md = renderReport(snapshot, { format: 'md', generatedAt: AT });
    expect(md).toMatch(/^# Dekningsrapport: Strategigraf gap fixture\n/);
    expect(md).toContain('versjon gaps-1 · Generert: 1. mars 2021');
    expect(md).toContain('### Høy alvorlighet (3)');
    expect(md).toContain(
      '- Innsatsområdet «Økt digital kompetanse» er ikke startet.\n  - ««Økt digital kompetanse» har ikke kommet i gang» — Økt digital kompetanse (Erfaringsrapport 2020, s. 4)',
    );
    expect(md).toContain('_Kompetanseheving er utdanning._ — Økt digital kompetanse —bidrar til→ God utdanning (utledet)');
    expect(md).toContain('### Livshendelser × virksomheter');
    expect(md).toContain('| Alvorlig sykt barn | – | 2 | 1 | – | 3 |');
    expect(md).toContain('- 1 av 4 virksomheter (25 %) har ingen kobling');
    expect(md).toContain('| Plassholdere i rapporten (`report-placeholders`) | Lav | 3 |');
  });

  it('marks a finding that rests on inferences, and explains the basis once rather than under every rule', () => {
    const md = renderReport(snapshot, { format: 'md', generatedAt: AT });
    expect(md).toContain(
      '- **Utledet av analytiker:** Initiativet «Ressurssenter for deling av data» avhenger av «Strategi for digital kompetanse», som ikke er startet. ' +
        'Funnet bygger på analytikerens slutninger og står ikke på kildene alene',
    );
    // Under «Middels», though its rule is high: its basis lowered it.
    expect(md.indexOf('**Utledet av analytiker:**')).toBeGreaterThan(md.indexOf('### Middels alvorlighet'));
    expect(md.match(/\*\*(Utledet av analytiker|Delvis utledet):\*\*/g)).toHaveLength(1);
    expect(md).toContain('Et funn merket «Utledet av analytiker» står ikke uten analytikerens slutninger');
    expect(md).toContain('Avgjørende for funnet: innsatsområdets status');
    expect(md).not.toContain(BASIS_EXPLANATION.nb);
    const html = renderReport(snapshot, { format: 'html', generatedAt: AT, lang: 'en' });
    expect(html).toContain(
      '<p class="message"><span class="basis inferred">Inferred by the analyst</span> The initiative &quot;Ressurssenter for deling av data&quot;',
    );
  });

  it('writes English on request', () => {
    const md = renderReport(snapshot, { format: 'md', generatedAt: AT, lang: 'en' });
    expect(md).toContain('# Coverage report');
    expect(md).toContain('Generated: 1 March 2021');
    expect(md).toContain('The focus area "Økt digital kompetanse" has not started.');
  });

  it('writes one self-contained HTML page with a print stylesheet for A4', () => {
    const html = renderReport(snapshot, { format: 'html', generatedAt: AT });
    expect(html).toMatch(/^<!doctype html>\n<html lang="nb">/);
    expect(html).toContain('<meta name="dataset-version" content="gaps-1">');
    expect(html).toContain('<time datetime="2021-03-01T09:00:00.000Z">1. mars 2021</time>');
    expect(html).toContain('@page { size: A4;');
    expect(html).toMatch(/@media print \{[^]*tr, li[^]*break-inside: avoid/);
    expect(html).toMatch(/h1, h2, h3, h4[^{]*\{ break-after: avoid/);
    expect(html).not.toMatch(/<(script|link|img)\b/);
  });

  it("gives the analyst's reason in the report's language, and marks it when only the other language has one", () => {
    const nbOnly = structuredClone(snapshot);
    const link = nbOnly.edges.find((e) => e.from === 'fa-kompetanse' && e.to === 'sdg-4')!;
    link.properties.note = null;
    const line = '_Kompetanseheving er utdanning._';
    expect(renderReport(nbOnly, { format: 'md', generatedAt: AT })).toContain(`${line} — Økt digital kompetanse`);
    expect(renderReport(nbOnly, { format: 'md', generatedAt: AT, lang: 'en' })).toContain(`${line} (Norwegian only) — `);
    const html = renderReport(nbOnly, { format: 'html', generatedAt: AT, lang: 'en' });
    expect(html).toContain('<i>Kompetanseheving er utdanning.</i> <span class="other-language">(Norwegian only)</span>');
    const both = structuredClone(nbOnly);
    both.edges.find((e) => e.from === 'fa-kompetanse' && e.to === 'sdg-4')!.properties.note = 'Skills are education.';
    expect(renderReport(both, { format: 'md', generatedAt: AT, lang: 'en' })).toContain('_Skills are education._ — ');
    expect(renderReport(both, { format: 'md', generatedAt: AT, lang: 'en' })).not.toContain('Norwegian only');
  });

  it('escapes text from the dataset', () => {
    const hostile = structuredClone(snapshot);
    hostile.nodes.find((n) => n.id === 'fa-kompetanse')!.name = '<script>alert(1)</script> | *x*';
    const html = renderReport(hostile, { format: 'html', generatedAt: AT });
    expect(html).not.toContain('<script>alert');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    const md = renderReport(hostile, { format: 'md', generatedAt: AT });
    expect(md).toContain('&lt;script>alert(1)&lt;/script> \\| \\*x\\*');
  });

  it('rejects an invalid generation date', () => {
    expect(() => renderReport(snapshot, { format: 'md', generatedAt: 'not a date' })).toThrow(/invalid generation date/);
  });
});
