import type { Pojo, RelationMappings } from 'objection';
import { jsonObject, nullable, oneOf, text } from './schema-fields';
import { omitSecretColumns } from './secret-columns';
import { TenantModel } from './tenant-model';
import type { Company } from './company';

/** A tenant's configured connection to a connector; its credentials are stored encrypted. */
export class Integration extends TenantModel {
  static override tableName = 'integrations';

  connector!: string;
  name!: string;
  status!: 'active' | 'disabled' | 'error';
  config!: Record<string, unknown>;
  credentials_encrypted!: string | null;

  company?: Company | null;

  static override jsonSchema = {
    type: 'object',
    required: ['connector', 'name'],
    properties: {
      connector: text(64),
      name: text(120),
      status: oneOf('active', 'disabled', 'error'),
      config: jsonObject,
      credentials_encrypted: nullable(text()),
    },
  };

  override $formatJson(json: Pojo): Pojo {
    return omitSecretColumns(super.$formatJson(json));
  }

  static override relationMappings = (): RelationMappings => ({
    company: { relation: TenantModel.BelongsToOneRelation, modelClass: 'company', join: { from: 'integrations.company_id', to: 'companies.id' } },
  });
}
