// The named coverage matrices the UI and the report offer. An agency's link to a life event, focus area or initiative is
// any of its roles there: it leads (executes) it, is the responsible ministry for it, or (for an initiative) takes part.
import { COVERAGE_PRESET_IDS, type CoveragePreset, type CoveragePresetId } from '../../../../graph/schema/analysis.js';
import { t } from '../text.js';
import { step } from './paths.js';

export const COVERAGE_PRESETS: readonly CoveragePreset[] = [
  {
    id: 'focus-area-goal',
    title: t('Innsatsområder × bærekraftsmål', 'Focus areas × sustainable development goals'),
    rows: 'FocusArea',
    cols: 'Goal',
    path: [[step('CONTRIBUTES_TO', 'out')], [step('PART_OF', 'in'), step('CONTRIBUTES_TO', 'out')]],
  },
  {
    id: 'life-event-agency',
    title: t('Livshendelser × virksomheter', 'Life events × agencies'),
    rows: 'LifeEvent',
    cols: 'Agency',
    path: [[step('SERVES', 'in'), step(['LEADS', 'RESPONSIBLE_FOR', 'PARTICIPATES_IN'], 'in')], [step(['LEADS', 'RESPONSIBLE_FOR'], 'in')]],
  },
  {
    id: 'focus-area-agency',
    title: t('Innsatsområder × virksomheter', 'Focus areas × agencies'),
    rows: 'FocusArea',
    cols: 'Agency',
    path: [[step('PART_OF', 'in'), step(['LEADS', 'RESPONSIBLE_FOR', 'PARTICIPATES_IN'], 'in')], [step(['LEADS', 'RESPONSIBLE_FOR'], 'in')]],
  },
  {
    id: 'driver-focus-area',
    title: t('Drivkrefter × innsatsområder', 'Drivers × focus areas'),
    rows: 'Driver',
    cols: 'FocusArea',
    path: [[step('INFLUENCES', 'out')], [step('INFLUENCES', 'out'), step('PART_OF', 'out')]],
  },
  {
    id: 'recommendation-focus-area',
    title: t('Anbefalinger × innsatsområder', 'Recommendations × focus areas'),
    rows: 'Recommendation',
    cols: 'FocusArea',
    path: [[step('TARGETS', 'out')], [step(['TARGETS', 'PROPOSES'], 'out'), step('PART_OF', 'out')]],
  },
];

export function isCoveragePresetId(id: string): id is CoveragePresetId {
  return (COVERAGE_PRESET_IDS as readonly string[]).includes(id);
}
