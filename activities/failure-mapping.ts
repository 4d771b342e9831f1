import { ApplicationFailure } from '@temporalio/activity';
import { DataError } from '../engine/db/errors/tenant-errors';
import { ActionInputError, ConnectorApiError, UnknownActionError } from './action-errors';

/**
 * Tells Temporal whether retrying can help. The failure type becomes the error kind a definition's
 * onError route and nonRetryableErrorTypes see; the original error stays attached as the cause.
 */
export function toActivityFailure(error: unknown): unknown {
  if (error instanceof ApplicationFailure) return error;
  if (error instanceof ConnectorApiError) {
    const details = [{ status: error.status ?? null }];
    return error.retryable
      ? ApplicationFailure.create({ message: error.message, type: 'ConnectorApiError', details, cause: error })
      : ApplicationFailure.create({ message: error.message, type: 'ConnectorApiError', nonRetryable: true, details, cause: error });
  }
  if (error instanceof ActionInputError) return ApplicationFailure.create({ message: error.message, type: 'InvalidActionInput', nonRetryable: true, cause: error });
  if (error instanceof UnknownActionError) return ApplicationFailure.create({ message: error.message, type: 'UnknownAction', nonRetryable: true, cause: error });
  // Constraint failures are about the data, not the moment: a retry would fail the same way.
  if (error instanceof DataError) return ApplicationFailure.create({ message: error.message, type: error.name, nonRetryable: true, cause: error });
  return error;
}
