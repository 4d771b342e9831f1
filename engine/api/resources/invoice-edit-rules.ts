import { ProblemError } from '../http/problem';

/** What the invoice bills: fixed once it is issued (finalized), so the customer's copy and the ledger never disagree. */
const DRAFT_ONLY_FIELDS = ['currency', 'subtotal_minor', 'tax_minor', 'total_minor', 'issue_date'];
/** Paid and void invoices are settled history. */
const CLOSED_STATUSES = ['paid', 'void'];

/** PATCH on an invoice: a draft is freely editable; an issued one only in its due date and subscription link. */
export function checkInvoicePatch(current: Record<string, unknown>, changes: Record<string, unknown>): void {
  const status = current.status as string;
  if (status === 'draft') return;
  if (CLOSED_STATUSES.includes(status)) throw new ProblemError(409, 'conflict', `The invoice is ${status}; a ${status} invoice cannot be changed`);
  const fixed = Object.keys(changes).filter((field) => DRAFT_ONLY_FIELDS.includes(field));
  if (fixed.length > 0) {
    throw new ProblemError(409, 'conflict', `The invoice is ${status}; its amounts, currency and issue date change only while it is a draft`, fixed.map((field) => ({ in: 'body', pointer: `#/${field}`, message: `cannot change on a ${status} invoice` })));
  }
}

/** Only drafts are deleted; an issued invoice keeps its number in the sequence and is voided instead. */
export function checkInvoiceDelete(current: Record<string, unknown>): void {
  const status = current.status as string;
  if (status !== 'draft') throw new ProblemError(409, 'conflict', `The invoice is ${status}; only a draft invoice can be deleted (void an open one instead)`);
}
