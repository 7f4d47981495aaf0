// Which year a request asks about, checked against the years the data's sources cover: a year outside them is a 400
// that names the parameter and the years there are.
import { yearsOf } from '../../graph/analysis/time/years.js';
import type { GraphSnapshot } from '../../graph/store/port.js';
import { snapshotAsOf } from '../../graph/analysis/time/years.js';
import { ApiError } from '../schemas/common.js';

export function checkYear(snapshot: GraphSnapshot, year: number, param: string): void {
  const years = yearsOf(snapshot);
  const first = years.all[0];
  const latest = years.latest;
  const fail = (message: string) => new ApiError(400, 'invalid_request', `${param}: ${message}`, [{ field: param, in: 'querystring', message }]);
  if (first === undefined || latest === null) throw fail(`no source in the data has a year, so there is no year ${year} to answer for`);
  const range = first === latest ? `${first}` : `${first}–${latest}`;
  if (year < first) throw fail(`no source in the data covers ${year} or earlier (the data covers ${range})`);
  if (year > latest) throw fail(`no source in the data covers ${year} (the data covers ${range}; the latest year is ${latest})`);
}

/** The snapshot as of the requested year, or as of the latest year when none is given (links ended by then left out). */
export function snapshotForYear(snapshot: GraphSnapshot, asOf: number | undefined): GraphSnapshot {
  if (asOf !== undefined) {
    checkYear(snapshot, asOf, 'asOf');
    return snapshotAsOf(snapshot, asOf);
  }
  const latest = yearsOf(snapshot).latest;
  return latest === null ? snapshot : snapshotAsOf(snapshot, latest);
}
