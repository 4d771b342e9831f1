import type { RelationMappings } from 'objection';
import { instant, integer, nullable, oneOf, uuid } from './schema-fields';
import { TenantModel } from './tenant-model';
import { tenantJoin } from './tenant-join';
import type { Product } from './product';
import type { SaleItem } from './sale-item';

/** A signed change to a product's stock, optionally caused by a sale item. */
export class InventoryMovement extends TenantModel {
  static override tableName = 'inventory_movements';

  product_id!: string;
  sale_item_id!: string | null;
  quantity!: number;
  reason!: 'purchase' | 'sale' | 'adjustment' | 'return';
  occurred_at!: string;

  product?: Product | null;
  saleItem?: SaleItem | null;

  // Foreign keys are not in `required`: relation inserts set them after validation; NOT NULL still holds them.
  static override jsonSchema = {
    type: 'object',
    required: ['quantity', 'reason'],
    properties: {
      product_id: uuid,
      sale_item_id: nullable(uuid),
      quantity: { ...integer, not: { const: 0 } },
      reason: oneOf('purchase', 'sale', 'adjustment', 'return'),
      occurred_at: instant,
    },
  };

  static override relationMappings = (): RelationMappings => ({
    product: { relation: TenantModel.BelongsToOneRelation, modelClass: 'product', join: tenantJoin('inventory_movements', 'product_id', 'products', 'id') },
    saleItem: {
      relation: TenantModel.BelongsToOneRelation,
      modelClass: 'sale-item',
      join: tenantJoin('inventory_movements', 'sale_item_id', 'sale_items', 'id'),
    },
  });
}
