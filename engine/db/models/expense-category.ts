import type { RelationMappings } from 'objection';
import { text } from './schema-fields';
import { TenantModel } from './tenant-model';
import { tenantJoin } from './tenant-join';
import type { Expense } from './expense';

/** A reporting class for expenses; code is unique per tenant. */
export class ExpenseCategory extends TenantModel {
  static override tableName = 'expense_categories';

  code!: string;
  name!: string;

  expenses?: Expense[];

  static override jsonSchema = {
    type: 'object',
    required: ['code', 'name'],
    properties: { code: text(32), name: text(120) },
  };

  static override relationMappings = (): RelationMappings => ({
    expenses: { relation: TenantModel.HasManyRelation, modelClass: 'expense', join: tenantJoin('expense_categories', 'id', 'expenses', 'expense_category_id') },
  });
}
