import type { RelationMappings } from 'objection';
import { instant, integer, jsonObject, nullable, oneOf, text, uuid } from './schema-fields';
import { TenantModel } from './tenant-model';
import { tenantJoin } from './tenant-join';
import type { WebhookEndpoint } from './webhook-endpoint';

/** One event's delivery to an endpoint, with its attempts; (endpoint, event_id) is unique, so redelivery is idempotent. */
export class WebhookDelivery extends TenantModel {
  static override tableName = 'webhook_deliveries';

  webhook_endpoint_id!: string;
  event_type!: string;
  event_id!: string;
  payload!: Record<string, unknown>;
  status!: 'pending' | 'succeeded' | 'failed';
  attempt_count!: number;
  response_status!: number | null;
  next_attempt_at!: string | null;
  delivered_at!: string | null;

  endpoint?: WebhookEndpoint | null;

  // Foreign keys are not in `required`: relation inserts set them after validation; NOT NULL still holds them.
  static override jsonSchema = {
    type: 'object',
    required: ['event_type', 'event_id', 'payload'],
    properties: {
      webhook_endpoint_id: uuid,
      event_type: text(120),
      event_id: text(128),
      payload: jsonObject,
      status: oneOf('pending', 'succeeded', 'failed'),
      attempt_count: { ...integer, minimum: 0 },
      response_status: nullable(integer),
      next_attempt_at: nullable(instant),
      delivered_at: nullable(instant),
    },
  };

  static override relationMappings = (): RelationMappings => ({
    endpoint: {
      relation: TenantModel.BelongsToOneRelation,
      modelClass: 'webhook-endpoint',
      join: tenantJoin('webhook_deliveries', 'webhook_endpoint_id', 'webhook_endpoints', 'id'),
    },
  });
}
