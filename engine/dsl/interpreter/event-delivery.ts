/** Domain events reaching a run: dedupe by eventId, match against waiting steps, or buffer for a later wait. */
import type { WaitForEventStep } from '../../../definitions/generated/definition';
import { isTruthy } from '../logic/logic-engine';
import { evaluate, logicData, stepOf, threadById, type RunContext } from './run-context';
import type { BufferedEvent, RunThread } from './run-state';
import { isTerminal } from './terminate';
import { advance } from './threads';

export const SEEN_EVENT_IDS_KEPT = 1000;
export const INBOX_SIZE = 100;

function matches(ctx: RunContext, thread: RunThread, step: WaitForEventStep, payload: unknown): boolean {
  if (step.match === undefined) return true;
  return isTruthy(evaluate(step.match, logicData(ctx, thread, payload), `step "${step.id}" match`));
}

export function findBufferedEvent(ctx: RunContext, thread: RunThread, step: WaitForEventStep): BufferedEvent | undefined {
  const index = ctx.state.inbox.findIndex((event) => event.name === step.event && matches(ctx, thread, step, event.payload));
  if (index < 0) return undefined;
  return ctx.state.inbox.splice(index, 1)[0];
}

export function deliverEventToThread(ctx: RunContext, thread: RunThread, step: WaitForEventStep, payload: unknown): void {
  ctx.state.steps[step.id] = { result: payload };
  if (step.resultVariable) ctx.state.vars[step.resultVariable] = payload;
  advance(ctx, thread, step.next);
}

/** Returns why the event was ignored, or undefined when it was delivered or buffered. */
export function receiveEvent(ctx: RunContext, name: string, payload: unknown, eventId: string): string | undefined {
  const { state } = ctx;
  if (state.seenEventIds.includes(eventId)) return `event ${eventId} was already received`;
  state.seenEventIds = [...state.seenEventIds, eventId].slice(-SEEN_EVENT_IDS_KEPT);
  let delivered = false;
  for (const pending of Object.values(state.pending)) {
    if (isTerminal(ctx)) break;
    if (pending.kind !== 'event' || pending.event !== name) continue;
    const thread = threadById(ctx, pending.threadId);
    const step = stepOf(ctx, pending.stepId) as WaitForEventStep;
    if (!thread || !matches(ctx, thread, step, payload)) continue;
    delete state.pending[pending.token];
    if (pending.timeoutAt) ctx.commands.push({ type: 'cancelWait', token: pending.token, kind: 'event' });
    deliverEventToThread(ctx, thread, step, payload);
    delivered = true;
  }
  if (delivered) return undefined;
  if (!ctx.program.listenedEvents.has(name)) return `no step of this definition waits for ${name}`;
  state.inbox = [...state.inbox, { name, payload, eventId }].slice(-INBOX_SIZE);
  return undefined;
}
