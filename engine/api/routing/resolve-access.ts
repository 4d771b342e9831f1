import type Koa from 'koa';
import { callerFromApiKey, callerFromSessionToken, CSRF_HEADER, SESSION_COOKIE } from '../../auth/authenticate';
import type { Caller } from '../../auth/caller';
import { isGranted } from '../../auth/permissions';
import { csrfTokenFor, sameSecret } from '../../auth/tokens';
import { ProblemError } from '../http/problem';
import type { Access, ApiServices } from './route-definition';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Who is calling, and may they do this. A Bearer header wins over a cookie; a present but wrong credential is a 401,
 * never a silent fall-back to anonymous.
 */
export async function resolveAccess(ctx: Koa.Context, access: Access, services: ApiServices): Promise<Caller | undefined> {
  if (access === 'public') return undefined;
  const caller = await authenticate(ctx, services);
  if (caller.kind === 'session' && !SAFE_METHODS.has(ctx.method)) checkCsrf(ctx);
  if (typeof access === 'object' && !isGranted(caller.permissions, access.permission)) {
    throw new ProblemError(403, 'forbidden', `This needs the ${access.permission} permission`);
  }
  return caller;
}

async function authenticate(ctx: Koa.Context, services: ApiServices): Promise<Caller> {
  const authorization = ctx.get('authorization');
  if (authorization) {
    const match = /^Bearer\s+(lf_[A-Za-z0-9_-]{20,100})$/.exec(authorization);
    const caller = match ? await callerFromApiKey(services.knex, match[1]) : undefined;
    if (!caller) throw unauthenticated('The API key is unknown or revoked');
    return caller;
  }
  const token = ctx.cookies.get(SESSION_COOKIE);
  const caller = token && token.length <= 200 ? await callerFromSessionToken(services.knex, token) : undefined;
  if (!caller) throw unauthenticated(token ? 'The session has expired or was revoked; sign in again' : 'Sign in, or send an API key as a Bearer token');
  return caller;
}

/**
 * Cookies ride along on cross-site requests; SameSite=Lax already stops most, and this header closes the rest:
 * a cross-site page cannot read our CSRF cookie nor compute the token, which is derived from the HttpOnly session token.
 */
function checkCsrf(ctx: Koa.Context): void {
  const sent = ctx.get(CSRF_HEADER);
  const token = ctx.cookies.get(SESSION_COOKIE) ?? '';
  if (!sent || !sameSecret(sent, csrfTokenFor(token))) {
    throw new ProblemError(403, 'csrf_failed', `Cookie-authenticated writes need the ${CSRF_HEADER} header (the value of the lf_csrf cookie)`);
  }
}

function unauthenticated(detail: string): ProblemError {
  return new ProblemError(401, 'unauthenticated', detail, undefined, { 'WWW-Authenticate': 'Bearer realm="ledgerflow"' });
}
