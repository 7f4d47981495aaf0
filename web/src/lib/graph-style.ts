// How each kind and relationship looks. Colour is never the only cue: every kind also has its own shape, and status
// and basis show as border and line styles with a text marker.
import type { NodeKind } from '../../../graph/ontology.js';

export interface KindStyle {
  color: string;
  border: string;
  /** A Cytoscape node shape; `polygon` takes its corners from `points`. */
  shape: string;
  size: number;
  /** Corners of a `polygon` shape as Cytoscape reads them: x, y pairs in [-1, 1], y pointing down. */
  points?: readonly number[];
}

/**
 * Corners of the polygon shapes, in Cytoscape's own numbers (its renderer's generatePolygon calls for the built-in
 * ones), so the legend draws what the canvas draws.
 */
export const POLYGON_POINTS: Record<string, readonly number[]> = {
  vee: [-1, -1, 0, -0.333, 1, -1, 0, 1],
  'concave-hexagon': [-1, -0.95, -0.75, 0, -1, 0.95, 1, 0.95, 0.75, 0, 1, -0.95],
  rhomboid: [-1, -1, 0.333, -1, 1, 1, -0.333, 1],
  /** A pennant on its pole: an objective is somewhere to get to. */
  flag: [-1, -1, 1, -0.45, -0.55, 0.15, -0.55, 1, -1, 1],
  /** Three rising bars on a common foot: an indicator is a series of figures. The slits are wide enough to survive a 2 px border. */
  /** A sheet with a folded corner: a status assessment is one source's page about one subject. */
  sheet: [-0.75, -1, 0.35, -1, 0.75, -0.55, 0.75, 1, -0.75, 1],
  bars: [-1, 1, -1, 0.2, -0.533, 0.2, -0.533, 0.75, -0.233, 0.75, -0.233, -0.35, 0.233, -0.35, 0.233, 0.75, 0.533, 0.75, 0.533, -1, 1, -1, 1, 1],
};

export const KIND_STYLES: Record<NodeKind, KindStyle> = {
  Strategy: { color: '#0b3d66', border: '#061f35', shape: 'star', size: 54 },
  ActionPlan: { color: '#1f5f99', border: '#0b3d66', shape: 'hexagon', size: 48 },
  FocusArea: { color: '#f2c14e', border: '#8a6400', shape: 'round-rectangle', size: 44 },
  Initiative: { color: '#7fd1ae', border: '#1d6e4e', shape: 'ellipse', size: 34 },
  LifeEvent: { color: '#f08a7e', border: '#9c2f23', shape: 'heptagon', size: 38 },
  Agency: { color: '#b8c4d6', border: '#44546b', shape: 'round-rectangle', size: 28 },
  Driver: { color: '#c39bd3', border: '#6c3483', shape: 'diamond', size: 36 },
  Trend: { color: '#e0c3f0', border: '#6c3483', shape: 'round-diamond', size: 28 },
  Goal: { color: '#63b3ed', border: '#1a5c8f', shape: 'octagon', size: 30 },
  Recommendation: { color: '#ffd8a8', border: '#a35a00', shape: 'tag', size: 32 },
  Report: { color: '#d5d8dc', border: '#4d5656', shape: 'rectangle', size: 36 },
  StatusReport: { color: '#eeeeee', border: '#616a6b', shape: 'bottom-round-rectangle', size: 24 },
  Milestone: { color: '#a3e4d7', border: '#117864', shape: 'triangle', size: 26 },
  Example: { color: '#fadbd8', border: '#943126', shape: 'pentagon', size: 26 },
  // round-tag, barrel and cut-rectangle were the first picks; at node size they read as Recommendation's tag, a
  // round-rectangle and Goal's octagon (barrel's curve is 5 % of the height, cut-rectangle's cut a fixed 8 px).
  Objective: { color: '#fff3bf', border: '#8a6400', shape: 'polygon', points: POLYGON_POINTS['flag']!, size: 30 },
  Indicator: { color: '#9be7ff', border: '#0b6e8a', shape: 'polygon', points: POLYGON_POINTS['bars']!, size: 32 },
  Measurement: { color: '#dff6fd', border: '#0b6e8a', shape: 'vee', size: 22 },
  Obstacle: { color: '#f5b7b1', border: '#922b21', shape: 'concave-hexagon', size: 30 },
  Funding: { color: '#abebc6', border: '#1e8449', shape: 'rhomboid', size: 30 },
  StatusAssessment: { color: '#f4f6f6', border: '#616a6b', shape: 'polygon', points: POLYGON_POINTS['sheet']!, size: 24 },
};

/** Each kind's shape as an SVG path in a 20 × 20 box, as the legend draws it; polygons from the same corners as the canvas. */
export function legendGlyph(style: Pick<KindStyle, 'shape' | 'points'>): string | undefined {
  const points = style.points ?? POLYGON_POINTS[style.shape];
  if (points) {
    const corners: string[] = [];
    for (let i = 0; i + 1 < points.length; i += 2) corners.push(`${round(10 + 9 * points[i]!)} ${round(10 + 9 * points[i + 1]!)}`);
    return `M${corners.join('L')}Z`;
  }
  return GLYPHS[style.shape];
}

const round = (n: number) => Math.round(n * 100) / 100;

/** The shapes Cytoscape draws with curves or its own rules, drawn by hand. */
const GLYPHS: Record<string, string> = {
  star: 'M10 1 12.6 7.3 19.5 7.6 14.2 12 16 18.7 10 15 4 18.7 5.8 12 .5 7.6 7.4 7.3Z',
  hexagon: 'M5 2h10l5 8-5 8H5l-5-8Z',
  'round-rectangle': 'M4 3h12a3 3 0 0 1 3 3v8a3 3 0 0 1-3 3H4a3 3 0 0 1-3-3V6a3 3 0 0 1 3-3Z',
  ellipse: 'M10 2a8 8 0 1 1 0 16a8 8 0 1 1 0-16Z',
  heptagon: 'M10 1l7 3.4 1.7 7.6-4.8 6H6.1l-4.8-6L3 4.4Z',
  diamond: 'M10 1l9 9-9 9-9-9Z',
  'round-diamond': 'M10 2l8 8-8 8-8-8Z',
  octagon: 'M6 1h8l5 5v8l-5 5H6l-5-5V6Z',
  tag: 'M1 4h12l6 6-6 6H1Z',
  rectangle: 'M1 3h18v14H1Z',
  'bottom-round-rectangle': 'M1 3h18v10a4 4 0 0 1-4 4H5a4 4 0 0 1-4-4Z',
  triangle: 'M10 1l9 17H1Z',
  pentagon: 'M10 1l9 7-3.5 11h-11L1 8Z',
};

export const NOT_STARTED_BORDER = '#c0392b';
export const INFERRED_EDGE = '#a04000';
export const STATED_EDGE = '#5d6d7e';
/** A link an editor rejected, drawn only on request: dotted and grey, and its label says «avvist». */
export const REJECTED_EDGE = '#6b7785';
export const HIGHLIGHT = '#0057b8';

/** How wide a group (graph/overview/aggregate.ts) is drawn: by its members, from 56 px (13) to 120 px (2,000 or more). */
export const GROUP_SIZE_RANGE = { members: [13, 2000], size: [56, 120] } as const;
export function groupSize(members: number): number {
  const [lo, hi] = GROUP_SIZE_RANGE.members;
  const [small, large] = GROUP_SIZE_RANGE.size;
  return small + ((Math.min(Math.max(members, lo), hi) - lo) / (hi - lo)) * (large - small);
}

/** The Cytoscape stylesheet; labels are dark text on the white canvas (contrast well above 4.5:1). */
export function cytoscapeStyle(): unknown[] {
  return [
    {
      selector: 'node',
      style: {
        label: 'data(label)',
        'font-size': 11,
        'font-family': 'system-ui, sans-serif',
        color: '#1b1b1b',
        'text-valign': 'bottom',
        'text-margin-y': 4,
        'text-wrap': 'wrap',
        'text-max-width': '140px',
        'text-background-color': '#ffffff',
        'text-background-opacity': 0.85,
        'text-background-padding': '1px',
        'border-width': 2,
        // Level of detail: a label shows only once it would be drawn at least this large, so zoomed out the canvas
        // shows shapes, and the labels come back as one zooms in; larger labels (the plan's structure) come back first.
        'min-zoomed-font-size': 8,
      },
    },
    // Label priority by kind: the plan's structure reads first, the follow-up detail only close up.
    {
      selector: 'node[kind = "Strategy"], node[kind = "ActionPlan"], node[kind = "FocusArea"], node[kind = "LifeEvent"]',
      style: { 'font-size': 13, 'font-weight': 600 },
    },
    {
      selector:
        'node[kind = "Measurement"], node[kind = "StatusAssessment"], node[kind = "Report"], node[kind = "Indicator"], node[kind = "Funding"], node[kind = "Obstacle"]',
      style: { 'font-size': 9, 'text-max-width': '110px' },
    },
    // What the reader picked or came to see keeps its label at any zoom.
    { selector: 'node:selected, node.highlight', style: { 'min-zoomed-font-size': 0 } },
    ...Object.entries(KIND_STYLES).map(([kind, s]) => ({
      selector: `node[kind = "${kind}"]`,
      style: {
        'background-color': s.color,
        'border-color': s.border,
        shape: s.shape,
        width: s.size,
        height: s.size,
        ...(s.points ? { 'shape-polygon-points': s.points.join(' ') } : {}),
      },
    })),
    { selector: 'node[status = "not_started"]', style: { 'border-color': NOT_STARTED_BORDER, 'border-width': 5, 'border-style': 'dashed' } },
    { selector: 'node:selected', style: { 'overlay-color': HIGHLIGHT, 'overlay-opacity': 0.25, 'overlay-padding': 6 } },
    { selector: 'node.highlight', style: { 'border-color': HIGHLIGHT, 'border-width': 6, 'border-style': 'double' } },
    {
      selector: 'edge',
      style: {
        width: 1.6,
        'line-color': STATED_EDGE,
        'target-arrow-color': STATED_EDGE,
        'target-arrow-shape': 'triangle',
        'arrow-scale': 0.8,
        'curve-style': 'bezier',
        label: 'data(label)',
        'font-size': 8,
        color: '#3b3b3b',
        'text-rotation': 'autorotate',
        'text-background-color': '#ffffff',
        'text-background-opacity': 0.8,
        'min-zoomed-font-size': 9,
      },
    },
    { selector: 'edge[basis = "inferred"]', style: { 'line-style': 'dashed', 'line-color': INFERRED_EDGE, 'target-arrow-color': INFERRED_EDGE } },
    {
      selector: 'edge[review = "rejected"]',
      // Drawn apart from stated (solid) and inferred (dashed, orange) lines by dots, grey, a bar for an arrow head, and
      // its label, shown from a lower zoom than other labels: there are few, and each is there because it was asked for.
      style: {
        'line-style': 'dotted',
        width: 3,
        'line-color': REJECTED_EDGE,
        'target-arrow-color': REJECTED_EDGE,
        'target-arrow-shape': 'tee',
        color: '#3d4853',
        'font-size': 10,
        'font-weight': 600,
        'min-zoomed-font-size': 6,
        // Level, on an opaque ground: read across a short, steep line and the labels around it.
        'text-rotation': 'none',
        'text-background-opacity': 1,
        'text-background-padding': '2px',
        'text-border-opacity': 1,
        'text-border-width': 1,
        'text-border-color': REJECTED_EDGE,
      },
    },
    { selector: 'edge.highlight', style: { width: 4, 'line-color': HIGHLIGHT, 'target-arrow-color': HIGHLIGHT } },
    // A group (graph/overview/aggregate.ts): its kind's shape and colour, sized by its members, a double border, and a
    // label at any zoom (there are only tens of them). A counted link: thicker the more relationships it stands for.
    {
      selector: 'node[members]',
      style: {
        width: `mapData(members, ${GROUP_SIZE_RANGE.members.join(', ')}, ${GROUP_SIZE_RANGE.size.join(', ')})`,
        height: `mapData(members, ${GROUP_SIZE_RANGE.members.join(', ')}, ${GROUP_SIZE_RANGE.size.join(', ')})`,
        'border-width': 6,
        'border-style': 'double',
        'font-size': 14,
        'font-weight': 600,
        'min-zoomed-font-size': 0,
      },
    },
    {
      selector: 'edge[links]',
      style: {
        width: 'mapData(links, 1, 400, 1.5, 9)',
        'line-color': '#8796a8',
        'target-arrow-color': '#8796a8',
        // The cheapest edge Cytoscape draws: straight, no arrow head, no label.
        'curve-style': 'haystack',
        'haystack-radius': 0,
        'target-arrow-shape': 'none',
        'line-opacity': 0.5,
      },
    },
    { selector: 'edge[links][between]', style: { 'curve-style': 'straight', 'target-arrow-shape': 'triangle', 'font-size': 9, 'min-zoomed-font-size': 10 } },
    { selector: '.faded', style: { opacity: 0.25 } },
  ];
}
