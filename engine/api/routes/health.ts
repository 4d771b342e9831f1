import Router from '@koa/router';
import type { Knex } from 'knex';

/** /health says the process is up; /ready says it can serve, i.e. the database answers. */
export function healthRoutes(knex: Knex): Router {
  const router = new Router();
  router.get('/health', (ctx) => {
    ctx.body = { status: 'ok' };
  });
  router.get('/ready', async (ctx) => {
    try {
      await knex.raw('SELECT 1');
      ctx.body = { status: 'ready', checks: { database: 'ok' } };
    } catch {
      ctx.status = 503;
      ctx.body = { status: 'not_ready', checks: { database: 'unreachable' } };
    }
  });
  return router;
}
