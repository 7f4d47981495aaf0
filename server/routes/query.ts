import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { CypherResult } from '../../graph/schema/graph.js';
import { errorResponses, json } from '../schemas/common.js';
import { QueryRequest } from '../schemas/query.js';
import type { ApiContext } from './context.js';
import { DEFAULT_QUERY_LIMITS } from '../../graph/adapters/index.js';
import { FairQueue } from '../analyst-queue.js';

export const queryRoutes: FastifyPluginAsyncZod<ApiContext> = async (app, { store, limits: given, rateLimits }) => {
  const limits = { ...DEFAULT_QUERY_LIMITS, ...given };
  // Anyone may call this route without a token, so its queries take turns fairly per client (see server/analyst-queue.ts).
  const queue = new FairQueue({ concurrency: limits.concurrency, perClient: limits.queuePerClient });
  app.post(
    '/query',
    {
      config: { rateLimit: { max: rateLimits.query, timeWindow: '1 minute' } },
      schema: {
        tags: ['query'],
        summary: 'Run a read-only Cypher query',
        description:
          `Nodes, relationships and paths in the rows come as the Node, Edge and Path shapes of the other routes. ` +
          `A query that would write is refused (400, code read_only) and the graph stays unchanged. ` +
          `A query that runs past the server's timeout (STRATEGIGRAF_QUERY_TIMEOUT_MS, default 5000 ms; code query_timeout) or returns more rows than its cap ` +
          `(STRATEGIGRAF_QUERY_ROW_CAP, default 5000; code row_cap_exceeded) is stopped with a 400. ` +
          `The timeout counts from arrival: a query still waiting for its turn when it passes is not run (code query_timeout). ` +
          `A result larger than STRATEGIGRAF_QUERY_RESPONSE_BYTES (default 4 MiB of JSON; code response_too_large) and, on the embedded store, ` +
          `a query needing more memory than STRATEGIGRAF_QUERY_MEMORY_MB (default 1024; code query_too_costly) are stopped with a 400. ` +
          `Clients take turns: at most one query per client runs at a time, and a client with STRATEGIGRAF_QUERY_QUEUE_PER_CLIENT (default 4) queries ` +
          `already waiting is answered 429 (code too_many_queries) with Retry-After. If the query engine dies while running a query, the answer is 503 ` +
          `(code query_crashed) and the next query runs on a fresh engine. ` +
          `Only one read statement is allowed (400, code query_invalid, saying what and at which line and column): ` +
          `clauses MATCH, OPTIONAL MATCH, WITH, UNWIND, WHERE, RETURN, ORDER BY, SKIP/OFFSET, LIMIT, UNION and CALL { subquery } (Neo4j); ` +
          `a standalone CALL only of show_tables and table_info (LadybugDB) or db.labels, db.relationshipTypes, db.propertyKeys and ` +
          `db.schema.visualization (Neo4j). Refused: LOAD / LOAD CSV, COPY, EXPORT, IMPORT, ATTACH, DETACH, INSTALL, USE, CHECKPOINT, ` +
          `EXPLAIN, PROFILE, SHOW, BEGIN/COMMIT/ROLLBACK, CALL name = value (settings), current_setting() and other functions about the server; ` +
          `CREATE, MERGE, SET, DELETE, REMOVE, DROP and ALTER are refused with code read_only. ` +
          `Strings, backtick names and comments are read as the engines read them, so keywords inside them are data. ` +
          `The programme office's records (follow-up, review, tokens) and the audit trail are never visible to these queries. On Neo4j, where they ` +
          `share the database with the graph, a query may not start from a node pattern without a label, look a node up by id() or elementId(), ` +
          `count every node, put a subquery inside an expression (CASE WHEN EXISTS { … }), or name the labels StrategigrafWork, StrategigrafAudit ` +
          `or StrategigrafAuditSeq (400, code query_invalid): ` +
          `write (n:StrategigrafNode) for any node of the graph, or its kind, e.g. (n:Agency). ` +
          `Limits, checked before the engine sees the query: at most 5000 tokens, ( [ { nested at most 64 deep, CASE nested at most 10 deep. ` +
          `Engine error messages are passed on without file paths or file content.`,
        body: QueryRequest,
        response: { 200: json(CypherResult, 'The columns and the rows'), ...errorResponses(400, 413, 415, 429, 500, 503) },
      },
    },
    async (request, reply) => {
      // The deadline counts from the request's arrival, so time spent waiting for a turn is part of the timeout.
      const deadline = Date.now() - reply.elapsedTime + limits.timeoutMs;
      const options = { timeoutMs: limits.timeoutMs, rowCap: limits.rowCap, maxResponseBytes: limits.responseBytes, deadline };
      return queue.run(request.ip, deadline, limits.timeoutMs, () => store.readQuery(request.body.cypher, request.body.params, options));
    },
  );
};
