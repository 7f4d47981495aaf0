// Shared by the export tests: the small fixture plus nodes whose text needs escaping in every format, loaded into Ladybug.
import { LadybugStore } from '../../graph/adapters/ladybug/store.js';
import { loadDatasetDir } from '../../graph/dataset/load.js';
import type { Dataset, DatasetNode, DatasetRelationship } from '../../graph/schema/dataset.js';
import type { GraphSnapshot } from '../../graph/store/port.js';

export const NASTY_NAME = 'Tjeneste «Én» & <b>\'x\' "y"\nlinje 2 – slutt';
export const NASTY_QUOTE = "Han sa: 'Det er C:\\data\\ny' – «sitat» & <tag>";
export const NASTY_NOTE = 'Antatt; se s. 3;\nCREATE (n:Hack) RETURN n; // ikke kjør';
export const NASTY_DESCRIPTION = 'Linje 1\r\nLinje 2,\tmed tab og "anførsel"';

/** The small fixture plus an Example and a StatusReport full of characters that need escaping. */
export async function escapingDataset(): Promise<Dataset> {
  const result = await loadDatasetDir('test/fixtures/small');
  if (!result.ok) throw new Error(`fixture invalid: ${JSON.stringify(result.problems)}`);
  const dataset = structuredClone(result.dataset);
  const nodes: DatasetNode[] = [
    {
      kind: 'Example',
      id: 'ex-escaping',
      name: NASTY_NAME,
      nameEn: 'Service "One" & <b>',
      description: NASTY_DESCRIPTION,
      source: 'rapport-2021',
      page: 3,
      quote: NASTY_QUOTE,
      location: 'Oslo, Bergen',
    },
    {
      kind: 'StatusReport',
      id: 'status-escaping',
      name: '=SUM(A1:A2) , "status"',
      respondent: null,
      successFactors: null,
      challenges: "Backslash \\ og apostrof '",
      learnings: null,
      nextTasks: null,
      complete: false,
      missing: ['respondent', 'it\'s "odd", really', 'successFactors'],
      source: 'rapport-2021',
    },
  ];
  const relationships: DatasetRelationship[] = [
    {
      type: 'INVOLVES',
      from: 'ex-escaping',
      to: 'digdir',
      source: 'rapport-2021',
      page: 4,
      quote: NASTY_QUOTE,
      basis: 'inferred',
      note: NASTY_NOTE,
      // A recorded review travels as the JSON text the stores keep, escaped like any other text.
      review: { decision: 'rejected', by: NASTY_NAME, at: '2025-03-01T09:30:00Z', note: NASTY_NOTE },
    },
    { type: 'ILLUSTRATES', from: 'ex-escaping', to: 'drv-tech', source: 'ref-sdg', page: null, quote: null, basis: 'stated' },
  ];
  dataset.nodes.push(...nodes);
  dataset.relationships.push(...relationships);
  dataset.dataset = { ...dataset.dataset, description: "Fixture «med» tegn & <som> må 'escapes'" };
  return dataset;
}

export async function snapshotOf(dataset: Dataset): Promise<GraphSnapshot> {
  const store = new LadybugStore({ path: ':memory:' });
  try {
    await store.open();
    await store.replaceDataset(dataset);
    return await store.snapshot();
  } finally {
    await store.close();
  }
}
