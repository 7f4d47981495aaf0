import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { EXPORT_FORMATS, exportGraph } from '../../graph/export/index.js';
import { Dataset } from '../../graph/schema/dataset.js';
import type { GraphSnapshot } from '../../graph/store/port.js';
import { errorResponses } from '../schemas/common.js';
import { EXPORT_CONTENT_TYPES, ExportQuery } from '../schemas/export.js';
import type { ApiContext } from './context.js';
import { noSuchNode } from './nodes.js';

/** No neighbourhood cap for an export: the whole neighbourhood, however large. */
const EXPORT_NODE_LIMIT = 1_000_000;

const textFile = z.string().describe('The file');
const EXPORT_SCHEMAS = {
  json: Dataset.describe('The dataset format: it validates and loads again as a seed'),
  graphml: textFile,
  csv: textFile,
  cypher: textFile,
};

export const exportRoutes: FastifyPluginAsyncZod<ApiContext> = async (app, { store }) => {
  app.get(
    '/export',
    {
      schema: {
        tags: ['export'],
        summary: 'Download the graph, or the neighbourhood of one node, as JSON, GraphML, CSV or Cypher',
        description:
          'Answers with Content-Disposition: attachment and a file name. With focus, only the nodes within depth hops of the focus node ' +
          'and the relationships between them; the dataset header and references always come along.',
        querystring: ExportQuery,
        response: {
          200: {
            description: 'The export as a file',
            content: Object.fromEntries(EXPORT_FORMATS.map((f) => [EXPORT_CONTENT_TYPES[f], { schema: EXPORT_SCHEMAS[f] }])),
          },
          ...errorResponses(400, 404, 500, 503),
        },
      },
    },
    async (request, reply) => {
      const { format, focus, depth } = request.query;
      const full = await store.snapshot();
      let snapshot: GraphSnapshot = full;
      if (focus !== undefined) {
        const hops = depth ?? 1;
        const sub = await store.neighbors(focus, { depth: hops, limit: EXPORT_NODE_LIMIT });
        if (sub.nodes.length === 0) throw noSuchNode(focus, 'focus');
        snapshot = { meta: full.meta, references: full.references, nodes: sub.nodes, edges: sub.edges };
      }
      const file = exportGraph(snapshot, format);
      const extension = file.extension.replace(/^\./, '');
      const name = focus === undefined ? `strategigraf.${extension}` : `strategigraf-${focus}-depth${depth ?? 1}.${extension}`;
      return reply
        .header('content-type', file.contentType)
        .header('content-disposition', `attachment; filename="${name.replace(/[^\w.-]/g, '_')}"`)
        .header('cache-control', 'no-store')
        // A Buffer is sent as is: a string with a JSON content type would be serialised (quoted) again.
        .send(Buffer.from(file.body, 'utf8') as unknown as string);
    },
  );
};
