import { docsPage } from '../openapi/docs-page';
import { openApiDocument } from '../openapi/openapi-document';
import type { RouteDefinition } from '../routing/route-definition';

/** /openapi.json and /docs, generated from the full route table they are handed (themselves included). */
export function contractRoutes(allRoutes: () => RouteDefinition[]): RouteDefinition[] {
  let document: Record<string, unknown> | undefined;
  let page: string | undefined;
  return [
    {
      operationId: 'openapi',
      method: 'get',
      path: '/openapi.json',
      summary: 'This API as an OpenAPI 3.1 document',
      tag: 'Service',
      access: 'public',
      responses: { 200: { description: 'The OpenAPI document', schema: { type: 'object' } } },
      handler: () => ({ body: (document ??= openApiDocument(allRoutes())) }),
    },
    {
      operationId: 'docs',
      method: 'get',
      path: '/docs',
      summary: 'A readable index of the API',
      tag: 'Service',
      access: 'public',
      responses: { 200: { description: 'An HTML page' } },
      handler: () => ({ body: (page ??= docsPage(allRoutes())), headers: { 'Content-Type': 'text/html; charset=utf-8' } }),
    },
  ];
}
