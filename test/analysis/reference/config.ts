// Default thresholds of the gap rules; callers override any part of a section (findGaps(…, {config})).
import { GapConfig } from '../../../graph/schema/analysis.js';

export type { GapConfig };

/** A partial configuration: any section, and any field of a section, may be left out. */
export type GapConfigOverrides = { [K in keyof GapConfig]?: Partial<GapConfig[K]> };

export const DEFAULT_GAP_CONFIG: GapConfig = {
  lifeEvents: {
    genericShare: 1,
    minSpecificInitiatives: 1,
    activityCategories: ['action_plan', 'supporting'],
    activeStatuses: ['in_progress', 'completed'],
  },
  sdg: { initiativeCategories: ['action_plan'] },
  lead: { categories: ['action_plan', 'supporting'] },
  status: { categories: ['action_plan'] },
  concentration: {
    categories: ['action_plan', 'supporting'],
    share: 0.25,
    minInitiatives: 3,
    bridgeKinds: ['Initiative', 'Agency', 'LifeEvent'],
    bridgeTypes: ['LEADS', 'RESPONSIBLE_FOR', 'PARTICIPATES_IN', 'SERVES', 'DEPENDS_ON'],
    bridgeMinCutOff: 3,
  },
  dependency: { notStartedStatuses: ['planned', 'not_started'] },
  time: { staleYears: 1, initiativeCategories: ['action_plan'] },
  placeholders: {
    patterns: [
      {
        id: 'headline-marker',
        label: { nb: 'overskriftsmarkør «[Overskrift]»', en: 'headline marker "[Overskrift]"' },
        regex: String.raw`\[\s*(?:overskrift|tittel|ingress|bilde|tekst)\s*\]`,
      },
      {
        id: 'name-placeholder',
        label: { nb: 'plassholdernavn «Navn navnesen»', en: 'placeholder name "Navn navnesen"' },
        regex: String.raw`\bnavn\s+navnesen\b`,
      },
      {
        id: 'lone-ellipsis',
        label: { nb: 'svar eller tekst som bare er «…»', en: 'answer or text that is only "…"' },
        // A whole line that is an ellipsis, or one quoted on its own; an ellipsis inside a quote marks an omission.
        regex: String.raw`^[ \t]*(?:…|\.{3,})[ \t.]*$|«[ \t]*(?:…|\.{3,})[ \t]*»`,
      },
      {
        id: 'template-text',
        label: { nb: 'maltekst «En anbefaling»', en: 'template text "En anbefaling"' },
        regex: String.raw`(?:^|«)[ \t•]*(?:en anbefaling(?: til)?|(?:…|\.{3})[ \t]*og enda en)[ \t]*(?:$|»)`,
      },
    ],
  },
};

/** The defaults with the overrides applied section by section, validated so a bad threshold fails loudly. */
export function resolveGapConfig(overrides: GapConfigOverrides = {}): GapConfig {
  const merged: Record<string, unknown> = {};
  for (const key of Object.keys(DEFAULT_GAP_CONFIG) as (keyof GapConfig)[]) {
    merged[key] = { ...DEFAULT_GAP_CONFIG[key], ...(overrides[key] ?? {}) };
  }
  for (const key of Object.keys(overrides)) {
    if (!(key in DEFAULT_GAP_CONFIG)) throw new Error(`unknown gap configuration section "${key}"`);
  }
  return GapConfig.parse(merged);
}
