import type { RelationMappings } from 'objection';
import { calendarDate, currency, integer, money, nullable, oneOf, text, uuid } from './schema-fields';
import { TenantModel } from './tenant-model';
import { tenantJoin } from './tenant-join';
import type { Contact } from './contact';
import type { Invoice } from './invoice';

/** One thing a dunning run did (a reminder, a payment retry, the final action, a balance reminder), on a tenant date. */
export class DunningAttempt extends TenantModel {
  static override tableName = 'dunning_attempts';

  invoice_id!: string | null;
  contact_id!: string;
  kind!: 'reminder' | 'payment_retry' | 'final_action' | 'balance_reminder';
  /** The ladder step index, the retry number or the balance attempt number. */
  sequence!: number;
  channel!: string;
  outcome!: 'sent' | 'failed' | 'succeeded' | 'declined' | 'applied';
  attempted_on!: string;
  amount_due_minor!: number;
  currency!: string;
  detail!: string | null;
  workflow_id!: string | null;
  dedupe_key!: string;

  invoice?: Invoice | null;
  contact?: Contact | null;

  static override jsonSchema = {
    type: 'object',
    required: ['kind', 'sequence', 'channel', 'outcome', 'attempted_on', 'currency', 'dedupe_key'],
    properties: {
      invoice_id: nullable(uuid),
      contact_id: uuid,
      kind: oneOf('reminder', 'payment_retry', 'final_action', 'balance_reminder'),
      sequence: { ...integer, minimum: 0 },
      channel: text(32),
      outcome: oneOf('sent', 'failed', 'succeeded', 'declined', 'applied'),
      attempted_on: calendarDate,
      amount_due_minor: money,
      currency,
      detail: nullable(text(300, 0)),
      workflow_id: nullable(text(255)),
      dedupe_key: text(300),
    },
  };

  static override relationMappings = (): RelationMappings => ({
    invoice: { relation: TenantModel.BelongsToOneRelation, modelClass: 'invoice', join: tenantJoin('dunning_attempts', 'invoice_id', 'invoices', 'id') },
    contact: { relation: TenantModel.BelongsToOneRelation, modelClass: 'contact', join: tenantJoin('dunning_attempts', 'contact_id', 'contacts', 'id') },
  });
}
