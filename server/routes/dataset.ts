import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { GraphStore } from '../../graph/store/port.js';
import { reviewedSnapshot } from '../../graph/review/read.js';
import { reconcileAndReadAhead } from '../../graph/work/followup/service.js';
import type { Json } from '../../graph/work/schema.js';
import { validateDataset } from '../../graph/dataset/validate.js';
import { requireRole } from '../plugins/access.js';
import { ApiError, DatasetRejectedBody, errorResponses, json } from '../schemas/common.js';
import { DATASET_CONTENT_TYPES, DatasetBody, DatasetReplaced, DatasetStatus } from '../schemas/dataset.js';
import { LoadTracker, type LoadHandle } from './dataset-status.js';
import type { ApiContext } from './context.js';
import { fullCollection } from '../memory.js';

/** The name problems carry, as the CLI names a seed file. */
export const REQUEST_BODY_FILE = 'request body';

/** What the audit trail keeps of a dataset: its name, version and size, never its content. */
interface DatasetSummary {
  name: string;
  version: string;
  nodes: number;
  relationships: number;
}

/**
 * The follow-up reconciled with the data a replace committed (findings gone are closed by it, new ones recorded). It
 * cannot undo the replace: a failure is logged and the answer stays 200. It runs on after the answer — over a new
 * dataset it writes a record per finding, seconds on a large one — and every follow-up request waits for that same run
 * (ensureReconciled), so none sees the follow-up of the old data.
 */
function reconcileAfterReplace(store: GraphStore, request: FastifyRequest, background: Background, load: LoadHandle): void {
  const log = request.log;
  background.run((signal) =>
    reviewedSnapshot(store)
      .then((snapshot) =>
        reconcileAndReadAhead(store.work, snapshot, { requestId: request.id, signal, onProgress: load.progress, afterBurst: fullCollection() ?? undefined }),
      )
      .then(
        (summary) => {
          load.done();
          log.info({ followUp: summary }, 'follow-up reconciled with the new dataset');
        },
        (err: unknown) => {
          // The graph is replaced either way: the load is done, and the follow-up catches up on its next read.
          load.done();
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

const total = (counts: Record<string, number>) => Object.values(counts).reduce((a, b) => a + b, 0);

/** The graph now in the store, or null when it cannot be read (an empty or broken store must not block a replace). */
async function currentSummary(store: GraphStore, request: FastifyRequest): Promise<DatasetSummary | null> {
  try {
    const [{ meta }, stats] = await Promise.all([store.datasetMeta(), store.stats()]);
    return { name: meta.name, version: meta.version, nodes: total(stats.nodes), relationships: total(stats.relationships) };
  } catch (err) {
    request.log.warn({ err }, 'the dataset before the replacement could not be summarised for the audit trail');
    return null;
  }
}

export const datasetRoutes: FastifyPluginAsyncZod<ApiContext> = async (app, { store, canAuthenticate, rateLimits, datasetBodyLimit, auth }) => {
  const audit = (request: FastifyRequest, before: DatasetSummary | null, after: DatasetSummary | null) =>
    store.work.appendAudit({
      at: new Date(auth.now()).toISOString(),
      actor: request.principal.actor,
      action: 'dataset.replace',
      target: 'dataset',
      before: before as Json,
      after: after as Json,
      requestId: request.id,
    });

  const background = new Background();
  const loads = new LoadTracker();

  app.get(
    '/dataset/status',
    {
      onRequest: requireRole('admin', canAuthenticate),
      schema: {
        tags: ['admin'],
        summary: 'How far the last dataset replacement has come',
        description:
          'What the last `PUT /api/dataset` received by this server is doing: its state, the step it is at with counts (nodes and relationships ' +
          'written, follow-up records reconciled), and how long it has taken. Poll it while a large load runs; the PUT itself answers once the graph ' +
          'is replaced, and the follow-up reconcile goes on after it (state `reconciling`).',
        security: [{ adminToken: [] }, { session: [] }],
        response: { 200: json(DatasetStatus, 'The last load, or state idle'), ...errorResponses(401, 403, 500) },
      },
    },
    async () => loads.read(),
  );

  app.addHook('onClose', () => background.close());
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
          'The replacement is atomic: if loading fails, the previous graph stays as it was. A replacement, and a load that failed, ' +
          'append a "dataset.replace" entry to the audit trail with the name, version and size of the graph before and after (after is null when it failed).',
        security: [{ adminToken: [] }, { session: [] }],
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
      const load = loads.begin(request.id);
      try {
        return await replace(request, request.body, load);
      } catch (err) {
        load.failed(err instanceof Error ? err.message : String(err));
        throw err;
      }
    },
  );

  async function replace(request: FastifyRequest, body: string, load: LoadHandle) {
    const result = validateDataset([{ name: REQUEST_BODY_FILE, text: body }]);
    if (!result.ok) {
      const n = result.problems.length;
      throw new ApiError(422, 'invalid_dataset', `the dataset has ${n} problem${n === 1 ? '' : 's'}; the graph is unchanged`, result.problems);
    }
    load.sized(result.dataset.nodes.length, result.dataset.relationships.length);
    const before = await currentSummary(store, request);
    try {
      await store.replaceDataset(result.dataset, { onProgress: load.progress });
    } catch (err) {
      // The failed attempt is on the record too; the store's own error is what the client gets either way.
      await audit(request, before, null).catch((auditErr: unknown) => request.log.error({ err: auditErr }, 'the failed replacement could not be audited'));
      throw err;
    }
    const { dataset, nodes, relationships } = result.dataset;
    request.log.info({ dataset, nodes: nodes.length }, 'dataset replaced');
    const after = { name: dataset.name, version: dataset.version, nodes: nodes.length, relationships: relationships.length };
    try {
      await audit(request, before, after);
    } catch (err) {
      request.log.error({ err }, 'the dataset was replaced but its audit entry could not be written');
      throw new ApiError(
        500,
        'internal_error',
        `the dataset was replaced, but its audit entry could not be written (request ${request.id}); see the server log`,
      );
    }
    load.committed();
    reconcileAfterReplace(store, request, background, load);
    return { dataset, nodes: nodes.length, relationships: relationships.length };
  }
};
