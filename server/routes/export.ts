import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { EXPORT_FORMATS, exportGraph } from '../../graph/export/index.js';
import { Dataset } from '../../graph/schema/dataset.js';
import { exportFileName, exportScope } from '../../graph/export/select.js';
import { errorResponses } from '../schemas/common.js';
import { EXPORT_CONTENT_TYPES, ExportQuery } from '../schemas/export.js';
import type { ApiContext } from './context.js';
import { absentNode, noSuchNode } from './nodes.js';
import { graphForYear } from './years.js';

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
          'and the relationships between them; the dataset header and references always come along. ' +
          '`depth` is only allowed together with `focus` (otherwise 400), and an unknown focus is a 404. ' +
          'Without `asOf`, the data as it is, every year of it: links a later source ended are kept with their `endedBy`, so the JSON loads ' +
          'again as the same dataset. With `asOf`, the graph as it stood in that year (as the other read routes answer it); a focus no source ' +
          'of that year or earlier attests is a 404 that says when it first appears.',
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
      const { format, focus, depth, asOf } = request.query;
      const scope = { ...(focus !== undefined ? { focus } : {}), ...(depth !== undefined ? { depth } : {}), ...(asOf !== undefined ? { asOf } : {}) };
      // An export is the data, not a view of it: by default every year, which the latest year's graph (the other read
      // routes' default) would cut short by the links ended since. The graph of a year is exported when asked for.
      // The data as loaded, with the review decisions it records: those made in the app since reach the seed files
      // through `strategigraf review export`, not through an export of the graph (docs/review.md).
      const graph = asOf === undefined ? null : await graphForYear(store, asOf, null);
      const snapshot = await exportScope(graph?.reader ?? store, scope);
      if (!snapshot) throw graph ? absentNode(graph, focus!, 'focus') : noSuchNode(focus!, 'focus');
      const file = exportGraph(snapshot, format);
      const name = exportFileName(file.extension, scope);
      return (
        reply
          .header('content-type', file.contentType)
          .header('content-disposition', `attachment; filename="${name}"`)
          .header('cache-control', 'no-store')
          // A Buffer is sent as is: a string with a JSON content type would be serialised (quoted) again.
          .send(Buffer.from(file.body, 'utf8') as unknown as string)
      );
    },
  );
};
