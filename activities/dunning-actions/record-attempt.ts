import type { ActionDefinition } from '../action-definition';
import { dunningKeys, loadInvoiceDunningFacts, recordDunningAttempt } from '../../engine/billing/dunning';
import { InvoiceNotFoundError } from '../../engine/billing/invoice-payments';
import { calendarDateField, indexField, uuidField } from './input-fields';

interface RecordAttemptInput {
  invoiceId: string;
  kind: 'reminder' | 'payment_retry';
  sequence: number;
  channel: string;
  outcome: 'failed' | 'declined';
  detail?: string;
  on: string;
}

/** Records a step that did not go through (a declined retry, a reminder whose sends ran out of attempts), so the timeline has no gaps. */
export const recordAttempt: ActionDefinition<RecordAttemptInput> = {
  name: 'core.recordDunningAttempt',
  description: 'Records a dunning step that failed or was declined on the invoice’s dunning timeline, once per invoice and step.',
  inputSchema: {
    type: 'object',
    required: ['invoiceId', 'kind', 'sequence', 'channel', 'outcome', 'on'],
    additionalProperties: false,
    properties: {
      invoiceId: uuidField, kind: { enum: ['reminder', 'payment_retry'] }, sequence: indexField, channel: { type: 'string', minLength: 1, maxLength: 32 },
      outcome: { enum: ['failed', 'declined'] }, detail: { type: 'string', maxLength: 2000 }, on: calendarDateField,
    },
  },
  async execute(input, context) {
    const facts = await loadInvoiceDunningFacts(context.knex, context.companyId, input.invoiceId);
    if (!facts) throw new InvoiceNotFoundError('invoice', input.invoiceId);
    const dedupeKey = input.kind === 'reminder' ? dunningKeys.reminder(input.invoiceId, input.sequence) : dunningKeys.paymentRetry(input.invoiceId, input.sequence);
    await recordDunningAttempt(context.knex, context.companyId, {
      invoiceId: facts.invoiceId, contactId: facts.contactId, kind: input.kind, sequence: input.sequence, channel: input.channel, outcome: input.outcome,
      attemptedOn: input.on, amountDueMinor: facts.amountDueMinor, currency: facts.currency, workflowId: context.workflowId, dedupeKey,
      ...(input.detail ? { detail: input.detail } : {}),
    });
    return { recorded: dedupeKey };
  },
};
