import type { Pojo, RelationMappings } from 'objection';
import { boolean, jsonArray, nullable, text } from './schema-fields';
import { omitSecretColumns } from './secret-columns';
import { TenantModel } from './tenant-model';
import { tenantJoin } from './tenant-join';
import type { Company } from './company';
import type { WebhookDelivery } from './webhook-delivery';

/** A URL a tenant wants events delivered to, signed with a secret that is stored encrypted. */
export class WebhookEndpoint extends TenantModel {
  static override tableName = 'webhook_endpoints';

  url!: string;
  description!: string | null;
  event_types!: string[];
  secret_encrypted!: string;
  active!: boolean;

  company?: Company | null;
  deliveries?: WebhookDelivery[];

  static override jsonSchema = {
    type: 'object',
    required: ['url', 'secret_encrypted'],
    properties: {
      url: { type: 'string', maxLength: 2048, pattern: '^(http|https)://' },
      description: nullable(text(300, 0)),
      event_types: { ...jsonArray, items: { type: 'string' } },
      secret_encrypted: text(),
      active: boolean,
    },
  };

  override $formatJson(json: Pojo): Pojo {
    return omitSecretColumns(super.$formatJson(json));
  }

  static override relationMappings = (): RelationMappings => ({
    company: { relation: TenantModel.BelongsToOneRelation, modelClass: 'company', join: { from: 'webhook_endpoints.company_id', to: 'companies.id' } },
    deliveries: {
      relation: TenantModel.HasManyRelation,
      modelClass: 'webhook-delivery',
      join: tenantJoin('webhook_endpoints', 'id', 'webhook_deliveries', 'webhook_endpoint_id'),
    },
  });
}
