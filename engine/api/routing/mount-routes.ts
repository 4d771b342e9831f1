import Router from '@koa/router';
import type Koa from 'koa';
import { tenantScope } from '../../db/tenant-scope';
import { readJsonBody } from '../http/json-body';
import { ProblemError } from '../http/problem';
import { compileValidator, type CompiledValidator } from './request-validation';
import { resolveAccess } from './resolve-access';
import type { ApiServices, RouteDefinition } from './route-definition';

export interface MountOptions {
  bodyLimitBytes: number;
}

/**
 * Turns the route table into a router. Per request: caller and permission first (so a forbidden caller learns
 * nothing about the input's shape), then params, query and body against their schemas, then the handler.
 */
export function mountRoutes(routes: RouteDefinition[], services: ApiServices, options: MountOptions): Router {
  const router = new Router();
  for (const route of routes) {
    const checkParams = route.params ? compileValidator(route.params, 'path') : undefined;
    const checkQuery = compileValidator(route.query ?? { type: 'object', additionalProperties: false }, 'query');
    const checkBody = route.body ? compileValidator(route.body, 'body') : undefined;
    router[route.method](route.operationId, route.path, async (ctx) => {
      const caller = await resolveAccess(ctx, route.access, services);
      if (caller) ctx.state.caller = caller;
      const params = { ...ctx.params } as Record<string, string>;
      checkParams?.(params);
      const query = { ...ctx.query } as Record<string, unknown>;
      checkQuery(query);
      const body = await readBody(ctx, route, checkBody, options);
      const scope = caller ? tenantScope(services.knex, caller.companyId) : undefined;
      if (scope) ctx.state.scope = scope;
      const result = await route.handler({ params, query, body, ctx, services, caller, scope });
      ctx.status = result.status ?? 200;
      if (result.headers) ctx.set(result.headers);
      if (result.body !== undefined) ctx.body = result.body;
    });
  }
  return router;
}

async function readBody(ctx: Koa.Context, route: RouteDefinition, checkBody: CompiledValidator | undefined, options: MountOptions): Promise<unknown> {
  if (route.method === 'get' || route.method === 'delete') return undefined;
  const body = await readJsonBody(ctx, route.bodyLimitBytes ?? options.bodyLimitBytes);
  if (!checkBody) {
    if (body !== undefined) throw new ProblemError(400, 'validation_failed', 'This operation takes no request body', [{ in: 'body', pointer: '#', message: 'must be empty' }]);
    return undefined;
  }
  const value = body === undefined ? {} : body;
  checkBody(value);
  return value;
}
