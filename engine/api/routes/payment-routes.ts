import type Koa from 'koa';
import { recordInstallmentPayment, reverseInstallmentPayment } from '../../billing/installments';
import { recordInvoicePayment, reverseInvoicePayment } from '../../billing/invoice-payments';
import { claimIdempotencyKey } from '../http/idempotency-fingerprint';
import { notFound, ProblemError } from '../http/problem';
import { closedObject, idParams, OK_OBJECT, uuidString } from '../routing/schema-helpers';
import type { RouteDefinition } from '../routing/route-definition';
import type { TenantScope } from '../../db/tenant-scope';

const WRITE = { permission: 'payments.write' };

const paymentBody = closedObject(
  {
    amount_minor: { type: 'integer', minimum: 1, maximum: Number.MAX_SAFE_INTEGER },
    currency: { type: 'string', pattern: '^[A-Z]{3}$' },
    received_at: { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?(Z|[+-]\\d{2}:\\d{2})$' },
    bank_account_id: uuidString,
    method: { type: 'string', minLength: 1, maxLength: 32 },
    external_reference: { type: 'string', minLength: 1, maxLength: 128 },
  },
  ['amount_minor', 'currency'],
);

interface PaymentBody {
  amount_minor: number;
  currency: string;
  received_at?: string;
  bank_account_id?: string;
  method?: string;
  external_reference?: string;
}

/** The same key twice records one payment: a client that retries after a timeout never pays twice. The key is bound
 * to the request first sent with it (claimIdempotencyKey), so reusing it for another payment is a 422. */
function idempotencyKey(ctx: Koa.Context): string {
  const key = ctx.get('idempotency-key');
  if (!key || key.length > 100) {
    throw new ProblemError(400, 'idempotency_key_required', 'Send an Idempotency-Key header of 1 to 100 characters with every payment write', [
      { in: 'header', pointer: '/Idempotency-Key', message: 'is required, 1 to 100 characters' },
    ]);
  }
  return key;
}

/** The row the path names, in the caller's tenant; anything else is the API's uniform 404. */
async function requireRow(scope: TenantScope, table: string, id: string, what: string): Promise<void> {
  if (!(await scope.knex(table).where({ company_id: scope.companyId, id }).first('id'))) throw notFound(what);
}

/** A bank account named in the body must be this tenant's: answered as a 422 before the payment's own checks run. */
async function requireBankAccount(scope: TenantScope, body: PaymentBody): Promise<void> {
  if (!body.bank_account_id || (await scope.knex('bank_accounts').where({ company_id: scope.companyId, id: body.bank_account_id }).first('id'))) return;
  throw new ProblemError(422, 'reference_not_found', 'No bank account with this id', [{ in: 'body', pointer: '#/bank_account_id', message: 'names no bank_accounts row of this company' }]);
}

const optional = (body: PaymentBody) => ({
  ...(body.bank_account_id ? { bankAccountId: body.bank_account_id } : {}),
  ...(body.method ? { method: body.method } : {}),
  ...(body.external_reference ? { externalReference: body.external_reference } : {}),
});

/**
 * Recording a payment on a row (an installment, an invoice): the row and the bank account are checked first, then the
 * Idempotency-Key is claimed and the payment written in one transaction, so a refused write leaves the key free.
 */
function recordPaymentRoute(options: {
  operationId: string;
  path: string;
  summary: string;
  table: 'contract_installments' | 'invoices';
  noun: string;
  record: (tx: TenantScope, id: string, request: PaymentBody, key: string) => Promise<{ created: boolean }>;
}): RouteDefinition {
  return {
    operationId: options.operationId,
    method: 'post',
    path: options.path,
    summary: options.summary,
    tag: 'Payments',
    access: WRITE,
    params: idParams,
    body: paymentBody,
    bodyExample: { amount_minor: 1_000, currency: 'EUR', bank_account_id: '00000000-0000-4000-8000-000000000000' },
    references: { bank_account_id: 'bank_accounts' },
    resourceTable: options.table,
    responses: { 201: { description: 'Recorded', schema: OK_OBJECT }, 200: { description: 'Already recorded with this key', schema: OK_OBJECT } },
    handler: async ({ scope, params, body, ctx }) => {
      const request = body as PaymentBody;
      await requireRow(scope!, options.table, params.id, options.noun);
      await requireBankAccount(scope!, request);
      const key = idempotencyKey(ctx);
      const recorded = await scope!.transaction(async (tx) => {
        await claimIdempotencyKey(tx, 'payments', key, { operation: options.operationId, params, body });
        return options.record(tx, params.id, request, key);
      });
      return { status: recorded.created ? 201 : 200, body: recorded };
    },
  };
}

/** Recording and reversing payments: each writes the payment rows and its domain events in one transaction. */
export function paymentRoutes(): RouteDefinition[] {
  return [
    recordPaymentRoute({
      operationId: 'recordInstallmentPayment',
      path: '/api/contract-installments/:id/payments',
      summary: 'Record a payment on an installment (Idempotency-Key header required); allocated fees → interest → principal by the contract terms, any excess carried forward',
      table: 'contract_installments',
      noun: 'installment',
      record: (tx, id, request, key) =>
        recordInstallmentPayment(tx, {
          installmentId: id, amountMinor: request.amount_minor, currency: request.currency, idempotencyKey: key,
          ...(request.received_at ? { receivedAt: request.received_at } : {}), ...optional(request),
        }),
    }),
    recordPaymentRoute({
      operationId: 'recordInvoicePayment',
      path: '/api/invoices/:id/payments',
      summary: 'Record a payment on an invoice (Idempotency-Key header required); a full payment marks it paid and stops its dunning',
      table: 'invoices',
      noun: 'invoice',
      record: (tx, id, request, key) => recordInvoicePayment(tx, { invoiceId: id, amountMinor: request.amount_minor, currency: request.currency, idempotencyKey: key, ...optional(request) }),
    }),
    {
      operationId: 'reversePayment',
      method: 'post',
      path: '/api/payments/:id/reversal',
      summary: 'Reverse a payment (a chargeback or bounced transfer; Idempotency-Key header required); it reopens what it paid and resumes dunning',
      tag: 'Payments',
      access: WRITE,
      params: idParams,
      body: closedObject({ external_reference: { type: 'string', minLength: 1, maxLength: 128 } }, []),
      bodyExample: {},
      resourceTable: 'payments',
      responses: { 201: { description: 'Reversed', schema: OK_OBJECT }, 200: { description: 'Already reversed with this key', schema: OK_OBJECT } },
      handler: async ({ scope, params, body, ctx }) => {
        const key = idempotencyKey(ctx);
        const reference = (body as { external_reference?: string }).external_reference;
        const payment = await scope!.knex('payments').where({ company_id: scope!.companyId, id: params.id }).first('installment_id', 'invoice_id');
        if (!payment) throw notFound('payment');
        const extra = reference ? { externalReference: reference } : {};
        const reversed = await scope!.transaction(async (tx) => {
          await claimIdempotencyKey(tx, 'payments', key, { operation: 'reversePayment', params, body });
          return payment.installment_id
            ? reverseInstallmentPayment(tx, { paymentId: params.id, idempotencyKey: key, ...extra })
            : reverseInvoicePayment(tx, { paymentId: params.id, idempotencyKey: key, ...extra });
        });
        return { status: reversed.created ? 201 : 200, body: reversed };
      },
    },
  ];
}
