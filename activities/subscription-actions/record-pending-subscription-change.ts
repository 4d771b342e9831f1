import type { ActionDefinition } from '../action-definition';
import { tenantScope } from '../../engine/db/tenant-scope';
import { recordPendingChange, type PendingChangeRequest } from '../../engine/billing/subscriptions';
import { uuidField } from './input-fields';

export const recordPendingSubscriptionChange: ActionDefinition<PendingChangeRequest> = {
  name: 'core.recordPendingSubscriptionChange',
  description: 'Books the changes that take effect at the end of the period (a plan, a cancellation), or withdraws them.',
  inputSchema: {
    type: 'object',
    required: ['subscriptionId', 'pendingPlanId', 'cancelAtPeriodEnd'],
    additionalProperties: false,
    properties: { subscriptionId: uuidField, pendingPlanId: { anyOf: [uuidField, { type: 'null' }] }, cancelAtPeriodEnd: { type: 'boolean' } },
  },
  execute: (input, context) => recordPendingChange(tenantScope(context.knex, context.companyId), input),
};
