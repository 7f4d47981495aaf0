// The gap and coverage analysis in one import, for the API and the CLI. Everything works on a GraphSnapshot, so the
// results are the same whichever store the snapshot came from.
export { findGaps, GAP_RULES, summarizeGaps, UnknownRuleError, type FindGapsOptions, type GapSummary } from './gaps.js';
export { DEFAULT_GAP_CONFIG, resolveGapConfig, type GapConfigOverrides } from './config.js';
export {
  COVERAGE_PRESETS,
  coverage,
  coverageByPreset,
  coverageCell,
  coverageCounts,
  CoverageError,
  type CoverageRequest,
  defaultPath,
  isCoveragePresetId,
  MAX_DEFAULT_PATH_LENGTH,
} from './coverage.js';
export { snapshotFromDataset } from './snapshot.js';
export { timeline, timelineStatuses, type TimelineInitiative, type TimelineMilestone, type TimelineStatus } from './timeline.js';
export {
  COVERAGE_PRESET_IDS,
  CoverageAxisNode,
  CoverageCell,
  CoverageCellCount,
  CoverageCellLinks,
  CoverageCounts,
  CoverageMatrix,
  CoveragePath,
  CoveragePreset,
  CoverageSpec,
  CoverageStep,
  EvidenceEdge,
  EvidenceNode,
  FINDING_BASES,
  FindingBasis,
  GAP_SEVERITIES,
  GapConfig,
  GapEvidence,
  GapFinding,
  GapRuleInfo,
  GapSeverity,
  LANGUAGES,
  LocalizedText,
  NodeRef,
} from '../schema/analysis.js';
