/** What goes into the interpreter (events) and what comes out (commands). Every event carries the clock reading. */
import type { ApprovalAssignee } from '../../../definitions/generated/definition';
import type { PendingWait, RunError } from './run-state';

export interface ActivityFailure {
  kind: string;
  message: string;
}

export type RunEvent =
  | { type: 'start'; input: unknown; now: string; timeZone: string }
  | { type: 'activityCompleted'; token: string; result: unknown; now: string }
  /** attemptsExhausted=false reports one failed attempt while the executor keeps retrying. */
  | { type: 'activityFailed'; token: string; error: ActivityFailure; attemptsExhausted: boolean; now: string }
  | { type: 'timerFired'; token: string; now: string }
  | { type: 'eventReceived'; name: string; payload: unknown; eventId: string; now: string }
  | { type: 'childCompleted'; token: string; outcome: { status: 'succeeded'; output: unknown } | { status: 'failed'; error: ActivityFailure }; now: string }
  | { type: 'approvalDecided'; token: string; decision: 'approved' | 'rejected'; decidedBy: string; comment?: string; now: string }
  | { type: 'cancel'; reason: string; now: string };

export interface ResolvedRetryPolicy {
  maximumAttempts: number;
  initialInterval: string;
  backoffCoefficient: number;
  maximumInterval: string;
  nonRetryableErrorTypes: string[];
}

/**
 * A token names one thing the run waits for. It ends when an event for it is handled, or when the interpreter
 * emits cancelWait for it (then the executor drops the activity, timer, subscription, child or task).
 */
export type RunCommand =
  | { type: 'scheduleActivity'; token: string; stepId: string; action: string; input: Record<string, unknown>; retry: ResolvedRetryPolicy; timeout: string }
  | { type: 'startTimer'; token: string; stepId: string; fireAt: string }
  | { type: 'waitForEvent'; token: string; stepId: string; event: string; match?: unknown; timeoutAt?: string }
  | { type: 'startChild'; token: string; stepId: string; definition: string; version?: number; input: Record<string, unknown>; await: boolean }
  | { type: 'createApprovalTask'; token: string; stepId: string; assignee: ApprovalAssignee; title: string; details: Record<string, unknown>; timeoutAt?: string }
  | { type: 'cancelWait'; token: string; kind: PendingWait['kind'] }
  | { type: 'complete'; output: unknown }
  | { type: 'fail'; error: RunError }
  | { type: 'cancelled'; reason: string };
