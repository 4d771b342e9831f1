import type { ActionDefinition } from '../action-definition';
import { tenantScope } from '../../engine/db/tenant-scope';
import { renewSubscription as renew, type RenewSubscriptionRequest } from '../../engine/billing/subscriptions';
import { dateField, uuidField } from './input-fields';

export const renewSubscription: ActionDefinition<RenewSubscriptionRequest> = {
  name: 'core.renewSubscription',
  description: "Begins a billing period: applies a booked plan change, records the period and issues its invoice (next number, pending proration lines included). Once per period.",
  inputSchema: {
    type: 'object',
    required: ['subscriptionId', 'planId', 'periodStart', 'periodEnd', 'issueDate', 'dueDate'],
    additionalProperties: false,
    properties: { subscriptionId: uuidField, planId: uuidField, periodStart: dateField, periodEnd: dateField, issueDate: dateField, dueDate: dateField },
  },
  execute: (input, context) => renew(tenantScope(context.knex, context.companyId), input),
};
