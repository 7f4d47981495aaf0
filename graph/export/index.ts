// Graph export in four formats: the dataset JSON, GraphML, one CSV table and a Cypher script for Neo4j.
import type { GraphSnapshot } from '../store/port.js';
import { exportCsv } from './csv.js';
import { exportCypher } from './cypher.js';
import { exportGraphml } from './graphml.js';
import { exportJson } from './json.js';

export const EXPORT_FORMATS = ['json', 'graphml', 'csv', 'cypher'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export interface ExportResult {
  /** Value for the Content-Type header. */
  contentType: string;
  /** File name extension, without the dot. */
  extension: string;
  body: string;
}

export function isExportFormat(value: string): value is ExportFormat {
  return (EXPORT_FORMATS as readonly string[]).includes(value);
}

const FORMATS: Record<ExportFormat, { contentType: string; extension: string; write: (s: GraphSnapshot) => string }> = {
  json: { contentType: 'application/json; charset=utf-8', extension: 'json', write: exportJson },
  graphml: { contentType: 'application/graphml+xml; charset=utf-8', extension: 'graphml', write: exportGraphml },
  csv: { contentType: 'text/csv; charset=utf-8; header=present', extension: 'csv', write: exportCsv },
  cypher: { contentType: 'text/plain; charset=utf-8', extension: 'cypher', write: exportCypher },
};

export function exportGraph(snapshot: GraphSnapshot, format: ExportFormat): ExportResult {
  const spec = FORMATS[format];
  if (!spec) throw new RangeError(`unknown export format "${String(format)}" (expected one of ${EXPORT_FORMATS.join(', ')})`);
  return { contentType: spec.contentType, extension: spec.extension, body: spec.write(snapshot) };
}
