/** Payments against invoices and their reversals: each settles the invoice and emits its events in the same transaction. */
export { recordInvoicePayment, type InvoicePaymentRequest, type RecordedInvoicePayment } from './record-invoice-payment';
export { reverseInvoicePayment, type InvoicePaymentReversalRequest, type ReversedInvoicePayment } from './reverse-invoice-payment';
export { InvoiceNotFoundError, InvoicePaymentRefusedError } from './invoice-payment-errors';
