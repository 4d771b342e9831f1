import type { ActionDefinition } from '../action-definition';
import { tenantScope } from '../../engine/db/tenant-scope';
import { completeContractIfSettled as complete } from '../../engine/billing/installments';

export const completeContractIfSettled: ActionDefinition<{ contractId: string }> = {
  name: 'core.completeContractIfSettled',
  description: 'Completes the contract (contract.completed) when every installment is settled; otherwise returns how many are open.',
  inputSchema: {
    type: 'object',
    required: ['contractId'],
    additionalProperties: false,
    properties: { contractId: { type: 'string', pattern: '^[0-9a-fA-F-]{36}$' } },
  },
  async execute(input, context) {
    return complete(tenantScope(context.knex, context.companyId), input.contractId);
  },
};
