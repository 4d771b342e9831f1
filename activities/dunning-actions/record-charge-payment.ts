import type { ActionDefinition } from '../action-definition';
import { dunningKeys, recordDunningAttempt } from '../../engine/billing/dunning';
import { recordInvoicePayment } from '../../engine/billing/invoice-payments';
import { tenantScope } from '../../engine/db/tenant-scope';
import { calendarDateField, currencyField, indexField, uuidField } from './input-fields';

interface RecordChargePaymentInput {
  invoiceId: string;
  retryIndex: number;
  /** The charge's id at the payment service; with the connector it forms the payment's idempotency key. */
  chargeId: string;
  connector: string;
  amountMinor: number;
  currency: string;
  on: string;
}

/**
 * Books a successful retry charge as a payment of the invoice (which settles it and emits payment.received and
 * invoice.paid), and records the retry on the dunning timeline. Both writes are idempotent, so a retried step books once.
 */
export const recordChargePayment: ActionDefinition<RecordChargePaymentInput> = {
  name: 'core.recordDunningChargePayment',
  description: 'Records a successful dunning payment retry as a payment of the invoice.',
  inputSchema: {
    type: 'object',
    required: ['invoiceId', 'retryIndex', 'chargeId', 'connector', 'amountMinor', 'currency', 'on'],
    additionalProperties: false,
    properties: {
      invoiceId: uuidField, retryIndex: indexField, chargeId: { type: 'string', minLength: 1, maxLength: 96 }, connector: { type: 'string', minLength: 1, maxLength: 30 },
      amountMinor: { type: 'integer', minimum: 1 }, currency: currencyField, on: calendarDateField,
    },
  },
  async execute(input, context) {
    const payment = await recordInvoicePayment(tenantScope(context.knex, context.companyId), {
      invoiceId: input.invoiceId, amountMinor: input.amountMinor, currency: input.currency, idempotencyKey: `${input.connector}:${input.chargeId}`,
      method: input.connector, externalReference: input.chargeId,
    });
    const invoice = await context.knex('invoices').where({ company_id: context.companyId, id: input.invoiceId }).first('contact_id');
    await recordDunningAttempt(context.knex, context.companyId, {
      invoiceId: input.invoiceId, contactId: invoice.contact_id, kind: 'payment_retry', sequence: input.retryIndex, channel: input.connector, outcome: 'succeeded',
      attemptedOn: input.on, amountDueMinor: input.amountMinor, currency: input.currency, detail: `charge ${input.chargeId}`, workflowId: context.workflowId,
      dedupeKey: dunningKeys.paymentRetry(input.invoiceId, input.retryIndex),
    });
    return { paymentId: payment.paymentId, invoiceStatus: payment.invoiceStatus, amountDueMinor: payment.amountDueMinor };
  },
};
