import type { ActionDefinition } from '../action-definition';
import { tenantScope } from '../../engine/db/tenant-scope';
import { changePlanNow, type ChangePlanNowRequest } from '../../engine/billing/subscriptions';
import { dateField, roundingField, uuidField } from './input-fields';

export const changeSubscriptionPlan: ActionDefinition<ChangePlanNowRequest> = {
  name: 'core.changeSubscriptionPlan',
  description: 'Switches the plan now and books the proration (credit for the old plan, charge for the new, by days left) for the next invoice.',
  inputSchema: {
    type: 'object',
    required: ['subscriptionId', 'planId', 'changeDate', 'requestId', 'rounding'],
    additionalProperties: false,
    properties: { subscriptionId: uuidField, planId: uuidField, changeDate: dateField, requestId: { type: 'string', minLength: 1, maxLength: 64 }, rounding: roundingField },
  },
  execute: (input, context) => changePlanNow(tenantScope(context.knex, context.companyId), input),
};
