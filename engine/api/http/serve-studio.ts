/**
 * Serves the built studio (studio/dist) from the API's own origin, so the studio's cookie session and CSRF header
 * work with no proxy in between. It answers only GET/HEAD for `/` and the files of the build; the API's own paths are
 * never looked up here, so a file in dist can never shadow a route.
 */
import { createReadStream, existsSync, statSync } from 'node:fs';
import { extname, join, resolve, sep } from 'node:path';
import type Koa from 'koa';
import { ProblemError } from './problem';

/** studio/dist of this checkout (engine/api/http → repository root). */
export const DEFAULT_STUDIO_DIST = resolve(__dirname, '..', '..', '..', 'studio', 'dist');

/** Paths that belong to the API even when a file of the same name sits in dist. */
const API_PATHS = ['/api', '/openapi.json', '/docs', '/health', '/ready'];

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
};

// Vite names every file under assets/ after a hash of its content, so a cached copy can never go stale.
const HASHED_ASSETS = 'public, max-age=31536000, immutable';
// index.html names the current hashes: the browser must ask again each time.
const ALWAYS_REVALIDATE = 'no-cache';

/**
 * The studio page may run only its own scripts and talk only to its own origin, and no other site may frame it
 * (clickjacking on payment and publish buttons). 'unsafe-eval' stays because the studio validates drafts in the
 * browser with Ajv, which compiles JSON Schemas into functions; inline scripts stay forbidden. Inline styles are
 * needed by Svelte Flow's node positions and CodeMirror; data: images are the favicon and the two-factor QR code.
 */
const STUDIO_PAGE_HEADERS: Record<string, string> = {
  'Content-Security-Policy':
    "default-src 'self'; script-src 'self' 'unsafe-eval'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'",
  'X-Frame-Options': 'DENY',
  'Referrer-Policy': 'same-origin',
};

const BUILD_HINT = 'Build it with `node studio/scripts/build-studio.mjs` (or run `npm start`, which builds it when missing), then reload.';

function isApiPath(path: string): boolean {
  return API_PATHS.some((prefix) => path === prefix || path.startsWith(`${prefix}/`));
}

/** The file under dist a URL path names, or undefined when it is malformed or escapes dist. */
function fileUnder(dist: string, urlPath: string): string | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return undefined;
  }
  if (decoded.includes('\0') || decoded.split(/[/\\]/).includes('..')) return undefined;
  const file = resolve(dist, `.${decoded}`);
  return file.startsWith(dist + sep) ? file : undefined;
}

function notBuiltPage(dist: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Ledgerflow studio not built</title></head>
<body><main><h1>The Ledgerflow studio is not built yet</h1><p>No build was found in <code>${dist.replace(/[<>&]/g, '')}</code>.</p>
<p>${BUILD_HINT.replace(/`([^`]+)`/g, '<code>$1</code>')}</p><p>The API itself is running: see <a href="/docs">/docs</a>.</p></main></body></html>`;
}

export function serveStudio(dist: string = DEFAULT_STUDIO_DIST): Koa.Middleware {
  const root = resolve(dist);
  return async (ctx, next) => {
    if ((ctx.method !== 'GET' && ctx.method !== 'HEAD') || isApiPath(ctx.path)) return next();
    const isIndex = ctx.path === '/' || ctx.path === '/index.html';
    const file = isIndex ? join(root, 'index.html') : fileUnder(root, ctx.path);
    if (isIndex && !existsSync(file as string)) {
      if (!ctx.accepts('html')) throw new ProblemError(503, 'studio_not_built', `The studio is not built. ${BUILD_HINT}`);
      ctx.status = 503;
      ctx.type = 'text/html; charset=utf-8';
      ctx.body = notBuiltPage(root);
      return;
    }
    // A path that is malformed or climbs out of dist names no file of the studio; say no more than that.
    if (!file) throw new ProblemError(404, 'not_found', 'No such studio file');
    if (!existsSync(file) || !statSync(file).isFile()) {
      // A missing hashed asset is an old index.html asking for a replaced build: say so instead of the generic 404.
      if (ctx.path.startsWith('/assets/')) throw new ProblemError(404, 'not_found', `No studio asset at ${ctx.path}: the studio was rebuilt, reload the page`);
      return next();
    }
    ctx.set('Cache-Control', ctx.path.startsWith('/assets/') ? HASHED_ASSETS : ALWAYS_REVALIDATE);
    ctx.set('X-Content-Type-Options', 'nosniff');
    if (isIndex) ctx.set(STUDIO_PAGE_HEADERS);
    ctx.status = 200;
    ctx.type = CONTENT_TYPES[extname(file)] ?? 'application/octet-stream';
    ctx.length = statSync(file).size;
    // HEAD gets the headers only; opening a stream nobody reads would hold a file descriptor open.
    if (ctx.method === 'GET') ctx.body = createReadStream(file);
  };
}
