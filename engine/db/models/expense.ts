import type { RelationMappings } from 'objection';
import { hostAttachments } from './host-attachments';
import { calendarDate, currency, money, nullable, oneOf, text, uuid } from './schema-fields';
import { TenantModel } from './tenant-model';
import { tenantJoin } from './tenant-join';
import type { Activity } from './activity';
import type { CalendarEvent } from './calendar-event';
import type { CostCenter } from './cost-center';
import type { Document } from './document';
import type { ExpenseCategory } from './expense-category';
import type { Task } from './task';

/** Money spent, classified by category and charged to a cost center. */
export class Expense extends TenantModel {
  static override tableName = 'expenses';

  expense_category_id!: string;
  cost_center_id!: string;
  description!: string;
  vendor_name!: string | null;
  amount_minor!: number;
  currency!: string;
  incurred_on!: string;
  status!: 'recorded' | 'approved' | 'paid' | 'rejected';

  category?: ExpenseCategory | null;
  costCenter?: CostCenter | null;
  documents?: Document[];
  calendarEvents?: CalendarEvent[];
  tasks?: Task[];
  attachedActivities?: Activity[];

  // Foreign keys are not in `required`: relation inserts set them after validation; NOT NULL still holds them.
  static override jsonSchema = {
    type: 'object',
    required: ['description', 'currency', 'incurred_on'],
    properties: {
      expense_category_id: uuid,
      cost_center_id: uuid,
      description: text(300),
      vendor_name: nullable(text(200)),
      amount_minor: money,
      currency,
      incurred_on: calendarDate,
      status: oneOf('recorded', 'approved', 'paid', 'rejected'),
    },
  };

  static override relationMappings = (): RelationMappings => ({
    category: {
      relation: TenantModel.BelongsToOneRelation,
      modelClass: 'expense-category',
      join: tenantJoin('expenses', 'expense_category_id', 'expense_categories', 'id'),
    },
    costCenter: { relation: TenantModel.BelongsToOneRelation, modelClass: 'cost-center', join: tenantJoin('expenses', 'cost_center_id', 'cost_centers', 'id') },
    ...hostAttachments('expense'),
  });
}
