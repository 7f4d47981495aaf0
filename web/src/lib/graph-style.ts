// How each kind and relationship looks. Colour is never the only cue: every kind also has its own shape, and status
// and basis show as border and line styles with a text marker.
import type { NodeKind } from '../../../graph/ontology.js';

export interface KindStyle {
  color: string;
  border: string;
  shape: string;
  size: number;
}

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
  Objective: { color: '#fff3bf', border: '#8a6400', shape: 'round-tag', size: 26 },
  Indicator: { color: '#9be7ff', border: '#0b6e8a', shape: 'barrel', size: 30 },
  Measurement: { color: '#dff6fd', border: '#0b6e8a', shape: 'vee', size: 20 },
  Obstacle: { color: '#f5b7b1', border: '#922b21', shape: 'concave-hexagon', size: 30 },
  Funding: { color: '#abebc6', border: '#1e8449', shape: 'cut-rectangle', size: 30 },
  StatusAssessment: { color: '#f4f6f6', border: '#616a6b', shape: 'round-rectangle', size: 22 },
};

export const NOT_STARTED_BORDER = '#c0392b';
export const INFERRED_EDGE = '#a04000';
export const STATED_EDGE = '#5d6d7e';
export const HIGHLIGHT = '#0057b8';

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
      },
    },
    ...Object.entries(KIND_STYLES).map(([kind, s]) => ({
      selector: `node[kind = "${kind}"]`,
      style: { 'background-color': s.color, 'border-color': s.border, shape: s.shape, width: s.size, height: s.size },
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
    { selector: 'edge.highlight', style: { width: 4, 'line-color': HIGHLIGHT, 'target-arrow-color': HIGHLIGHT } },
    { selector: '.faded', style: { opacity: 0.25 } },
  ];
}
