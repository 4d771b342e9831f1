import type { Knex } from 'knex';
import type { TenantScope } from '../../db/tenant-scope';
import { InvoiceCompositionError } from './invoice-errors';
import { allocateInvoiceNumber, lockInvoiceNumbering } from './invoice-numbering';

export type InvoiceLineKind = 'subscription' | 'proration_credit' | 'proration_charge' | 'credit_carried_forward';

export interface InvoiceLineInput {
  kind: InvoiceLineKind;
  description: string;
  /** Signed minor units: credits are negative. */
  amountMinor: number;
  planId?: string;
  periodStart?: string;
  periodEnd?: string;
}

export interface CreateInvoiceRequest {
  contactId: string;
  subscriptionId?: string;
  currency: string;
  issueDate: string;
  dueDate: string;
  lines: InvoiceLineInput[];
  /** Creating again with the same key returns the first invoice and changes nothing (a retried flow step). */
  sourceKey?: string;
  /** Also bill the subscription's pending lines: proration credits and charges booked since its last invoice. */
  includePendingLines?: boolean;
}

export interface CreatedInvoice {
  invoiceId: string;
  invoiceNumber: string;
  status: 'open' | 'paid';
  currency: string;
  subtotalMinor: number;
  totalMinor: number;
  issueDate: string;
  dueDate: string;
  /** False when an invoice with the source key already existed. */
  created: boolean;
}

interface LineRow {
  id?: string;
  kind: InvoiceLineKind;
  description: string;
  amount_minor: number;
  currency: string;
}

/**
 * Issues an invoice (status open) with the next number of the tenant's sequence, its lines, and the subscription's pending
 * lines when asked, in one transaction. A total that comes out below zero is not an invoice: the credit beyond zero is
 * carried forward as a new pending line, and the invoice, now zero, is settled on issue. Tax is not computed here (0).
 */
export async function createInvoice(scope: TenantScope, request: CreateInvoiceRequest): Promise<CreatedInvoice> {
  checkLines(request);
  return scope.transaction(async (tx) => {
    const trx = tx.knex;
    const companyId = tx.companyId;
    // Taken first, so a retry waits for a creation in flight and then finds its invoice by source key.
    await lockInvoiceNumbering(trx, companyId);
    if (request.sourceKey) {
      const existing = await trx('invoices').where({ company_id: companyId, source_key: request.sourceKey }).first();
      if (existing) return summaryOf(existing, false);
    }
    const pending: LineRow[] = request.includePendingLines && request.subscriptionId ? await pendingLines(trx, companyId, request.subscriptionId) : [];
    const foreign = pending.find((line) => line.currency !== request.currency);
    if (foreign) throw new InvoiceCompositionError(`A pending line is in ${foreign.currency}, the invoice in ${request.currency}`, { lineId: foreign.id });
    const lines: LineRow[] = request.lines.map((line) => ({ kind: line.kind, description: line.description, amount_minor: line.amountMinor, currency: request.currency }));
    const sum = [...lines, ...pending].reduce((total, line) => total + line.amount_minor, 0);
    const carried = sum < 0 ? -sum : 0;
    if (carried > 0 && !request.subscriptionId) throw new InvoiceCompositionError('The lines add up to less than zero and there is no subscription to carry the credit to');

    const { invoiceNumber } = await allocateInvoiceNumber(trx, companyId);
    const subtotal = sum + carried;
    const [invoice] = await trx('invoices')
      .insert({
        company_id: companyId, contact_id: request.contactId, subscription_id: request.subscriptionId ?? null, invoice_number: invoiceNumber,
        status: subtotal === 0 ? 'paid' : 'open', currency: request.currency, subtotal_minor: subtotal, tax_minor: 0, total_minor: subtotal,
        amount_paid_minor: 0, issue_date: request.issueDate, due_date: request.dueDate, paid_at: subtotal === 0 ? trx.fn.now() : null,
        source_key: request.sourceKey ?? null,
      })
      .returning('*');
    const ownLines = request.lines.map((line) => ({
      company_id: companyId, invoice_id: invoice.id, subscription_id: request.subscriptionId ?? null, kind: line.kind, description: line.description,
      plan_id: line.planId ?? null, period_start: line.periodStart ?? null, period_end: line.periodEnd ?? null, currency: request.currency, amount_minor: line.amountMinor,
    }));
    if (ownLines.length > 0) await trx('invoice_lines').insert(ownLines);
    if (pending.length > 0) await trx('invoice_lines').whereIn('id', pending.map((line) => line.id as string)).update({ invoice_id: invoice.id });
    if (carried > 0) await carryCredit(trx, companyId, invoice, request.subscriptionId as string, carried);
    return summaryOf(invoice, true);
  });
}

function checkLines(request: CreateInvoiceRequest): void {
  for (const line of request.lines) {
    if (!Number.isSafeInteger(line.amountMinor)) throw new InvoiceCompositionError(`A line amount must be a whole number of minor units, not ${line.amountMinor}`);
  }
}

async function pendingLines(trx: Knex, companyId: string, subscriptionId: string): Promise<LineRow[]> {
  return trx('invoice_lines').where({ company_id: companyId, subscription_id: subscriptionId }).whereNull('invoice_id').orderBy('created_at').forUpdate().select('id', 'kind', 'description', 'amount_minor', 'currency');
}

// The credit beyond zero appears twice: as a positive line that brings this invoice to zero, and as a pending negative line
// that the next invoice of the subscription collects. Together they cancel, so no credit is lost or invented.
async function carryCredit(trx: Knex, companyId: string, invoice: { id: string; invoice_number: string; currency: string }, subscriptionId: string, carried: number): Promise<void> {
  const common = { company_id: companyId, subscription_id: subscriptionId, kind: 'credit_carried_forward', currency: invoice.currency };
  await trx('invoice_lines').insert([
    { ...common, invoice_id: invoice.id, description: 'Unused credit carried to the next invoice', amount_minor: carried },
    { ...common, invoice_id: null, description: `Credit carried forward from invoice ${invoice.invoice_number}`, amount_minor: -carried },
  ]);
}

// Dates come back as YYYY-MM-DD strings and bigints as numbers (engine/db/pg-types.ts).
function summaryOf(row: Record<string, unknown>, created: boolean): CreatedInvoice {
  return {
    invoiceId: row.id as string, invoiceNumber: row.invoice_number as string, status: row.status as 'open' | 'paid', currency: row.currency as string,
    subtotalMinor: Number(row.subtotal_minor), totalMinor: Number(row.total_minor), issueDate: row.issue_date as string, dueDate: row.due_date as string, created,
  };
}
