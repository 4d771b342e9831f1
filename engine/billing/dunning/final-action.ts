import type { TenantScope } from '../../db/tenant-scope';
import { emitDomainEvent } from '../../events';
import { InvoiceNotFoundError } from '../invoice-payments';
import { dunningKeys, recordDunningAttempt } from './dunning-attempts';

export type DunningFinalAction = 'suspendSubscription' | 'markUncollectible' | 'collectionsTask';

export interface FinalActionRequest {
  invoiceId: string;
  action: DunningFinalAction;
  /** collectionsTask: the role whose members work the task. */
  collectionsRole?: string;
  attemptedOn: string;
  workflowId?: string;
}

export interface FinalActionOutcome {
  applied: boolean;
  invoiceStatus: string;
  /** What changed, e.g. "subscription paused"; empty when nothing needed changing. */
  detail: string;
}

// Suspending follows the subscription lifecycle's own move (definitions/subscription-states.md): past_due → unpaid, where
// the service stops and the invoice stays open to be paid late. Any other status is left to that lifecycle.
const SUSPENDED_FROM = 'past_due';
const SUSPENDED_TO = 'unpaid';

/**
 * The end of the ladder, in one transaction: applies the configured action to a still-open invoice, records the attempt
 * and emits dunning.exhausted { invoiceId, finalAction }. A second call (a retried activity) finds the recorded attempt
 * and changes nothing; an invoice that is no longer open is left alone and nothing is emitted.
 */
export async function applyDunningFinalAction(scope: TenantScope, request: FinalActionRequest): Promise<FinalActionOutcome> {
  const dedupeKey = dunningKeys.finalAction(request.invoiceId);
  return scope.transaction(async (tx) => {
    const trx = tx.knex;
    const invoice = await trx('invoices').where({ company_id: tx.companyId, id: request.invoiceId }).forUpdate()
      .first('id', 'invoice_number', 'status', 'currency', 'total_minor', 'amount_paid_minor', 'contact_id', 'subscription_id');
    if (!invoice) throw new InvoiceNotFoundError('invoice', request.invoiceId);
    const done = await trx('dunning_attempts').where({ company_id: tx.companyId, dedupe_key: dedupeKey }).first('detail');
    if (done) return { applied: true, invoiceStatus: invoice.status, detail: done.detail ?? '' };
    if (invoice.status !== 'open') return { applied: false, invoiceStatus: invoice.status, detail: '' };

    const amountDueMinor = Math.max(0, invoice.total_minor - invoice.amount_paid_minor);
    let detail = '';
    let invoiceStatus = invoice.status as string;
    if (request.action === 'suspendSubscription') {
      const changed = invoice.subscription_id
        ? await trx('subscriptions').where({ company_id: tx.companyId, id: invoice.subscription_id, status: SUSPENDED_FROM }).update({ status: SUSPENDED_TO })
        : 0;
      detail = changed ? `subscription ${SUSPENDED_TO}` : 'no past_due subscription to suspend';
    } else if (request.action === 'markUncollectible') {
      await trx('invoices').where({ company_id: tx.companyId, id: invoice.id }).update({ status: 'uncollectible' });
      invoiceStatus = 'uncollectible';
      detail = 'invoice marked uncollectible';
    } else {
      await trx('tasks')
        .insert({
          company_id: tx.companyId, kind: 'collection', entity_type: 'invoice', entity_id: invoice.id, title: `Collect invoice ${invoice.invoice_number}`,
          description: `Dunning is exhausted: ${amountDueMinor} ${invoice.currency} (minor units) remain unpaid.`, due_date: request.attemptedOn,
          assigned_role_key: request.collectionsRole ?? 'collections', source_key: dedupeKey, workflow_id: request.workflowId ?? null,
        })
        .onConflict(['company_id', 'source_key'])
        .ignore();
      detail = `handed to ${request.collectionsRole ?? 'collections'}`;
    }
    await recordDunningAttempt(trx, tx.companyId, {
      invoiceId: invoice.id, contactId: invoice.contact_id, kind: 'final_action', sequence: 0, channel: request.action, outcome: 'applied',
      attemptedOn: request.attemptedOn, amountDueMinor, currency: invoice.currency, detail, dedupeKey, ...(request.workflowId ? { workflowId: request.workflowId } : {}),
    });
    await emitDomainEvent(trx, tx.companyId, {
      name: 'dunning.exhausted', entity: { type: 'invoice', id: invoice.id }, eventId: `dunning.exhausted:${invoice.id}`,
      payload: { invoiceId: invoice.id, finalAction: request.action, amountDueMinor, currency: invoice.currency, subscriptionId: invoice.subscription_id },
    });
    return { applied: true, invoiceStatus, detail };
  });
}
