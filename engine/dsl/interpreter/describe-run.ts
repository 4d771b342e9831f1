/** What a query on a run answers: status, where each thread stands and what it waits for, and the variables. */
import type { Program } from './program';
import type { PendingWait, RunError, RunState, RunStatus } from './run-state';

export interface ThreadPosition {
  threadId: string;
  stepId: string;
  stepType: string;
  items: Record<string, unknown>;
  waitingFor: PendingWait | { kind: 'branches'; frameId: string } | null;
}

export interface RunDescription {
  status: RunStatus;
  positions: ThreadPosition[];
  vars: Record<string, unknown>;
  output?: unknown;
  error?: RunError;
}

export function describeRun(program: Program, state: RunState): RunDescription {
  const positions = state.threads.map((thread) => ({
    threadId: thread.id,
    stepId: thread.stepId,
    stepType: program.steps.get(thread.stepId)?.type ?? 'unknown',
    items: thread.items,
    waitingFor:
      thread.waitingOn?.kind === 'pending'
        ? (state.pending[thread.waitingOn.token] ?? null)
        : thread.waitingOn?.kind === 'frame'
          ? { kind: 'branches' as const, frameId: thread.waitingOn.frameId }
          : null,
  }));
  const description: RunDescription = { status: state.status, positions, vars: state.vars };
  if (state.output !== undefined) description.output = state.output;
  if (state.error !== undefined) description.error = state.error;
  return description;
}

/** True once the run's history is large enough that the adapter should continue-as-new with this state. */
export function shouldContinueAsNew(state: RunState, historyLimit = 10_000): boolean {
  return state.historyLength >= historyLimit && (state.status === 'waiting' || state.status === 'running');
}
