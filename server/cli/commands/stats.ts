import { NODE_KIND_LABELS, type NodeKind } from '../../../graph/ontology.js';
import { EXIT, parseCommandArgs, type Command } from '../command.js';
import { SERVER_OPTIONS, serverUsage, withGraph } from '../store-session.js';

export const statsCommand: Command = {
  name: 'stats',
  summary: 'Count the nodes per kind and relationships per type in the store',
  usage: [
    'Usage: strategigraf stats [--json] [--server URL] [--token T]',
    '',
    '  --json        print {"backend", "nodes": {Kind: n}, "relationships": {TYPE: n}}',
    serverUsage(14),
  ].join('\n'),
  async run(argv, io) {
    const { values } = parseCommandArgs(argv, { json: { type: 'boolean' }, ...SERVER_OPTIONS }, false);
    return withGraph(io, 'read', values, async (store, description) => {
      const stats = await store.stats();
      if (values.json) {
        io.out(JSON.stringify(stats, null, 2));
        return EXIT.ok;
      }
      const total = (counts: Record<string, number>) => Object.values(counts).reduce((a, b) => a + b, 0);
      io.out(`${description}: ${total(stats.nodes)} nodes, ${total(stats.relationships)} relationships`);
      for (const [kind, n] of Object.entries(stats.nodes))
        io.out(`  ${kind.padEnd(16)} ${String(n).padStart(6)}  ${NODE_KIND_LABELS[kind as NodeKind].plural.nb}`);
      for (const [type, n] of Object.entries(stats.relationships)) io.out(`  ${type.padEnd(16)} ${String(n).padStart(6)}`);
      return EXIT.ok;
    });
  },
};
