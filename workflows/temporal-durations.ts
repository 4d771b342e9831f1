import { fixedDurationMs, parseIsoDurationOrThrow } from '../engine/dsl/time/iso-duration';

/** Milliseconds of a fixed ISO 8601 duration (PT30S, P2D), for Temporal timeouts and retry intervals. */
export function isoToMs(duration: string): number {
  return fixedDurationMs(parseIsoDurationOrThrow(duration));
}

/** The workflow's current time: inside a workflow Date.now() is Temporal's deterministic clock. */
export function workflowNow(): string {
  return new Date(Date.now()).toISOString();
}

/** Milliseconds from the workflow clock until an instant; never negative. */
export function msUntil(instant: string): number {
  return Math.max(0, Date.parse(instant) - Date.now());
}
