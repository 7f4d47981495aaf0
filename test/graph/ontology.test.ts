import { describe, expect, it } from 'vitest';
import {
  allowedPairs,
  isAllowed,
  NODE_KIND_LABELS,
  NODE_KINDS,
  RELATIONSHIP_INVERSE_LABELS,
  RELATIONSHIP_LABELS,
  RELATIONSHIP_RULES,
  RELATIONSHIP_TYPES,
} from '../../graph/ontology.js';
import { NODE_SCHEMAS } from '../../graph/schema/dataset.js';
import { nodeColumns } from '../../graph/schema/columns.js';

describe('ontology', () => {
  it('names every node kind and relationship type in Norwegian and English', () => {
    for (const kind of NODE_KINDS) {
      expect(NODE_KIND_LABELS[kind].singular.nb, kind).toBeTruthy();
      expect(NODE_KIND_LABELS[kind].singular.en, kind).toBeTruthy();
    }
    for (const type of RELATIONSHIP_TYPES) {
      expect(RELATIONSHIP_LABELS[type].nb, type).toBeTruthy();
      expect(RELATIONSHIP_LABELS[type].en, type).toBeTruthy();
      expect(RELATIONSHIP_INVERSE_LABELS[type].nb, type).toBeTruthy();
      expect(RELATIONSHIP_INVERSE_LABELS[type].en, type).toBeTruthy();
    }
  });

  it('only allows relationships between node kinds of the ontology', () => {
    for (const type of RELATIONSHIP_TYPES) {
      for (const [from, to] of RELATIONSHIP_RULES[type]) {
        expect(NODE_KINDS).toContain(from);
        expect(NODE_KINDS).toContain(to);
      }
    }
  });

  it.each([
    ['OPERATIONALISES', 'ActionPlan', 'Strategy', true],
    ['PART_OF', 'Initiative', 'FocusArea', true],
    ['PART_OF', 'Trend', 'Driver', true],
    ['PART_OF', 'Agency', 'FocusArea', false],
    ['LEADS', 'Agency', 'LifeEvent', true],
    ['LEADS', 'Initiative', 'Agency', false],
    ['SERVES', 'Initiative', 'LifeEvent', true],
    ['SERVES', 'FocusArea', 'LifeEvent', false],
    ['CONTRIBUTES_TO', 'Example', 'Goal', true],
    ['CONTRIBUTES_TO', 'Agency', 'Goal', false],
    ['TARGETS', 'Recommendation', 'Agency', true],
    ['ILLUSTRATES', 'Example', 'Trend', true],
    ['INVOLVES', 'Example', 'Agency', true],
  ] as const)('%s from %s to %s allowed: %s', (type, from, to, expected) => {
    expect(isAllowed(type, from, to)).toBe(expected);
  });

  it('lists the allowed pairs of a relationship type', () => {
    expect(allowedPairs('LEADS')).toEqual([
      ['Agency', 'Initiative'],
      ['Agency', 'LifeEvent'],
      ['Agency', 'FocusArea'],
    ]);
  });

  it('derives store columns from the zod schema of each kind', () => {
    expect(nodeColumns('Goal').map((c) => c.name)).toContain('number');
    expect(nodeColumns('Goal').find((c) => c.name === 'number')?.type).toBe('int');
    expect(nodeColumns('StatusReport').find((c) => c.name === 'complete')?.type).toBe('boolean');
    expect(nodeColumns('StatusReport').find((c) => c.name === 'missing')?.type).toBe('string[]');
    expect(nodeColumns('StatusReport').find((c) => c.name === 'respondent')?.requiredNullable).toBe(true);
    expect(nodeColumns('Agency').map((c) => c.name)).not.toContain('kind');
    for (const kind of NODE_KINDS) expect(Object.keys(NODE_SCHEMAS[kind].shape)).toContain('source');
  });
});
