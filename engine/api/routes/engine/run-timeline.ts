import type { Client } from '@temporalio/client';
import { temporal } from '@temporalio/proto';
import { defaultPayloadConverter } from '@temporalio/common';
import { tsToDate, tsToMs } from '@temporalio/common/lib/time';

import type { TimelineEntry } from './timeline-entry';

type HistoryEvent = temporal.api.history.v1.IHistoryEvent;

export type { TimelineEntry };

const EventType = temporal.api.enums.v1.EventType;
/** The name inside an `event` signal's payload; undefined for other signals or a payload that is not ours. */
function signalledEventName(attributes: temporal.api.history.v1.IWorkflowExecutionSignaledEventAttributes | null | undefined): string | undefined {
  const payload = attributes?.signalName === 'event' ? attributes.input?.payloads?.[0] : undefined;
  if (!payload) return undefined;
  try {
    const signalled = defaultPayloadConverter.fromPayload<{ name?: unknown }>(payload);
    return typeof signalled?.name === 'string' ? signalled.name : undefined;
  } catch {
    return undefined;
  }
}

/** The action and step an executeAction activity ran, read from its input; nothing else of the input is kept. */
function actionOfActivity(attributes: temporal.api.history.v1.IActivityTaskScheduledEventAttributes | null | undefined): { action?: string; step?: string } {
  const payload = attributes?.activityType?.name === 'executeAction' ? attributes.input?.payloads?.[0] : undefined;
  if (!payload) return {};
  try {
    const args = defaultPayloadConverter.fromPayload<{ action?: unknown; stepId?: unknown }>(payload);
    return { ...(typeof args?.action === 'string' ? { action: args.action } : {}), ...(typeof args?.stepId === 'string' ? { step: args.stepId } : {}) };
  } catch {
    return {};
  }
}

const number = (value: unknown) => (value === null || value === undefined ? undefined : Number(value));

/**
 * What happened to a run, oldest first, from its Temporal history. Activity results carry the attempt that
 * produced them (from the matching started event), so retries are visible without reading the raw history.
 */
export function timelineOf(events: HistoryEvent[]): TimelineEntry[] {
  const byId = new Map(events.map((event) => [number(event.eventId), event]));
  const activityName = (scheduledEventId: unknown) => byId.get(number(scheduledEventId))?.activityTaskScheduledEventAttributes?.activityType?.name ?? undefined;
  const actionOf = (scheduledEventId: unknown) => actionOfActivity(byId.get(number(scheduledEventId))?.activityTaskScheduledEventAttributes);
  // Matched by the scheduled event rather than startedEventId: the time-skipping test server sometimes records a
  // startedEventId one below the started event's real id. One scheduled event has at most one started event.
  const startedBySchedule = new Map(events.filter((event) => event.activityTaskStartedEventAttributes).map((event) => [number(event.activityTaskStartedEventAttributes!.scheduledEventId), event.activityTaskStartedEventAttributes!]));
  const attemptOf = (scheduledEventId: unknown) => startedBySchedule.get(number(scheduledEventId))?.attempt ?? undefined;
  const timeline: TimelineEntry[] = [];
  for (const event of events) {
    const at = event.eventTime ? tsToDate(event.eventTime).toISOString() : '';
    const push = (entry: Omit<TimelineEntry, 'at'>) => timeline.push({ at, ...Object.fromEntries(Object.entries(entry).filter(([, value]) => value !== undefined)) } as TimelineEntry);
    switch (event.eventType) {
      case EventType.EVENT_TYPE_WORKFLOW_EXECUTION_STARTED:
        push({ kind: 'started', attempt: event.workflowExecutionStartedEventAttributes?.attempt ?? undefined });
        break;
      case EventType.EVENT_TYPE_ACTIVITY_TASK_SCHEDULED:
        push({ kind: 'activity_scheduled', name: event.activityTaskScheduledEventAttributes?.activityType?.name ?? undefined, ...actionOfActivity(event.activityTaskScheduledEventAttributes) });
        break;
      case EventType.EVENT_TYPE_ACTIVITY_TASK_COMPLETED: {
        const attributes = event.activityTaskCompletedEventAttributes;
        push({ kind: 'activity_completed', name: activityName(attributes?.scheduledEventId), attempt: attemptOf(attributes?.scheduledEventId), ...actionOf(attributes?.scheduledEventId) });
        break;
      }
      case EventType.EVENT_TYPE_ACTIVITY_TASK_FAILED: {
        const attributes = event.activityTaskFailedEventAttributes;
        push({ kind: 'activity_failed', name: activityName(attributes?.scheduledEventId), attempt: attemptOf(attributes?.scheduledEventId), message: attributes?.failure?.message ?? undefined, ...actionOf(attributes?.scheduledEventId) });
        break;
      }
      case EventType.EVENT_TYPE_ACTIVITY_TASK_TIMED_OUT:
        push({ kind: 'activity_timed_out', name: activityName(event.activityTaskTimedOutEventAttributes?.scheduledEventId), ...actionOf(event.activityTaskTimedOutEventAttributes?.scheduledEventId) });
        break;
      case EventType.EVENT_TYPE_TIMER_STARTED: {
        const timeout = event.timerStartedEventAttributes?.startToFireTimeout;
        const dueAt = event.eventTime && timeout ? new Date(tsToDate(event.eventTime).getTime() + tsToMs(timeout)).toISOString() : undefined;
        push({ kind: 'timer_started', name: event.timerStartedEventAttributes?.timerId ?? undefined, due_at: dueAt });
        break;
      }
      case EventType.EVENT_TYPE_TIMER_FIRED:
        push({ kind: 'timer_fired', name: event.timerFiredEventAttributes?.timerId ?? undefined });
        break;
      case EventType.EVENT_TYPE_WORKFLOW_EXECUTION_SIGNALED:
        push({ kind: 'signal_received', name: event.workflowExecutionSignaledEventAttributes?.signalName ?? undefined, event: signalledEventName(event.workflowExecutionSignaledEventAttributes) });
        break;
      case EventType.EVENT_TYPE_START_CHILD_WORKFLOW_EXECUTION_INITIATED:
        push({ kind: 'child_started', name: event.startChildWorkflowExecutionInitiatedEventAttributes?.workflowId ?? undefined });
        break;
      case EventType.EVENT_TYPE_CHILD_WORKFLOW_EXECUTION_COMPLETED:
        push({ kind: 'child_completed', name: event.childWorkflowExecutionCompletedEventAttributes?.workflowExecution?.workflowId ?? undefined });
        break;
      case EventType.EVENT_TYPE_CHILD_WORKFLOW_EXECUTION_FAILED:
        push({ kind: 'child_failed', name: event.childWorkflowExecutionFailedEventAttributes?.workflowExecution?.workflowId ?? undefined, message: event.childWorkflowExecutionFailedEventAttributes?.failure?.message ?? undefined });
        break;
      case EventType.EVENT_TYPE_WORKFLOW_EXECUTION_COMPLETED:
        push({ kind: 'completed' });
        break;
      case EventType.EVENT_TYPE_WORKFLOW_EXECUTION_FAILED:
        push({ kind: 'failed', message: event.workflowExecutionFailedEventAttributes?.failure?.message ?? undefined });
        break;
      case EventType.EVENT_TYPE_WORKFLOW_EXECUTION_CANCELED:
        push({ kind: 'canceled' });
        break;
      case EventType.EVENT_TYPE_WORKFLOW_EXECUTION_TERMINATED:
        push({ kind: 'terminated', message: event.workflowExecutionTerminatedEventAttributes?.reason ?? undefined });
        break;
      case EventType.EVENT_TYPE_WORKFLOW_EXECUTION_CONTINUED_AS_NEW:
        push({ kind: 'continued_as_new' });
        break;
      default:
        break;
    }
  }
  return timeline;
}

/** The timeline of the run's current execution; a run Temporal no longer holds has none. */
export async function fetchTimeline(client: Client, workflowId: string): Promise<TimelineEntry[]> {
  const history = await client.workflow.getHandle(workflowId).fetchHistory();
  return timelineOf(history.events ?? []);
}
