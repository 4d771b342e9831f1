import type { ActionDefinition } from '../action-definition';
import { tenantScope } from '../../engine/db/tenant-scope';
import { accrueContractCharges as accrue } from '../../engine/billing/installments';

export const accrueContractCharges: ActionDefinition<{ contractId: string; asOf: string }> = {
  name: 'core.accrueContractCharges',
  description: "Brings every unpaid, past-due installment of a contract up to date as of a date: overdue, the late fee once, and interest to that date.",
  inputSchema: {
    type: 'object',
    required: ['contractId', 'asOf'],
    additionalProperties: false,
    properties: { contractId: { type: 'string', pattern: '^[0-9a-fA-F-]{36}$' }, asOf: { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$' } },
  },
  async execute(input, context) {
    return accrue(tenantScope(context.knex, context.companyId), input.contractId, input.asOf);
  },
};
