import type { ActionDefinition } from '../action-definition';
import { tenantScope } from '../../engine/db/tenant-scope';
import { SUBSCRIPTION_STATUSES, setSubscriptionStatus as setStatus, type StatusChangeRequest } from '../../engine/billing/subscriptions';
import { instantField, uuidField } from './input-fields';

export const setSubscriptionStatus: ActionDefinition<StatusChangeRequest> = {
  name: 'core.setSubscriptionStatus',
  description: 'Moves a subscription to another status along the documented transitions (definitions/subscription-states.md).',
  inputSchema: {
    type: 'object',
    required: ['subscriptionId', 'status', 'at'],
    additionalProperties: false,
    properties: { subscriptionId: uuidField, status: { enum: [...SUBSCRIPTION_STATUSES] }, at: instantField },
  },
  execute: (input, context) => setStatus(tenantScope(context.knex, context.companyId), input),
};
