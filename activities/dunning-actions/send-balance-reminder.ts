import type { ActionDefinition } from '../action-definition';
import { sendEmail } from '../core-actions/send-email';
import { balancesAtThreshold, contactOverdueBalances, dunningKeys, OVERDUE_BALANCE_TEMPLATE_NAME, recordDunningAttempt, renderDunningMessage } from '../../engine/billing/dunning';
import { DataError } from '../../engine/db/errors/tenant-errors';
import { formatMoney } from '../../engine/email/render-template';
import { thresholdsField } from './check-overdue-balance';
import { calendarDateField, indexField, templateNameField, uuidField } from './input-fields';

interface SendBalanceReminderInput {
  contactId: string;
  /** Which campaign of this contact (it starts again after the balance was cleared) and which attempt in it. */
  campaign: number;
  attempt: number;
  thresholds: Record<string, number>;
  on: string;
  template?: string;
}

/**
 * One attempt of a balance campaign: emails the contact the overdue amounts of every currency at or above its threshold,
 * once per campaign and attempt, and records one attempt row per currency. Below every threshold, nothing is sent.
 */
export const sendBalanceReminder: ActionDefinition<SendBalanceReminderInput> = {
  name: 'core.sendOverdueBalanceReminder',
  description: "Emails a contact their overdue balance in each currency at or above its threshold, once per campaign attempt.",
  inputSchema: {
    type: 'object',
    required: ['contactId', 'campaign', 'attempt', 'thresholds', 'on'],
    additionalProperties: false,
    properties: { contactId: uuidField, campaign: indexField, attempt: indexField, thresholds: thresholdsField, on: calendarDateField, template: templateNameField },
  },
  async execute(input, context) {
    const due = balancesAtThreshold(await contactOverdueBalances(context.knex, context.companyId, input.contactId, input.on), input.thresholds);
    if (due.length === 0) return { outcome: 'skipped' };
    const contact = await context.knex('contacts').where({ company_id: context.companyId, id: input.contactId }).first('name', 'email');
    if (!contact) throw new DataError(`No contact ${input.contactId} in this tenant`, 404, 'contact_not_found');
    const dedupeKey = dunningKeys.balanceReminder(input.contactId, input.campaign, input.attempt);
    const balances = due.map((b) => `${formatMoney(b.overdueMinor, b.currency)} across ${b.invoiceCount} invoice${b.invoiceCount === 1 ? '' : 's'}`).join('\n');
    const message = await renderDunningMessage(context.knex, context.companyId, input.template ?? OVERDUE_BALANCE_TEMPLATE_NAME, { customerName: contact.name, balances });
    const outcome = contact.email ? 'sent' : 'failed';
    if (contact.email) await sendEmail.execute({ to: contact.email, subject: message.subject, text: message.text, dedupeKey }, context);
    for (const balance of due) {
      await recordDunningAttempt(context.knex, context.companyId, {
        invoiceId: null, contactId: input.contactId, kind: 'balance_reminder', sequence: input.attempt, channel: 'email', outcome, attemptedOn: input.on,
        amountDueMinor: balance.overdueMinor, currency: balance.currency, workflowId: context.workflowId, dedupeKey: `${dedupeKey}:${balance.currency}`,
        detail: contact.email ? `${balance.invoiceCount} overdue invoice(s)` : 'the contact has no email address',
      });
    }
    return { outcome, currencies: due.map((b) => b.currency) };
  },
};
