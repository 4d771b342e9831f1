import type { InstallmentRow } from './installments';
import type { Invoice } from './data-types';

/** What a payment form records on: an installment or an invoice, with what is still open on it. */
export interface PaymentTarget {
  kind: 'installment' | 'invoice';
  id: string;
  /** Words naming what is paid, e.g. "installment 3". */
  label: string;
  currency: string;
  openMinor: number;
}

export const installmentTarget = (row: InstallmentRow): PaymentTarget => ({ kind: 'installment', id: row.id, label: `installment ${row.number}`, currency: row.currency, openMinor: row.openMinor });

export const invoiceTarget = (invoice: Invoice): PaymentTarget => ({
  kind: 'invoice', id: invoice.id, label: `invoice ${invoice.invoice_number}`, currency: invoice.currency, openMinor: Math.max(0, invoice.total_minor - invoice.amount_paid_minor),
});

/** The payment route for a target; both need an Idempotency-Key header. */
export const paymentPath = (target: PaymentTarget): string =>
  target.kind === 'installment' ? `/api/contract-installments/${encodeURIComponent(target.id)}/payments` : `/api/invoices/${encodeURIComponent(target.id)}/payments`;
