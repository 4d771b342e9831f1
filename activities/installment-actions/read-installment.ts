import type { ActionDefinition } from '../action-definition';
import { tenantScope } from '../../engine/db/tenant-scope';
import { describeInstallment } from '../../engine/billing/installments';

export const readInstallment: ActionDefinition<{ installmentId: string }> = {
  name: 'core.readInstallment',
  description: 'Reads an installment as it stands: status, whether it is settled, amounts due, and the data its emails need.',
  inputSchema: {
    type: 'object',
    required: ['installmentId'],
    additionalProperties: false,
    properties: { installmentId: { type: 'string', pattern: '^[0-9a-fA-F-]{36}$' } },
  },
  async execute(input, context) {
    const scope = tenantScope(context.knex, context.companyId);
    return describeInstallment(scope.knex, scope.companyId, input.installmentId);
  },
};
