import type { ActionDefinition } from '../action-definition';
import { tenantScope } from '../../engine/db/tenant-scope';
import { startSubscription as start, type StartSubscriptionRequest } from '../../engine/billing/subscriptions';
import { dateField, uuidField } from './input-fields';

export const startSubscription: ActionDefinition<StartSubscriptionRequest> = {
  name: 'core.startSubscription',
  description: "Dates a subscription's trial by the run's clock and returns what it bills: plan, amount, currency, months per period.",
  inputSchema: {
    type: 'object',
    required: ['subscriptionId', 'startDate', 'trialEndDate'],
    additionalProperties: false,
    properties: { subscriptionId: uuidField, startDate: dateField, trialEndDate: { anyOf: [dateField, { type: 'null' }] } },
  },
  execute: (input, context) => start(tenantScope(context.knex, context.companyId), input),
};
