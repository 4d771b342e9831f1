import type Koa from 'koa';
import { CSRF_COOKIE, SESSION_COOKIE } from './authenticate';
import { csrfTokenFor } from './tokens';

/**
 * The session token travels only in an HttpOnly, SameSite=Lax cookie (Secure when the request came over https,
 * which behind a proxy needs the app's `proxy` setting). The CSRF token goes in a readable cookie so the studio can
 * echo it in the X-CSRF-Token header.
 */
export function setSessionCookies(ctx: Koa.Context, token: string, expiresAt: Date): string {
  const csrfToken = csrfTokenFor(token);
  const common = { sameSite: 'lax' as const, secure: ctx.secure, path: '/', expires: expiresAt, overwrite: true };
  ctx.cookies.set(SESSION_COOKIE, token, { ...common, httpOnly: true });
  ctx.cookies.set(CSRF_COOKIE, csrfToken, { ...common, httpOnly: false });
  return csrfToken;
}

export function clearSessionCookies(ctx: Koa.Context): void {
  for (const name of [SESSION_COOKIE, CSRF_COOKIE]) ctx.cookies.set(name, '', { path: '/', expires: new Date(0), overwrite: true, sameSite: 'lax', secure: ctx.secure });
}
