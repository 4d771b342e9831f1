import { randomUUID } from 'node:crypto';
import type Koa from 'koa';
import type { Logger } from 'pino';
import { loggableError } from './loggable-error';
import { ProblemError } from './problem';
import { toProblem } from './to-problem';

const CLIENT_REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;

/**
 * Outermost middleware: gives every request an id (the client's X-Request-Id when it is sane), logs one line per
 * request with tenant and user, and turns every thrown error into problem+json. A 500 logs the error and sends
 * only the generic problem with the request id (and logs the error without the personal data it may carry).
 */
export function requestContext(logger: Logger): Koa.Middleware {
  return async (ctx, next) => {
    const incoming = ctx.get('x-request-id');
    const requestId = CLIENT_REQUEST_ID.test(incoming) ? incoming : randomUUID();
    ctx.state.requestId = requestId;
    ctx.set('X-Request-Id', requestId);
    const started = process.hrtime.bigint();
    let failure: unknown;
    try {
      await next();
      if (ctx.status === 404 && ctx.body === undefined) ctx.throw(404, `No route for ${ctx.method} ${ctx.path}`);
      // The router marks a method the path does not take (405) or that it knows for no path at all, like TRACE (501);
      // both are the client's choice, so both are a 405 problem naming the methods the path takes.
      if ((ctx.status === 405 || ctx.status === 501) && ctx.body === undefined) {
        throw new ProblemError(405, 'method_not_allowed', `${ctx.method} is not served on ${ctx.path}`, undefined, { Allow: ctx.response.get('Allow') });
      }
    } catch (error) {
      failure = error;
      const mapped = toProblem(error);
      ctx.status = mapped.body.status;
      ctx.set(mapped.headers);
      ctx.type = 'application/problem+json';
      ctx.body = { ...mapped.body, request_id: requestId };
    }
    const caller = ctx.state.caller as { companyId?: string; userId?: string; apiKeyId?: string } | undefined;
    const line = {
      requestId,
      method: ctx.method,
      path: ctx.path,
      status: ctx.status,
      ms: Number(process.hrtime.bigint() - started) / 1e6,
      companyId: caller?.companyId,
      userId: caller?.userId,
      apiKeyId: caller?.apiKeyId,
    };
    if (ctx.status >= 500) logger.error({ ...line, err: loggableError(failure) }, 'request failed');
    else logger.info(line, 'request');
  };
}
