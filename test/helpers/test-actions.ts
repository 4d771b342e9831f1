import { ConnectorApiError } from '../../activities/action-errors';
import type { ActionDefinition } from '../../activities/action-definition';

/** Counts attempts per step execution, so tests can assert how often Temporal retried. */
export const attempts = new Map<string, number>();

function count(key: string): number {
  const next = (attempts.get(key) ?? 0) + 1;
  attempts.set(key, next);
  return next;
}

/** Fails with a retryable remote error until attempt `succeedOnAttempt`, then returns the attempt number. */
export const flakyAction: ActionDefinition<{ succeedOnAttempt: number }> = {
  name: 'testkit@1.flaky',
  description: 'Fails retryably until the given attempt.',
  inputSchema: { type: 'object', required: ['succeedOnAttempt'], properties: { succeedOnAttempt: { type: 'integer' } } },
  async execute(input, context) {
    const attempt = count(context.idempotencyKey);
    if (attempt < input.succeedOnAttempt) throw new ConnectorApiError(`attempt ${attempt} failed`, 503, true);
    return { attempt };
  },
};

/** Always fails; `retryable: false` makes it a 4xx-style refusal that Temporal must not retry. */
export const failingAction: ActionDefinition<{ retryable: boolean }> = {
  name: 'testkit@1.fail',
  description: 'Always fails.',
  inputSchema: { type: 'object', required: ['retryable'], properties: { retryable: { type: 'boolean' } } },
  async execute(input, context) {
    const attempt = count(context.idempotencyKey);
    throw new ConnectorApiError(`refused on attempt ${attempt}`, input.retryable ? 503 : 422, input.retryable);
  },
};

/** Echoes its input, to observe what templated values evaluated to. */
export const echoAction: ActionDefinition<Record<string, unknown>> = {
  name: 'testkit@1.echo',
  description: 'Returns its input.',
  inputSchema: { type: 'object' },
  async execute(input, context) {
    count(context.idempotencyKey);
    return input;
  },
};

export const TEST_ACTIONS = [flakyAction, failingAction, echoAction] as unknown as ActionDefinition<never>[];
