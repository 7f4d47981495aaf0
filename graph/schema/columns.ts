// Store columns derived from the zod node schemas, so a new property in the ontology reaches both stores.
import type { z } from 'zod';
import { NODE_KINDS, type NodeKind } from '../ontology.js';
import { NODE_SCHEMAS } from './dataset.js';

/** `json` holds a string-keyed record (of strings, or of recorded reviews), kept as JSON text: the stores' property values are flat. */
export const COLUMN_TYPES = ['string', 'int', 'float', 'boolean', 'string[]', 'json'] as const;
export type ColumnType = (typeof COLUMN_TYPES)[number];
export interface Column {
  name: string;
  type: ColumnType;
  /** Required but nullable in the dataset: an explicit null, kept on export. */
  requiredNullable: boolean;
}

type Def = { type: string; innerType?: z.ZodType; element?: z.ZodType };
type Numeric = { format?: string | null };
const defOf = (s: z.ZodType) => (s as unknown as { _zod: { def: Def } })._zod.def;

function columnType(schema: z.ZodType): { type: ColumnType; optional: boolean; nullable: boolean } {
  let cur = schema;
  let optional = false;
  let nullable = false;
  for (;;) {
    const def = defOf(cur);
    if (def.type === 'optional') optional = true;
    else if (def.type === 'nullable') nullable = true;
    else break;
    cur = def.innerType!;
  }
  const def = defOf(cur);
  switch (def.type) {
    case 'number':
      return { type: (cur as unknown as Numeric).format === 'safeint' ? 'int' : 'float', optional, nullable };
    case 'record':
      return { type: 'json', optional, nullable };
    case 'boolean':
      return { type: 'boolean', optional, nullable };
    case 'array':
      return { type: 'string[]', optional, nullable };
    default:
      return { type: 'string', optional, nullable };
  }
}

/** Search keys stored beside every node; never shown to users. */
export const INTERNAL_NODE_COLUMNS: Column[] = [
  { name: 'searchText', type: 'string', requiredNullable: false },
  { name: 'searchName', type: 'string', requiredNullable: false },
  { name: 'searchNameEn', type: 'string', requiredNullable: false },
];

const cache = new Map<NodeKind, Column[]>();

/** The dataset properties of a node kind, without `kind`. */
export function nodeColumns(kind: NodeKind): Column[] {
  let cols = cache.get(kind);
  if (!cols) {
    const shape = NODE_SCHEMAS[kind].shape as Record<string, z.ZodType>;
    cols = Object.entries(shape)
      .filter(([name]) => name !== 'kind')
      .map(([name, schema]) => {
        const t = columnType(schema);
        return { name, type: t.type, requiredNullable: t.nullable && !t.optional };
      });
    cache.set(kind, cols);
  }
  return cols;
}

export const ALL_NODE_KINDS = NODE_KINDS;

/** Relationship properties as stored: provenance plus the endpoint ids, so a bare relationship value names its ends. */
export const RELATIONSHIP_COLUMNS: { name: string; type: ColumnType }[] = [
  { name: 'fromId', type: 'string' },
  { name: 'toId', type: 'string' },
  { name: 'source', type: 'string' },
  { name: 'page', type: 'int' },
  { name: 'quote', type: 'string' },
  { name: 'basis', type: 'string' },
  { name: 'note', type: 'string' },
  { name: 'noteNb', type: 'string' },
  { name: 'endedBy', type: 'string' },
  { name: 'review', type: 'json' },
];
