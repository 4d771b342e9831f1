import { DataError } from '../../db/errors/tenant-errors';

/** The invoice (or the payment to reverse) is not in this tenant. */
export class InvoiceNotFoundError extends DataError {
  constructor(what: 'invoice' | 'payment', id: string) {
    super(`No ${what} ${id} in this tenant`, 404, `${what}_not_found`, { id });
  }
}

/** A payment that cannot apply to this invoice: a draft or void invoice, another currency, or an idempotency key reused for something else. */
export class InvoicePaymentRefusedError extends DataError {
  constructor(reason: string, details: Record<string, unknown> = {}) {
    super(reason, 409, 'invoice_payment_refused', details);
  }
}
