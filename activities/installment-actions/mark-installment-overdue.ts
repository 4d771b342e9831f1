import type { ActionDefinition } from '../action-definition';
import { tenantScope } from '../../engine/db/tenant-scope';
import { markInstallmentOverdue as markOverdue } from '../../engine/billing/installments';

export const markInstallmentOverdue: ActionDefinition<{ installmentId: string; asOf: string }> = {
  name: 'core.markInstallmentOverdue',
  description: 'Marks an unpaid installment past its due date overdue (since the day after it), charging it when its grace period is over; returns it.',
  inputSchema: {
    type: 'object',
    required: ['installmentId', 'asOf'],
    additionalProperties: false,
    properties: { installmentId: { type: 'string', pattern: '^[0-9a-fA-F-]{36}$' }, asOf: { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$' } },
  },
  async execute(input, context) {
    return markOverdue(tenantScope(context.knex, context.companyId), input.installmentId, input.asOf);
  },
};
