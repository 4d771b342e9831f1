import type { RelationMappings } from 'objection';
import { text } from './schema-fields';
import { TenantModel } from './tenant-model';
import type { Company } from './company';

/** A key/value override for one tenant; the value is any JSON. */
export class TenantSetting extends TenantModel {
  static override tableName = 'tenant_settings';
  // value may be a bare string or number, which Objection would not stringify unless told it is JSON.
  static override jsonAttributes = ['value'];

  key!: string;
  value!: unknown;

  company?: Company | null;

  static override jsonSchema = {
    type: 'object',
    required: ['key', 'value'],
    properties: {
      key: text(120),
      value: {},
    },
  };

  static override relationMappings = (): RelationMappings => ({
    company: { relation: TenantModel.BelongsToOneRelation, modelClass: 'company', join: { from: 'tenant_settings.company_id', to: 'companies.id' } },
  });
}
