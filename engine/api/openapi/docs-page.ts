import { permissionOf, type RouteDefinition } from '../routing/route-definition';
import { openApiPath } from './openapi-document';

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** A small readable index of the API: one table per tag, linking to /openapi.json for the schemas. */
export function docsPage(routes: RouteDefinition[]): string {
  const tags = [...new Set(routes.map((route) => route.tag))];
  const sections = tags.map((tag) => {
    const rows = routes
      .filter((route) => route.tag === tag)
      .map((route) => {
        const access = route.access === 'public' ? 'public' : route.access === 'signed-in' ? 'signed in' : `<code>${escapeHtml(permissionOf(route) ?? '')}</code>`;
        return `<tr><td><b>${route.method.toUpperCase()}</b></td><td><code>${escapeHtml(openApiPath(route.path))}</code></td><td>${escapeHtml(route.summary)}</td><td>${access}</td></tr>`;
      })
      .join('\n');
    return `<h2>${escapeHtml(tag)}</h2>\n<table><tr><th>Method</th><th>Path</th><th>What it does</th><th>Needs</th></tr>\n${rows}</table>`;
  });
  return `<!doctype html><html><head><meta charset="utf-8"><title>Ledgerflow API</title>
<style>body{font-family:system-ui,sans-serif;max-width:70rem;margin:2rem auto;padding:0 1rem}table{border-collapse:collapse;width:100%}td,th{border-bottom:1px solid #ddd;padding:.3rem .5rem;text-align:left;vertical-align:top}</style>
</head><body><h1>Ledgerflow API</h1>
<p>The full contract is <a href="/openapi.json">/openapi.json</a> (OpenAPI 3.1). Errors are RFC 9457 <code>application/problem+json</code>.
Sign in for a session cookie and send the <code>lf_csrf</code> cookie's value as <code>X-CSRF-Token</code> on writes, or send an API key as <code>Authorization: Bearer lf_…</code>.</p>
${sections.join('\n')}
</body></html>`;
}
