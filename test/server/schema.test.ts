import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NODE_KINDS, RELATIONSHIP_TYPES } from '../../graph/ontology.js';
import { body, build, type TestApp } from './helpers.js';

describe('GET /api/schema', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await build();
  });
  afterAll(() => t.close());

  it('lists every node kind with its count, labels and properties', async () => {
    const res = await t.app.inject({ url: '/api/schema' });
    expect(res.statusCode).toBe(200);
    const schema = body(res);
    expect(schema.backend).toBe('ladybug');
    expect(schema.nodeKinds.map((k: { kind: string }) => k.kind)).toEqual([...NODE_KINDS]);
    const byKind = Object.fromEntries(schema.nodeKinds.map((k: { kind: string }) => [k.kind, k]));
    expect(byKind.Agency.count).toBe(3);
    expect(byKind.Initiative.count).toBe(3);
    expect(byKind.Agency.label).toEqual({ singular: { nb: 'Virksomhet', en: 'Agency' }, plural: { nb: 'Virksomheter', en: 'Agencies' } });
    const props = Object.fromEntries(byKind.Initiative.properties.map((p: { name: string }) => [p.name, p]));
    expect(props.status).toEqual({
      name: 'status',
      type: 'string',
      required: true,
      nullable: false,
      values: ['planned', 'not_started', 'in_progress', 'completed'],
    });
    expect(props.nameEn).toMatchObject({ required: false, description: 'Name in English' });
    expect(props.page).toMatchObject({ type: 'int', required: false, nullable: true });
    const statusReport = Object.fromEntries(byKind.StatusReport.properties.map((p: { name: string }) => [p.name, p]));
    expect(statusReport.respondent).toMatchObject({ required: true, nullable: true });
    expect(statusReport.missing).toMatchObject({ type: 'string[]', required: false });
  });

  it('lists every relationship type with allowed endpoints and counts', async () => {
    const schema = body(await t.app.inject({ url: '/api/schema' }));
    expect(schema.relationshipTypes.map((r: { type: string }) => r.type)).toEqual([...RELATIONSHIP_TYPES]);
    const partOf = schema.relationshipTypes.find((r: { type: string }) => r.type === 'PART_OF');
    expect(partOf.count).toBe(6);
    expect(partOf.allowed).toEqual([
      { from: 'FocusArea', to: 'ActionPlan' },
      { from: 'Initiative', to: 'FocusArea' },
      { from: 'Trend', to: 'Driver' },
      { from: 'Funding', to: 'Funding' },
    ]);
    expect(partOf.label).toEqual({ nb: 'er del av', en: 'is part of' });
  });
});
