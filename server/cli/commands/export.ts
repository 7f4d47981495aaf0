import { writeFile } from 'node:fs/promises';
import { EXPORT_FORMATS, exportGraph, isExportFormat } from '../../../graph/export/index.js';
import { exportFileName, exportScope } from '../../../graph/export/select.js';
import { EXIT, parseCommandArgs, UsageError, type Command } from '../command.js';
import { SERVER_OPTIONS, serverUsage, withGraph } from '../store-session.js';

export const exportCommand: Command = {
  name: 'export',
  summary: "Write the graph (or one node's neighbourhood) as JSON, GraphML, CSV or Cypher",
  usage: [
    'Usage: strategigraf export --format json|graphml|csv|cypher [--focus ID] [--depth 1-3] [--out FILE] [--server URL] [--token T]',
    '',
    '  --format  json is the dataset format itself (validates and loads again); graphml opens in yEd, Gephi and',
    '            networkx; csv is one RFC 4180 table of nodes then relationships; cypher recreates the graph in Neo4j',
    '  --focus   only the neighbourhood of this node',
    '  --depth   hops from the focus node (default 1)',
    '  --out     file to write; standard output without it',
    serverUsage(10),
  ].join('\n'),
  async run(argv, io) {
    const { values } = parseCommandArgs(
      argv,
      { format: { type: 'string' }, focus: { type: 'string' }, depth: { type: 'string' }, out: { type: 'string' }, ...SERVER_OPTIONS },
      false,
    );
    const format = values.format ?? '';
    if (!isExportFormat(format)) throw new UsageError(`--format must be one of ${EXPORT_FORMATS.join(', ')}${format ? ` (got "${format}")` : ''}`);
    const depth = values.depth === undefined ? undefined : Number(values.depth);
    if (depth !== undefined && (!Number.isInteger(depth) || depth < 1 || depth > 3)) throw new UsageError(`--depth must be 1, 2 or 3 (got "${values.depth}")`);
    if (depth !== undefined && values.focus === undefined) throw new UsageError('--depth goes with --focus');
    const scope = { ...(values.focus !== undefined ? { focus: values.focus } : {}), ...(depth !== undefined ? { depth } : {}) };
    return withGraph(io, 'read', values, async (store) => {
      const snapshot = await exportScope(store, scope);
      if (!snapshot) {
        io.err(`strategigraf export: no node with id "${values.focus}"`);
        return EXIT.problems;
      }
      const file = exportGraph(snapshot, format);
      if (!values.out) {
        io.out(file.body);
        return EXIT.ok;
      }
      await writeFile(values.out, file.body);
      io.err(
        `wrote ${snapshot.nodes.length} nodes and ${snapshot.edges.length} relationships to ${values.out} (suggested name ${exportFileName(file.extension, scope)})`,
      );
      return EXIT.ok;
    });
  },
};
