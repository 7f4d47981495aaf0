// A load's progress reporter as the adapters call it: never throws into the load, and one call per step.
import type { LoadPhase, OnLoadProgress } from '../../schema/load.js';

export type Report = (phase: LoadPhase, done: number, total: number) => void;

export function progressReporter(onProgress: OnLoadProgress | undefined): Report {
  if (!onProgress) return () => undefined;
  return (phase, done, total) => {
    try {
      onProgress({ phase, done, total });
    } catch {
      // Showing progress must never fail a load.
    }
  };
}
