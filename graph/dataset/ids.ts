// Identities of dataset records that the validator and every store agree on.

/** Stable id of a relationship: one relationship per type between two nodes. */
export function relationshipId(rel: { type: string; from: string; to: string }): string {
  return `${rel.from}:${rel.type}:${rel.to}`;
}
