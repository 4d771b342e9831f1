import type { TenantScope } from '../../db/tenant-scope';
import { emitDomainEvent } from '../../events';
import { InvoiceNotFoundError, InvoicePaymentRefusedError } from './invoice-payment-errors';
import { lockInvoice, settleInvoice } from './invoice-settlement';

export interface InvoicePaymentReversalRequest {
  /** The invoice payment to reverse (a chargeback, a bounced transfer, a refund). */
  paymentId: string;
  /** Defaults to the whole payment; the database refuses reversals that would exceed it. */
  amountMinor?: number;
  idempotencyKey: string;
  externalReference?: string;
}

export interface ReversedInvoicePayment {
  reversalId: string;
  invoiceStatus: string;
  amountPaidMinor: number;
  amountDueMinor: number;
  /** True when the reversal took a paid invoice back to open. */
  reopened: boolean;
  created: boolean;
}

/** Records a reversal of an invoice payment, reopens the invoice when it is no longer covered, and emits payment.reversed. */
export async function reverseInvoicePayment(scope: TenantScope, request: InvoicePaymentReversalRequest): Promise<ReversedInvoicePayment> {
  return scope.transaction(async (tx) => {
    const trx = tx.knex;
    const original = await trx('payments').where({ company_id: tx.companyId, id: request.paymentId }).first('id', 'invoice_id', 'kind', 'amount_minor', 'currency');
    if (!original) throw new InvoiceNotFoundError('payment', request.paymentId);
    if (!original.invoice_id || original.kind !== 'payment') throw new InvoicePaymentRefusedError('Only a payment of an invoice can be reversed here', { paymentId: original.id });
    const invoice = await lockInvoice(trx, tx.companyId, original.invoice_id);
    if (!invoice) throw new InvoiceNotFoundError('invoice', original.invoice_id);
    const existing = await trx('payments').where({ company_id: tx.companyId, idempotency_key: request.idempotencyKey }).first('id', 'reverses_payment_id');
    if (existing) {
      if (existing.reverses_payment_id !== original.id) throw new InvoicePaymentRefusedError('This idempotency key was already used for a different payment', { idempotencyKey: request.idempotencyKey });
      return { reversalId: existing.id, invoiceStatus: invoice.status, amountPaidMinor: invoice.amount_paid_minor, amountDueMinor: Math.max(0, invoice.total_minor - invoice.amount_paid_minor), reopened: false, created: false };
    }
    const amountMinor = request.amountMinor ?? original.amount_minor;
    const [reversal] = await trx('payments')
      .insert({
        company_id: tx.companyId, invoice_id: invoice.id, contact_id: invoice.contact_id, kind: 'reversal', reverses_payment_id: original.id,
        status: 'succeeded', amount_minor: amountMinor, currency: original.currency, idempotency_key: request.idempotencyKey,
        external_reference: request.externalReference ?? null,
      })
      .returning('id');
    const settled = await settleInvoice(trx, tx.companyId, invoice);
    await emitDomainEvent(trx, tx.companyId, {
      name: 'payment.reversed', entity: { type: 'invoice', id: invoice.id }, eventId: `payment.reversed:${reversal.id}`,
      payload: { invoiceId: invoice.id, paymentId: original.id, reversalId: reversal.id, amountMinor, currency: original.currency, amountDueMinor: settled.amountDueMinor, reopened: settled.reopened },
    });
    return { reversalId: reversal.id, invoiceStatus: settled.status, amountPaidMinor: settled.amountPaidMinor, amountDueMinor: settled.amountDueMinor, reopened: settled.reopened, created: true };
  });
}
