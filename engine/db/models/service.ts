import type { RelationMappings } from 'objection';
import { hostAttachments } from './host-attachments';
import { boolean, currency, money, nullable, oneOf, text } from './schema-fields';
import { TenantModel } from './tenant-model';
import { tenantJoin } from './tenant-join';
import type { Activity } from './activity';
import type { CalendarEvent } from './calendar-event';
import type { Company } from './company';
import type { Document } from './document';
import type { SaleItem } from './sale-item';
import type { Task } from './task';

/** A billable service in a tenant's catalogue, priced per billing unit. */
export class Service extends TenantModel {
  static override tableName = 'services';

  code!: string | null;
  name!: string;
  description!: string | null;
  unit_price_minor!: number;
  currency!: string;
  billing_unit!: 'unit' | 'hour' | 'day' | 'month';
  active!: boolean;

  company?: Company | null;
  saleItems?: SaleItem[];
  documents?: Document[];
  calendarEvents?: CalendarEvent[];
  tasks?: Task[];
  attachedActivities?: Activity[];

  static override jsonSchema = {
    type: 'object',
    required: ['name', 'currency'],
    properties: {
      code: nullable(text(64)),
      name: text(200),
      description: nullable(text(undefined, 0)),
      unit_price_minor: money,
      currency,
      billing_unit: oneOf('unit', 'hour', 'day', 'month'),
      active: boolean,
    },
  };

  static override relationMappings = (): RelationMappings => ({
    company: { relation: TenantModel.BelongsToOneRelation, modelClass: 'company', join: { from: 'services.company_id', to: 'companies.id' } },
    saleItems: { relation: TenantModel.HasManyRelation, modelClass: 'sale-item', join: tenantJoin('services', 'id', 'sale_items', 'service_id') },
    ...hostAttachments('service'),
  });
}
