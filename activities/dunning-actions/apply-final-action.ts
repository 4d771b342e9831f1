import type { ActionDefinition } from '../action-definition';
import { applyDunningFinalAction, type DunningFinalAction } from '../../engine/billing/dunning';
import { tenantScope } from '../../engine/db/tenant-scope';
import { calendarDateField, roleKeyField, uuidField } from './input-fields';

interface ApplyFinalActionInput {
  invoiceId: string;
  action: DunningFinalAction;
  collectionsRole?: string;
  on: string;
}

export const applyFinalAction: ActionDefinition<ApplyFinalActionInput> = {
  name: 'core.applyDunningFinalAction',
  description: 'Ends dunning of a still-open invoice: suspends its past_due subscription (unpaid), marks it uncollectible or hands it to collections, then emits dunning.exhausted.',
  inputSchema: {
    type: 'object',
    required: ['invoiceId', 'action', 'on'],
    additionalProperties: false,
    properties: {
      invoiceId: uuidField, action: { enum: ['suspendSubscription', 'markUncollectible', 'collectionsTask'] },
      collectionsRole: roleKeyField, on: calendarDateField,
    },
  },
  async execute(input, context) {
    return applyDunningFinalAction(tenantScope(context.knex, context.companyId), {
      invoiceId: input.invoiceId, action: input.action, attemptedOn: input.on, workflowId: context.workflowId,
      ...(input.collectionsRole ? { collectionsRole: input.collectionsRole } : {}),
    });
  },
};
