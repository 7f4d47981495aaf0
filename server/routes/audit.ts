// The audit trail for admins: who did what, when, to what, before and after; newest first, a page at a time, as JSON
// or as a CSV file for a spreadsheet.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { auditCsv } from '../../graph/work/audit-csv.js';
import { auditPage } from '../../graph/work/audit.js';
import { requireRole } from '../plugins/access.js';
import { errorResponses } from '../schemas/common.js';
import { AuditList, AuditQuery } from '../schemas/findings.js';
import type { ApiContext } from './context.js';

export const auditRoutes: FastifyPluginAsyncZod<ApiContext> = async (app, { store, canAuthenticate }) => {
  app.get(
    '/audit',
    {
      onRequest: requireRole('admin', canAuthenticate),
      schema: {
        tags: ['admin'],
        summary: 'The audit trail: every write, who made it, when, and the record before and after',
        description:
          'Newest first. Page back with `before` (the `nextBefore` of the page before). Filters match exactly (`action` also as a prefix ' +
          'ending in a dot). With format=csv, a UTF-8 CSV file with a byte order mark; a cell that starts like a spreadsheet formula ' +
          '(=, +, -, @, tab, carriage return) is prefixed with an apostrophe. Changes the data made are signed by the actor with via "system".',
        security: [{ adminToken: [] }],
        querystring: AuditQuery,
        response: {
          200: {
            description: 'The page of the trail',
            content: {
              'application/json': { schema: AuditList },
              'text/csv': {
                schema: z.string().describe('The entries as CSV (columns seq, at, actor_id, actor_name, actor_via, action, target, request_id, before, after)'),
              },
            },
          },
          ...errorResponses(400, 401, 403, 500, 503),
        },
      },
    },
    async (request, reply) => {
      const { format, limit, before, target, actor, action } = request.query;
      const page = await auditPage(store.work, {
        limit,
        ...(before !== undefined ? { before } : {}),
        ...(target !== undefined ? { target } : {}),
        ...(actor !== undefined ? { actor } : {}),
        ...(action !== undefined ? { action } : {}),
      });
      void reply.header('cache-control', 'no-store');
      if (format === 'json') return page;
      if (page.nextBefore !== null) void reply.header('x-next-before', String(page.nextBefore));
      return (
        reply
          .header('content-type', 'text/csv; charset=utf-8')
          .header('content-disposition', 'attachment; filename="strategigraf-audit.csv"')
          // A Buffer is sent as is: a string would go through the JSON serialiser of the route.
          .send(Buffer.from(auditCsv(page.items), 'utf8') as unknown as string)
      );
    },
  );
};
