/** Invoices issued by the billing flows: sequential numbering per tenant, lines (with pending proration lines), and revenue of paid invoices. */
export { createInvoice, type CreateInvoiceRequest, type CreatedInvoice, type InvoiceLineInput, type InvoiceLineKind } from './create-invoice';
export { allocateInvoiceNumber, type AllocatedInvoiceNumber } from './invoice-numbering';
export { allocateInvoiceRevenue, type AllocateRevenueRequest, type AllocatedRevenue, type RevenueAllocation } from './allocate-invoice-revenue';
export { splitByPercent } from './revenue-split';
export { InvoiceCompositionError, InvoiceNotPaidError, RevenueAllocationError } from './invoice-errors';
