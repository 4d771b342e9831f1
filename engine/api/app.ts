import Koa from 'koa';
import type { Knex } from 'knex';
import { healthRoutes } from './routes/health';

export interface AppDependencies {
  knex: Knex;
}

/** The HTTP application. Routes stay thin; the next issues add the API, the engine endpoints and the studio here. */
export function createApp({ knex }: AppDependencies): Koa {
  const app = new Koa();
  const health = healthRoutes(knex);
  app.use(health.routes()).use(health.allowedMethods());
  return app;
}
