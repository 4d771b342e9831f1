import { ScheduleOverlapPolicy, type ScheduleOptions, type ScheduleOptionsStartWorkflowAction } from '@temporalio/client';
import { TypedSearchAttributes, type Workflow } from '@temporalio/common';
import type { ScheduleTrigger, WorkflowDefinition } from '../../definitions/generated/definition';
import { RUN_WORKFLOW_TYPE, type RunDefinitionArgs } from '../../workflows/run-contract';
import { DataError } from '../db/errors/tenant-errors';
import { fixedDurationMs, parseIsoDuration } from '../dsl/time/iso-duration';
import { DEFINITION_ATTRIBUTE, TENANT_ATTRIBUTE } from '../temporal/search-attributes';

/**
 * Used only when a trigger omits them (the schema requires both, so this is a guard for older documents). They match
 * Temporal's documented behaviour: SKIP starts nothing while the previous run still runs, and a one-minute catch-up
 * window drops firings missed during a longer outage instead of replaying a backlog of them at once.
 */
export const DEFAULT_OVERLAP_POLICY = ScheduleOverlapPolicy.SKIP;
export const DEFAULT_CATCHUP_WINDOW_MS = 60_000;

const OVERLAP_POLICIES: Record<ScheduleTrigger['overlapPolicy'], ScheduleOverlapPolicy> = {
  skip: ScheduleOverlapPolicy.SKIP,
  bufferOne: ScheduleOverlapPolicy.BUFFER_ONE,
  bufferAll: ScheduleOverlapPolicy.BUFFER_ALL,
  cancelOther: ScheduleOverlapPolicy.CANCEL_OTHER,
  terminateOther: ScheduleOverlapPolicy.TERMINATE_OTHER,
  allowAll: ScheduleOverlapPolicy.ALLOW_ALL,
};

/** A schedule trigger's input uses logic, which would be evaluated once at publish time and then frozen. */
export class ScheduleInputError extends DataError {
  constructor(readonly pointer: string) {
    super(`${pointer}: a schedule's input must be static; logic here would be evaluated once, when the schedule is saved`, 422, 'schedule_input_not_static', { pointer });
  }
}

/** One Temporal Schedule per schedule trigger; the index is the trigger's position in `triggers`. */
export function scheduleIdFor(companyId: string, definitionKey: string, triggerIndex: number): string {
  return `lf/${companyId}/${definitionKey}/schedule/${triggerIndex}`;
}

export interface ScheduledVersion {
  companyId: string;
  definitionKey: string;
  definitionVersion: number;
  definition: WorkflowDefinition;
  timeZone: string;
  taskQueue: string;
  searchAttributes: boolean;
}

export function scheduledInput(trigger: ScheduleTrigger, triggerIndex: number): Record<string, unknown> {
  const input: Record<string, unknown> = {};
  for (const [name, transform] of Object.entries(trigger.input ?? {})) {
    if (transform.type !== 'static') throw new ScheduleInputError(`/triggers/${triggerIndex}/input/${name}`);
    input[name] = transform.value;
  }
  return input;
}

/** The Temporal Schedule for one trigger, starting runDefinition pinned to `pinned`'s version. */
export function scheduleOptionsFor(trigger: ScheduleTrigger, triggerIndex: number, pinned: ScheduledVersion): ScheduleOptions<ScheduleOptionsStartWorkflowAction<Workflow>> {
  const scheduleId = scheduleIdFor(pinned.companyId, pinned.definitionKey, triggerIndex);
  const args: RunDefinitionArgs = {
    companyId: pinned.companyId,
    definitionKey: pinned.definitionKey,
    definitionVersion: pinned.definitionVersion,
    definition: pinned.definition,
    input: scheduledInput(trigger, triggerIndex),
    timeZone: pinned.timeZone,
    // The run records itself in workflow_runs at start, as a scheduled run.
    trigger: 'schedule',
  };
  const catchup = parseIsoDuration(trigger.catchupWindow);
  return {
    scheduleId,
    spec: { cronExpressions: [trigger.cron], timezone: trigger.timeZone },
    policies: {
      overlap: OVERLAP_POLICIES[trigger.overlapPolicy] ?? DEFAULT_OVERLAP_POLICY,
      catchupWindow: catchup ? fixedDurationMs(catchup) : DEFAULT_CATCHUP_WINDOW_MS,
    },
    action: {
      type: 'startWorkflow',
      workflowType: RUN_WORKFLOW_TYPE,
      // Temporal appends the firing time to this id, so every scheduled run has its own.
      workflowId: scheduleId,
      taskQueue: pinned.taskQueue,
      args: [args],
      ...(pinned.searchAttributes
        ? { typedSearchAttributes: new TypedSearchAttributes([{ key: TENANT_ATTRIBUTE, value: pinned.companyId }, { key: DEFINITION_ATTRIBUTE, value: pinned.definitionKey }]) }
        : {}),
    },
  };
}
