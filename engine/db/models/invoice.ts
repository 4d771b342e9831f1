import type { RelationMappings } from 'objection';
import { hostAttachments } from './host-attachments';
import { calendarDate, currency, instant, money, nullable, oneOf, text, uuid } from './schema-fields';
import { TenantModel } from './tenant-model';
import { tenantJoin } from './tenant-join';
import type { Activity } from './activity';
import type { CalendarEvent } from './calendar-event';
import type { Contact } from './contact';
import type { Document } from './document';
import type { Payment } from './payment';
import type { Revenue } from './revenue';
import type { Subscription } from './subscription';
import type { Task } from './task';

/** A bill to a contact; total = subtotal + tax (checked by the database); numbers are unique per tenant. */
export class Invoice extends TenantModel {
  static override tableName = 'invoices';

  contact_id!: string;
  subscription_id!: string | null;
  invoice_number!: string;
  status!: 'draft' | 'open' | 'paid' | 'void' | 'uncollectible';
  currency!: string;
  subtotal_minor!: number;
  tax_minor!: number;
  total_minor!: number;
  amount_paid_minor!: number;
  issue_date!: string;
  due_date!: string;
  paid_at!: string | null;
  /** The business key of the flow step that created it (e.g. a subscription period), so a retry finds it again. */
  source_key!: string | null;

  contact?: Contact | null;
  subscription?: Subscription | null;
  payments?: Payment[];
  revenues?: Revenue[];
  documents?: Document[];
  calendarEvents?: CalendarEvent[];
  tasks?: Task[];
  attachedActivities?: Activity[];

  // Foreign keys are not in `required`: relation inserts set them after validation; NOT NULL still holds them.
  static override jsonSchema = {
    type: 'object',
    required: ['invoice_number', 'currency', 'issue_date', 'due_date'],
    properties: {
      contact_id: uuid,
      subscription_id: nullable(uuid),
      invoice_number: text(64),
      status: oneOf('draft', 'open', 'paid', 'void', 'uncollectible'),
      currency,
      subtotal_minor: money,
      tax_minor: money,
      total_minor: money,
      amount_paid_minor: money,
      issue_date: calendarDate,
      due_date: calendarDate,
      paid_at: nullable(instant),
      source_key: nullable(text(200)),
    },
  };

  static override relationMappings = (): RelationMappings => ({
    contact: { relation: TenantModel.BelongsToOneRelation, modelClass: 'contact', join: tenantJoin('invoices', 'contact_id', 'contacts', 'id') },
    subscription: {
      relation: TenantModel.BelongsToOneRelation,
      modelClass: 'subscription',
      join: tenantJoin('invoices', 'subscription_id', 'subscriptions', 'id'),
    },
    payments: { relation: TenantModel.HasManyRelation, modelClass: 'payment', join: tenantJoin('invoices', 'id', 'payments', 'invoice_id') },
    revenues: { relation: TenantModel.HasManyRelation, modelClass: 'revenue', join: tenantJoin('invoices', 'id', 'revenues', 'invoice_id') },
    ...hostAttachments('invoice'),
  });
}
