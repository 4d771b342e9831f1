/** Applies one event to the run: resumes the thread a token belongs to, or starts, cancels, or ignores. */
import type { ActionStep, ApprovalStep, SubflowStep } from '../../../definitions/generated/definition';
import { receiveEvent } from './event-delivery';
import { isValidTimeZone } from '../time/time-zone';
import { errorOf, ExpressionError, jsonCopy, stepOf, threadById, type RunContext } from './run-context';
import type { ActivityFailure, RunEvent } from './run-messages';
import type { PendingWait, RunThread } from './run-state';
import { cancelRun, failRun } from './terminate';
import { advance, spawnThread } from './threads';

type Resumable = { pending: PendingWait; thread: RunThread };

/** The pending wait a token names and its thread, taking it out of the pending set. */
function takePending(ctx: RunContext, token: string, kinds: PendingWait['kind'][]): Resumable | undefined {
  const pending = ctx.state.pending[token];
  if (!pending || !kinds.includes(pending.kind)) return undefined;
  const thread = threadById(ctx, pending.threadId);
  if (!thread) return undefined;
  delete ctx.state.pending[token];
  return { pending, thread };
}

function recordResult(ctx: RunContext, step: { id: string; resultVariable?: string }, result: unknown): void {
  ctx.state.steps[step.id] = { result };
  if (step.resultVariable) ctx.state.vars[step.resultVariable] = result;
}

/** A final failure goes to onError when the step has one; otherwise the run fails with the same kind. */
function routeFailure(ctx: RunContext, { thread }: Resumable, step: ActionStep | SubflowStep, failure: ActivityFailure): void {
  const error = errorOf(failure.kind, failure.message, step.id);
  ctx.state.steps[step.id] = { error };
  if (step.onError) advance(ctx, thread, step.onError);
  else failRun(ctx, error);
}

/** Returns why the event was ignored, or undefined when it changed the run. */
export function handleEvent(ctx: RunContext, event: RunEvent): string | undefined {
  const { state } = ctx;
  if (event.type === 'start') {
    if (state.status !== 'created') return 'the run has already started';
    if (!isValidTimeZone(event.timeZone)) throw new ExpressionError(`"${event.timeZone}" is not an IANA time zone`);
    const declared = ctx.program.definition.variables ?? {};
    Object.assign(state, { status: 'running', input: event.input ?? {}, timeZone: event.timeZone });
    state.vars = Object.fromEntries(Object.entries(declared).map(([name, declaration]) => [name, jsonCopy(declaration.initial)]));
    spawnThread(ctx, ctx.program.definition.start, {});
    return undefined;
  }
  if (state.status === 'created') return 'the run has not started';
  if (['succeeded', 'failed', 'cancelled'].includes(state.status)) return `the run has already ${state.status === 'cancelled' ? 'been cancelled' : state.status}`;
  switch (event.type) {
    case 'activityCompleted': {
      const resumed = takePending(ctx, event.token, ['activity']);
      if (!resumed) return `nothing waits for activity ${event.token}`;
      const step = stepOf(ctx, resumed.pending.stepId) as ActionStep;
      recordResult(ctx, step, event.result);
      advance(ctx, resumed.thread, step.next);
      return undefined;
    }
    case 'activityFailed': {
      const pending = state.pending[event.token];
      if (!pending || pending.kind !== 'activity') return `nothing waits for activity ${event.token}`;
      pending.failedAttempts += 1;
      const step = stepOf(ctx, pending.stepId) as ActionStep;
      const nonRetryable = (step.retry?.nonRetryableErrorTypes ?? []).includes(event.error.kind);
      if (!event.attemptsExhausted && !nonRetryable) return undefined;
      routeFailure(ctx, takePending(ctx, event.token, ['activity']) as Resumable, step, event.error);
      return undefined;
    }
    case 'timerFired': {
      const pending = state.pending[event.token];
      const hasTimer = pending?.kind === 'timer' || ((pending?.kind === 'event' || pending?.kind === 'approval') && pending.timeoutAt !== undefined);
      const resumed = hasTimer ? takePending(ctx, event.token, ['timer', 'event', 'approval']) : undefined;
      if (!resumed) return `nothing waits for timer ${event.token}`;
      const step = stepOf(ctx, resumed.pending.stepId) as { next?: string; onTimeout?: string };
      advance(ctx, resumed.thread, resumed.pending.kind === 'timer' ? step.next : step.onTimeout);
      return undefined;
    }
    case 'eventReceived':
      return receiveEvent(ctx, event.name, event.payload, event.eventId);
    case 'childCompleted': {
      const resumed = takePending(ctx, event.token, ['child']);
      if (!resumed) return `nothing waits for child ${event.token}`;
      const step = stepOf(ctx, resumed.pending.stepId) as SubflowStep;
      if (event.outcome.status === 'failed') {
        routeFailure(ctx, resumed, step, event.outcome.error);
        return undefined;
      }
      recordResult(ctx, step, event.outcome.output);
      advance(ctx, resumed.thread, step.next);
      return undefined;
    }
    case 'approvalDecided': {
      const resumed = takePending(ctx, event.token, ['approval']);
      if (!resumed) return `nothing waits for approval ${event.token}`;
      const step = stepOf(ctx, resumed.pending.stepId) as ApprovalStep;
      if (resumed.pending.kind === 'approval' && resumed.pending.timeoutAt) ctx.commands.push({ type: 'cancelWait', token: event.token, kind: 'approval' });
      recordResult(ctx, step, { decision: event.decision, decidedBy: event.decidedBy, comment: event.comment ?? null });
      advance(ctx, resumed.thread, event.decision === 'approved' ? step.onApproved : step.onRejected);
      return undefined;
    }
    case 'cancel':
      cancelRun(ctx, event.reason);
      return undefined;
  }
}
