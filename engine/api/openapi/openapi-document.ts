import { PROBLEM_BASE } from '../http/problem';
import { permissionOf, type JsonSchema, type RouteDefinition } from '../routing/route-definition';

const PROBLEM_SCHEMA: JsonSchema = {
  type: 'object',
  required: ['type', 'title', 'status', 'detail'],
  properties: {
    type: { type: 'string', format: 'uri', description: `Stable, under ${PROBLEM_BASE}` },
    title: { type: 'string' },
    status: { type: 'integer' },
    detail: { type: 'string' },
    code: { type: 'string' },
    request_id: { type: 'string' },
    errors: {
      type: 'array',
      items: {
        type: 'object',
        required: ['in', 'pointer', 'message'],
        properties: { in: { enum: ['body', 'query', 'path', 'header'] }, pointer: { type: 'string' }, message: { type: 'string' } },
      },
    },
  },
};

/** `/api/contacts/:id` → `/api/contacts/{id}`. */
export function openApiPath(koaPath: string): string {
  return koaPath.replace(/:([A-Za-z_][A-Za-z0-9_]*)/g, '{$1}');
}

function parameters(route: RouteDefinition): unknown[] {
  const from = (schema: JsonSchema | undefined, where: 'path' | 'query') => {
    const properties = (schema?.properties ?? {}) as Record<string, JsonSchema>;
    const required = new Set((schema?.required ?? []) as string[]);
    return Object.entries(properties).map(([name, property]) => ({ name, in: where, required: where === 'path' || required.has(name), schema: property }));
  };
  return [...from(route.params, 'path'), ...from(route.query, 'query')];
}

function operation(route: RouteDefinition): Record<string, unknown> {
  const problem = { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } };
  const responses: Record<string, unknown> = {};
  for (const [status, response] of Object.entries(route.responses)) {
    responses[status] = { description: response.description, ...(response.schema ? { content: { 'application/json': { schema: response.schema } } } : {}) };
  }
  responses['4XX'] = { description: 'A problem with the request (RFC 9457)', content: problem };
  responses['5XX'] = { description: 'A problem on our side; quote request_id', content: problem };
  const permission = permissionOf(route);
  return {
    operationId: route.operationId,
    summary: route.summary,
    tags: [route.tag],
    security: route.access === 'public' ? [] : [{ sessionCookie: [] }, { apiKey: [] }],
    'x-access': route.access === 'public' || route.access === 'signed-in' ? route.access : 'permission',
    ...(permission ? { 'x-permission': permission } : {}),
    ...(route.resourceTable ? { 'x-resource-table': route.resourceTable } : {}),
    ...(route.references ? { 'x-references': route.references } : {}),
    ...(route.bodyLimitBytes ? { 'x-body-limit-bytes': route.bodyLimitBytes } : {}),
    parameters: parameters(route),
    ...(route.body
      ? { requestBody: { required: true, content: { 'application/json': { schema: route.body, ...(route.bodyExample ? { example: route.bodyExample } : {}) } } } }
      : {}),
    responses,
  };
}

/** The OpenAPI 3.1 contract, generated from the same route table that serves and validates requests. */
export function openApiDocument(routes: RouteDefinition[]): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of routes) (paths[openApiPath(route.path)] ??= {})[route.method] = operation(route);
  return {
    openapi: '3.1.0',
    info: { title: 'Ledgerflow API', version: '1.0.0', description: 'Errors are RFC 9457 problem+json. Cookie-authenticated writes need the X-CSRF-Token header.' },
    jsonSchemaDialect: 'https://json-schema.org/draft/2020-12/schema',
    paths,
    components: {
      schemas: { Problem: PROBLEM_SCHEMA },
      securitySchemes: {
        sessionCookie: { type: 'apiKey', in: 'cookie', name: 'lf_session' },
        apiKey: { type: 'http', scheme: 'bearer', description: 'An API key, lf_…' },
      },
    },
  };
}
