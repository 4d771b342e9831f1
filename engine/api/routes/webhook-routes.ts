import { replayDelivery, rotateSigningSecret } from '../../webhooks';
import { notFound } from '../http/problem';
import { closedObject, idParams, OK_OBJECT } from '../routing/schema-helpers';
import type { RouteDefinition } from '../routing/route-definition';

/** Actions on webhooks beyond their CRUD: replaying a delivery and rotating an endpoint's signing secret. */
export function webhookRoutes(): RouteDefinition[] {
  return [
    {
      operationId: 'replayWebhookDelivery',
      method: 'post',
      path: '/api/webhook-deliveries/:id/replay',
      summary: 'Send a delivery again, now: the same body and event id, signed afresh; answers with the delivery, pending',
      tag: 'Integrations',
      access: { permission: 'webhook_deliveries.write' },
      params: idParams,
      body: closedObject({}),
      bodyExample: {},
      resourceTable: 'webhook_deliveries',
      responses: {
        202: { description: 'Due now; the worker sends it within a second or two', schema: OK_OBJECT },
        409: { description: 'The endpoint is disabled (problem code webhook_endpoint_disabled)' },
      },
      handler: async ({ scope, params }) => {
        const delivery = await replayDelivery(scope!, params.id);
        if (!delivery) throw notFound('webhook delivery');
        return { status: 202, body: delivery };
      },
    },
    {
      operationId: 'rotateWebhookSigningSecret',
      method: 'post',
      path: '/api/webhook-endpoints/:id/rotate-secret',
      summary: 'Replace the endpoint\'s signing secret; the response holds the only copy of the new one',
      tag: 'Integrations',
      access: { permission: 'webhook_endpoints.write' },
      params: idParams,
      body: closedObject({}),
      bodyExample: {},
      resourceTable: 'webhook_endpoints',
      responses: { 200: { description: 'Rotated; `signing_secret` is shown only now and signs every request from now on', schema: OK_OBJECT } },
      handler: async ({ scope, params, services }) => {
        const rotated = await rotateSigningSecret(scope!, services.secretBox, params.id);
        if (!rotated) throw notFound('webhook endpoint');
        return { body: { ...rotated.endpoint.toJSON(), signing_secret: rotated.signingSecret } };
      },
    },
  ];
}
