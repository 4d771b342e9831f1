import type { RelationMappings } from 'objection';
import { calendarDate, currency, nullable, oneOf, signedMoney, text, uuid } from './schema-fields';
import { TenantModel } from './tenant-model';
import { tenantJoin } from './tenant-join';
import type { Invoice } from './invoice';
import type { Subscription } from './subscription';

/** One line of an invoice: a plan's period, or a proration credit (negative) or charge. Without an invoice it is pending on its subscription. */
export class InvoiceLine extends TenantModel {
  static override tableName = 'invoice_lines';

  invoice_id!: string | null;
  subscription_id!: string | null;
  kind!: 'subscription' | 'proration_credit' | 'proration_charge' | 'credit_carried_forward';
  description!: string;
  plan_id!: string | null;
  period_start!: string | null;
  period_end!: string | null;
  currency!: string;
  amount_minor!: number;
  source_key!: string | null;

  invoice?: Invoice | null;
  subscription?: Subscription | null;

  static override jsonSchema = {
    type: 'object',
    required: ['kind', 'description', 'currency', 'amount_minor'],
    properties: {
      invoice_id: nullable(uuid),
      subscription_id: nullable(uuid),
      kind: oneOf('subscription', 'proration_credit', 'proration_charge', 'credit_carried_forward'),
      description: text(300),
      plan_id: nullable(uuid),
      period_start: nullable(calendarDate),
      period_end: nullable(calendarDate),
      currency,
      amount_minor: signedMoney,
      source_key: nullable(text(200)),
    },
  };

  static override relationMappings = (): RelationMappings => ({
    invoice: { relation: TenantModel.BelongsToOneRelation, modelClass: 'invoice', join: tenantJoin('invoice_lines', 'invoice_id', 'invoices', 'id') },
    subscription: {
      relation: TenantModel.BelongsToOneRelation,
      modelClass: 'subscription',
      join: tenantJoin('invoice_lines', 'subscription_id', 'subscriptions', 'id'),
    },
  });
}
