import type { RelationMappings } from 'objection';
import { hostAttachments } from './host-attachments';
import { calendarDate, currency, instant, integer, jsonObject, money, nullable, oneOf, text, uuid } from './schema-fields';
import { TenantModel } from './tenant-model';
import { tenantJoin } from './tenant-join';
import type { Activity } from './activity';
import type { CalendarEvent } from './calendar-event';
import type { Contact } from './contact';
import type { ContractInstallment } from './contract-installment';
import type { Document } from './document';
import type { Task } from './task';

/** An agreement with a contact, paid in installments every interval_count interval_units from first_due_date. */
export class Contract extends TenantModel {
  static override tableName = 'contracts';

  contact_id!: string;
  contract_number!: string;
  title!: string;
  status!: 'draft' | 'active' | 'completed' | 'canceled';
  currency!: string;
  total_minor!: number;
  installment_count!: number;
  first_due_date!: string;
  interval_unit!: 'day' | 'week' | 'month';
  interval_count!: number;
  signed_at!: string | null;
  canceled_at!: string | null;
  /** The terms the installments are collected on (grace days, late fee, interest, allocation order); see engine/billing/installments. */
  collection_terms!: Record<string, unknown> | null;

  contact?: Contact | null;
  installments?: ContractInstallment[];
  documents?: Document[];
  calendarEvents?: CalendarEvent[];
  tasks?: Task[];
  attachedActivities?: Activity[];

  // Foreign keys are not in `required`: relation inserts set them after validation; NOT NULL still holds them.
  static override jsonSchema = {
    type: 'object',
    required: ['contract_number', 'title', 'currency', 'installment_count', 'first_due_date'],
    properties: {
      contact_id: uuid,
      contract_number: text(64),
      title: text(200),
      status: oneOf('draft', 'active', 'completed', 'canceled'),
      currency,
      total_minor: money,
      installment_count: { ...integer, minimum: 1 },
      first_due_date: calendarDate,
      interval_unit: oneOf('day', 'week', 'month'),
      interval_count: { ...integer, minimum: 1 },
      signed_at: nullable(instant),
      canceled_at: nullable(instant),
      collection_terms: nullable(jsonObject),
    },
  };

  static override relationMappings = (): RelationMappings => ({
    contact: { relation: TenantModel.BelongsToOneRelation, modelClass: 'contact', join: tenantJoin('contracts', 'contact_id', 'contacts', 'id') },
    installments: {
      relation: TenantModel.HasManyRelation,
      modelClass: 'contract-installment',
      join: tenantJoin('contracts', 'id', 'contract_installments', 'contract_id'),
    },
    ...hostAttachments('contract'),
  });
}
