import type Koa from 'koa';
import { createInvoice, type InvoiceLineKind } from '../../billing/invoices';
import { Invoice } from '../../db/models';
import { emitDomainEvent } from '../../events';
import { claimIdempotencyKey } from '../http/idempotency-fingerprint';
import { ProblemError } from '../http/problem';
import { eventPayload } from '../resources/resource-events';
import type { RouteDefinition } from '../routing/route-definition';
import { closedObject, idParams, OK_OBJECT, uuidString } from '../routing/schema-helpers';
import { applyInvoiceAction, type InvoiceAction } from './invoice-status-actions';

const DATE = { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$' };

const lineSchema = closedObject(
  {
    // credit_carried_forward lines are the billing service's own bookkeeping, never sent by a client.
    kind: { type: 'string', enum: ['subscription', 'proration_credit', 'proration_charge'] },
    description: { type: 'string', minLength: 1, maxLength: 500 },
    amount_minor: { type: 'integer', minimum: -Number.MAX_SAFE_INTEGER, maximum: Number.MAX_SAFE_INTEGER },
  },
  ['kind', 'description', 'amount_minor'],
);

interface InvoiceBody {
  contact_id: string;
  subscription_id?: string;
  currency: string;
  issue_date: string;
  due_date: string;
  lines: { kind: InvoiceLineKind; description: string; amount_minor: number }[];
}

/** Optional: the same Idempotency-Key twice issues one invoice (a client retrying after a timeout); with another body it is a 422. */
function sourceKey(ctx: Koa.Context): string | undefined {
  const key = ctx.get('idempotency-key');
  if (!key) return undefined;
  if (key.length > 100) throw new ProblemError(400, 'idempotency_key_invalid', 'An Idempotency-Key header is 1 to 100 characters', [{ in: 'header', pointer: '/Idempotency-Key', message: 'at most 100 characters' }]);
  return `api:${key}`;
}

/** An action that moves an invoice's status, with its event in the same transaction; 409 names the current status. */
function statusActionRoute(action: InvoiceAction, suffix: string, operationId: string, summary: string): RouteDefinition {
  return {
    operationId, method: 'post', path: `/api/invoices/:id/${suffix}`, summary, tag: 'Billing', access: { permission: 'invoices.write' },
    params: idParams, body: closedObject({}), bodyExample: {}, resourceTable: 'invoices',
    responses: { 200: { description: 'The invoice in its new status', schema: OK_OBJECT }, 409: { description: 'The invoice is in a status this action does not leave from' } },
    handler: async ({ scope, params }) => ({ body: await applyInvoiceAction(scope!, params.id, action) }),
  };
}

/**
 * Issuing an invoice through the billing service, so its number is the next of the tenant's sequence (never the
 * client's) and its status is open (or paid when it comes to zero), with invoice.created in the same transaction; and the
 * actions that move an issued invoice's status.
 */
export function invoiceRoutes(): RouteDefinition[] {
  return [
    {
      operationId: 'issueInvoice',
      method: 'post',
      path: '/api/invoices',
      summary: "Issue an invoice with its lines; the server assigns the next number of the tenant's sequence (optional Idempotency-Key)",
      tag: 'Billing',
      access: { permission: 'invoices.write' },
      body: closedObject(
        { contact_id: uuidString, subscription_id: uuidString, currency: { type: 'string', pattern: '^[A-Z]{3}$' }, issue_date: DATE, due_date: DATE, lines: { type: 'array', minItems: 1, maxItems: 200, items: lineSchema } },
        ['contact_id', 'currency', 'issue_date', 'due_date', 'lines'],
      ),
      bodyExample: {
        contact_id: '00000000-0000-4000-8000-000000000000', currency: 'EUR', issue_date: '2026-11-01', due_date: '2026-11-30',
        lines: [{ kind: 'subscription', description: 'Pro, November', amount_minor: 4_900 }],
      },
      references: { contact_id: 'contacts', subscription_id: 'subscriptions' },
      responses: { 201: { description: 'Issued', schema: OK_OBJECT }, 200: { description: 'Already issued with this Idempotency-Key', schema: OK_OBJECT } },
      handler: async ({ scope, body, ctx }) => {
        const request = body as InvoiceBody;
        const key = sourceKey(ctx);
        const issued = await scope!.transaction(async (tx) => {
          if (key) await claimIdempotencyKey(tx, 'invoices', key, { operation: 'issueInvoice', params: {}, body });
          const created = await createInvoice(tx, {
            contactId: request.contact_id, currency: request.currency, issueDate: request.issue_date, dueDate: request.due_date,
            lines: request.lines.map((line) => ({ kind: line.kind, description: line.description, amountMinor: line.amount_minor })),
            ...(request.subscription_id ? { subscriptionId: request.subscription_id } : {}), ...(key ? { sourceKey: key } : {}),
          });
          const row = await tx.query(Invoice).findById(created.invoiceId);
          if (created.created) {
            await emitDomainEvent(tx.knex, tx.companyId, {
              name: 'invoice.created', entity: { type: 'invoice', id: created.invoiceId }, eventId: `invoice.created:${created.invoiceId}`,
              payload: eventPayload(row!.toJSON() as Record<string, unknown>),
            });
          }
          return { created: created.created, row: row!.toJSON() };
        });
        const id = (issued.row as { id: string }).id;
        return { status: issued.created ? 201 : 200, body: issued.row, headers: { Location: `/api/invoices/${id}` } };
      },
    },
    statusActionRoute('finalize', 'finalize', 'finalizeInvoice', 'Finalize a draft invoice: it becomes open (paid when it comes to zero); emits invoice.finalized'),
    statusActionRoute('void', 'void', 'voidInvoice', 'Void an open or uncollectible invoice with nothing paid on it; emits invoice.voided'),
    statusActionRoute('mark_uncollectible', 'mark-uncollectible', 'markInvoiceUncollectible', 'Mark an open invoice uncollectible (a payment can still settle it); emits invoice.marked_uncollectible'),
  ];
}
