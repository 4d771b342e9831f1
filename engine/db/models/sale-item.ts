import type { RelationMappings } from 'objection';
import { currency, decimal, money, nullable, text, uuid } from './schema-fields';
import { TenantModel } from './tenant-model';
import { tenantJoin } from './tenant-join';
import type { InventoryMovement } from './inventory-movement';
import type { Product } from './product';
import type { Sale } from './sale';
import type { Service } from './service';

/** One line of a sale: exactly one of product_id and service_id is set (checked by the database). */
export class SaleItem extends TenantModel {
  static override tableName = 'sale_items';

  sale_id!: string;
  product_id!: string | null;
  service_id!: string | null;
  description!: string | null;
  /** numeric(14,4), as a decimal string. */
  quantity!: string;
  unit_price_minor!: number;
  total_minor!: number;
  currency!: string;

  sale?: Sale | null;
  product?: Product | null;
  service?: Service | null;
  inventoryMovements?: InventoryMovement[];

  // Foreign keys are not in `required`: relation inserts set them after validation; NOT NULL still holds them.
  static override jsonSchema = {
    type: 'object',
    required: ['quantity', 'currency'],
    properties: {
      sale_id: uuid,
      product_id: nullable(uuid),
      service_id: nullable(uuid),
      description: nullable(text(300, 0)),
      quantity: decimal,
      unit_price_minor: money,
      total_minor: money,
      currency,
    },
  };

  static override relationMappings = (): RelationMappings => ({
    sale: { relation: TenantModel.BelongsToOneRelation, modelClass: 'sale', join: tenantJoin('sale_items', 'sale_id', 'sales', 'id') },
    product: { relation: TenantModel.BelongsToOneRelation, modelClass: 'product', join: tenantJoin('sale_items', 'product_id', 'products', 'id') },
    service: { relation: TenantModel.BelongsToOneRelation, modelClass: 'service', join: tenantJoin('sale_items', 'service_id', 'services', 'id') },
    inventoryMovements: {
      relation: TenantModel.HasManyRelation,
      modelClass: 'inventory-movement',
      join: tenantJoin('sale_items', 'id', 'inventory_movements', 'sale_item_id'),
    },
  });
}
