// The load section of docs/benchmarks.md (`--only=load`): the figures of bench/load.ts as tables.
import { MACHINE, writeSection } from './doc.js';
import { runLoadBenchmarks } from './load.js';

const s = (n: number | null) => (n === null ? '—' : n.toFixed(1));

export async function loadBenchmarks(options: { seedsDir: string; quick: boolean; write: boolean; neo4jUri?: string }): Promise<void> {
  const large = options.quick ? { nodes: 5_000, relationships: 25_000 } : { nodes: 100_000, relationships: 500_000 };
  const r = await runLoadBenchmarks({ seedsDir: options.seedsDir, neo4jUri: options.neo4jUri, large });
  const body = [
    '## Load, server memory and the follow-up reconcile',
    '',
    `Run ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC on ${MACHINE}${options.quick ? ' (quick mode: small graph — not the reference figures)' : ''}; one run, on 2 cores shared with other work.`,
    `The generated dataset (seed 20201) took ${r.generatedS.toFixed(1)} s to generate and is loaded from one JSON file. Each load is`,
    "`strategigraf load <file>` in a child process, as a user runs it: validation and the store's transaction, and for the embedded",
    'store reading the graph back into memory; "peak memory" is the command\'s own last line (its peak resident set).',
    '',
    '| graph | store | loaded | wall s | load s (own line) | peak memory MiB | note |',
    '| --- | --- | --- | ---: | ---: | ---: | --- |',
    ...r.loads.map(
      (l) =>
        `| ${l.graph} | ${l.backend} | ${l.ok ? 'yes' : '**no**'} | ${s(l.wallS)} | ${s(l.reportedS)} | ${l.peakMiB ?? '—'} | ${l.ok ? '' : l.detail.replace(/\|/g, '\\|').slice(0, 200)} |`,
    ),
    '',
    'A server (`strategigraf serve`) started on the loaded embedded file, measured once its reconcile at start is done and again',
    'after a minute without requests, once V8 has collected what the start left (/proc VmRSS; VmHWM is its peak):',
    '',
    '| graph | server RSS MiB, reconciled | server RSS MiB, settled | server peak MiB | start to reconciled s |',
    '| --- | ---: | ---: | ---: | ---: |',
    ...r.servers.map((m) => `| ${m.graph} | ${m.rssMiB.toFixed(0)} | ${m.settledMiB.toFixed(0)} | ${m.peakMiB.toFixed(0)} | ${m.startS.toFixed(1)} |`),
    '',
    'The follow-up reconcile after a load (graph/work/followup/reconcile.ts), the first over a fresh work store (a record per finding,',
    'one batch write) and a second over the same graph (nothing to write):',
    '',
    '| graph | store | records written | first reconcile ms | second ms |',
    '| --- | --- | ---: | ---: | ---: |',
    ...r.reconciles.map((c) => `| ${c.graph} | ${c.backend} | ${c.findings} | ${c.firstMs.toFixed(0)} | ${c.secondMs.toFixed(0)} |`),
  ].join('\n');
  if (options.write) await writeSection('load', body);
  console.log(body);
}
