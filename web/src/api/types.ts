// The web's API types, every one from the generated OpenAPI module (schema.d.ts, `npm run api:types`): the UI and the
// server share one contract, the committed openapi.json, and nothing of graph/schema or server/schemas reaches the web.
import type { components } from './schema.js';

type Schemas = components['schemas'];

export type Node = Schemas['Node'];
export type Edge = Schemas['Edge'];
export type Path = Schemas['Path'];
export type NeighborhoodResult = Schemas['Neighborhood'];
export type NodeDetails = Schemas['NodeDetail'];
export type QueryResult = Schemas['CypherResult'];
export type Health = Schemas['Health'];
export type Paths = Schemas['PathList'];
export type NodePage = Schemas['NodeList'];
export type Gaps = Schemas['GapReport'];
export type Finding = Schemas['GapFinding'];
export type RuleInfo = Schemas['GapRuleInfo'];
export type Severity = Schemas['GapSeverity'];
export type Matrix = Schemas['CoverageMatrix'];
export type Preset = Schemas['CoveragePreset'];
export type Timeline = Schemas['Timeline'];
export type Milestone = Schemas['TimelineMilestone'];
export type TimelineInitiative = Schemas['TimelineInitiative'];
export type YearList = Schemas['YearList'];
export type YearCoverage = Schemas['YearCoverage'];
export type SourceRef = Schemas['SourceRef'];
export type YearDiff = Schemas['YearDiff'];
export type StatusChange = Schemas['StatusChange'];
export type StatusPoint = Schemas['StatusPoint'];
export type OwnerChange = Schemas['OwnerChange'];
export type DatedLink = Schemas['DatedLink'];
export type IndicatorChange = Schemas['IndicatorChange'];
export type NodeRef = Schemas['NodeRef'];
export type TimelineStatus = Schemas['TimelineStatus'];
export type History = Schemas['History'];
export type SessionInfo = Schemas['SessionInfo'];
export type Role = Schemas['Role'];
export type ReviewMark = Schemas['ReviewMark'];
export type ReviewState = ReviewMark['state'];
export type ReviewTargetDetail = Schemas['ReviewTargetDetail'];
export type ReviewEvent = Schemas['ReviewEvent'];
export type AuditEntry = Schemas['AuditEntry'];
export type AuditList = Schemas['AuditList'];
