import type { RelationMappings } from 'objection';
import { hostAttachments } from './host-attachments';
import { boolean, calendarDate, instant, nullable, oneOf, uuid } from './schema-fields';
import { TenantModel } from './tenant-model';
import { tenantJoin } from './tenant-join';
import type { Activity } from './activity';
import type { CalendarEvent } from './calendar-event';
import type { Company } from './company';
import type { Contact } from './contact';
import type { Document } from './document';
import type { Invoice } from './invoice';
import type { Plan } from './plan';
import type { Task } from './task';

/** A company's subscription to a plan; at most one that is not canceled per company. */
export class Subscription extends TenantModel {
  static override tableName = 'subscriptions';

  plan_id!: string;
  contact_id!: string | null;
  status!: 'trialing' | 'active' | 'past_due' | 'paused' | 'canceled' | 'unpaid';
  started_at!: string;
  trial_ends_at!: string | null;
  current_period_start!: string | null;
  current_period_end!: string | null;
  cancel_at_period_end!: boolean;
  canceled_at!: string | null;
  ended_at!: string | null;
  /** A plan change booked for the end of the current period; withdrawn by setting it back to null. */
  pending_plan_id!: string | null;

  company?: Company | null;
  plan?: Plan | null;
  contact?: Contact | null;
  invoices?: Invoice[];
  documents?: Document[];
  calendarEvents?: CalendarEvent[];
  tasks?: Task[];
  attachedActivities?: Activity[];

  // Foreign keys are not in `required`: relation inserts set them after validation; NOT NULL still holds them.
  static override jsonSchema = {
    type: 'object',
    required: ['status'],
    properties: {
      plan_id: uuid,
      contact_id: nullable(uuid),
      status: oneOf('trialing', 'active', 'past_due', 'paused', 'canceled', 'unpaid'),
      started_at: instant,
      trial_ends_at: nullable(instant),
      current_period_start: nullable(calendarDate),
      current_period_end: nullable(calendarDate),
      cancel_at_period_end: boolean,
      canceled_at: nullable(instant),
      ended_at: nullable(instant),
      pending_plan_id: nullable(uuid),
    },
  };

  static override relationMappings = (): RelationMappings => ({
    company: { relation: TenantModel.BelongsToOneRelation, modelClass: 'company', join: { from: 'subscriptions.company_id', to: 'companies.id' } },
    // plans are global, so this is the one tenant-row relation joined on a plain key.
    plan: { relation: TenantModel.BelongsToOneRelation, modelClass: 'plan', join: { from: 'subscriptions.plan_id', to: 'plans.id' } },
    contact: { relation: TenantModel.BelongsToOneRelation, modelClass: 'contact', join: tenantJoin('subscriptions', 'contact_id', 'contacts', 'id') },
    invoices: { relation: TenantModel.HasManyRelation, modelClass: 'invoice', join: tenantJoin('subscriptions', 'id', 'invoices', 'subscription_id') },
    ...hostAttachments('subscription'),
  });
}
