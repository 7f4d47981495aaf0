// The legend draws each kind as the canvas does: a glyph for every shape in use (none falls back to a circle), polygon
// corners taken from Cytoscape's own numbers, shapes that tell the kinds apart, and every relationship type in words.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { render } from 'svelte/server';
import { afterEach, describe, expect, it } from 'vitest';
import { NODE_KINDS, RELATIONSHIP_TYPES } from '../../graph/ontology.js';
import Legend from '../../web/src/components/Legend.svelte';
import { i18n } from '../../web/src/i18n/i18n.svelte.js';
import { cytoscapeStyle, KIND_STYLES, legendGlyph, POLYGON_POINTS } from '../../web/src/lib/graph-style.js';

afterEach(() => {
  i18n.lang = 'nb';
});

const NEW_KINDS = ['Objective', 'Indicator', 'Measurement', 'Obstacle', 'Funding'] as const;
/** A shape's identity: its Cytoscape name, and for a custom polygon its corners. */
const identity = (kind: (typeof NODE_KINDS)[number]) => `${KIND_STYLES[kind].shape}:${KIND_STYLES[kind].points?.join(',') ?? ''}`;

describe('legend glyphs', () => {
  it('has a glyph of its own for every kind’s shape', () => {
    const ellipse = legendGlyph({ shape: 'ellipse' });
    for (const kind of NODE_KINDS) {
      const glyph = legendGlyph(KIND_STYLES[kind]);
      expect(glyph, kind).toMatch(/^M[\d .LlHhVvAaZzMm-]+Z$/);
      if (KIND_STYLES[kind].shape !== 'ellipse') expect(glyph, `${kind} falls back to a circle`).not.toBe(ellipse);
    }
  });

  it('gives the new kinds shapes no other kind has (the round tag, barrel and cut rectangle read as tag, rounded rectangle and octagon)', () => {
    for (const kind of NEW_KINDS) {
      const same = NODE_KINDS.filter((k) => k !== kind && identity(k) === identity(kind));
      expect(same, `${kind} shares its shape`).toEqual([]);
      expect(['round-tag', 'barrel', 'cut-rectangle']).not.toContain(KIND_STYLES[kind].shape);
    }
  });

  it('draws Cytoscape’s built-in polygons from the corners in Cytoscape’s own source', () => {
    // The package exports no path to its files; the build the UI bundles is read where npm put it.
    const source = readFileSync(path.resolve(import.meta.dirname, '../../node_modules/cytoscape/dist/cytoscape.esm.mjs'), 'utf8');
    for (const shape of ['vee', 'concave-hexagon', 'rhomboid']) {
      const m = new RegExp(`generatePolygon\\('${shape}', \\[([^\\]]+)\\]\\)`).exec(source);
      expect(m, `${shape} in cytoscape`).not.toBeNull();
      expect(m![1]!.split(',').map(Number), shape).toEqual([...POLYGON_POINTS[shape]!]);
    }
  });

  it('gives the canvas the same corners for a custom polygon as the legend draws', () => {
    const rules = cytoscapeStyle() as { selector: string; style: Record<string, unknown> }[];
    for (const kind of NODE_KINDS.filter((k) => KIND_STYLES[k].shape === 'polygon')) {
      const rule = rules.find((r) => r.selector === `node[kind = "${kind}"]`)!;
      expect(rule.style['shape-polygon-points'], kind).toBe(KIND_STYLES[kind].points!.join(' '));
      // Corners in Cytoscape's box, [-1, 1] both ways.
      expect(KIND_STYLES[kind].points!.every((n) => n >= -1 && n <= 1)).toBe(true);
    }
  });
});

describe('Legend', () => {
  it('lists every kind with its glyph and every relationship type with the kinds it joins, in both languages', () => {
    const { body } = render(Legend);
    expect(body.match(/data-testid="legend-kind"/g)).toHaveLength(NODE_KINDS.length);
    for (const kind of NEW_KINDS) {
      expect(body).toContain(`d="${legendGlyph(KIND_STYLES[kind])}"`);
      expect(body).toContain(i18n.kind(kind));
    }
    expect(body.match(/data-testid="legend-relation"/g)).toHaveLength(RELATIONSHIP_TYPES.length);
    expect(body).toMatch(/<dt[^>]*>er ansvarlig departement for<\/dt>/);
    expect(body).toContain('Virksomhet → Initiativ, Livshendelse, Innsatsområde, Handlingsplan');
    expect(body).toContain('Måling → Indikator');
    // No raw type or kind names reach the reader.
    expect(body).not.toMatch(/RESPONSIBLE_FOR|>Indicator<|>Funding</);
    i18n.lang = 'en';
    const en = render(Legend).body;
    expect(en).toMatch(/<dt[^>]*>is the responsible ministry for<\/dt>/);
    expect(en).toContain('Funding → Initiative, Life event, Focus area, Example, Agency');
  });
});
