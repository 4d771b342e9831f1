import type { RelationMappings } from 'objection';
import { text } from './schema-fields';
import { TenantModel } from './tenant-model';
import { tenantJoin } from './tenant-join';
import type { Revenue } from './revenue';

/** A reporting class for revenues; code is unique per tenant. */
export class RevenueCategory extends TenantModel {
  static override tableName = 'revenue_categories';

  code!: string;
  name!: string;

  revenues?: Revenue[];

  static override jsonSchema = {
    type: 'object',
    required: ['code', 'name'],
    properties: { code: text(32), name: text(120) },
  };

  static override relationMappings = (): RelationMappings => ({
    revenues: { relation: TenantModel.HasManyRelation, modelClass: 'revenue', join: tenantJoin('revenue_categories', 'id', 'revenues', 'revenue_category_id') },
  });
}
