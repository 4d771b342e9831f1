import type { TenantScope } from '../../db/tenant-scope';
import { emitDomainEvent } from '../../events';
import { InvoiceNotFoundError, InvoicePaymentRefusedError } from './invoice-payment-errors';
import { lockInvoice, settleInvoice } from './invoice-settlement';

export interface InvoicePaymentRequest {
  invoiceId: string;
  amountMinor: number;
  currency: string;
  /** Recording the same key again returns the first recording and changes nothing (a retried webhook, a replayed step). */
  idempotencyKey: string;
  bankAccountId?: string;
  method?: string;
  externalReference?: string;
}

export interface RecordedInvoicePayment {
  paymentId: string;
  invoiceStatus: string;
  amountPaidMinor: number;
  amountDueMinor: number;
  /** False when the idempotency key had already been recorded. */
  created: boolean;
}

// Money that arrives must be recorded even for an invoice already settled (a card retry racing a bank transfer), so only
// invoices that were never owed (draft) or were cancelled (void) refuse payments.
const PAYABLE = new Set(['open', 'uncollectible', 'paid']);

/**
 * Records a payment against an invoice and settles it, in one transaction with the events that announce it:
 * payment.received always, invoice.paid when this payment makes the invoice fully paid.
 */
export async function recordInvoicePayment(scope: TenantScope, request: InvoicePaymentRequest): Promise<RecordedInvoicePayment> {
  if (!Number.isSafeInteger(request.amountMinor) || request.amountMinor <= 0) {
    throw new InvoicePaymentRefusedError(`A payment amount must be a positive whole number of minor units, not ${request.amountMinor}`);
  }
  return scope.transaction(async (tx) => {
    const trx = tx.knex;
    const invoice = await lockInvoice(trx, tx.companyId, request.invoiceId);
    if (!invoice) throw new InvoiceNotFoundError('invoice', request.invoiceId);
    const existing = await trx('payments').where({ company_id: tx.companyId, idempotency_key: request.idempotencyKey }).first('id', 'invoice_id', 'amount_minor', 'kind');
    if (existing) {
      if (existing.invoice_id !== invoice.id || existing.amount_minor !== request.amountMinor || existing.kind !== 'payment') {
        throw new InvoicePaymentRefusedError('This idempotency key was already used for a different payment', { idempotencyKey: request.idempotencyKey });
      }
      return { paymentId: existing.id, invoiceStatus: invoice.status, amountPaidMinor: invoice.amount_paid_minor, amountDueMinor: Math.max(0, invoice.total_minor - invoice.amount_paid_minor), created: false };
    }
    if (!PAYABLE.has(invoice.status)) throw new InvoicePaymentRefusedError(`A ${invoice.status} invoice cannot be paid`, { invoiceId: invoice.id, status: invoice.status });
    if (request.currency !== invoice.currency) {
      throw new InvoicePaymentRefusedError(`The payment is in ${request.currency} but the invoice is in ${invoice.currency}`, { invoiceId: invoice.id });
    }
    const [payment] = await trx('payments')
      .insert({
        company_id: tx.companyId, invoice_id: invoice.id, contact_id: invoice.contact_id, bank_account_id: request.bankAccountId ?? null,
        kind: 'payment', status: 'succeeded', amount_minor: request.amountMinor, currency: request.currency,
        idempotency_key: request.idempotencyKey, method: request.method ?? null, external_reference: request.externalReference ?? null,
      })
      .returning('id');
    const settled = await settleInvoice(trx, tx.companyId, invoice);
    const entity = { type: 'invoice', id: invoice.id };
    await emitDomainEvent(trx, tx.companyId, {
      name: 'payment.received', entity, eventId: `payment.received:${payment.id}`,
      payload: { invoiceId: invoice.id, paymentId: payment.id, amountMinor: request.amountMinor, currency: request.currency, amountDueMinor: settled.amountDueMinor },
    });
    if (settled.becamePaid) {
      await emitDomainEvent(trx, tx.companyId, {
        name: 'invoice.paid', entity, eventId: `invoice.paid:${payment.id}`,
        payload: { invoiceId: invoice.id, paymentId: payment.id, amountPaidMinor: settled.amountPaidMinor, currency: invoice.currency, subscriptionId: invoice.subscription_id },
      });
    }
    return { paymentId: payment.id, invoiceStatus: settled.status, amountPaidMinor: settled.amountPaidMinor, amountDueMinor: settled.amountDueMinor, created: true };
  });
}
