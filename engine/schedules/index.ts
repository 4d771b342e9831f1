/** Schedule triggers as Temporal Schedules, and the record of the runs they start. */
export { syncSchedules, type ScheduleSync, type ScheduleSyncOptions } from './sync-schedules';
export {
  scheduleIdFor, scheduleOptionsFor, scheduledInput, ScheduleInputError, DEFAULT_OVERLAP_POLICY, DEFAULT_CATCHUP_WINDOW_MS,
  type ScheduledVersion, type ScheduledRunMemo,
} from './schedule-options';
export { recordScheduledRuns, recordAllScheduledRuns } from './record-scheduled-runs';
