// What a killed writer left in a work file, read by a child process (inspect-child.ts) rather than the test's own.
import type { WorkRecord } from '../../../graph/work/port.js';
import type { AuditEntry } from '../../../graph/work/schema.js';
import { Child } from './harness.js';

export interface InspectedWorkFile {
  /** The whole audit trail, newest first. */
  audit: AuditEntry[];
  /** Each crash record (CRASH_IDS), or null where there is none. */
  records: Record<string, WorkRecord | null>;
}

/**
 * Opens the work file in a child process and gives what it read. If the child dies (a native crash opening the file
 * a kill left) or prints nothing, this fails with `context`, the exit code or signal, and the child's stderr.
 */
export async function inspectWorkFile(db: string, context: string, mode?: 'crash'): Promise<InspectedWorkFile> {
  const child = new Child('test/store/crash/inspect-child.ts', mode ? [db, mode] : [db]);
  const [code] = await Promise.all([child.exited, child.closed]);
  const line = child.linesStartingWith('inspected ')[0];
  if (code !== 0 || line === undefined) {
    const end = child.signal ? `was killed by ${child.signal}` : `exited with code ${code}`;
    throw new Error(`${context}: the child opening ${db} ${end}; its stderr: ${child.stderrTail() || '(empty)'}`);
  }
  return JSON.parse(line) as InspectedWorkFile;
}
