import type { RelationMappings } from 'objection';
import { currency, decimal, nullable, oneOf, text } from './schema-fields';
import { TenantModel } from './tenant-model';
import type { Company } from './company';

/** A tracked indicator; money KPIs carry a currency and hold minor units, as exact decimal strings. */
export class Kpi extends TenantModel {
  static override tableName = 'kpis';

  key!: string;
  name!: string;
  unit!: 'money' | 'count' | 'percent' | 'days';
  currency!: string | null;
  target_value!: string | null;
  current_value!: string | null;
  period!: 'day' | 'week' | 'month' | 'quarter' | 'year';

  company?: Company | null;

  static override jsonSchema = {
    type: 'object',
    required: ['key', 'name', 'unit'],
    properties: {
      key: text(64),
      name: text(120),
      unit: oneOf('money', 'count', 'percent', 'days'),
      currency: nullable(currency),
      target_value: nullable(decimal),
      current_value: nullable(decimal),
      period: oneOf('day', 'week', 'month', 'quarter', 'year'),
    },
  };

  static override relationMappings = (): RelationMappings => ({
    company: { relation: TenantModel.BelongsToOneRelation, modelClass: 'company', join: { from: 'kpis.company_id', to: 'companies.id' } },
  });
}
