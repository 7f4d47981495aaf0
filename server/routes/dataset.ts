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
 * are closed by it, new ones recorded). Neither can undo the replace: a failure is logged and the answer stays 200. The
 * reconcile runs on after the answer — over a new dataset it writes a record per finding, seconds on a large one — and
 * every follow-up request waits for that same run (ensureReconciled), so none sees the follow-up of the old data.
 */
async function afterReplace(
  store: GraphStore,
  request: FastifyRequest,
  before: Dataset['dataset'] | null,
  dataset: Dataset,
  background: Background,
): Promise<void> {
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
  const log = request.log;
  background.run((signal) =>
    store
      .snapshot()
      .then((snapshot) => ensureReconciled(store.work, snapshot, { requestId: request.id, signal }))
      .then(
        (summary) => log.info({ followUp: summary }, 'follow-up reconciled with the new dataset'),
        (err: unknown) => {
          if (!signal.aborted) log.error({ err }, 'the follow-up could not be reconciled with the new dataset; the next follow-up read tries again');
        },
      ),
  );
}

/** Work that goes on after an answer, stopped and awaited when the app closes (so the store is never closed under it). */
class Background {
  private readonly stop = new AbortController();
  private readonly running = new Set<Promise<void>>();
  run(task: (signal: AbortSignal) => Promise<void>): void {
    const done = task(this.stop.signal).finally(() => this.running.delete(done));
    this.running.add(done);
  }
  async close(): Promise<void> {
    this.stop.abort();
    await Promise.allSettled([...this.running]);
  }
}

/** The name problems carry, as the CLI names a seed file. */
export const REQUEST_BODY_FILE = 'request body';

export const datasetRoutes: FastifyPluginAsyncZod<ApiContext> = async (app, { store, canAuthenticate, rateLimits, datasetBodyLimit }) => {
  // Keep the body as text in this context only: validation reads YAML or JSON itself and reports lines like the CLI.
  const background = new Background();
  app.addHook('onClose', () => background.close());
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
      await afterReplace(store, request, before?.meta ?? null, result.dataset, background);
      return { dataset: result.dataset.dataset, nodes: result.dataset.nodes.length, relationships: result.dataset.relationships.length };
    },
  );
};
