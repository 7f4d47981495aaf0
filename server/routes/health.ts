import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { StoreError } from '../../graph/store/errors.js';
import { errorResponses, json } from '../schemas/common.js';
import { Health } from '../schemas/health.js';
import type { ApiContext } from './context.js';

const total = (counts: Record<string, number>) => Object.values(counts).reduce((a, b) => a + b, 0);

export const healthRoutes: FastifyPluginAsyncZod<ApiContext> = async (app, { store }) => {
  app.get(
    '/health',
    {
      schema: {
        tags: ['status'],
        summary: 'Is the store reachable, and how big is the graph?',
        response: { 200: json(Health, 'The store is available'), 503: json(Health, 'The store is unavailable'), ...errorResponses(500) },
      },
    },
    async (request, reply) => {
      const unavailable = { status: 'unavailable', backend: store.backend, nodes: null, relationships: null } as const;
      const health = await store.health();
      if (!health.available) {
        request.log.warn({ backend: health.backend, reason: health.error }, 'health check: store unavailable');
        return reply.code(503).send(unavailable);
      }
      try {
        const stats = await store.stats();
        return { status: 'ok' as const, backend: stats.backend, nodes: total(stats.nodes), relationships: total(stats.relationships) };
      } catch (err) {
        if (!(err instanceof StoreError && err.code === 'store_unavailable')) throw err;
        request.log.warn({ err }, 'health check: store unavailable');
        return reply.code(503).send(unavailable);
      }
    },
  );
};
