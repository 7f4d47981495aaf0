// What a glance needs from the API, in one request's time: the node, its relationships (as of the header's year), its
// status year by year (GET /api/history/:id, for the kinds the sources report a status of) and the open gap findings
// about it: GET /api/gaps for its kind (with their evidence), kept to those whose subject it is, less those the
// follow-up (GET /api/findings) has resolved, accepted as a risk or seen closed by the data.
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
/** Follow-up states in which a finding is no longer open. */
const SETTLED: ReadonlySet<string> = new Set(['resolved', 'accepted_risk', 'closed_by_data']);

export async function loadGlance(id: string, asOf: number | undefined): Promise<GlanceData> {
  sources.load();
  const node = await api.node(id, asOf);
  if (!isGlanceKind(node.kind)) return { node, hood: { nodes: [], edges: [], truncated: false }, history: null, findings: [] };
  const year = asOf !== undefined ? { asOf } : {};
  const [hood, history, gaps, followed] = await Promise.all([
    api.neighbors(id, { depth: 1, limit: 500, asOf }),
    STATUS_KINDS.has(node.kind) ? api.history(id) : Promise.resolve(null),
    get('/api/gaps', { query: { kind: node.kind, limit: FINDINGS_LIMIT, ...year } }),
    // Without the follow-up (a server that has none, or it failing) every finding counts as open.
    get('/api/findings', { query: { kind: node.kind, limit: FINDINGS_LIMIT, ...year } }).catch(() => null),
  ]);
  const settled = new Set((followed?.items ?? []).filter((f) => f.followUp !== null && SETTLED.has(f.followUp.state)).map((f) => f.id));
  return { node, hood, history, findings: findingsAbout(id, gaps.findings).filter((f) => !settled.has(f.id)) };
}
