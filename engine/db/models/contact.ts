import type { RelationMappings } from 'objection';
import { attachmentsOf } from './attachment-relation';
import { TenantModel } from './tenant-model';
import { tenantJoin } from './tenant-join';

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
    documents: attachmentsOf('contact', 'documents', 'document'),
    tasks: attachmentsOf('contact', 'tasks', 'task'),
  });
}
