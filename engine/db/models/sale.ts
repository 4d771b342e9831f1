import type { RelationMappings } from 'objection';
import { hostAttachments } from './host-attachments';
import { currency, instant, money, nullable, oneOf, text, uuid } from './schema-fields';
import { TenantModel } from './tenant-model';
import { tenantJoin } from './tenant-join';
import type { Activity } from './activity';
import type { CalendarEvent } from './calendar-event';
import type { Contact } from './contact';
import type { Document } from './document';
import type { SaleItem } from './sale-item';
import type { Task } from './task';

/** An order from a contact, made of sale items. */
export class Sale extends TenantModel {
  static override tableName = 'sales';

  contact_id!: string;
  sale_number!: string;
  status!: 'draft' | 'confirmed' | 'fulfilled' | 'canceled';
  currency!: string;
  total_minor!: number;
  sold_at!: string | null;

  contact?: Contact | null;
  items?: SaleItem[];
  documents?: Document[];
  calendarEvents?: CalendarEvent[];
  tasks?: Task[];
  attachedActivities?: Activity[];

  // Foreign keys are not in `required`: relation inserts set them after validation; NOT NULL still holds them.
  static override jsonSchema = {
    type: 'object',
    required: ['sale_number', 'currency'],
    properties: {
      contact_id: uuid,
      sale_number: text(64),
      status: oneOf('draft', 'confirmed', 'fulfilled', 'canceled'),
      currency,
      total_minor: money,
      sold_at: nullable(instant),
    },
  };

  static override relationMappings = (): RelationMappings => ({
    contact: { relation: TenantModel.BelongsToOneRelation, modelClass: 'contact', join: tenantJoin('sales', 'contact_id', 'contacts', 'id') },
    items: { relation: TenantModel.HasManyRelation, modelClass: 'sale-item', join: tenantJoin('sales', 'id', 'sale_items', 'sale_id') },
    ...hostAttachments('sale'),
  });
}
