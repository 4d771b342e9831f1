import { createApiKey, listApiKeys, revokeApiKey } from '../../auth/api-keys';
import { notFound } from '../http/problem';
import { closedObject, idParams, OK_OBJECT } from '../routing/schema-helpers';
import type { RouteDefinition } from '../routing/route-definition';

const MANAGE = { permission: 'api_keys.manage' };

/** API keys for integrations: each acts as one role of the tenant; the secret is shown once, at creation. */
export function apiKeyRoutes(): RouteDefinition[] {
  return [
    {
      operationId: 'listApiKeys',
      method: 'get',
      path: '/api/api-keys',
      summary: 'List the company\'s API keys (prefixes only)',
      tag: 'API keys',
      access: MANAGE,
      responses: { 200: { description: 'The keys', schema: OK_OBJECT } },
      handler: async ({ scope }) => ({ body: { data: await listApiKeys(scope!) } }),
    },
    {
      operationId: 'createApiKey',
      method: 'post',
      path: '/api/api-keys',
      summary: 'Create an API key acting as one role; the response holds the only copy of the key',
      tag: 'API keys',
      access: MANAGE,
      body: closedObject({ name: { type: 'string', minLength: 1, maxLength: 120 }, role: { type: 'string', minLength: 1, maxLength: 64 } }, ['name', 'role']),
      bodyExample: { name: 'Accounting sync', role: 'viewer' },
      responses: { 201: { description: 'Created; `token` is shown only now', schema: OK_OBJECT } },
      handler: async ({ scope, caller, body }) => {
        const { apiKey, token } = await createApiKey(scope!, caller!, body as { name: string; role: string });
        return { status: 201, body: { ...apiKey.toJSON(), token } };
      },
    },
    {
      operationId: 'revokeApiKey',
      method: 'delete',
      path: '/api/api-keys/:id',
      summary: 'Revoke an API key; it stops working at once',
      tag: 'API keys',
      access: MANAGE,
      params: idParams,
      resourceTable: 'api_keys',
      responses: { 200: { description: 'Revoked', schema: OK_OBJECT } },
      handler: async ({ scope, params }) => {
        const key = await revokeApiKey(scope!, params.id);
        if (!key) throw notFound('API key');
        return { body: key };
      },
    },
  ];
}
