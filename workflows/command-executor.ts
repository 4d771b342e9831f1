// Turns the interpreter's commands into Temporal operations: activities, timers, child workflows and approval tasks.
// Each command has a token; its outcome comes back as a RunEvent through `emit`, and cancelWait cancels its scope.
import {
  CancellationScope,
  ParentClosePolicy,
  isCancellation,
  proxyActivities,
  sleep,
  startChild,
  workflowInfo,
} from '@temporalio/workflow';
import type { RunCommand, RunEvent } from '../engine/dsl/interpreter/run-messages';
import type { PendingWait } from '../engine/dsl/interpreter/run-state';
import { failureKind } from './failure-kind';
import type { RunActivities, RunDefinitionArgs } from './run-contract';
import { isoToMs, msUntil, workflowNow } from './temporal-durations';

type ScheduleActivity = Extract<RunCommand, { type: 'scheduleActivity' }>;
type StartChild = Extract<RunCommand, { type: 'startChild' }>;
type CreateApproval = Extract<RunCommand, { type: 'createApprovalTask' }>;

// Bookkeeping activities are short and retried by Temporal until they succeed.
const bookkeeping = proxyActivities<RunActivities>({ startToCloseTimeout: '30s', retry: { maximumInterval: '1m' } });

export class CommandExecutor {
  private readonly scopes = new Map<string, CancellationScope>();
  private readonly inFlight = new Set<string>();

  constructor(
    private readonly args: RunDefinitionArgs,
    private readonly emit: (event: RunEvent) => void,
  ) {}

  /** True when nothing that cannot be carried across continue-as-new (activities, children) is in flight. */
  canContinueAsNew(): boolean {
    return this.inFlight.size === 0;
  }

  execute(command: RunCommand): void {
    switch (command.type) {
      case 'scheduleActivity':
        return this.scheduleActivity(command);
      case 'startTimer':
        return this.timer(command.token, command.fireAt);
      case 'waitForEvent':
        // The event itself arrives by signal; only its timeout needs a timer here.
        if (command.timeoutAt) this.timer(command.token, command.timeoutAt);
        return;
      case 'startChild':
        return this.startChildRun(command);
      case 'createApprovalTask':
        return this.createApproval(command);
      case 'cancelWait':
        this.scopes.get(command.token)?.cancel();
        return;
      case 'complete':
      case 'fail':
      case 'cancelled':
        return;
    }
  }

  /** After continue-as-new, re-arms the timers of the waits the carried state still holds. */
  resume(pending: Record<string, PendingWait>): void {
    for (const wait of Object.values(pending)) {
      if (wait.kind === 'timer') this.timer(wait.token, wait.fireAt);
      if ((wait.kind === 'event' || wait.kind === 'approval') && wait.timeoutAt) this.timer(wait.token, wait.timeoutAt);
    }
  }

  cancelAll(): void {
    for (const scope of this.scopes.values()) scope.cancel();
  }

  private track(token: string, work: () => Promise<void>, carried: boolean): void {
    const scope = new CancellationScope();
    this.scopes.set(token, scope);
    if (!carried) this.inFlight.add(token);
    scope
      .run(work)
      .catch((error: unknown) => {
        if (!isCancellation(error)) throw error;
      })
      .finally(() => {
        this.scopes.delete(token);
        this.inFlight.delete(token);
      });
  }

  private timer(token: string, fireAt: string): void {
    this.track(token, async () => {
      await sleep(msUntil(fireAt));
      this.emit({ type: 'timerFired', token, now: workflowNow() });
    }, true);
  }

  private scheduleActivity(command: ScheduleActivity): void {
    const { retry } = command;
    const activities = proxyActivities<RunActivities>({
      startToCloseTimeout: isoToMs(command.timeout),
      retry: {
        maximumAttempts: retry.maximumAttempts,
        initialInterval: isoToMs(retry.initialInterval),
        backoffCoefficient: retry.backoffCoefficient,
        maximumInterval: isoToMs(retry.maximumInterval),
        nonRetryableErrorTypes: retry.nonRetryableErrorTypes,
      },
    });
    const workflowId = workflowInfo().workflowId;
    this.track(command.token, async () => {
      try {
        const result = await activities.executeAction({
          companyId: this.args.companyId,
          workflowId,
          stepId: command.stepId,
          token: command.token,
          action: command.action,
          input: command.input,
          idempotencyKey: `${workflowId}:${command.token}`,
        });
        this.emit({ type: 'activityCompleted', token: command.token, result: result ?? null, now: workflowNow() });
      } catch (error) {
        if (isCancellation(error)) throw error;
        this.emit({ type: 'activityFailed', token: command.token, error: failureKind(error), attemptsExhausted: true, now: workflowNow() });
      }
    }, false);
  }

  private startChildRun(command: StartChild): void {
    const parentId = workflowInfo().workflowId;
    this.track(command.token, async () => {
      try {
        const loaded = await bookkeeping.loadPublishedDefinition({ companyId: this.args.companyId, key: command.definition, version: command.version });
        const child = await startChild('runDefinition', {
          workflowId: `${parentId}/${command.token}`,
          args: [{ companyId: this.args.companyId, definitionKey: command.definition, definitionVersion: loaded.version, definition: loaded.definition, input: command.input, timeZone: loaded.timeZone, trigger: 'subflow' } satisfies RunDefinitionArgs],
          parentClosePolicy: command.await ? ParentClosePolicy.TERMINATE : ParentClosePolicy.ABANDON,
        });
        if (!command.await) return;
        const output = await child.result();
        this.emit({ type: 'childCompleted', token: command.token, outcome: { status: 'succeeded', output: output ?? null }, now: workflowNow() });
      } catch (error) {
        if (isCancellation(error)) throw error;
        if (!command.await) return;
        this.emit({ type: 'childCompleted', token: command.token, outcome: { status: 'failed', error: failureKind(error) }, now: workflowNow() });
      }
    }, !command.await);
  }

  private createApproval(command: CreateApproval): void {
    const workflowId = workflowInfo().workflowId;
    // The task is created outside the wait's scope: cancelling the wait (a decision arrived) must not undo it.
    void bookkeeping.createApprovalTask({
      companyId: this.args.companyId, workflowId, token: command.token, stepId: command.stepId, assignee: command.assignee,
      title: command.title, details: command.details, ...(command.timeoutAt ? { timeoutAt: command.timeoutAt } : {}), ...(this.args.entity ? { entity: this.args.entity } : {}),
    });
    if (command.timeoutAt) this.timer(command.token, command.timeoutAt);
  }
}
