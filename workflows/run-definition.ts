// The one workflow that runs every definition: a thin adapter around the pure interpreter core.
import {
  ApplicationFailure,
  CancellationScope,
  condition,
  continueAsNew,
  isCancellation,
  proxyActivities,
  setHandler,
  workflowInfo,
} from '@temporalio/workflow';
import { describeRun, shouldContinueAsNew } from '../engine/dsl/interpreter/describe-run';
import { createInterpreter } from '../engine/dsl/interpreter/interpreter';
import type { RunEvent } from '../engine/dsl/interpreter/run-messages';
import type { RunState } from '../engine/dsl/interpreter/run-state';
import { CommandExecutor } from './command-executor';
import type { RunActivities, RunDefinitionArgs } from './run-contract';
import { approvalSignal, eventSignal, stateQuery } from './run-messages';
import { workflowNow } from './temporal-durations';

const bookkeeping = proxyActivities<RunActivities>({ startToCloseTimeout: '30s', retry: { maximumInterval: '1m' } });

/** History length (Temporal's count) past which a waiting run continues as new, carrying its state. */
export const CONTINUE_AS_NEW_HISTORY = 5_000;

const finished = (state: RunState) => state.status === 'succeeded' || state.status === 'failed' || state.status === 'cancelled';

export async function runDefinition(args: RunDefinitionArgs): Promise<unknown> {
  const interpreter = createInterpreter(args.definition);
  const inbox: RunEvent[] = [];
  let state: RunState = args.resume?.state ?? interpreter.initialState();
  const executor = new CommandExecutor(args, (event) => inbox.push(event));

  setHandler(eventSignal, ({ name, payload, eventId }) => {
    inbox.push({ type: 'eventReceived', name, payload, eventId, now: workflowNow() });
  });
  setHandler(approvalSignal, ({ token, decision, decidedBy, comment }) => {
    inbox.push({ type: 'approvalDecided', token, decision, decidedBy, ...(comment ? { comment } : {}), now: workflowNow() });
  });
  setHandler(stateQuery, () => ({ ...describeRun(interpreter.program, state), definitionKey: args.definitionKey, definitionVersion: args.definitionVersion }));

  const apply = (event: RunEvent) => {
    const result = interpreter.step(state, event);
    state = result.state;
    for (const command of result.commands) executor.execute(command);
  };

  if (args.resume) executor.resume(state.pending);
  else {
    // Every run has a database record (schedules and children start runs without startRun); insert-if-missing.
    await bookkeeping.recordRunStarted({
      companyId: args.companyId, workflowId: workflowInfo().workflowId, definitionKey: args.definitionKey,
      definitionVersion: args.definitionVersion, trigger: args.trigger ?? 'api', ...(args.entity ? { entity: args.entity } : {}),
    });
    apply({ type: 'start', input: args.input, now: workflowNow(), timeZone: args.timeZone });
  }

  let cancellation: unknown;
  try {
    while (!finished(state)) {
      await condition(() => inbox.length > 0);
      apply(inbox.shift() as RunEvent);
      const large = shouldContinueAsNew(state, args.historyLimit ?? CONTINUE_AS_NEW_HISTORY) || workflowInfo().continueAsNewSuggested;
      if (large && !finished(state) && executor.canContinueAsNew() && inbox.length === 0) {
        await continueAsNew<typeof runDefinition>({ ...args, resume: { state: { ...state, historyLength: 0 }, generation: (args.resume?.generation ?? 0) + 1 } });
      }
    }
  } catch (error) {
    if (!isCancellation(error)) throw error;
    // A cancellation request from Temporal: let the interpreter close the run, then stop whatever still waits.
    cancellation = error;
    apply({ type: 'cancel', reason: 'cancelled by request', now: workflowNow() });
    executor.cancelAll();
  }
  const output = await CancellationScope.nonCancellable(() => finish(args, state));
  // Rethrown so that Temporal records the run as canceled, not completed.
  if (cancellation) throw cancellation;
  return output;
}

async function finish(args: RunDefinitionArgs, state: RunState): Promise<unknown> {
  const workflowId = workflowInfo().workflowId;
  const status = state.status === 'succeeded' ? 'completed' : state.status === 'failed' ? 'failed' : 'canceled';
  await bookkeeping.recordRunClosed({ companyId: args.companyId, workflowId, status });
  if (state.status === 'failed') {
    const error = state.error;
    throw ApplicationFailure.nonRetryable(error?.message ?? 'the run failed', error?.kind ?? 'RunFailed', error);
  }
  if (state.status === 'cancelled') return { cancelled: true };
  return state.output ?? null;
}
