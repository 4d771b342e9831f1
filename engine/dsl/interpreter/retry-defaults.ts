/** The retry policy and timeout an action gets when its step leaves them out. */
import type { RetryPolicy } from '../../../definitions/generated/definition';
import { fixedDurationMs, parseIsoDurationOrThrow } from '../time/iso-duration';
import type { ResolvedRetryPolicy } from './run-messages';

export const DEFAULT_ACTIVITY_TIMEOUT = 'PT5M';

const DEFAULTS = { maximumAttempts: 3, initialInterval: 'PT1S', backoffCoefficient: 2 };

/** Fills the gaps; like Temporal, a missing maximumInterval is 100 times the initial interval. */
export function resolveRetryPolicy(retry: RetryPolicy | undefined): ResolvedRetryPolicy {
  const initialInterval = retry?.initialInterval ?? DEFAULTS.initialInterval;
  const maximumInterval = retry?.maximumInterval ?? `PT${(fixedDurationMs(parseIsoDurationOrThrow(initialInterval)) * 100) / 1000}S`;
  return {
    maximumAttempts: retry?.maximumAttempts ?? DEFAULTS.maximumAttempts,
    initialInterval,
    backoffCoefficient: retry?.backoffCoefficient ?? DEFAULTS.backoffCoefficient,
    maximumInterval,
    nonRetryableErrorTypes: [...(retry?.nonRetryableErrorTypes ?? [])],
  };
}

/** Delay before attempt `attempt + 1` after `attempt` failures, for executors that retry themselves (the simulator). */
export function retryDelayMs(policy: ResolvedRetryPolicy, failedAttempts: number): number {
  const initial = fixedDurationMs(parseIsoDurationOrThrow(policy.initialInterval));
  const maximum = fixedDurationMs(parseIsoDurationOrThrow(policy.maximumInterval));
  return Math.min(maximum, Math.round(initial * policy.backoffCoefficient ** (failedAttempts - 1)));
}
