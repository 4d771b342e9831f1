import type { RelationMappings } from 'objection';
import { calendarDate, currency, money, nullable, text, uuid } from './schema-fields';
import { TenantModel } from './tenant-model';
import { tenantJoin } from './tenant-join';
import type { CostCenter } from './cost-center';
import type { Invoice } from './invoice';
import type { RevenueCategory } from './revenue-category';

/** Recognised income, classified by category and cost center; an invoice may be split across several. */
export class Revenue extends TenantModel {
  static override tableName = 'revenues';

  invoice_id!: string | null;
  revenue_category_id!: string;
  cost_center_id!: string;
  description!: string | null;
  amount_minor!: number;
  currency!: string;
  recognized_on!: string;

  invoice?: Invoice | null;
  category?: RevenueCategory | null;
  costCenter?: CostCenter | null;

  // Foreign keys are not in `required`: relation inserts set them after validation; NOT NULL still holds them.
  static override jsonSchema = {
    type: 'object',
    required: ['currency', 'recognized_on'],
    properties: {
      invoice_id: nullable(uuid),
      revenue_category_id: uuid,
      cost_center_id: uuid,
      description: nullable(text(300, 0)),
      amount_minor: money,
      currency,
      recognized_on: calendarDate,
    },
  };

  static override relationMappings = (): RelationMappings => ({
    invoice: { relation: TenantModel.BelongsToOneRelation, modelClass: 'invoice', join: tenantJoin('revenues', 'invoice_id', 'invoices', 'id') },
    category: {
      relation: TenantModel.BelongsToOneRelation,
      modelClass: 'revenue-category',
      join: tenantJoin('revenues', 'revenue_category_id', 'revenue_categories', 'id'),
    },
    costCenter: { relation: TenantModel.BelongsToOneRelation, modelClass: 'cost-center', join: tenantJoin('revenues', 'cost_center_id', 'cost_centers', 'id') },
  });
}
