/**
 * Runs a definition on a virtual clock: feeds the interpreter events, turns its commands into future events, and
 * jumps the clock to the next one. Ninety days take milliseconds; nothing here touches I/O or the real clock.
 */
import type { WorkflowDefinition } from '../../../definitions/generated/definition';
import { createInterpreter } from '../interpreter/interpreter';
import { retryDelayMs } from '../interpreter/retry-defaults';
import type { ActivityFailure, RunCommand, RunEvent } from '../interpreter/run-messages';
import type { RunState } from '../interpreter/run-state';
import { addDurationToInstant, parseIsoDurationOrThrow } from '../time/iso-duration';
import { formatInstant, parseInstant } from '../time/time-zone';

type Command<T extends RunCommand['type']> = Extract<RunCommand, { type: T }>;
export type ActivityOutcome = { result: unknown } | { error: ActivityFailure; retryable?: boolean };

export interface SimulationScript {
  input: unknown;
  startAt: string;
  timeZone: string;
  /** How far to run the clock, as an ISO duration from startAt. */
  horizon: string;
  /** Answers one attempt of an activity; by default every activity succeeds with null. */
  activity?: (command: Command<'scheduleActivity'>, attempt: number, now: string) => ActivityOutcome;
  /** Decides an approval after a delay; by default no one decides. */
  approval?: (command: Command<'createApprovalTask'>, now: string) => { decision: 'approved' | 'rejected'; decidedBy: string; after: string } | null;
  /** How a child run ends; by default it succeeds at once with null output. */
  child?: (command: Command<'startChild'>, now: string) => Extract<RunEvent, { type: 'childCompleted' }>['outcome'];
  /** Domain events arriving from outside. */
  events?: Array<{ at: string; name: string; payload: unknown; eventId: string }>;
}

export interface TimelineEntry {
  at: string;
  event: RunEvent;
  commands: RunCommand[];
  ignored?: string;
}

export interface SimulationResult {
  state: RunState;
  timeline: TimelineEntry[];
}

type WithoutKey<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
type AgendaEntry = { atMs: number; order: number; token?: string } & (
  | { kind: 'event'; event: WithoutKey<RunEvent, 'now'> }
  | { kind: 'attempt'; command: Command<'scheduleActivity'>; attempt: number }
);

export const SIMULATION_EVENT_LIMIT = 100_000;

export function simulateRun(definition: WorkflowDefinition, script: SimulationScript): SimulationResult {
  const interpreter = createInterpreter(definition);
  const horizonMs = parseInstant(addDurationToInstant(script.startAt, parseIsoDurationOrThrow(script.horizon), 'UTC'));
  const agenda: AgendaEntry[] = [];
  let order = 0;
  const schedule = (entry: WithoutKey<AgendaEntry, 'order'>) => agenda.push({ ...entry, order: (order += 1) } as AgendaEntry);
  let state = interpreter.initialState();
  const timeline: TimelineEntry[] = [];
  let nowMs = parseInstant(script.startAt);

  schedule({ atMs: nowMs, kind: 'event', event: { type: 'start', input: script.input, timeZone: script.timeZone } });
  for (const external of script.events ?? []) {
    schedule({ atMs: parseInstant(external.at), kind: 'event', event: { type: 'eventReceived', name: external.name, payload: external.payload, eventId: external.eventId } });
  }

  const handleCommand = (command: RunCommand) => {
    const now = formatInstant(nowMs);
    switch (command.type) {
      case 'scheduleActivity':
        schedule({ atMs: nowMs, token: command.token, kind: 'attempt', command, attempt: 1 });
        return;
      case 'startTimer':
        schedule({ atMs: parseInstant(command.fireAt), token: command.token, kind: 'event', event: { type: 'timerFired', token: command.token } });
        return;
      case 'waitForEvent':
        if (command.timeoutAt) schedule({ atMs: parseInstant(command.timeoutAt), token: command.token, kind: 'event', event: { type: 'timerFired', token: command.token } });
        return;
      case 'createApprovalTask': {
        if (command.timeoutAt) schedule({ atMs: parseInstant(command.timeoutAt), token: command.token, kind: 'event', event: { type: 'timerFired', token: command.token } });
        const decision = script.approval?.(command, now);
        if (decision) {
          const atMs = parseInstant(addDurationToInstant(now, parseIsoDurationOrThrow(decision.after), 'UTC'));
          schedule({ atMs, token: command.token, kind: 'event', event: { type: 'approvalDecided', token: command.token, decision: decision.decision, decidedBy: decision.decidedBy } });
        }
        return;
      }
      case 'startChild':
        if (command.await) schedule({ atMs: nowMs, token: command.token, kind: 'event', event: { type: 'childCompleted', token: command.token, outcome: script.child?.(command, now) ?? { status: 'succeeded', output: null } } });
        return;
      case 'cancelWait':
        for (let i = agenda.length - 1; i >= 0; i -= 1) if (agenda[i].token === command.token) agenda.splice(i, 1);
        return;
      default:
        return;
    }
  };

  const runAttempt = (entry: Extract<AgendaEntry, { kind: 'attempt' }>) => {
    const { command, attempt } = entry;
    const outcome = script.activity?.(command, attempt, formatInstant(nowMs)) ?? { result: null };
    if ('result' in outcome) {
      schedule({ atMs: nowMs, token: command.token, kind: 'event', event: { type: 'activityCompleted', token: command.token, result: outcome.result } });
      return;
    }
    const final = outcome.retryable === false || attempt >= command.retry.maximumAttempts || command.retry.nonRetryableErrorTypes.includes(outcome.error.kind);
    schedule({ atMs: nowMs, token: command.token, kind: 'event', event: { type: 'activityFailed', token: command.token, error: outcome.error, attemptsExhausted: final } });
    if (!final) schedule({ atMs: nowMs + retryDelayMs(command.retry, attempt), token: command.token, kind: 'attempt', command, attempt: attempt + 1 });
  };

  for (let handled = 0; agenda.length > 0 && handled < SIMULATION_EVENT_LIMIT; handled += 1) {
    agenda.sort((a, b) => a.atMs - b.atMs || a.order - b.order);
    const entry = agenda.shift() as AgendaEntry;
    if (entry.atMs > horizonMs) break;
    nowMs = Math.max(nowMs, entry.atMs);
    if (entry.kind === 'attempt') {
      runAttempt(entry);
      continue;
    }
    const event = { ...entry.event, now: formatInstant(nowMs) } as RunEvent;
    const result = interpreter.step(state, event);
    state = result.state;
    timeline.push({ at: event.now, event, commands: result.commands, ...(result.ignored ? { ignored: result.ignored } : {}) });
    result.commands.forEach(handleCommand);
    if (['succeeded', 'failed', 'cancelled'].includes(state.status)) break;
  }
  return { state, timeline };
}
