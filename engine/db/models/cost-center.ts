import type { RelationMappings } from 'objection';
import { text } from './schema-fields';
import { TenantModel } from './tenant-model';
import { tenantJoin } from './tenant-join';
import type { Expense } from './expense';
import type { Revenue } from './revenue';

/** A unit that revenues and expenses are allocated to, for budgeting; code is unique per tenant. */
export class CostCenter extends TenantModel {
  static override tableName = 'cost_centers';

  code!: string;
  name!: string;

  revenues?: Revenue[];
  expenses?: Expense[];

  static override jsonSchema = {
    type: 'object',
    required: ['code', 'name'],
    properties: { code: text(32), name: text(120) },
  };

  static override relationMappings = (): RelationMappings => ({
    revenues: { relation: TenantModel.HasManyRelation, modelClass: 'revenue', join: tenantJoin('cost_centers', 'id', 'revenues', 'cost_center_id') },
    expenses: { relation: TenantModel.HasManyRelation, modelClass: 'expense', join: tenantJoin('cost_centers', 'id', 'expenses', 'cost_center_id') },
  });
}
