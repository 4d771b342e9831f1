import type { RelationMappings } from 'objection';
import { hostAttachments } from './host-attachments';
import { currency, instant, money, nullable, oneOf, text, uuid } from './schema-fields';
import { TenantModel } from './tenant-model';
import { tenantJoin } from './tenant-join';
import type { Activity } from './activity';
import type { BankAccount } from './bank-account';
import type { BankStatementEntry } from './bank-statement-entry';
import type { CalendarEvent } from './calendar-event';
import type { Contact } from './contact';
import type { ContractInstallment } from './contract-installment';
import type { Document } from './document';
import type { Invoice } from './invoice';
import type { Task } from './task';

/**
 * Money received (kind payment) or given back (kind reversal, naming the payment it reverses).
 * Succeeded payments drive their installment's paid amount and status through database triggers.
 */
export class Payment extends TenantModel {
  static override tableName = 'payments';

  installment_id!: string | null;
  invoice_id!: string | null;
  contact_id!: string | null;
  bank_account_id!: string | null;
  kind!: 'payment' | 'reversal';
  reverses_payment_id!: string | null;
  status!: 'pending' | 'succeeded' | 'failed';
  amount_minor!: number;
  currency!: string;
  received_at!: string;
  method!: string | null;
  external_reference!: string | null;
  idempotency_key!: string | null;
  /** How an installment payment splits; the parts sum to amount_minor (zero for rows without an installment). */
  allocated_fee_minor!: number;
  allocated_interest_minor!: number;
  allocated_principal_minor!: number;
  /** The first row of the same receipt of cash, for the rest of an overpayment carried on or kept as credit. */
  carried_from_payment_id!: string | null;

  installment?: ContractInstallment | null;
  invoice?: Invoice | null;
  contact?: Contact | null;
  bankAccount?: BankAccount | null;
  reversedPayment?: Payment | null;
  reversals?: Payment[];
  statementEntries?: BankStatementEntry[];
  documents?: Document[];
  calendarEvents?: CalendarEvent[];
  tasks?: Task[];
  attachedActivities?: Activity[];

  static override jsonSchema = {
    type: 'object',
    required: ['amount_minor', 'currency'],
    properties: {
      installment_id: nullable(uuid),
      invoice_id: nullable(uuid),
      contact_id: nullable(uuid),
      bank_account_id: nullable(uuid),
      kind: oneOf('payment', 'reversal'),
      reverses_payment_id: nullable(uuid),
      status: oneOf('pending', 'succeeded', 'failed'),
      amount_minor: { type: 'integer', minimum: 1 },
      currency,
      received_at: instant,
      method: nullable(text(32)),
      external_reference: nullable(text(128)),
      idempotency_key: nullable(text(128)),
      allocated_fee_minor: money,
      allocated_interest_minor: money,
      allocated_principal_minor: money,
      carried_from_payment_id: nullable(uuid),
    },
  };

  static override relationMappings = (): RelationMappings => ({
    installment: {
      relation: TenantModel.BelongsToOneRelation,
      modelClass: 'contract-installment',
      join: tenantJoin('payments', 'installment_id', 'contract_installments', 'id'),
    },
    invoice: { relation: TenantModel.BelongsToOneRelation, modelClass: 'invoice', join: tenantJoin('payments', 'invoice_id', 'invoices', 'id') },
    contact: { relation: TenantModel.BelongsToOneRelation, modelClass: 'contact', join: tenantJoin('payments', 'contact_id', 'contacts', 'id') },
    bankAccount: {
      relation: TenantModel.BelongsToOneRelation,
      modelClass: 'bank-account',
      join: tenantJoin('payments', 'bank_account_id', 'bank_accounts', 'id'),
    },
    reversedPayment: {
      relation: TenantModel.BelongsToOneRelation,
      modelClass: 'payment',
      join: tenantJoin('payments', 'reverses_payment_id', 'payments', 'id'),
    },
    reversals: { relation: TenantModel.HasManyRelation, modelClass: 'payment', join: tenantJoin('payments', 'id', 'payments', 'reverses_payment_id') },
    statementEntries: {
      relation: TenantModel.HasManyRelation,
      modelClass: 'bank-statement-entry',
      join: tenantJoin('payments', 'id', 'bank_statement_entries', 'payment_id'),
    },
    ...hostAttachments('payment'),
  });
}
