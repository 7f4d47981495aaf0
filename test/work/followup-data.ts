// Small datasets for the follow-up tests, built in code: a focus area that slips from 2021 to 2022 (one finding with a
// stable id), the same data with a 2023 that ends the slip (two sources of 2023, the later published one closes it), and
// the data without the focus area at all (the finding's subject gone).
import type { Dataset } from '../../graph/schema/dataset.js';
import { dataset } from '../analysis/builders.js';

export const SLIP = 'slipping-status:fa-data:from-2021';
export const NOT_STARTED = 'focus-area-not-started:fa-start';

function base() {
  return dataset()
    .report('r2021', 2021)
    .report('r2022', 2022)
    .agency('digdir', { name: 'Digitaliseringsdirektoratet' })
    .focusArea('fa-data')
    .focusArea('fa-start', 'not_started')
    .assessment('fa-data', 'r2021', 'on_track', 'På plan')
    .assessment('fa-data', 'r2022', 'minor_delays', 'Mindre forsinkelser');
}

/** The slip and the focus area not started are both findings. */
export function slipping(): Dataset {
  return base().build();
}

/** 2023 brings the focus area back on plan: the slip is gone, closed by the later of the two 2023 sources. */
export const NEW_IN_2023 = 'focus-area-not-started:fa-ny';
export function recovered(): Dataset {
  return (
    base()
      .node('Report', 'r2023-vaar', { name: 'Statusrapport våren 2023', year: 2023, publisher: 'Digdir', published: '2023-04' })
      .node('Report', 'r2023-host', {
        name: 'Statusrapport høsten 2023',
        nameEn: 'Status report autumn 2023',
        year: 2023,
        publisher: 'Digdir',
        published: '2023-10',
      })
      .assessment('fa-data', 'r2023-vaar', 'on_track', 'På plan')
      // …and names a focus area of its own that has not started: new findings.
      .focusArea('fa-ny', 'not_started', { source: 'r2023-vaar' })
      .build()
  );
}

/** The focus area is not in the data at all: its finding is orphaned, not closed. */
export function withoutFocusArea(): Dataset {
  return dataset().report('r2021', 2021).report('r2022', 2022).agency('digdir').focusArea('fa-start', 'not_started').build();
}
