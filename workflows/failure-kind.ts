import { ActivityFailure, ApplicationFailure, ChildWorkflowFailure, TimeoutFailure, type TemporalFailure } from '@temporalio/workflow';
import type { ActivityFailure as RunActivityFailure } from '../engine/dsl/interpreter/run-messages';

/**
 * The error kind a definition's onError and nonRetryableErrorTypes see: the ApplicationFailure type an activity
 * or child threw (e.g. ConnectorApiError), or Timeout when it ran out of time.
 */
export function failureKind(error: unknown): RunActivityFailure {
  let cause: unknown = error;
  while (cause instanceof ActivityFailure || cause instanceof ChildWorkflowFailure) cause = (cause as TemporalFailure).cause;
  if (cause instanceof ApplicationFailure) return { kind: cause.type ?? 'Error', message: cause.message };
  if (cause instanceof TimeoutFailure) return { kind: 'Timeout', message: cause.message };
  return { kind: 'Error', message: cause instanceof Error ? cause.message : String(cause) };
}
