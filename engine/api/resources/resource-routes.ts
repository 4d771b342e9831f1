import type { Model } from 'objection';
import type { RouteDefinition } from '../routing/route-definition';
import { idParams } from '../routing/schema-helpers';
import { resourcePath, type ResourceDefinition } from './resource-definition';
import { createBodySchema, listQuerySchema, listResponseSchema, patchBodySchema, rowSchema } from './resource-schemas';
import { createRow, deleteRow, getRow, listRows, patchRow } from './resource-service';
import { RESOURCES } from './resource-table';

/** A row as the API shows it: the model's JSON (no hashes or ciphertexts) without the resource's hidden columns. */
function visible(definition: ResourceDefinition, row: Model): Record<string, unknown> {
  const json = row.toJSON() as Record<string, unknown>;
  for (const field of definition.hidden ?? []) delete json[field];
  return json;
}

function pascal(table: string): string {
  return table.replace(/(^|_)([a-z])/g, (_, __, letter: string) => letter.toUpperCase());
}

/** The CRUD routes of one resource, generated from its row in the resource table. */
export function routesForResource(definition: ResourceDefinition): RouteDefinition[] {
  const base = resourcePath(definition);
  const name = pascal(definition.table);
  const read = { permission: `${definition.table}.read` };
  const write = { permission: `${definition.table}.write` };
  const common = { tag: definition.tag };
  const row = rowSchema(definition);
  const routes: RouteDefinition[] = [
    {
      ...common,
      operationId: `list${name}`,
      method: 'get',
      path: base,
      summary: `List ${definition.summary}, a page at a time`,
      access: read,
      query: listQuerySchema(definition),
      responses: { 200: { description: 'A page; pass next_cursor as cursor for the next', schema: listResponseSchema(definition) } },
      handler: async ({ scope, query }) => {
        const { limit, cursor, sort, ...filters } = query as { limit: number; cursor?: string; sort: string };
        const page = await listRows(scope!, definition, { limit, cursor, sort, filters });
        return { body: { data: page.data.map((row) => visible(definition, row)), next_cursor: page.next_cursor } };
      },
    },
    {
      ...common,
      operationId: `get${name}`,
      method: 'get',
      path: `${base}/:id`,
      summary: `Get one of ${definition.summary}`,
      access: read,
      params: idParams,
      resourceTable: definition.table,
      responses: { 200: { description: 'The row', schema: row } },
      handler: async ({ scope, params }) => ({ body: visible(definition, await getRow(scope!, definition, params.id)) }),
    },
  ];
  if (definition.writable?.length && definition.creatable !== false) {
    routes.push({
      ...common,
      operationId: `create${name}`,
      method: 'post',
      path: base,
      summary: `Create one of ${definition.summary}`,
      access: write,
      body: createBodySchema(definition),
      ...(definition.example ? { bodyExample: definition.example } : {}),
      ...(definition.references ? { references: definition.references } : {}),
      responses: { 201: { description: 'Created', schema: row } },
      handler: async ({ scope, body, services }) => {
        const prepared = definition.prepareCreate?.(body as Record<string, unknown>, services) ?? { row: body as Record<string, unknown> };
        const created = await createRow(scope!, definition, prepared.row);
        const id = (created as unknown as { id: string }).id;
        return { status: 201, body: { ...visible(definition, created), ...prepared.reveal }, headers: { Location: `${base}/${id}` } };
      },
    });
  }
  if (definition.writable?.length && !definition.immutable) {
    routes.push({
      ...common,
      operationId: `update${name}`,
      method: 'patch',
      path: `${base}/:id`,
      summary: `Change fields of one of ${definition.summary}`,
      access: write,
      params: idParams,
      resourceTable: definition.table,
      body: patchBodySchema(definition),
      ...(definition.references ? { references: definition.references } : {}),
      responses: { 200: { description: 'The changed row', schema: row } },
      handler: async ({ scope, params, body }) => ({
        body: visible(definition, await patchRow(scope!, definition, params.id, body as Record<string, unknown>)),
      }),
    });
  }
  if (definition.deletable) {
    routes.push({
      ...common,
      operationId: `delete${name}`,
      method: 'delete',
      path: `${base}/:id`,
      summary: `Delete one of ${definition.summary}; 409 says what still uses it`,
      access: write,
      params: idParams,
      resourceTable: definition.table,
      responses: { 204: { description: 'Deleted' } },
      handler: async ({ scope, params }) => {
        await deleteRow(scope!, definition, params.id);
        return { status: 204 };
      },
    });
  }
  return routes;
}

export function resourceRoutes(resources: ResourceDefinition[] = RESOURCES): RouteDefinition[] {
  return resources.flatMap(routesForResource);
}
