// Every API route, under /api. A new route group is one module plus a line here.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { notFound } from '../plugins/errors.js';
import type { ApiContext } from './context.js';
import { analysisRoutes } from './analysis.js';
import { authRoutes } from './auth.js';
import { auditRoutes } from './audit.js';
import { datasetRoutes } from './dataset.js';
import { exportRoutes } from './export.js';
import { findingRoutes } from './findings.js';
import { healthRoutes } from './health.js';
import { nodeRoutes } from './nodes.js';
import { overviewRoutes } from './overview.js';
import { pathRoutes } from './paths.js';
import { queryRoutes } from './query.js';
import { reportRoutes } from './report.js';
import { reviewRoutes } from './reviews.js';
import { namedQueryRoutes } from './queries.js';
import { schemaRoutes } from './schema.js';
import { timelineRoutes } from './timeline.js';
import { timeRoutes } from './time.js';
import { tokenRoutes } from './tokens.js';

export const apiRoutes: FastifyPluginAsyncZod<ApiContext> = async (app, options) => {
  // Only the context: the register options (prefix and such) must not reach the route groups.
  const { store, limits, canAuthenticate, rateLimits, datasetBodyLimit, auth } = options;
  const context: ApiContext = { store, limits, canAuthenticate, rateLimits, datasetBodyLimit, auth };
  for (const routes of [
    healthRoutes,
    schemaRoutes,
    nodeRoutes,
    overviewRoutes,
    pathRoutes,
    queryRoutes,
    namedQueryRoutes,
    analysisRoutes,
    timelineRoutes,
    timeRoutes,
    reportRoutes,
    exportRoutes,
    datasetRoutes,
    authRoutes,
    tokenRoutes,
    findingRoutes,
    auditRoutes,
    reviewRoutes,
  ]) {
    await app.register(routes, context);
  }
  // Unknown routes under /api are always a JSON 404, never the web UI.
  app.setNotFoundHandler(notFound);
};
