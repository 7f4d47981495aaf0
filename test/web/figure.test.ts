// The framed picture as SVG text: the drawing nested whole, a title, a legend of exactly the kinds given, a footer,
// every text escaped, and room for the longest line.
import { describe, expect, it } from 'vitest';
import { framedSvg, svgSize } from '../../web/src/lib/figure.js';

const drawing = '<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" width="300" height="200"><circle r="5"/></svg>';

describe('framedSvg', () => {
  const frame = {
    title: 'Strategigraf – A & B',
    legend: [
      { kind: 'Initiative' as const, label: 'Initiativ' },
      { kind: 'Agency' as const, label: 'Virksomhet' },
    ],
    footer: ['Kilde: <rapport>', `Laget 2026-12-02 fra ${'http://x/'.padEnd(200, 'y')}`],
  };
  const svg = framedSvg(drawing, frame);

  it('nests the drawing below the title and frames it with legend and footer', () => {
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(svg).not.toContain('<?xml');
    expect(svg).toContain('<circle r="5"/>');
    expect(svg).toContain('<title>Strategigraf – A &amp; B</title>');
    expect(svg).toContain('>Initiativ<');
    expect(svg).toContain('>Virksomhet<');
    expect(svg).toContain('Kilde: &lt;rapport&gt;');
  });

  it('is taller than the drawing and wide enough for the longest footer line', () => {
    const size = svgSize(svg);
    expect(size.height).toBeGreaterThan(200 + 3 * 18);
    expect(size.width).toBeGreaterThan(frame.footer[1]!.length * 12 * 0.6);
  });
});
