import type { ActionDefinition } from '../action-definition';
import { balancesAtThreshold, contactOverdueBalances } from '../../engine/billing/dunning';
import { calendarDateField, uuidField } from './input-fields';

interface CheckOverdueBalanceInput {
  contactId: string;
  /** Minor units per currency, e.g. { "EUR": 50000 }; a currency without a threshold is never acted on. */
  thresholds: Record<string, number>;
  on: string;
}

export const thresholdsField = { type: 'object', propertyNames: { pattern: '^[A-Z]{3}$' }, additionalProperties: { type: 'integer', minimum: 1 } };

export const checkOverdueBalance: ActionDefinition<CheckOverdueBalanceInput> = {
  name: 'core.checkOverdueBalance',
  description: "Sums a contact's overdue open invoices per currency and says which currencies are at or above their threshold.",
  inputSchema: {
    type: 'object',
    required: ['contactId', 'thresholds', 'on'],
    additionalProperties: false,
    properties: { contactId: uuidField, thresholds: thresholdsField, on: calendarDateField },
  },
  async execute(input, context) {
    const balances = await contactOverdueBalances(context.knex, context.companyId, input.contactId, input.on);
    const atThreshold = balancesAtThreshold(balances, input.thresholds);
    return { balances, atThreshold, anyOverdue: balances.length > 0, anyAtThreshold: atThreshold.length > 0 };
  },
};
