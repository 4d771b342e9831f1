import { ConnectorApiError } from '../../../activities/action-errors';
import type { ActionContext } from '../../../activities/action-definition';
import { loadAccount } from '../credentials';
import { callPaymentApi } from '../transport';

export interface ChargeInput {
  amountMinor: number;
  currency: string;
  /** What is being paid, e.g. the invoice id; the payment service keeps it with the charge. */
  reference: string;
  /** The payer as the payment service knows them (Ledgerflow sends the contact id). */
  customer: string;
  description?: string;
  /** Sent as Idempotency-Key: the same key never charges twice. Defaults to the step execution's key. */
  idempotencyKey?: string;
  /** The integration's name, when the tenant has more than one. */
  integration?: string;
}

export interface ChargeOutput {
  chargeId: string;
  status: 'succeeded';
  amountMinor: number;
  currency: string;
}

export const chargeInputSchema = {
  type: 'object',
  required: ['amountMinor', 'currency', 'reference', 'customer'],
  additionalProperties: false,
  properties: {
    amountMinor: { type: 'integer', minimum: 1 },
    currency: { type: 'string', pattern: '^[A-Z]{3}$' },
    reference: { type: 'string', minLength: 1, maxLength: 64 },
    customer: { type: 'string', minLength: 1, maxLength: 64 },
    description: { type: 'string', maxLength: 300 },
    idempotencyKey: { type: 'string', minLength: 1, maxLength: 128 },
    integration: { type: 'string', minLength: 1, maxLength: 120 },
  },
};

export const chargeOutputSchema = {
  type: 'object',
  required: ['chargeId', 'status', 'amountMinor', 'currency'],
  properties: { chargeId: { type: 'string' }, status: { const: 'succeeded' }, amountMinor: { type: 'integer' }, currency: { type: 'string' } },
};

/**
 * Charges the customer's stored payment method. A decline (HTTP 402, or a charge that comes back failed) is a
 * non-retryable ConnectorApiError, so the definition's onError route sees it at once; outages are retryable.
 */
export async function executeCharge(input: ChargeInput, context: ActionContext): Promise<ChargeOutput> {
  const account = await loadAccount(context, input.integration);
  const { body } = await callPaymentApi(account, {
    method: 'POST',
    path: '/v1/charges',
    headers: { 'idempotency-key': input.idempotencyKey ?? context.idempotencyKey },
    body: { amount_minor: input.amountMinor, currency: input.currency, reference: input.reference, customer: input.customer, description: input.description },
  });
  if (body.status === 'failed') {
    const code = typeof body.failure_code === 'string' ? body.failure_code : 'declined';
    throw new ConnectorApiError(`http-payments: charge ${String(body.id ?? '')} declined (${code})`, 402, false);
  }
  if (body.status !== 'succeeded' || typeof body.id !== 'string' || body.amount_minor !== input.amountMinor || body.currency !== input.currency) {
    throw new ConnectorApiError(`http-payments: unexpected charge response ${JSON.stringify(body).slice(0, 200)}`, undefined, false);
  }
  return { chargeId: body.id, status: 'succeeded', amountMinor: input.amountMinor, currency: input.currency };
}
