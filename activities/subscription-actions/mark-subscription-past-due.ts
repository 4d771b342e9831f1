import type { ActionDefinition } from '../action-definition';
import { tenantScope } from '../../engine/db/tenant-scope';
import { markPastDue, type MarkPastDueRequest } from '../../engine/billing/subscriptions';
import { instantField, uuidField } from './input-fields';

export const markSubscriptionPastDue: ActionDefinition<MarkPastDueRequest> = {
  name: 'core.markSubscriptionPastDue',
  description: 'Makes the subscription past_due for an invoice unpaid after its due date and emits invoice.overdue, which starts dunning.',
  inputSchema: {
    type: 'object',
    required: ['subscriptionId', 'invoiceId', 'at'],
    additionalProperties: false,
    properties: { subscriptionId: uuidField, invoiceId: uuidField, at: instantField },
  },
  execute: (input, context) => markPastDue(tenantScope(context.knex, context.companyId), input),
};
