import { Invoice } from '../../db/models';
import type { TenantScope } from '../../db/tenant-scope';
import { emitDomainEvent } from '../../events';
import { notFound, ProblemError } from '../http/problem';
import { eventPayload } from '../resources/resource-events';

export type InvoiceStatus = Invoice['status'];
export type InvoiceAction = 'finalize' | 'void' | 'mark_uncollectible';

interface Transition {
  from: InvoiceStatus[];
  event: string;
  /** Words for the 409 that names the invoice's current status. */
  needs: string;
}

/**
 * The only ways a client moves an invoice's status, as Stripe users know them. `paid` is reached by paying (and left by
 * reversing a payment), never by an action; paid and void are final. A draft that comes to zero is settled on
 * finalizing, as an invoice issued at zero is.
 */
export const INVOICE_TRANSITIONS: Record<InvoiceAction, Transition> = {
  finalize: { from: ['draft'], event: 'invoice.finalized', needs: 'only a draft invoice can be finalized' },
  void: { from: ['open', 'uncollectible'], event: 'invoice.voided', needs: 'only an open or uncollectible invoice can be voided' },
  mark_uncollectible: { from: ['open'], event: 'invoice.marked_uncollectible', needs: 'only an open invoice can be marked uncollectible' },
};

function targetStatus(action: InvoiceAction, invoice: Invoice): InvoiceStatus {
  if (action === 'finalize') return invoice.total_minor === 0 ? 'paid' : 'open';
  return action === 'void' ? 'void' : 'uncollectible';
}

export function invoiceStatusConflict(status: InvoiceStatus, needs: string): ProblemError {
  return new ProblemError(409, 'conflict', `The invoice is ${status}; ${needs}`);
}

/** Moves the invoice by one action with its event(s), in one transaction on the locked row; returns the changed row. */
export async function applyInvoiceAction(scope: TenantScope, invoiceId: string, action: InvoiceAction): Promise<Record<string, unknown>> {
  const transition = INVOICE_TRANSITIONS[action];
  return scope.transaction(async (tx) => {
    const invoice = await tx.query(Invoice).findById(invoiceId).forUpdate();
    if (!invoice) throw notFound('invoice');
    if (!transition.from.includes(invoice.status)) throw invoiceStatusConflict(invoice.status, transition.needs);
    // Money already received would be left without a debt: it has to be reversed before the invoice is voided.
    if (action === 'void' && invoice.amount_paid_minor > 0) {
      throw new ProblemError(409, 'conflict', `The invoice is ${invoice.status} with ${invoice.amount_paid_minor} ${invoice.currency} minor units paid; reverse its payments before voiding it`);
    }
    const status = targetStatus(action, invoice);
    const changed = await tx.query(Invoice).patchAndFetchById(invoiceId, { status, ...(status === 'paid' ? { paid_at: new Date().toISOString() } : {}) });
    const row = changed.toJSON() as Record<string, unknown>;
    const entity = { type: 'invoice', id: invoiceId };
    await emitDomainEvent(tx.knex, tx.companyId, { name: transition.event, entity, payload: eventPayload(row) });
    if (status === 'paid') await emitDomainEvent(tx.knex, tx.companyId, { name: 'invoice.paid', entity, eventId: `invoice.paid:finalized:${invoiceId}`, payload: eventPayload(row) });
    return row;
  });
}
