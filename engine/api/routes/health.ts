import type { RouteDefinition } from '../routing/route-definition';

const STATUS = { type: 'object', properties: { status: { type: 'string' }, checks: { type: 'object' } } };

/** /health says the process is up; /ready says it can serve, i.e. the database answers. */
export function healthRoutes(): RouteDefinition[] {
  return [
    {
      operationId: 'health',
      method: 'get',
      path: '/health',
      summary: 'The process is up',
      tag: 'Service',
      access: 'public',
      responses: { 200: { description: 'Up', schema: STATUS } },
      handler: () => ({ body: { status: 'ok' } }),
    },
    {
      operationId: 'ready',
      method: 'get',
      path: '/ready',
      summary: 'The service can serve: the database answers',
      tag: 'Service',
      access: 'public',
      responses: { 200: { description: 'Ready', schema: STATUS }, 503: { description: 'Not ready', schema: STATUS } },
      handler: async ({ services }) => {
        try {
          await services.knex.raw('SELECT 1');
          return { body: { status: 'ready', checks: { database: 'ok' } } };
        } catch {
          return { status: 503, body: { status: 'not_ready', checks: { database: 'unreachable' } } };
        }
      },
    },
  ];
}
