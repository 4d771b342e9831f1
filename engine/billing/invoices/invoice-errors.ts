import { DataError } from '../../db/errors/tenant-errors';

/** An invoice that cannot be built as asked: lines in another currency, or a total below zero with nowhere to carry the credit. */
export class InvoiceCompositionError extends DataError {
  constructor(reason: string, details: Record<string, unknown> = {}) {
    super(reason, 422, 'invoice_composition_invalid', details);
  }
}

/** Revenue is recognised only from a paid invoice of this tenant. */
export class InvoiceNotPaidError extends DataError {
  constructor(invoiceId: string, status: string | undefined) {
    super(status ? `Invoice ${invoiceId} is ${status}, not paid: there is no revenue to recognise yet` : `No invoice ${invoiceId} in this tenant`, status ? 409 : 404, 'invoice_not_paid', { invoiceId, status });
  }
}

/** A revenue split that is not a list of positive percentages summing to exactly 100, or that names an unknown category or cost center. */
export class RevenueAllocationError extends DataError {
  constructor(reason: string, details: Record<string, unknown> = {}) {
    super(reason, 422, 'revenue_allocation_invalid', details);
  }
}
