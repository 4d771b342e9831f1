import { ScheduleAlreadyRunning, ScheduleNotFoundError, type Client, type ScheduleOptions, type ScheduleOptionsStartWorkflowAction } from '@temporalio/client';
import type { Workflow } from '@temporalio/common';
import type { ScheduleTrigger, WorkflowDefinition } from '../../definitions/generated/definition';
import type { TenantScope } from '../db/tenant-scope';
import { DefinitionNotFoundError } from '../definition-store/definition-errors';
import type { DefinitionStore, PublishedDefinition } from '../definition-store/definition-store';
import { checkRunInput } from '../runs/run-input';
import { scheduledInput, scheduleIdFor, scheduleOptionsFor } from './schedule-options';

export interface ScheduleSyncOptions {
  /** False on servers without Ledgerflow's search attributes. */
  searchAttributes?: boolean;
}

export interface ScheduleSync {
  upserted: string[];
  deleted: string[];
}

type StartWorkflowSchedule = ScheduleOptions<ScheduleOptionsStartWorkflowAction<Workflow>>;

/**
 * Makes Temporal's Schedules for `key` match its newest published version: one per schedule trigger, each starting
 * runs pinned to that version. Call it after publish and after archive; with no published version left, the
 * definition's schedules are deleted. Idempotent, so a failed call is repaired by calling it again.
 */
export async function syncSchedules(
  scope: TenantScope,
  store: DefinitionStore,
  client: Client,
  taskQueue: string,
  key: string,
  options: ScheduleSyncOptions = {},
): Promise<ScheduleSync> {
  const versions = await store.versions(key);
  const live = await newestPublished(store, key);
  const desired = live ? await desiredSchedules(scope, live, taskQueue, options.searchAttributes ?? false) : [];
  for (const schedule of desired) await upsertSchedule(client, schedule);

  // Earlier versions may have had schedule triggers at other positions: any id they could have used and the live
  // version does not is deleted.
  const desiredIds = new Set(desired.map((schedule) => schedule.scheduleId));
  const formerIds = new Set(versions.flatMap((version) => scheduleTriggers(version.document as unknown as WorkflowDefinition).map(([index]) => scheduleIdFor(scope.companyId, key, index))));
  const deleted: string[] = [];
  for (const scheduleId of formerIds) {
    if (desiredIds.has(scheduleId)) continue;
    try {
      await client.schedule.getHandle(scheduleId).delete();
      deleted.push(scheduleId);
    } catch (error) {
      if (!(error instanceof ScheduleNotFoundError)) throw error;
    }
  }
  return { upserted: [...desiredIds], deleted };
}

async function newestPublished(store: DefinitionStore, key: string): Promise<PublishedDefinition | null> {
  try {
    return await store.published(key);
  } catch (error) {
    if (error instanceof DefinitionNotFoundError) return null;
    throw error;
  }
}

async function desiredSchedules(scope: TenantScope, live: PublishedDefinition, taskQueue: string, searchAttributes: boolean): Promise<StartWorkflowSchedule[]> {
  const settings = await scope.knex('company_settings').where({ company_id: scope.companyId }).first('time_zone');
  const pinned = {
    companyId: scope.companyId, definitionKey: live.key, definitionVersion: live.version, definition: live.document,
    timeZone: settings?.time_zone ?? 'UTC', taskQueue, searchAttributes,
  };
  return scheduleTriggers(live.document).map(([index, trigger]) => {
    // A run whose input the definition would refuse is refused now, when the schedule is saved, not at every firing.
    checkRunInput(live.document, scheduledInput(trigger, index));
    return scheduleOptionsFor(trigger, index, pinned);
  });
}

function scheduleTriggers(definition: WorkflowDefinition): [number, ScheduleTrigger][] {
  return (definition.triggers ?? []).flatMap((trigger, index): [number, ScheduleTrigger][] => (trigger.type === 'schedule' ? [[index, trigger]] : []));
}

async function upsertSchedule(client: Client, schedule: StartWorkflowSchedule): Promise<void> {
  try {
    await client.schedule.create(schedule);
  } catch (error) {
    if (!(error instanceof ScheduleAlreadyRunning)) throw error;
    // Keeps the schedule's state (a person may have paused it) and replaces what it does and when.
    await client.schedule.getHandle(schedule.scheduleId).update((previous) => ({ ...previous, spec: schedule.spec, action: schedule.action, policies: { ...previous.policies, ...schedule.policies } }));
  }
}
