/** Ending a run: succeed, fail or cancel, withdrawing everything it still waits for. */
import type { RunContext } from './run-context';
import type { RunError } from './run-state';

function withdrawEverything(ctx: RunContext): void {
  for (const pending of Object.values(ctx.state.pending)) ctx.commands.push({ type: 'cancelWait', token: pending.token, kind: pending.kind });
  ctx.state.pending = {};
  ctx.state.threads = [];
  ctx.state.frames = {};
}

export function isTerminal(ctx: RunContext): boolean {
  return ['succeeded', 'failed', 'cancelled'].includes(ctx.state.status);
}

export function completeRun(ctx: RunContext, output: unknown): void {
  withdrawEverything(ctx);
  ctx.state.status = 'succeeded';
  ctx.state.output = output;
  ctx.commands.push({ type: 'complete', output });
}

export function failRun(ctx: RunContext, error: RunError): void {
  withdrawEverything(ctx);
  ctx.state.status = 'failed';
  ctx.state.error = error;
  ctx.commands.push({ type: 'fail', error });
}

export function cancelRun(ctx: RunContext, reason: string): void {
  withdrawEverything(ctx);
  ctx.state.status = 'cancelled';
  ctx.commands.push({ type: 'cancelled', reason });
}
