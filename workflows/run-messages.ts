import { defineQuery, defineSignal } from '@temporalio/workflow';
import type { RunDescription } from '../engine/dsl/interpreter/describe-run';
import type { ApprovalSignal, EventSignal } from './run-contract';

/** Delivers a named event (payment.received, …) to a run; delivered at least once, deduplicated by eventId. */
export const eventSignal = defineSignal<[EventSignal]>('event');
/** Delivers the decision on an approval task. */
export const approvalSignal = defineSignal<[ApprovalSignal]>('approval');
/** The run's current steps, what each waits for (timer, event, approval), and its variables. */
export const stateQuery = defineQuery<RunDescription & { definitionKey: string; definitionVersion: number }>('state');
