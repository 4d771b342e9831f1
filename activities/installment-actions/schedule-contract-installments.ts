import type { ActionDefinition } from '../action-definition';
import { tenantScope } from '../../engine/db/tenant-scope';
import { createInstallmentSchedule } from '../../engine/billing/installments';

interface ScheduleInput {
  contractId: string;
  graceDays: number;
  lateFeePercent: string;
  monthlyInterestPercent: string;
  allocationOrder: string[];
}

const DECIMAL = '^\\d+(\\.\\d+)?$';

export const scheduleContractInstallments: ActionDefinition<ScheduleInput> = {
  name: 'core.scheduleContractInstallments',
  description: "Makes a contract's installments from its terms (idempotently), records the collection terms on it and activates it; returns the installments.",
  inputSchema: {
    type: 'object',
    required: ['contractId', 'graceDays', 'lateFeePercent', 'monthlyInterestPercent', 'allocationOrder'],
    additionalProperties: false,
    properties: {
      contractId: { type: 'string', pattern: '^[0-9a-fA-F-]{36}$' },
      graceDays: { type: 'integer', minimum: 0 },
      lateFeePercent: { type: 'string', pattern: DECIMAL },
      monthlyInterestPercent: { type: 'string', pattern: DECIMAL },
      allocationOrder: { type: 'array', items: { enum: ['fee', 'interest', 'principal'] }, minItems: 3, maxItems: 3, uniqueItems: true },
    },
  },
  async execute(input, context) {
    const { contractId, ...terms } = input;
    return createInstallmentSchedule(tenantScope(context.knex, context.companyId), contractId, terms);
  },
};
