import type { RelationMappings } from 'objection';
import { boolean, currency, integer, money, oneOf, text } from './schema-fields';
import { BaseModel } from './tenant-model';
import type { Subscription } from './subscription';

// Plans are the platform's global catalogue with no company_id, so they are not tenant-scoped (BaseModel).
export class Plan extends BaseModel {
  static override tableName = 'plans';

  code!: string;
  name!: string;
  currency!: string;
  amount_minor!: number;
  interval_unit!: 'month' | 'year';
  interval_count!: number;
  trial_days!: number;
  active!: boolean;

  subscriptions?: Subscription[];

  static override jsonSchema = {
    type: 'object',
    required: ['code', 'name', 'currency', 'interval_unit'],
    properties: {
      code: text(64),
      name: text(120),
      currency,
      amount_minor: money,
      interval_unit: oneOf('month', 'year'),
      interval_count: { ...integer, minimum: 1 },
      trial_days: { ...integer, minimum: 0 },
      active: boolean,
    },
  };

  // Subscriptions are tenant rows: loading them needs a tenant in the query context and yields only that tenant's.
  static override relationMappings = (): RelationMappings => ({
    subscriptions: { relation: BaseModel.HasManyRelation, modelClass: 'subscription', join: { from: 'plans.id', to: 'subscriptions.plan_id' } },
  });
}
