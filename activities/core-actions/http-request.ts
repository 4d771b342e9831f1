import { ConnectorApiError } from '../action-errors';
import type { ActionDefinition } from '../action-definition';

interface HttpRequestInput {
  url: string;
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  headers?: Record<string, string>;
  body?: unknown;
  timeoutMs?: number;
}

const MAX_RESPONSE_BYTES = 1_000_000;

/** Calls an HTTP endpoint. 5xx, 429 and network failures are retryable; other 4xx are not. */
export const httpRequest: ActionDefinition<HttpRequestInput> = {
  name: 'core.httpRequest',
  description: 'Calls an HTTP(S) endpoint with a JSON body and returns its status and JSON (or text) response.',
  inputSchema: {
    type: 'object',
    required: ['url'],
    additionalProperties: false,
    properties: {
      url: { type: 'string', pattern: '^https?://', maxLength: 2048 },
      method: { enum: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] },
      headers: { type: 'object', additionalProperties: { type: 'string' } },
      body: {},
      timeoutMs: { type: 'integer', minimum: 100, maximum: 120_000 },
    },
  },
  async execute(input, context) {
    let response: Response;
    try {
      response = await fetch(input.url, {
        method: input.method ?? 'POST',
        headers: { 'content-type': 'application/json', 'idempotency-key': context.idempotencyKey, ...input.headers },
        body: input.body === undefined || input.method === 'GET' ? undefined : JSON.stringify(input.body),
        signal: AbortSignal.timeout(input.timeoutMs ?? 30_000),
      });
    } catch (error) {
      throw new ConnectorApiError(`request to ${new URL(input.url).host} failed: ${(error as Error).message}`, undefined, true);
    }
    const text = (await response.text()).slice(0, MAX_RESPONSE_BYTES);
    if (!response.ok) {
      const retryable = response.status >= 500 || response.status === 429;
      throw new ConnectorApiError(`${new URL(input.url).host} answered ${response.status}`, response.status, retryable);
    }
    let body: unknown = text;
    try {
      body = text ? JSON.parse(text) : null;
    } catch {
      // Not JSON: the text itself is the body.
    }
    return { status: response.status, body };
  },
};
