import type { RelationMappings } from 'objection';
import { BaseModel } from './tenant-model';

/**
 * A tenant. Not tenant-scoped itself (it is the scope): only sign-up, administration and purge query it directly,
 * and tenant-facing code reads its own company by id. Soft-deleted through deleted_at.
 */
export class Company extends BaseModel {
  static override tableName = 'companies';

  name!: string;
  slug!: string;
  deleted_at!: string | null;

  static override jsonSchema = {
    type: 'object',
    required: ['name', 'slug'],
    properties: {
      name: { type: 'string', minLength: 1, maxLength: 200 },
      slug: { type: 'string', pattern: '^[a-z0-9][a-z0-9-]*$', maxLength: 63 },
      deleted_at: { type: ['string', 'null'] },
    },
  };

  static override relationMappings = (): RelationMappings => ({
    settings: { relation: BaseModel.HasOneRelation, modelClass: 'company-settings', join: { from: 'companies.id', to: 'company_settings.company_id' } },
    users: { relation: BaseModel.HasManyRelation, modelClass: 'user', join: { from: 'companies.id', to: 'users.company_id' } },
  });
}
