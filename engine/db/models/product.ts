import type { RelationMappings } from 'objection';
import { hostAttachments } from './host-attachments';
import { boolean, currency, money, nullable, text } from './schema-fields';
import { TenantModel } from './tenant-model';
import { tenantJoin } from './tenant-join';
import type { Activity } from './activity';
import type { CalendarEvent } from './calendar-event';
import type { Company } from './company';
import type { Document } from './document';
import type { InventoryMovement } from './inventory-movement';
import type { SaleItem } from './sale-item';
import type { Task } from './task';

/** A stocked item in a tenant's catalogue; sku is unique per tenant. */
export class Product extends TenantModel {
  static override tableName = 'products';

  sku!: string;
  name!: string;
  description!: string | null;
  unit_price_minor!: number;
  currency!: string;
  active!: boolean;

  company?: Company | null;
  saleItems?: SaleItem[];
  inventoryMovements?: InventoryMovement[];
  documents?: Document[];
  calendarEvents?: CalendarEvent[];
  tasks?: Task[];
  attachedActivities?: Activity[];

  static override jsonSchema = {
    type: 'object',
    required: ['sku', 'name', 'currency'],
    properties: {
      sku: text(64),
      name: text(200),
      description: nullable(text(undefined, 0)),
      unit_price_minor: money,
      currency,
      active: boolean,
    },
  };

  static override relationMappings = (): RelationMappings => ({
    company: { relation: TenantModel.BelongsToOneRelation, modelClass: 'company', join: { from: 'products.company_id', to: 'companies.id' } },
    saleItems: { relation: TenantModel.HasManyRelation, modelClass: 'sale-item', join: tenantJoin('products', 'id', 'sale_items', 'product_id') },
    inventoryMovements: {
      relation: TenantModel.HasManyRelation,
      modelClass: 'inventory-movement',
      join: tenantJoin('products', 'id', 'inventory_movements', 'product_id'),
    },
    ...hostAttachments('product'),
  });
}
