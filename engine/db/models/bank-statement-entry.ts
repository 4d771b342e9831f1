import type { RelationMappings } from 'objection';
import { calendarDate, currency, nullable, text, uuid } from './schema-fields';
import { TenantModel } from './tenant-model';
import { tenantJoin } from './tenant-join';
import type { BankAccount } from './bank-account';
import type { Payment } from './payment';

/** A line of a bank statement: credits positive, debits negative, optionally matched to a payment. */
export class BankStatementEntry extends TenantModel {
  static override tableName = 'bank_statement_entries';

  bank_account_id!: string;
  payment_id!: string | null;
  booked_on!: string;
  amount_minor!: number;
  currency!: string;
  description!: string | null;
  external_id!: string | null;

  bankAccount?: BankAccount | null;
  payment?: Payment | null;

  // Foreign keys are not in `required`: relation inserts set them after validation; NOT NULL still holds them.
  static override jsonSchema = {
    type: 'object',
    required: ['booked_on', 'amount_minor', 'currency'],
    properties: {
      bank_account_id: uuid,
      payment_id: nullable(uuid),
      booked_on: calendarDate,
      amount_minor: { type: 'integer', not: { const: 0 } },
      currency,
      description: nullable(text(300, 0)),
      external_id: nullable(text(128)),
    },
  };

  static override relationMappings = (): RelationMappings => ({
    bankAccount: {
      relation: TenantModel.BelongsToOneRelation,
      modelClass: 'bank-account',
      join: tenantJoin('bank_statement_entries', 'bank_account_id', 'bank_accounts', 'id'),
    },
    payment: { relation: TenantModel.BelongsToOneRelation, modelClass: 'payment', join: tenantJoin('bank_statement_entries', 'payment_id', 'payments', 'id') },
  });
}
