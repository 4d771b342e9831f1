/** Schedule triggers as Temporal Schedules; the runs they start record themselves in workflow_runs. */
export { syncSchedules, type ScheduleSync, type ScheduleSyncOptions } from './sync-schedules';
export {
  scheduleIdFor, scheduleOptionsFor, scheduledInput, ScheduleInputError, DEFAULT_OVERLAP_POLICY, DEFAULT_CATCHUP_WINDOW_MS,
  type ScheduledVersion,
} from './schedule-options';
export { syncAllSchedules } from './sync-all-schedules';
