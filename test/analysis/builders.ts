// Builds small datasets in code for the rule tests: each test states only the nodes and links it is about.
import { findGaps, type FindGapsOptions } from '../../graph/analysis/gaps.js';
import { snapshotFromDataset } from '../../graph/analysis/snapshot.js';
import { isAllowed, type Progress, type RelationshipType } from '../../graph/ontology.js';
import { Dataset, type DatasetNode, type DatasetRelationship } from '../../graph/schema/dataset.js';
import type { GapFinding } from '../../graph/schema/analysis.js';
import type { GraphSnapshot } from '../../graph/store/port.js';

type NodeOf<K extends DatasetNode['kind']> = Extract<DatasetNode, { kind: K }>;
/** A node's fields beyond kind and id; `source` defaults to the builder's 2020 report. */
type Extra<K extends DatasetNode['kind']> = Partial<Omit<NodeOf<K>, 'kind' | 'id'>>;

export const SOURCE = 'rapport';

export class DatasetBuilder {
  private readonly nodes: DatasetNode[] = [];
  private readonly relationships: DatasetRelationship[] = [];

  constructor() {
    this.node('Report', 'rapport', { name: 'Rapport 2020', year: 2020, publisher: 'Digdir' });
  }

  node<K extends DatasetNode['kind']>(kind: K, id: string, extra: Extra<K> = {}): this {
    this.nodes.push({ kind, id, name: id, source: SOURCE, ...extra } as DatasetNode);
    return this;
  }

  actionPlan(id = 'plan'): this {
    return this.node('ActionPlan', id);
  }
  focusArea(id: string, status: 'not_started' | 'in_progress' | 'completed' = 'in_progress', extra: Extra<'FocusArea'> = {}): this {
    return this.node('FocusArea', id, { status, ...extra });
  }
  initiative(id: string, extra: Extra<'Initiative'> = {}): this {
    return this.node('Initiative', id, { category: 'action_plan', status: 'in_progress', ...extra });
  }
  agency(id: string, extra: Extra<'Agency'> = {}): this {
    return this.node('Agency', id, { sector: 'state', ...extra });
  }
  lifeEvent(id: string): this {
    return this.node('LifeEvent', id);
  }
  goal(id: string, number: number): this {
    return this.node('Goal', id, { number });
  }
  report(id: string, year: number): this {
    return this.node('Report', id, { name: `Rapport ${year}`, year, publisher: 'Digdir' });
  }
  statusReport(id: string, extra: Extra<'StatusReport'> = {}): this {
    return this.node('StatusReport', id, {
      respondent: 'Kari Nordmann',
      successFactors: 'Samarbeid',
      challenges: 'Kapasitet',
      learnings: 'Tidlig involvering',
      nextTasks: 'Lansering',
      complete: true,
      ...extra,
    });
  }

  /** A later source's status for a subject: the assessment, HAS_STATUS from the subject and PUBLISHED_IN the report. */
  assessment(subject: string, report: string, progress: Progress, statusLabel: string | null, extra: Extra<'StatusAssessment'> = {}): this {
    const id = `status-${subject}-${report}`;
    return this.node('StatusAssessment', id, { source: report, progress, statusLabel, ...extra })
      .link('HAS_STATUS', subject, id, { source: report, page: null })
      .link('PUBLISHED_IN', id, report, { source: report, page: null });
  }

  link(type: RelationshipType, from: string, to: string, extra: Partial<Omit<DatasetRelationship, 'type' | 'from' | 'to'>> = {}): this {
    const rel: DatasetRelationship = { type, from, to, source: SOURCE, page: 1, quote: `${from} ${type} ${to}`, basis: 'stated', ...extra };
    if (rel.basis === 'inferred' && !rel.note) rel.note = 'Analytikerens vurdering';
    this.relationships.push(rel);
    return this;
  }

  /** An initiative with its focus area and lead in one call. */
  planInitiative(id: string, focusArea: string, lead: string | null, extra: Extra<'Initiative'> = {}): this {
    this.initiative(id, extra).link('PART_OF', id, focusArea);
    return lead ? this.link('LEADS', lead, id) : this;
  }

  build(): Dataset {
    const dataset = Dataset.parse({ dataset: { name: 'Testdata', version: 'test-1' }, references: [], nodes: this.nodes, relationships: this.relationships });
    const kinds = new Map(dataset.nodes.map((n) => [n.id, n.kind]));
    if (kinds.size !== dataset.nodes.length) throw new Error('duplicate node id in a test dataset');
    for (const r of dataset.relationships) {
      const from = kinds.get(r.from);
      const to = kinds.get(r.to);
      if (!from || !to || !isAllowed(r.type, from, to)) throw new Error(`test dataset has an invalid link ${r.from} ${r.type} ${r.to}`);
    }
    return dataset;
  }

  snapshot(): GraphSnapshot {
    return snapshotFromDataset(this.build());
  }

  gaps(options: FindGapsOptions = {}): GapFinding[] {
    return findGaps(this.snapshot(), options);
  }
}

export function dataset(): DatasetBuilder {
  return new DatasetBuilder();
}

/** Subject ids of one rule's findings. */
export function subjects(findings: GapFinding[], rule: string): string[] {
  return findings.filter((f) => f.rule === rule).map((f) => f.subject.id);
}
