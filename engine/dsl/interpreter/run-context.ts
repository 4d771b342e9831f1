/** The working set of one interpreter step: the program, a private copy of the state, and the commands so far. */
import type { Step, TransformMap } from '../../../definitions/generated/definition';
import { evaluateLogic } from '../logic/logic-engine';
import { calendarDateAt } from '../time/zoned-date';
import type { Program } from './program';
import type { RunCommand } from './run-messages';
import type { RunError, RunState, RunThread } from './run-state';

export interface RunContext {
  program: Program;
  state: RunState;
  commands: RunCommand[];
}

/** Thrown inside a step when logic cannot be evaluated; the run fails with kind ExpressionError. */
export class ExpressionError extends Error {
  override name = 'ExpressionError';
}

export function nextId(ctx: RunContext, prefix: string): string {
  ctx.state.sequence += 1;
  return `${prefix}#${ctx.state.sequence}`;
}

export function stepOf(ctx: RunContext, stepId: string): Step {
  const step = ctx.program.steps.get(stepId);
  if (!step) throw new ExpressionError(`the definition has no step "${stepId}"`);
  return step;
}

export function threadById(ctx: RunContext, threadId: string): RunThread | undefined {
  return ctx.state.threads.find((thread) => thread.id === threadId);
}

export function logicData(ctx: RunContext, thread: RunThread, event?: unknown): Record<string, unknown> {
  const { state } = ctx;
  const data: Record<string, unknown> = {
    input: state.input,
    vars: state.vars,
    steps: state.steps,
    item: thread.items,
    now: state.now,
    today: calendarDateAt(state.now, state.timeZone),
  };
  if (event !== undefined) data.event = event;
  return data;
}

export function evaluate(rule: unknown, data: Record<string, unknown>, where: string): unknown {
  try {
    return evaluateLogic(rule, data);
  } catch (error) {
    throw new ExpressionError(`${where}: ${(error as Error).message}`);
  }
}

export function evaluateTransforms(map: TransformMap | undefined, data: Record<string, unknown>, where: string): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const [name, transform] of Object.entries(map ?? {})) {
    // Static values are copied so no command or state ever shares an object with the definition.
    values[name] = transform.type === 'static' ? jsonCopy(transform.value) : evaluate(transform.rule, data, `${where}.${name}`);
  }
  return values;
}

export function jsonCopy<T>(value: T): T {
  return value === undefined ? value : (JSON.parse(JSON.stringify(value)) as T);
}

export function errorOf(kind: string, message: string, stepId?: string): RunError {
  return stepId === undefined ? { kind, message } : { kind, message, stepId };
}
