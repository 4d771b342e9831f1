import type { ActionDefinition } from '../action-definition';
import { tenantScope } from '../../engine/db/tenant-scope';
import { allocateInvoiceRevenue as allocate, type AllocateRevenueRequest } from '../../engine/billing/invoices';
import { dateField, roundingField, uuidField } from './input-fields';

export const allocateInvoiceRevenue: ActionDefinition<AllocateRevenueRequest> = {
  name: 'core.allocateInvoiceRevenue',
  description: "Books a paid invoice's revenue by revenue category and cost center, split by percentages; the last share takes the remainder so the rows sum exactly.",
  inputSchema: {
    type: 'object',
    required: ['invoiceId', 'allocations', 'recognizedOn'],
    additionalProperties: false,
    properties: {
      invoiceId: uuidField,
      recognizedOn: dateField,
      rounding: roundingField,
      allocations: {
        type: 'array',
        minItems: 1,
        maxItems: 50,
        items: {
          type: 'object',
          required: ['revenueCategory', 'costCenter', 'percent'],
          additionalProperties: false,
          properties: {
            revenueCategory: { type: 'string', minLength: 1, maxLength: 32 },
            costCenter: { type: 'string', minLength: 1, maxLength: 32 },
            percent: { type: 'string', pattern: '^\\d+(\\.\\d+)?$' },
          },
        },
      },
    },
  },
  execute: (input, context) => allocate(tenantScope(context.knex, context.companyId), input),
};
