import type { TenantScope } from '../../db/tenant-scope';
import { emitDomainEvent } from '../../events';

/**
 * Emits invoice.overdue for every open invoice still owing money after its due date (`due_date < on`, a tenant date),
 * which starts dunning. The event id is per invoice (`invoice.overdue:<id>`, as the subscription lifecycle's markPastDue
 * uses), so a daily sweep, a retried sweep and the subscription flow together announce each invoice once.
 */
export async function emitOverdueInvoiceEvents(scope: TenantScope, on: string): Promise<{ emitted: number }> {
  return scope.transaction(async (tx) => {
    const invoices = await tx.knex('invoices as i')
      .where({ 'i.company_id': tx.companyId, 'i.status': 'open' })
      .where('i.due_date', '<', on)
      .whereRaw('i.total_minor > i.amount_paid_minor')
      .whereNotExists(function announced() {
        this.select(1).from('domain_events as e').where('e.company_id', tx.companyId).whereRaw(`e.event_id = 'invoice.overdue:' || i.id::text`);
      })
      .orderBy('i.due_date')
      .select('i.id', 'i.contact_id', 'i.subscription_id', 'i.currency', 'i.total_minor', 'i.amount_paid_minor', 'i.due_date');
    let emitted = 0;
    for (const invoice of invoices) {
      const { created } = await emitDomainEvent(tx.knex, tx.companyId, {
        name: 'invoice.overdue', entity: { type: 'invoice', id: invoice.id }, eventId: `invoice.overdue:${invoice.id}`,
        payload: {
          invoiceId: invoice.id, subscriptionId: invoice.subscription_id, contactId: invoice.contact_id,
          amountDue: invoice.total_minor - invoice.amount_paid_minor, currency: invoice.currency, dueDate: invoice.due_date,
        },
      });
      if (created) emitted += 1;
    }
    return { emitted };
  });
}
