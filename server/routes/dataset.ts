import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Dataset } from '../../graph/schema/dataset.js';
import type { GraphStore } from '../../graph/store/port.js';
import { ensureReconciled, toJson } from '../../graph/work/followup/reconcile.js';
import { validateDataset } from '../../graph/dataset/validate.js';
import { requireRole } from '../plugins/access.js';
import { ApiError, DatasetRejectedBody, errorResponses, json } from '../schemas/common.js';
import { DATASET_CONTENT_TYPES, DatasetBody, DatasetReplaced } from '../schemas/dataset.js';
import type { ApiContext } from './context.js';

/**
 * What follows a replace that committed: its audit entry, and the follow-up reconciled with the new data (findings gone
 * are closed by it, new ones recorded). Neither can undo the replace: a failure is logged, the answer stays 200, and the
 * next follow-up read reconciles again.
 */
async function afterReplace(store: GraphStore, request: FastifyRequest, before: Dataset['dataset'] | null, dataset: Dataset): Promise<void> {
  try {
    await store.work.appendAudit({
      at: new Date().toISOString(),
      actor: request.principal.actor,
      action: 'dataset.replace',
      target: 'dataset',
      before: toJson(before),
      after: toJson({ ...dataset.dataset, nodes: dataset.nodes.length, relationships: dataset.relationships.length }),
      requestId: request.id,
    });
  } catch (err) {
    request.log.error({ err }, 'the dataset was replaced, but its audit entry could not be written');
  }
  try {
    const summary = await ensureReconciled(store.work, await store.snapshot(), { requestId: request.id });
    request.log.info({ followUp: summary }, 'follow-up reconciled with the new dataset');
  } catch (err) {
    request.log.error({ err }, 'the dataset was replaced, but the follow-up could not be reconciled with it; the next follow-up read tries again');
  }
}

/** The name problems carry, as the CLI names a seed file. */
export const REQUEST_BODY_FILE = 'request body';

export const datasetRoutes: FastifyPluginAsyncZod<ApiContext> = async (app, { store, canAuthenticate, rateLimits, datasetBodyLimit }) => {
  // Keep the body as text in this context only: validation reads YAML or JSON itself and reports lines like the CLI.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser([...DATASET_CONTENT_TYPES], { parseAs: 'string', bodyLimit: datasetBodyLimit }, (_request, body, done) => done(null, body));

  app.put(
    '/dataset',
    {
      bodyLimit: datasetBodyLimit,
      onRequest: requireRole('admin', canAuthenticate),
      config: { rateLimit: { max: rateLimits.write, timeWindow: '1 minute' } },
      schema: {
        tags: ['admin'],
        summary: 'Replace the whole graph with a dataset',
        description:
          'The body is one seed file, YAML or JSON, holding the whole dataset (the header, references, nodes and relationships). ' +
          'It is validated exactly like `strategigraf validate`; an invalid dataset is refused with every problem listed (422) and never reaches the store. ' +
          'The replacement is atomic: if loading fails, the previous graph stays as it was.',
        security: [{ adminToken: [] }],
        consumes: [...DATASET_CONTENT_TYPES],
        body: DatasetBody,
        response: {
          200: json(DatasetReplaced, 'The graph now holds the dataset'),
          ...errorResponses(400, 401, 403, 413, 415, 429),
          422: json(DatasetRejectedBody, 'The dataset is not valid: every problem is listed and the graph is unchanged'),
          ...errorResponses(500, 503),
        },
      },
    },
    async (request) => {
      const result = validateDataset([{ name: REQUEST_BODY_FILE, text: request.body }]);
      if (!result.ok) {
        const n = result.problems.length;
        throw new ApiError(422, 'invalid_dataset', `the dataset has ${n} problem${n === 1 ? '' : 's'}; the graph is unchanged`, result.problems);
      }
      const before = await store.datasetMeta().catch(() => null);
      await store.replaceDataset(result.dataset);
      request.log.info({ dataset: result.dataset.dataset, nodes: result.dataset.nodes.length }, 'dataset replaced');
      await afterReplace(store, request, before?.meta ?? null, result.dataset);
      return { dataset: result.dataset.dataset, nodes: result.dataset.nodes.length, relationships: result.dataset.relationships.length };
    },
  );
};
