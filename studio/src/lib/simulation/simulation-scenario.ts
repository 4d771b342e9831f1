/** What a tenant admin chooses before simulating a draft, and how that becomes the engine simulator's script. */
import type { SimulationScript } from '../../../../engine/dsl/simulator/simulate-run';
import { addCalendarDays, formatCalendarDate, parseCalendarDate } from '../../../../engine/dsl/time/calendar-date';
import { instantAtDateTime } from '../../../../engine/dsl/time/zoned-date';

/** How every attempt of one action step ends in the simulation. */
export type ActionOutcome = { outcome: 'succeed'; result?: unknown } | { outcome: 'fail'; kind: string; message?: string; retryable: boolean };

export interface SimulationScenario {
  input: unknown;
  /** Day 1 of the timeline, YYYY-MM-DD in the tenant's time zone. */
  startDate: string;
  /** Time of day the run starts, HH:MM. */
  startTime: string;
  timeZone: string;
  /** How many days to simulate. */
  days: number;
  /** Domain events (e.g. a payment) arriving at noon on a given day; day 1 is the start date. */
  events: Array<{ name: string; day: number; payload: unknown }>;
  /** Per action step id; steps not listed succeed with null. */
  actionOutcomes: Record<string, ActionOutcome>;
  /** How approvals are decided, or null when no one decides (timeouts apply). */
  approval: { decision: 'approved' | 'rejected'; afterDays: number } | null;
}

export function dateOfDay(startDate: string, day: number): string {
  const start = parseCalendarDate(startDate);
  if (!start) throw new Error(`"${startDate}" is not a date in the form YYYY-MM-DD`);
  return formatCalendarDate(addCalendarDays(start, day - 1));
}

export function scenarioToScript(scenario: SimulationScenario): SimulationScript {
  const startAt = instantAtDateTime(scenario.startDate, scenario.startTime, scenario.timeZone);
  return {
    input: scenario.input,
    startAt,
    timeZone: scenario.timeZone,
    // The last simulated day ends at midnight after day N.
    horizon: `PT${Math.round((Date.parse(instantAtDateTime(dateOfDay(scenario.startDate, scenario.days + 1), '00:00', scenario.timeZone)) - Date.parse(startAt)) / 1000)}S`,
    events: scenario.events.map((event, index) => ({
      at: instantAtDateTime(dateOfDay(scenario.startDate, event.day), '12:00', scenario.timeZone),
      name: event.name,
      payload: event.payload,
      eventId: `simulated-${index + 1}`,
    })),
    activity: (command) => {
      const chosen = scenario.actionOutcomes[command.stepId];
      if (!chosen || chosen.outcome === 'succeed') return { result: chosen?.result ?? null };
      return { error: { kind: chosen.kind, message: chosen.message ?? `${chosen.kind} (simulated)` }, retryable: chosen.retryable };
    },
    approval: () => (scenario.approval ? { decision: scenario.approval.decision, decidedBy: 'simulated approver', after: `P${scenario.approval.afterDays}D` } : null),
  };
}
