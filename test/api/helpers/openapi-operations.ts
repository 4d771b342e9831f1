import type { Server } from 'node:http';
import request from 'supertest';

export interface Operation {
  key: string;
  method: string;
  path: string;
  operationId: string;
  access: 'public' | 'signed-in' | 'permission';
  permission?: string;
  resourceTable?: string;
  references?: Record<string, string>;
  /** Set when the route takes larger bodies than the app's default (uploads). */
  bodyLimitBytes?: number;
  bodySchema?: { properties?: Record<string, Record<string, unknown>>; required?: string[] };
  example?: Record<string, unknown>;
  pathParams: string[];
  queryParams: string[];
}

/** Every operation of the served OpenAPI document: the tests walk this list, so a new route is covered without edits. */
export async function loadOperations(server: Server): Promise<Operation[]> {
  const document = (await request(server).get('/openapi.json')).body as { paths: Record<string, Record<string, Record<string, unknown>>> };
  const operations: Operation[] = [];
  for (const [path, methods] of Object.entries(document.paths)) {
    for (const [method, operation] of Object.entries(methods)) {
      const json = (operation.requestBody as { content?: Record<string, { schema?: Operation['bodySchema']; example?: Record<string, unknown> }> } | undefined)?.content?.['application/json'];
      operations.push({
        key: `${method.toUpperCase()} ${path}`,
        method,
        path,
        operationId: operation.operationId as string,
        access: operation['x-access'] as Operation['access'],
        permission: operation['x-permission'] as string | undefined,
        resourceTable: operation['x-resource-table'] as string | undefined,
        references: operation['x-references'] as Record<string, string> | undefined,
        bodyLimitBytes: operation['x-body-limit-bytes'] as number | undefined,
        bodySchema: json?.schema,
        example: json?.example,
        pathParams: ((operation.parameters ?? []) as { in: string; name: string }[]).filter((p) => p.in === 'path').map((p) => p.name),
        queryParams: ((operation.parameters ?? []) as { in: string; name: string }[]).filter((p) => p.in === 'query').map((p) => p.name),
      });
    }
  }
  return operations;
}

export function fillPath(operation: Operation, id: string): string {
  return operation.path.replace(/\{[^}]+\}/g, id);
}
