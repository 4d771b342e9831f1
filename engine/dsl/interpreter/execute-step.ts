/** What each step type does when a thread arrives at it. */
import type { Step } from '../../../definitions/generated/definition';
import { isTruthy } from '../logic/logic-engine';
import { addDurationToInstant, parseIsoDurationOrThrow } from '../time/iso-duration';
import { parseInstant } from '../time/time-zone';
import { instantAtDateTime } from '../time/zoned-date';
import { findBufferedEvent, deliverEventToThread } from './event-delivery';
import { errorOf, evaluate, evaluateTransforms, ExpressionError, logicData, nextId, type RunContext } from './run-context';
import type { PendingWait, RunThread } from './run-state';
import { resolveRetryPolicy, DEFAULT_ACTIVITY_TIMEOUT } from './retry-defaults';
import { failRun } from './terminate';
import { advance, finishThread, openForEach, openParallel } from './threads';

function waitFor(ctx: RunContext, thread: RunThread, pending: PendingWait): void {
  ctx.state.pending[pending.token] = pending;
  thread.waitingOn = { kind: 'pending', token: pending.token };
}

function timeoutAt(ctx: RunContext, timeout: string | undefined): string | undefined {
  return timeout === undefined ? undefined : addDurationToInstant(ctx.state.now, parseIsoDurationOrThrow(timeout), ctx.state.timeZone);
}

export function executeStep(ctx: RunContext, thread: RunThread, step: Step): void {
  const data = () => logicData(ctx, thread);
  const where = `step "${step.id}"`;
  switch (step.type) {
    case 'action': {
      const input = evaluateTransforms(step.input, data(), `${where} input`);
      const token = nextId(ctx, step.id);
      waitFor(ctx, thread, { token, kind: 'activity', threadId: thread.id, stepId: step.id, failedAttempts: 0 });
      ctx.commands.push({ type: 'scheduleActivity', token, stepId: step.id, action: step.action, input, retry: resolveRetryPolicy(step.retry), timeout: step.timeout ?? DEFAULT_ACTIVITY_TIMEOUT });
      return;
    }
    case 'wait': {
      const fireAt = step.duration !== undefined ? addDurationToInstant(ctx.state.now, parseIsoDurationOrThrow(step.duration), ctx.state.timeZone) : untilInstant(ctx, step.until, data(), where);
      if (parseInstant(fireAt) <= parseInstant(ctx.state.now)) {
        advance(ctx, thread, step.next);
        return;
      }
      const token = nextId(ctx, step.id);
      waitFor(ctx, thread, { token, kind: 'timer', threadId: thread.id, stepId: step.id, fireAt });
      ctx.commands.push({ type: 'startTimer', token, stepId: step.id, fireAt });
      return;
    }
    case 'waitForEvent': {
      const buffered = findBufferedEvent(ctx, thread, step);
      if (buffered) {
        deliverEventToThread(ctx, thread, step, buffered.payload);
        return;
      }
      const token = nextId(ctx, step.id);
      const at = timeoutAt(ctx, step.timeout);
      waitFor(ctx, thread, { token, kind: 'event', threadId: thread.id, stepId: step.id, event: step.event, ...(at ? { timeoutAt: at } : {}) });
      ctx.commands.push({ type: 'waitForEvent', token, stepId: step.id, event: step.event, ...(step.match !== undefined ? { match: step.match } : {}), ...(at ? { timeoutAt: at } : {}) });
      return;
    }
    case 'choice': {
      const chosen = step.when.find((branch, index) => isTruthy(evaluate(branch.condition, data(), `${where} when[${index}]`)));
      advance(ctx, thread, chosen?.next ?? step.default);
      return;
    }
    case 'set': {
      // Every assignment reads the variables as they were before the step, so their order does not matter.
      const snapshot = data();
      const values = Object.entries(step.assign).map(([name, rule]) => [name, evaluate(rule, snapshot, `${where} assign.${name}`)] as const);
      for (const [name, value] of values) ctx.state.vars[name] = value;
      advance(ctx, thread, step.next);
      return;
    }
    case 'forEach': {
      const items = evaluate(step.items, data(), `${where} items`);
      if (!Array.isArray(items)) throw new ExpressionError(`${where} items: expected a list, got ${JSON.stringify(items)}`);
      openForEach(ctx, thread, step, items);
      return;
    }
    case 'parallel':
      openParallel(ctx, thread, step);
      return;
    case 'subflow': {
      const input = evaluateTransforms(step.input, data(), `${where} input`);
      const token = nextId(ctx, step.id);
      const awaitChild = step.await !== false;
      ctx.commands.push({ type: 'startChild', token, stepId: step.id, definition: step.definition, ...(step.version ? { version: step.version } : {}), input, await: awaitChild });
      if (awaitChild) waitFor(ctx, thread, { token, kind: 'child', threadId: thread.id, stepId: step.id });
      else advance(ctx, thread, step.next);
      return;
    }
    case 'approval': {
      const details = evaluateTransforms(step.details, data(), `${where} details`);
      const token = nextId(ctx, step.id);
      const at = timeoutAt(ctx, step.timeout);
      waitFor(ctx, thread, { token, kind: 'approval', threadId: thread.id, stepId: step.id, ...(at ? { timeoutAt: at } : {}) });
      ctx.commands.push({ type: 'createApprovalTask', token, stepId: step.id, assignee: step.assignee, title: step.title, details, ...(at ? { timeoutAt: at } : {}) });
      return;
    }
    case 'succeed':
      finishThread(ctx, thread, step.output ? evaluateTransforms(step.output, data(), `${where} output`) : null);
      return;
    case 'fail':
      failRun(ctx, errorOf(step.error.kind, step.error.message, step.id));
      return;
  }
}

function untilInstant(ctx: RunContext, until: { date: unknown; time?: string } | undefined, data: Record<string, unknown>, where: string): string {
  if (!until) throw new ExpressionError(`${where}: a wait needs a duration or until`);
  const date = evaluate(until.date, data, `${where} until.date`);
  try {
    return instantAtDateTime(date as string, until.time, ctx.state.timeZone);
  } catch (error) {
    throw new ExpressionError(`${where} until.date: ${(error as Error).message}`);
  }
}
