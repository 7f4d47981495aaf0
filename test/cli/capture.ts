// Runs the CLI in-process: what a command writes, collected, and the environment it sees.
import type { CliIO } from '../../server/cli/command.js';

export function capture(env: Record<string, string>): CliIO & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return { stdout, stderr, out: (t) => stdout.push(t), err: (t) => stderr.push(t), env };
}
