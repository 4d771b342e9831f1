import type { RunStatus } from './run-types';

export const RUN_STATUSES: readonly RunStatus[] = ['running', 'completed', 'failed', 'canceled', 'terminated', 'timed_out'];

const LABELS: Record<RunStatus, string> = {
  running: 'Running',
  completed: 'Completed',
  failed: 'Failed',
  canceled: 'Canceled',
  terminated: 'Terminated',
  timed_out: 'Timed out',
};

/** Words for a run's status; an unknown status (a newer API) is shown as it came rather than hidden. */
export function runStatusLabel(status: string): string {
  return LABELS[status as RunStatus] ?? status;
}

/** The badge colour family: running is in progress, completed is good, everything else ended badly. */
export function runStatusTone(status: string): 'active' | 'good' | 'bad' | 'neutral' {
  if (status === 'running') return 'active';
  if (status === 'completed') return 'good';
  if (status === 'failed' || status === 'terminated' || status === 'timed_out') return 'bad';
  return 'neutral';
}

export const isRunStatus = (value: string | undefined): value is RunStatus => RUN_STATUSES.includes(value as RunStatus);

/** What POST /api/runs/:id/retry accepts: a run that ended without finishing its work. */
export const canRetry = (status: string): boolean => ['failed', 'canceled', 'terminated', 'timed_out'].includes(status);

/** Events and cancellation only reach a run that is still running. */
export const isOpen = (status: string): boolean => status === 'running';

const STARTED_BY: Record<string, string> = {
  manual: 'a person (studio or signed-in API call)',
  api: 'an integration (API key)',
  schedule: 'its schedule',
  event: 'a domain event',
  webhook: 'an inbound webhook',
  subflow: 'a parent run',
};

/** What started a run, in words; an unknown trigger is shown as the API names it. */
export const startedByLabel = (trigger: string): string => STARTED_BY[trigger] ?? trigger;
