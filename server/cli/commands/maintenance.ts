// `strategigraf recover` and `strategigraf compact`: maintenance of the embedded LadybugDB file, run while no server has it open.
import { describeStore, storeConfigFromEnv } from '../../../graph/adapters/index.js';
import type { GraphSummary } from '../../../graph/adapters/ladybug/maintenance.js';
import { EXIT, parseCommandArgs, type CliIO, type Command } from '../command.js';

const total = (counts: Record<string, number>) => Object.values(counts).reduce((a, b) => a + b, 0);
const mb = (bytes: number) => `${(bytes / 1_000_000).toFixed(1)} MB`;

function describeGraph(summary: GraphSummary): string {
  const { meta, stats } = summary;
  const kinds = Object.entries(stats.nodes)
    .filter(([, n]) => n > 0)
    .map(([k, n]) => `${k} ${n}`)
    .join(', ');
  return `dataset "${meta.name}" version ${meta.version}: ${total(stats.nodes)} nodes, ${total(stats.relationships)} relationships, ${summary.references} references${kinds ? ` (${kinds})` : ''}`;
}

/** The LadybugDB file the environment configures, or null (with the reason printed) when the store is Neo4j. */
function ladybugPath(io: CliIO, command: string): string | null {
  const config = storeConfigFromEnv(io.env);
  if (config.backend === 'ladybug') return config.path;
  io.err(`strategigraf ${command}: applies to the embedded LadybugDB file only; the configured store is ${describeStore(config)}, which manages its own files`);
  return null;
}

async function refusalOr<T>(io: CliIO, command: string, task: () => Promise<T>): Promise<T | null> {
  const { MaintenanceRefused } = await import('../../../graph/adapters/ladybug/maintenance.js');
  try {
    return await task();
  } catch (err) {
    if (!(err instanceof MaintenanceRefused)) throw err;
    io.err(`strategigraf ${command}: ${err.message}`);
    return null;
  }
}

export const recoverCommand: Command = {
  name: 'recover',
  summary: 'Move a write-ahead log that cannot be replayed aside and reopen the database at its last checkpoint',
  usage:
    'Usage: strategigraf recover\n\n' +
    'When the database will not open because its write-ahead log cannot be replayed, moves the log to\n' +
    '<db>.wal.unreplayable-<timestamp> (it is never deleted), reopens the database at its last checkpoint and says\n' +
    'which writes are lost and what the graph now holds. Refuses while a process has the file open, and when there\n' +
    'is nothing to recover. Stop the server first.',
  async run(argv, io) {
    parseCommandArgs(argv, {}, false);
    const db = ladybugPath(io, 'recover');
    if (!db) return EXIT.usage;
    const { recoverDatabase } = await import('../../../graph/adapters/ladybug/maintenance.js');
    const report = await refusalOr(io, 'recover', () => recoverDatabase(db));
    if (!report) return EXIT.problems;
    io.out(`moved the write-ahead log that cannot be replayed (${report.walBytes} bytes) aside to ${report.movedTo}; it is kept for inspection`);
    const lost = report.lostDataset
      ? `; the log held a replacement with dataset "${report.lostDataset.name}" version ${report.lostDataset.version}, which is not in the graph`
      : '';
    io.out(`lost: every write after the last checkpoint (${report.checkpointAt.toISOString()})${lost}`);
    io.out(`${db} now holds ${describeGraph(report.now)}`);
    return EXIT.ok;
  },
};

export const compactCommand: Command = {
  name: 'compact',
  summary: 'Rewrite the database file from its current graph, reclaiming the space earlier loads left behind',
  usage:
    'Usage: strategigraf compact\n\n' +
    'LadybugDB does not give back the space a replaced graph used, so the file grows with every load. compact writes\n' +
    'the current graph into a fresh file, checks it holds the same graph, keeps the old file as <db>.bak and renames\n' +
    'the fresh file into place in one step. Delete <db>.bak once satisfied. Refuses while a process has the file open.',
  async run(argv, io) {
    parseCommandArgs(argv, {}, false);
    const db = ladybugPath(io, 'compact');
    if (!db) return EXIT.usage;
    const { compactDatabase } = await import('../../../graph/adapters/ladybug/maintenance.js');
    const report = await refusalOr(io, 'compact', () => compactDatabase(db));
    if (!report) return EXIT.problems;
    io.out(`compacted ${db}: ${mb(report.bytesBefore)} → ${mb(report.bytesAfter)}; the old file is kept as ${report.backup} (delete it once satisfied)`);
    io.out(`${db} holds ${describeGraph(report.now)}`);
    return EXIT.ok;
  },
};
