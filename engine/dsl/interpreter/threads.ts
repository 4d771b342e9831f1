/** Moving threads along their step lists, and the forEach and parallel frames that fork and join them. */
import type { ForEachStep, ParallelStep } from '../../../definitions/generated/definition';
import { nextId, stepOf, threadById, type RunContext } from './run-context';
import type { ForEachFrame, ParallelFrame, RunFrame, RunThread } from './run-state';
import { completeRun } from './terminate';

export function spawnThread(ctx: RunContext, stepId: string, items: Record<string, unknown>, frameId?: string, slot?: number): RunThread {
  const thread: RunThread = { id: nextId(ctx, 'thread'), stepId, items };
  if (frameId !== undefined) Object.assign(thread, { frameId, slot });
  ctx.state.threads.push(thread);
  return thread;
}

/** Goes to `nextStepId`, or finishes the thread's list when there is none. */
export function advance(ctx: RunContext, thread: RunThread, nextStepId: string | undefined, output?: unknown): void {
  delete thread.waitingOn;
  if (nextStepId !== undefined) {
    thread.stepId = nextStepId;
    return;
  }
  finishThread(ctx, thread, output);
}

export function finishThread(ctx: RunContext, thread: RunThread, output: unknown): void {
  ctx.state.threads = ctx.state.threads.filter((other) => other.id !== thread.id);
  if (thread.frameId === undefined) {
    completeRun(ctx, output ?? null);
    return;
  }
  const frame = ctx.state.frames[thread.frameId];
  if (!frame) return;
  frame.results[thread.slot ?? 0] = output ?? null;
  frame.finished += 1;
  if (frame.kind === 'forEach') {
    frame.running -= 1;
    startIterations(ctx, frame);
    if (frame.finished === frame.items.length) closeFrame(ctx, frame);
    return;
  }
  if (frame.join === 'any') {
    for (const sibling of ctx.state.threads.filter((other) => other.frameId === frame.id)) cancelThreadTree(ctx, sibling);
    closeFrame(ctx, frame);
  } else if (frame.finished === frame.branchCount) {
    closeFrame(ctx, frame);
  }
}

export function openForEach(ctx: RunContext, thread: RunThread, step: ForEachStep, items: unknown[]): void {
  const frame: ForEachFrame = {
    id: nextId(ctx, `${step.id}/forEach`), kind: 'forEach', stepId: step.id, parentThreadId: thread.id, items,
    nextIndex: 0, running: 0, finished: 0, maxConcurrency: step.mode === 'sequential' ? 1 : (step.maxConcurrency ?? 1), results: items.map(() => null),
  };
  openFrame(ctx, thread, frame);
  if (items.length === 0) closeFrame(ctx, frame);
  else startIterations(ctx, frame);
}

export function openParallel(ctx: RunContext, thread: RunThread, step: ParallelStep): void {
  const frame: ParallelFrame = {
    id: nextId(ctx, `${step.id}/parallel`), kind: 'parallel', stepId: step.id, parentThreadId: thread.id,
    join: step.join, branchCount: step.branches.length, finished: 0, results: step.branches.map(() => null),
  };
  openFrame(ctx, thread, frame);
  step.branches.forEach((branch, index) => spawnThread(ctx, branch.start, { ...thread.items }, frame.id, index));
}

function openFrame(ctx: RunContext, thread: RunThread, frame: RunFrame): void {
  ctx.state.frames[frame.id] = frame;
  thread.waitingOn = { kind: 'frame', frameId: frame.id };
}

function startIterations(ctx: RunContext, frame: ForEachFrame): void {
  const step = stepOf(ctx, frame.stepId) as ForEachStep;
  const outerItems = threadById(ctx, frame.parentThreadId)?.items ?? {};
  while (frame.running < frame.maxConcurrency && frame.nextIndex < frame.items.length) {
    const index = frame.nextIndex;
    const items: Record<string, unknown> = { ...outerItems, [step.itemVariable]: frame.items[index] };
    if (step.indexVariable) items[step.indexVariable] = index;
    spawnThread(ctx, step.body.start, items, frame.id, index);
    frame.nextIndex += 1;
    frame.running += 1;
  }
}

function closeFrame(ctx: RunContext, frame: RunFrame): void {
  delete ctx.state.frames[frame.id];
  const parent = threadById(ctx, frame.parentThreadId);
  if (!parent) return;
  const step = stepOf(ctx, frame.stepId) as ForEachStep | ParallelStep;
  ctx.state.steps[step.id] = { result: frame.results };
  if (step.resultVariable) ctx.state.vars[step.resultVariable] = frame.results;
  advance(ctx, parent, step.next);
}

/** Stops a thread and everything under it, withdrawing what they wait for. */
export function cancelThreadTree(ctx: RunContext, thread: RunThread): void {
  ctx.state.threads = ctx.state.threads.filter((other) => other.id !== thread.id);
  const waitingOn = thread.waitingOn;
  if (waitingOn?.kind === 'pending') {
    const pending = ctx.state.pending[waitingOn.token];
    if (pending) ctx.commands.push({ type: 'cancelWait', token: pending.token, kind: pending.kind });
    delete ctx.state.pending[waitingOn.token];
  }
  if (waitingOn?.kind === 'frame') {
    for (const child of ctx.state.threads.filter((other) => other.frameId === waitingOn.frameId)) cancelThreadTree(ctx, child);
    delete ctx.state.frames[waitingOn.frameId];
  }
}
