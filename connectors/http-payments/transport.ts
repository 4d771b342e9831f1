import { ConnectorApiError } from '../../activities/action-errors';
import { authenticate, type HttpPaymentsAccount, type OutgoingRequest } from './credentials';

export interface PaymentApiCall {
  method: 'GET' | 'POST';
  path: string;
  body?: unknown;
  headers?: Record<string, string>;
  timeoutMs?: number;
}

export interface PaymentApiResponse {
  status: number;
  body: Record<string, unknown>;
}

const MAX_RESPONSE_BYTES = 1_000_000;
// Worth another try: the service was busy, down or slow. Any other 4xx is an answer that will not change.
const RETRYABLE_STATUSES = new Set([408, 409, 425, 429]);

/** One JSON call to the payment service, authenticated; a failure becomes ConnectorApiError with its status and whether to retry. */
export async function callPaymentApi(account: HttpPaymentsAccount, call: PaymentApiCall): Promise<PaymentApiResponse> {
  const request = authenticate(
    {
      url: `${account.baseUrl}${call.path}`,
      method: call.method,
      headers: { accept: 'application/json', ...(call.body === undefined ? {} : { 'content-type': 'application/json' }), ...call.headers },
      ...(call.body === undefined ? {} : { body: JSON.stringify(call.body) }),
    } satisfies OutgoingRequest,
    account,
  );
  const host = new URL(request.url).host;
  let response: Response;
  try {
    response = await fetch(request.url, { method: request.method, headers: request.headers, body: request.body, signal: AbortSignal.timeout(call.timeoutMs ?? 30_000) });
  } catch (error) {
    throw new ConnectorApiError(`http-payments: ${host} could not be reached: ${(error as Error).message}`, undefined, true);
  }
  const text = (await response.text()).slice(0, MAX_RESPONSE_BYTES);
  const body = parseObject(text);
  if (!response.ok) {
    const retryable = response.status >= 500 || RETRYABLE_STATUSES.has(response.status);
    // 402 is how payment APIs say declined; the word lets a definition tell a decline from an outage.
    const what = response.status === 402 ? 'declined the payment' : `answered ${response.status}`;
    throw new ConnectorApiError(`http-payments: ${host} ${what}${describeError(body)}`, response.status, retryable);
  }
  return { status: response.status, body };
}

function parseObject(text: string): Record<string, unknown> {
  try {
    const parsed: unknown = text ? JSON.parse(text) : {};
    return parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

// Payment APIs answer `{ error: { code, message } }`; the code (card_declined, insufficient_funds) is what a person needs.
function describeError(body: Record<string, unknown>): string {
  const error = body.error as { code?: unknown; message?: unknown } | undefined;
  if (!error || typeof error !== 'object') return '';
  const parts = [error.code, error.message].filter((part): part is string => typeof part === 'string' && part.length > 0);
  return parts.length ? ` (${parts.join(': ').slice(0, 200)})` : '';
}
