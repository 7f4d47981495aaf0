// Findings whose evidence is kept compressed and decoded when read. The latest year's findings are kept for as long as
// the graph is (GET /api/gaps pages them, the follow-up lists them), and at 100,000 nodes their evidence — the nodes and
// relationships with provenance behind each of 48,934 findings — held 92 MiB of the heap against 7-9 MB deflated.
// Only the evidence is packed: the rest of a finding (id, rule, severity, subject, message) is what lists, filters and
// summaries read for every finding, while evidence is read a page or a finding at a time.
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import type { GapFinding } from '../schema/analysis.js';

type Evidence = GapFinding['evidence'];

/** Findings packed together: a page of the gap route decodes a few of these, not one per finding. */
const CHUNK = 64;

const PACKED = Symbol('packed evidence');

interface PackedRef {
  chunk: Buffer;
  index: number;
}

type PackedFinding = GapFinding & { [PACKED]: PackedRef };

// The chunk decoded last: a page or a report reads the findings in order, so each chunk is decoded once per reader.
let lastChunk: Buffer | null = null;
let lastDecoded: Evidence[] = [];

function decode(chunk: Buffer): Evidence[] {
  if (chunk !== lastChunk) {
    lastDecoded = JSON.parse(inflateRawSync(chunk).toString('utf8')) as Evidence[];
    lastChunk = chunk;
  }
  return lastDecoded;
}

// One function for every packed finding: V8 then gives them all one hidden class (the accessor is part of it).
function packedEvidence(this: PackedFinding): Evidence {
  const ref = this[PACKED];
  return decode(ref.chunk)[ref.index]!;
}

export function isPacked(finding: GapFinding): boolean {
  return PACKED in finding;
}

/**
 * The same findings, each a new object whose `evidence` is decoded from its packed chunk on every read. They read, compare
 * and serialise as the originals do: `evidence` is an own enumerable property (JSON, spreading, deep equality see it);
 * the packed bytes sit under a symbol, which none of those see. Packing packed findings gives them back as they are.
 */
export function packEvidence(findings: readonly GapFinding[]): GapFinding[] {
  if (findings.every(isPacked)) return [...findings];
  const packed: GapFinding[] = [];
  for (let start = 0; start < findings.length; start += CHUNK) {
    const slice = findings.slice(start, start + CHUNK);
    const chunk = deflateRawSync(JSON.stringify(slice.map((f) => f.evidence)), { level: 1 });
    slice.forEach((f, index) => packed.push(packedFinding(f, { chunk, index })));
  }
  return packed;
}

function packedFinding(f: GapFinding, ref: PackedRef): GapFinding {
  // The fields in the order settle() writes them, so that JSON of a packed finding is byte for byte the original's.
  const out = { id: f.id, rule: f.rule, severity: f.severity, basis: f.basis, subject: f.subject, message: f.message } as PackedFinding;
  Object.defineProperty(out, 'evidence', { get: packedEvidence, enumerable: true, configurable: false });
  if (f.years) out.years = f.years;
  Object.defineProperty(out, PACKED, { value: ref, enumerable: false });
  return out;
}
