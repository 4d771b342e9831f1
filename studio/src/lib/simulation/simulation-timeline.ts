/**
 * Runs a draft on the engine's virtual-clock simulator and words what happened as dated rows:
 * "day 1 · email invoice-reminder to ada@example.com", "day 31 · no payment.received in time"…
 */
import type { WorkflowDefinition } from '../../../../definitions/generated/definition';
import type { RunCommand, RunEvent } from '../../../../engine/dsl/interpreter/run-messages';
import { simulateRun, type TimelineEntry } from '../../../../engine/dsl/simulator/simulate-run';
import { calendarDaysBetween, parseCalendarDate } from '../../../../engine/dsl/time/calendar-date';
import { calendarDateAt } from '../../../../engine/dsl/time/zoned-date';
import { dateOfDay, scenarioToScript, type SimulationScenario } from './simulation-scenario';

export type TimelineRowKind = 'start' | 'action' | 'actionFailed' | 'wait' | 'event' | 'timeout' | 'approval' | 'decision' | 'subflow' | 'end';

export interface TimelineRow {
  day: number;
  date: string;
  /** HH:MM in the tenant's time zone. */
  time: string;
  kind: TimelineRowKind;
  stepId: string | null;
  text: string;
}

export interface SimulatedTimeline {
  rows: TimelineRow[];
  status: string;
  output?: unknown;
  error?: { kind: string; message: string };
}

const ordinal = (n: number) => (n === 1 ? '' : ` (${n}${n === 2 ? 'nd' : n === 3 ? 'rd' : 'th'} time)`);
const brief = (value: unknown) => (typeof value === 'string' ? value : JSON.stringify(value));

function describeAction(command: Extract<RunCommand, { type: 'scheduleActivity' }>): string {
  const input = command.input ?? {};
  if (command.action === 'core.sendEmail') return `email ${input.template ? `“${brief(input.template)}”` : `“${brief(input.subject)}”`} to ${brief(input.to)}`;
  if (command.action === 'core.createTask') return `task “${brief(input.title)}”${input.assignedRole ? ` for ${brief(input.assignedRole)}` : ''}`;
  return command.action;
}

export function simulateTimeline(definition: WorkflowDefinition, scenario: SimulationScenario): SimulatedTimeline {
  const result = simulateRun(definition, scenarioToScript(scenario));
  const start = parseCalendarDate(scenario.startDate)!;
  const rows: TimelineRow[] = [];
  const tokens = new Map<string, { stepId: string; kind: string; event?: string }>();
  const runsOfStep = new Map<string, number>();

  const push = (at: string, kind: TimelineRowKind, stepId: string | null, text: string) => {
    const date = calendarDateAt(at, scenario.timeZone);
    const time = new Intl.DateTimeFormat('en-GB', { timeZone: scenario.timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date(at));
    rows.push({ day: calendarDaysBetween(start, parseCalendarDate(date)!) + 1, date, time, kind, stepId, text });
  };

  const describeEvent = (entry: TimelineEntry, event: RunEvent) => {
    if (entry.ignored) return;
    const waited = 'token' in event ? tokens.get(event.token) : undefined;
    switch (event.type) {
      case 'start':
        return push(entry.at, 'start', null, 'run starts');
      case 'activityFailed':
        if (event.attemptsExhausted && waited) push(entry.at, 'actionFailed', waited.stepId, `${waited.stepId} failed: ${event.error.kind}`);
        return;
      case 'eventReceived':
        // An event no wait takes moves nothing; the engine keeps it for a later matching wait.
        return push(entry.at, 'event', null, entry.commands.length > 0 ? `${event.name} arrives` : `${event.name} arrives; nothing waiting takes it`);
      case 'timerFired':
        if (waited?.kind === 'waitForEvent') push(entry.at, 'timeout', waited.stepId, `no ${waited.event} in time (${waited.stepId})`);
        if (waited?.kind === 'approval') push(entry.at, 'timeout', waited.stepId, `no decision in time (${waited.stepId})`);
        return;
      case 'approvalDecided':
        return push(entry.at, 'decision', waited?.stepId ?? null, `${event.decision} by ${event.decidedBy}`);
      default:
        return;
    }
  };

  const describeCommand = (at: string, command: RunCommand) => {
    if ('token' in command && 'stepId' in command) tokens.set(command.token, { stepId: command.stepId, kind: command.type === 'createApprovalTask' ? 'approval' : command.type, ...(command.type === 'waitForEvent' ? { event: command.event } : {}) });
    switch (command.type) {
      case 'scheduleActivity': {
        const count = (runsOfStep.get(command.stepId) ?? 0) + 1;
        runsOfStep.set(command.stepId, count);
        return push(at, 'action', command.stepId, `${describeAction(command)}${ordinal(count)}`);
      }
      case 'startTimer':
        return push(at, 'wait', command.stepId, `waits until ${calendarDateAt(command.fireAt, scenario.timeZone)} (${command.stepId})`);
      case 'waitForEvent':
        return push(at, 'wait', command.stepId, `waits for ${command.event}${command.timeoutAt ? ` until ${calendarDateAt(command.timeoutAt, scenario.timeZone)}` : ''}`);
      case 'createApprovalTask':
        return push(at, 'approval', command.stepId, `approval task for ${command.assignee.role ? `role ${command.assignee.role}` : `user ${command.assignee.user}`}: ${command.title}`);
      case 'startChild':
        return push(at, 'subflow', command.stepId, `starts subflow ${command.definition}`);
      case 'complete':
        return push(at, 'end', null, `run succeeds${command.output === null ? '' : ` with ${JSON.stringify(command.output)}`}`);
      case 'fail':
        return push(at, 'end', command.error.stepId ?? null, `run fails: ${command.error.kind}, ${command.error.message}`);
      default:
        return;
    }
  };

  for (const entry of result.timeline) {
    describeEvent(entry, entry.event);
    for (const command of entry.commands) describeCommand(entry.at, command);
  }
  const { state } = result;
  if (state.status === 'waiting' || state.status === 'running') {
    // The horizon ends the simulation, not the run: say where it stands on the last simulated day.
    const waitingAt = state.threads.map((thread) => thread.stepId).join(', ');
    rows.push({ day: scenario.days, date: dateOfDay(scenario.startDate, scenario.days), time: '24:00', kind: 'end', stepId: null, text: `still ${state.status}${waitingAt ? ` at ${waitingAt}` : ''} after ${scenario.days} days` });
  }
  return { rows, status: state.status, ...(state.output !== undefined ? { output: state.output } : {}), ...(state.error ? { error: { kind: state.error.kind, message: state.error.message } } : {}) };
}

export const formatRow = (row: TimelineRow) => `day ${row.day} · ${row.text}`;
