// The shape of a CLI command; each lives in its own module under commands/.
import { parseArgs, type ParseArgsConfig } from 'node:util';
import type { ProgressSink } from './progress.js';

export interface CliIO {
  out: (text: string) => void;
  err: (text: string) => void;
  env: Record<string, string | undefined>;
  /** Where a long command shows its progress (standard error); none: no progress is shown. */
  progress?: ProgressSink;
}

export interface Command {
  name: string;
  summary: string;
  usage: string;
  run(argv: string[], io: CliIO): Promise<number>;
}

export const EXIT = { ok: 0, problems: 1, usage: 2, failure: 3 } as const;

export class UsageError extends Error {}

/** node:util parseArgs with usage errors that say which option was wrong. */
export function parseCommandArgs<T extends NonNullable<ParseArgsConfig['options']>>(argv: string[], options: T, allowPositionals = true) {
  try {
    return parseArgs({ args: argv, options: { help: { type: 'boolean', short: 'h' }, ...options }, allowPositionals, strict: true });
  } catch (err) {
    throw new UsageError(err instanceof Error ? err.message : String(err));
  }
}
