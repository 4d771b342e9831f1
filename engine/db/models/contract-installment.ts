import type { RelationMappings } from 'objection';
import { hostAttachments } from './host-attachments';
import { calendarDate, currency, instant, integer, money, nullable, oneOf, signedMoney, uuid } from './schema-fields';
import { TenantModel } from './tenant-model';
import { tenantJoin } from './tenant-join';
import type { Activity } from './activity';
import type { CalendarEvent } from './calendar-event';
import type { Contract } from './contract';
import type { Document } from './document';
import type { Payment } from './payment';
import type { Task } from './task';

/**
 * One parcel of a contract's schedule. paid_minor, status (except canceled) and settled_at are derived
 * from succeeded payments by a database trigger: whatever the application writes there is recomputed.
 */
export class ContractInstallment extends TenantModel {
  static override tableName = 'contract_installments';

  contract_id!: string;
  sequence!: number;
  due_date!: string;
  currency!: string;
  principal_minor!: number;
  fee_minor!: number;
  interest_minor!: number;
  paid_minor!: number;
  status!: 'open' | 'partially_paid' | 'overdue' | 'paid' | 'canceled';
  overdue_since!: string | null;
  settled_at!: string | null;
  /** The date through which the late fee and interest were accrued; null until the first charge. */
  charges_accrued_through!: string | null;

  contract?: Contract | null;
  payments?: Payment[];
  documents?: Document[];
  calendarEvents?: CalendarEvent[];
  tasks?: Task[];
  attachedActivities?: Activity[];

  // Foreign keys are not in `required`: relation inserts set them after validation; NOT NULL still holds them.
  static override jsonSchema = {
    type: 'object',
    required: ['sequence', 'due_date', 'currency'],
    properties: {
      contract_id: uuid,
      sequence: { ...integer, minimum: 1 },
      due_date: calendarDate,
      currency,
      principal_minor: money,
      fee_minor: money,
      interest_minor: money,
      paid_minor: signedMoney,
      status: oneOf('open', 'partially_paid', 'overdue', 'paid', 'canceled'),
      overdue_since: nullable(calendarDate),
      settled_at: nullable(instant),
      charges_accrued_through: nullable(calendarDate),
    },
  };

  static override relationMappings = (): RelationMappings => ({
    contract: {
      relation: TenantModel.BelongsToOneRelation,
      modelClass: 'contract',
      join: tenantJoin('contract_installments', 'contract_id', 'contracts', 'id'),
    },
    payments: { relation: TenantModel.HasManyRelation, modelClass: 'payment', join: tenantJoin('contract_installments', 'id', 'payments', 'installment_id') },
    ...hostAttachments('contract_installment'),
  });
}
