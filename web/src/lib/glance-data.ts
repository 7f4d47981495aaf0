// What a glance needs from the API, in one request's time: the node, its relationships (as of the header's year), its
// status year by year (GET /api/history/:id, for the kinds the sources report a status of) and the open gap findings
// about it (GET /api/gaps for its kind, kept to those whose subject it is).
import { api, get } from '../api/client.js';
import type { Finding, History, NeighborhoodResult, NodeDetails, Timeline } from '../api/types.js';
import { findingsAbout, isGlanceKind, STATUS_KINDS } from './glance.js';
import { sources } from './sources.svelte.js';

export interface GlanceData {
  node: NodeDetails;
  hood: NeighborhoodResult;
  history: History | null;
  findings: Finding[];
}

/** What a fact sheet adds to a glance: the timeline (for milestones) and the status records behind the statuses. */
export interface SheetExtra {
  timeline: Timeline;
  /** The status reports and assessments by id, for the respondents' answers. */
  records: Map<string, NodeDetails>;
}

/** The most findings one kind may have that a glance reads; the API's own ceiling. */
const FINDINGS_LIMIT = 5000;

export async function loadGlance(id: string, asOf: number | undefined): Promise<GlanceData> {
  sources.load(id);
  const node = await api.node(id, asOf);
  if (!isGlanceKind(node.kind)) return { node, hood: { nodes: [], edges: [], truncated: false }, history: null, findings: [] };
  const [hood, history, gaps] = await Promise.all([
    api.neighbors(id, { depth: 1, limit: 500, asOf }),
    STATUS_KINDS.has(node.kind) ? api.history(id) : Promise.resolve(null),
    get('/api/gaps', { query: { kind: node.kind, limit: FINDINGS_LIMIT, ...(asOf !== undefined ? { asOf } : {}) } }),
  ]);
  return { node, hood, history, findings: findingsAbout(id, gaps.findings) };
}
