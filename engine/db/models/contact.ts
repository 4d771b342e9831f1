import type { RelationMappings } from 'objection';
import { hostAttachments } from './host-attachments';
import { TenantModel } from './tenant-model';
import { tenantJoin } from './tenant-join';
import type { Activity } from './activity';
import type { CalendarEvent } from './calendar-event';
import type { Company } from './company';
import type { Contract } from './contract';
import type { Deal } from './deal';
import type { Document } from './document';
import type { Invoice } from './invoice';
import type { Payment } from './payment';
import type { Sale } from './sale';
import type { Subscription } from './subscription';
import type { Task } from './task';

/** A customer or prospect: every customer-facing record (deal, invoice, contract, sale) hangs off a contact. */
export class Contact extends TenantModel {
  static override tableName = 'contacts';

  kind!: 'person' | 'organization';
  name!: string;
  email!: string | null;
  phone!: string | null;
  tax_id!: string | null;
  address!: Record<string, unknown> | null;
  status!: 'lead' | 'active' | 'archived';

  deals?: Deal[];
  invoices?: Invoice[];
  contracts?: Contract[];
  sales?: Sale[];
  activities?: Activity[];
  payments?: Payment[];
  subscriptions?: Subscription[];
  company?: Company | null;
  documents?: Document[];
  calendarEvents?: CalendarEvent[];
  tasks?: Task[];
  attachedActivities?: Activity[];

  static override jsonSchema = {
    type: 'object',
    required: ['name'],
    properties: {
      kind: { enum: ['person', 'organization'] },
      name: { type: 'string', minLength: 1, maxLength: 200 },
      email: { type: ['string', 'null'], maxLength: 254 },
      phone: { type: ['string', 'null'], maxLength: 40 },
      tax_id: { type: ['string', 'null'], maxLength: 64 },
      address: { type: ['object', 'null'] },
      status: { enum: ['lead', 'active', 'archived'] },
    },
  };

  static override relationMappings = (): RelationMappings => ({
    deals: { relation: TenantModel.HasManyRelation, modelClass: 'deal', join: tenantJoin('contacts', 'id', 'deals', 'contact_id') },
    invoices: { relation: TenantModel.HasManyRelation, modelClass: 'invoice', join: tenantJoin('contacts', 'id', 'invoices', 'contact_id') },
    contracts: { relation: TenantModel.HasManyRelation, modelClass: 'contract', join: tenantJoin('contacts', 'id', 'contracts', 'contact_id') },
    sales: { relation: TenantModel.HasManyRelation, modelClass: 'sale', join: tenantJoin('contacts', 'id', 'sales', 'contact_id') },
    activities: { relation: TenantModel.HasManyRelation, modelClass: 'activity', join: tenantJoin('contacts', 'id', 'activities', 'contact_id') },
    payments: { relation: TenantModel.HasManyRelation, modelClass: 'payment', join: tenantJoin('contacts', 'id', 'payments', 'contact_id') },
    subscriptions: {
      relation: TenantModel.HasManyRelation,
      modelClass: 'subscription',
      join: tenantJoin('contacts', 'id', 'subscriptions', 'contact_id'),
    },
    company: { relation: TenantModel.BelongsToOneRelation, modelClass: 'company', join: { from: 'contacts.company_id', to: 'companies.id' } },
    ...hostAttachments('contact'),
  });
}
