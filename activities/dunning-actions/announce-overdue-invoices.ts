import type { ActionDefinition } from '../action-definition';
import { emitOverdueInvoiceEvents } from '../../engine/billing/dunning';
import { tenantScope } from '../../engine/db/tenant-scope';
import { calendarDateField } from './input-fields';

export const announceOverdueInvoices: ActionDefinition<{ on: string }> = {
  name: 'core.announceOverdueInvoices',
  description: 'Emits invoice.overdue, once per invoice, for every open invoice still owing money after its due date; that starts dunning.',
  inputSchema: { type: 'object', required: ['on'], additionalProperties: false, properties: { on: calendarDateField } },
  async execute(input, context) {
    return emitOverdueInvoiceEvents(tenantScope(context.knex, context.companyId), input.on);
  },
};
