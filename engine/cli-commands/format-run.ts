import type { RunReport, RunStateAnswer } from '../runs/describe-run';
import type { ListedRun } from '../runs/list-runs';

type Position = RunStateAnswer['positions'][number];

/** What a position waits for, in words: a timer, an event, an approval, or its branches. */
export function describeWait(waitingFor: Position['waitingFor']): string {
  if (!waitingFor) return 'running';
  switch (waitingFor.kind) {
    case 'timer':
      return `waiting for a timer until ${waitingFor.fireAt}`;
    case 'event':
      return `waiting for event ${waitingFor.event}${waitingFor.timeoutAt ? ` (times out ${waitingFor.timeoutAt})` : ''}`;
    case 'approval':
      return `waiting for an approval${waitingFor.timeoutAt ? ` (times out ${waitingFor.timeoutAt})` : ''}`;
    case 'activity':
      return `running its action${waitingFor.failedAttempts > 0 ? ` (${waitingFor.failedAttempts} failed attempt(s))` : ''}`;
    case 'child':
      return 'waiting for its subflow';
    case 'branches':
      return 'waiting for its branches';
  }
}

/** The human-readable `show`: status first, then each current step and what it waits for, then variables. */
export function formatRunReport({ run, execution, state, stateUnavailable }: RunReport): string[] {
  const lines = [`run:        ${run.workflowId}`, `definition: ${run.definitionKey} v${run.definitionVersion}`];
  if (run.entity) lines.push(`entity:     ${run.entity.type}:${run.entity.id}`);
  lines.push(`status:     ${execution ? execution.status.toLowerCase() : run.status}${state ? ` (${state.status})` : ''}`);
  lines.push(`started:    ${(execution?.startTime ?? run.startedAt).toISOString()}`);
  const closed = execution?.closeTime ?? run.closedAt;
  if (closed) lines.push(`closed:     ${closed.toISOString()}`);
  if (state) {
    lines.push(state.positions.length === 0 ? 'steps:      none (the run has finished)' : 'steps:');
    for (const position of state.positions) lines.push(`  ${position.stepId} (${position.stepType}): ${describeWait(position.waitingFor)}`);
    lines.push(`variables:  ${JSON.stringify(state.vars)}`);
    if (state.output !== undefined) lines.push(`output:     ${JSON.stringify(state.output)}`);
    if (state.error) lines.push(`error:      ${state.error.kind}: ${state.error.message}${state.error.stepId ? ` (step ${state.error.stepId})` : ''}`);
  }
  if (stateUnavailable) lines.push(`state:      unavailable: ${stateUnavailable}`);
  return lines;
}

export function formatRunList(runs: ListedRun[]): string[] {
  if (runs.length === 0) return ['no runs'];
  return runs.map((run) => [run.workflowId, run.definitionKey ?? '-', run.status.toLowerCase(), run.startTime.toISOString()].join('  '));
}
