/**
 * The pure interpreter core: step(program, state, event) → { state, commands }. No I/O and no clock of its own;
 * the same function runs inside the Temporal adapter, in tests, and in the simulator.
 */
import type { WorkflowDefinition } from '../../../definitions/generated/definition';
import { executeStep } from './execute-step';
import { handleEvent } from './handle-event';
import { compileProgram, type Program } from './program';
import { errorOf, ExpressionError, type RunContext } from './run-context';
import type { RunCommand, RunEvent } from './run-messages';
import type { RunState } from './run-state';
import { failRun, isTerminal } from './terminate';

/** Steps one event may run before the run is failed; only a loop that never waits can reach it. */
export const STEPS_PER_EVENT_LIMIT = 10_000;

export interface StepResult {
  state: RunState;
  commands: RunCommand[];
  /** Set when the event changed nothing, saying why (a duplicate event, a stale token, a finished run). */
  ignored?: string;
}

export function initialRunState(): RunState {
  return {
    status: 'created', timeZone: 'UTC', now: '1970-01-01T00:00:00.000Z', input: {}, vars: {}, steps: {}, threads: [],
    frames: {}, pending: {}, inbox: [], seenEventIds: [], sequence: 0, historyLength: 0,
  };
}

/** Errors inside a step fail the run instead of the workflow task, which Temporal would retry forever. */
function failureOf(error: unknown, stepId?: string) {
  if (error instanceof ExpressionError) return errorOf('ExpressionError', error.message, stepId);
  return errorOf('InternalError', error instanceof Error ? error.message : String(error), stepId);
}

export function step(program: Program, state: RunState, event: RunEvent): StepResult {
  if (Number.isNaN(Date.parse(event.now))) throw new TypeError(`event.now must be an ISO 8601 instant, got ${JSON.stringify(event.now)}`);
  const ctx: RunContext = { program, state: JSON.parse(JSON.stringify(state)) as RunState, commands: [] };
  if (Date.parse(event.now) > Date.parse(ctx.state.now) || ctx.state.status === 'created') ctx.state.now = new Date(Date.parse(event.now)).toISOString();
  let ignored: string | undefined;
  try {
    ignored = handleEvent(ctx, event);
    if (ignored === undefined) runReadyThreads(ctx);
  } catch (error) {
    failRun(ctx, failureOf(error));
  }
  if (ignored !== undefined) return { state, commands: [], ignored };
  if (!isTerminal(ctx)) ctx.state.status = 'waiting';
  ctx.state.historyLength += 1 + ctx.commands.length;
  return { state: ctx.state, commands: ctx.commands };
}

function runReadyThreads(ctx: RunContext): void {
  for (let executed = 0; !isTerminal(ctx); executed += 1) {
    const thread = ctx.state.threads.find((candidate) => candidate.waitingOn === undefined);
    if (!thread) return;
    if (executed >= STEPS_PER_EVENT_LIMIT) {
      failRun(ctx, errorOf('StepLimitExceeded', `ran ${STEPS_PER_EVENT_LIMIT} steps without waiting; a loop never waits`, thread.stepId));
      return;
    }
    const current = ctx.program.steps.get(thread.stepId);
    if (!current) {
      failRun(ctx, errorOf('InternalError', `the definition has no step "${thread.stepId}"`));
      return;
    }
    try {
      executeStep(ctx, thread, current);
    } catch (error) {
      failRun(ctx, failureOf(error, current.id));
    }
  }
}

export interface Interpreter {
  program: Program;
  initialState(): RunState;
  step(state: RunState, event: RunEvent): StepResult;
}

export function createInterpreter(definition: WorkflowDefinition): Interpreter {
  const program = compileProgram(definition);
  return { program, initialState: initialRunState, step: (state, event) => step(program, state, event) };
}
